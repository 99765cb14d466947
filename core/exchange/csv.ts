import { exchangeError } from './errors.js';
import { neutralise } from './formula-safe.js';
import { decodeText, type EncodingChoice, type TextEncodingName } from './text-decode.js';

export type CsvDelimiter = ',' | ';' | '\t';

export interface CsvTable {
  /** Records in file order; record 0 is the header. */
  rows: string[][];
  delimiter: CsvDelimiter;
  encoding: TextEncodingName;
}

export interface CsvReadOptions {
  encoding?: EncodingChoice;
  delimiter?: CsvDelimiter | 'auto';
  maxRows?: number;
  maxColumns?: number;
}

/** Counts candidate delimiters outside quotes on the first record; the most frequent wins (`,` if none). */
export function sniffDelimiter(text: string): CsvDelimiter {
  const counts: Record<CsvDelimiter, number> = { ',': 0, ';': 0, '\t': 0 };
  let quoted = false;
  for (let i = 0; i < text.length; i++) {
    const c = text[i];
    if (c === '"') quoted = !quoted;
    else if (!quoted && (c === '\n' || c === '\r')) break;
    else if (!quoted && (c === ',' || c === ';' || c === '\t')) counts[c]++;
  }
  const best = (Object.entries(counts) as Array<[CsvDelimiter, number]>).sort((a, b) => b[1] - a[1])[0];
  return best[1] > 0 ? best[0] : ',';
}

/**
 * RFC 4180 with the usual tolerance: CRLF, LF or CR line ends; quoted fields with doubled quotes and line breaks;
 * a quote inside an unquoted field is kept as text. An unterminated quote is an error that names its record.
 */
export function parseCsv(
  text: string,
  delimiter: CsvDelimiter,
  limits: { maxRows?: number; maxColumns?: number } = {},
): string[][] {
  const rows: string[][] = [];
  let row: string[] = [];
  let field = '';
  let i = 0;
  const n = text.length;
  let quoted = false;
  let quoteStartRecord = 0;
  const maxRows = limits.maxRows ?? Infinity;
  const maxColumns = limits.maxColumns ?? Infinity;
  const endField = () => {
    row.push(field);
    field = '';
    if (row.length > maxColumns) {
      throw exchangeError(
        'too_large',
        'too_many_columns',
        `Rad ${rows.length + 1} har fler än ${maxColumns} kolumner`,
        `Row ${rows.length + 1} has more than ${maxColumns} columns`,
        { row: rows.length + 1 },
      );
    }
  };
  const endRecord = () => {
    endField();
    rows.push(row);
    row = [];
    if (rows.length > maxRows + 1) {
      throw exchangeError(
        'too_large',
        'too_many_rows',
        `Filen har fler än ${maxRows} rader`,
        `The file has more than ${maxRows} rows`,
      );
    }
  };
  while (i < n) {
    const c = text[i];
    if (quoted) {
      if (c === '"') {
        if (text[i + 1] === '"') {
          field += '"';
          i += 2;
          continue;
        }
        quoted = false;
        i++;
        continue;
      }
      field += c;
      i++;
      continue;
    }
    if (c === '"' && field === '') {
      quoted = true;
      quoteStartRecord = rows.length + 1;
      i++;
      continue;
    }
    if (c === delimiter) {
      endField();
      i++;
      continue;
    }
    if (c === '\r' || c === '\n') {
      endRecord();
      i += c === '\r' && text[i + 1] === '\n' ? 2 : 1;
      continue;
    }
    field += c;
    i++;
  }
  if (quoted) {
    throw exchangeError(
      'malformed',
      'csv_unterminated_quote',
      `Ett citattecken som börjar på rad ${quoteStartRecord} avslutas aldrig`,
      `A quote that starts on row ${quoteStartRecord} is never closed`,
      { row: quoteStartRecord },
    );
  }
  if (field !== '' || row.length > 0) endRecord();
  return rows;
}

/** Decodes (UTF-8 with or without BOM, or Windows-1252), sniffs the delimiter and parses. */
export function readCsv(bytes: Uint8Array, options: CsvReadOptions = {}): CsvTable {
  const { text, encoding } = decodeText(bytes, options.encoding ?? 'auto');
  const delimiter = !options.delimiter || options.delimiter === 'auto' ? sniffDelimiter(text) : options.delimiter;
  const rows = parseCsv(text, delimiter, { maxRows: options.maxRows, maxColumns: options.maxColumns });
  return { rows, delimiter, encoding };
}

export type CellValue = string | number | boolean | null | undefined;

export interface CsvWriteOptions {
  delimiter?: CsvDelimiter;
  /** Begin with a UTF-8 byte-order mark, so Excel reads å, ä and ö right (default true). */
  bom?: boolean;
}

const cellText = (v: CellValue): string => {
  if (v === null || v === undefined) return '';
  if (typeof v === 'number') return Number.isFinite(v) ? String(v) : '';
  if (typeof v === 'boolean') return v ? 'true' : 'false';
  return neutralise(v);
};

/** RFC 4180 CSV (CRLF line ends); text cells that could run as formulas are neutralised. */
export function writeCsv(rows: CellValue[][], options: CsvWriteOptions = {}): string {
  const d = options.delimiter ?? ',';
  const quoteIf = new RegExp(`["\\r\\n${d === '\t' ? '\\t' : d}]`);
  const body = rows
    .map((r) =>
      r
        .map((v) => {
          const t = cellText(v);
          return quoteIf.test(t) || /^\s|\s$/.test(t) ? `"${t.replace(/"/g, '""')}"` : t;
        })
        .join(d),
    )
    .join('\r\n');
  return `${options.bom === false ? '' : '\uFEFF'}${body}\r\n`;
}
