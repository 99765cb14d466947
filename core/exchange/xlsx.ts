import { strToU8, Unzip, UnzipInflate, zipSync, type Zippable } from 'fflate';
import { SaxesParser, type SaxesTagPlain } from 'saxes';
import { exchangeError } from './errors.js';
import { neutralise } from './formula-safe.js';
import { withLimits, type ExchangeLimits } from './limits.js';
import { xmlAttr, xmlText } from '../text/xml-escape.js';
import { guardXml } from './xml-guard.js';

/**
 * Office Open XML workbooks (.xlsx), read and written by our own code on fflate (zip) and saxes (XML): no
 * dependency with open advisories, nothing that runs only in Node, and limits on every step — the upload size,
 * each part's unzipped size and the total (zip bombs), DOCTYPE/ENTITY refusal in every XML part (XXE), rows and
 * columns. Not SheetJS: the npm package stops at 0.18.5, which has a prototype-pollution advisory (CVE-2023-30533)
 * and a ReDoS advisory (CVE-2024-22363) whose fixes are published only outside the npm registry. Not exceljs 4.4:
 * unreleased since 2023, about 170 transitive packages (archiver, unzipper, fstream, rimraf 2, glob 7, tmp), Node
 * streams and Buffers that core code cannot use in the browser, and no bound on what a workbook unzips to.
 */

/** A cell as read: its value as text (numbers as JS numerals, dates as YYYY-MM-DD) and whether it held a formula. */
export interface XlsxCell {
  text: string;
  formula?: string;
  /** The cell was a number (not text). */
  numeric?: boolean;
}

export interface XlsxSheet {
  name: string;
  /** rows[r][c], 0-based; row 0 is spreadsheet row 1. Missing cells are undefined. */
  rows: Array<Array<XlsxCell | undefined>>;
}

export interface XlsxWorkbook {
  sheets: XlsxSheet[];
}

const MAGIC_ZIP = [0x50, 0x4b, 0x03, 0x04];
const MAGIC_OLE = [0xd0, 0xcf, 0x11, 0xe0];
const starts = (b: Uint8Array, m: number[]) => m.every((x, i) => b[i] === x);

/** Built-in number formats that are dates (ECMA-376 18.8.30). */
const DATE_FORMAT_IDS = new Set([
  14, 15, 16, 17, 18, 19, 20, 21, 22, 27, 28, 29, 30, 31, 32, 33, 34, 35, 36, 45, 46, 47, 50, 51, 52, 53, 54, 55, 56,
  57, 58,
]);
const isDateFormatCode = (code: string) => /[ymdhs]/i.test(code.replace(/"[^"]*"|\[[^\]]*\]|\\./g, ''));

/** Excel serial day -> ISO date (the 1900 system counts a 29 February 1900 that never was). */
export function serialToIsoDate(serial: number, date1904 = false): string {
  const days = Math.floor(serial);
  const epoch = date1904 ? Date.UTC(1904, 0, 1) : Date.UTC(1899, 11, 30);
  return new Date(epoch + days * 86400000).toISOString().slice(0, 10);
}

export function isoDateToSerial(iso: string): number {
  return Math.round((Date.parse(`${iso}T00:00:00Z`) - Date.UTC(1899, 11, 30)) / 86400000);
}

/** Column letters -> 0-based index ("A" -> 0, "AA" -> 26). */
export function columnIndex(ref: string): number {
  let n = 0;
  for (const ch of ref) {
    const c = ch.charCodeAt(0);
    if (c < 65 || c > 90) break;
    n = n * 26 + (c - 64);
  }
  return n - 1;
}

export function columnLetters(index: number): string {
  let s = '';
  let n = index + 1;
  while (n > 0) {
    const r = (n - 1) % 26;
    s = String.fromCharCode(65 + r) + s;
    n = Math.floor((n - 1) / 26);
  }
  return s;
}

const WANTED_PART =
  /^xl\/(workbook\.xml|_rels\/workbook\.xml\.rels|sharedStrings\.xml|styles\.xml|worksheets\/[^/]+\.xml)$/;
/** Compressed bytes handed to the inflater at a time: deflate expands at most ~1032×, so one step stays small. */
const INFLATE_STEP = 16 * 1024;

/**
 * The workbook parts, inflated as a stream that counts what comes out and stops at the caps (one part, all parts),
 * whatever sizes the zip directory claims: a 1.5 MB file that claims small parts but inflates to gigabytes is cut off
 * within one step of the cap.
 */
function inflateParts(bytes: Uint8Array, l: ExchangeLimits): { parts: Record<string, Uint8Array>; tooBig?: string } {
  const parts: Record<string, Uint8Array> = {};
  let total = 0;
  let tooBig: string | undefined;
  const unzip = new Unzip((file) => {
    if (tooBig !== undefined || !WANTED_PART.test(file.name)) return;
    const chunks: Uint8Array[] = [];
    let size = 0;
    file.ondata = (err, chunk, final) => {
      if (err) throw err;
      size += chunk.length;
      total += chunk.length;
      if (size > l.maxPartBytes || total > l.maxUnzippedBytes) {
        tooBig ??= file.name;
        file.terminate();
        return;
      }
      chunks.push(chunk);
      if (final) parts[file.name] = concatBytes(chunks, size);
    };
    file.start();
  });
  unzip.register(UnzipInflate);
  for (let at = 0; at < bytes.length && tooBig === undefined; at += INFLATE_STEP) {
    const end = Math.min(bytes.length, at + INFLATE_STEP);
    unzip.push(bytes.subarray(at, end), end === bytes.length);
  }
  return tooBig === undefined ? { parts } : { parts, tooBig };
}

function concatBytes(chunks: Uint8Array[], size: number): Uint8Array {
  if (chunks.length === 1) return chunks[0];
  const out = new Uint8Array(size);
  let at = 0;
  for (const c of chunks) {
    out.set(c, at);
    at += c.length;
  }
  return out;
}

function unzipParts(bytes: Uint8Array, l: ExchangeLimits): Record<string, Uint8Array> {
  if (bytes.length > l.maxBytes) {
    throw exchangeError(
      'too_large',
      'too_large',
      `Filen är ${bytes.length} byte; gränsen är ${l.maxBytes}`,
      `The file is ${bytes.length} bytes; the limit is ${l.maxBytes}`,
      {
        size: bytes.length,
        limit: l.maxBytes,
      },
    );
  }
  if (starts(bytes, MAGIC_OLE)) {
    throw exchangeError(
      'unsupported',
      'xlsx_legacy_or_encrypted',
      'Filen är en äldre .xls-fil eller en lösenordsskyddad arbetsbok; spara den som .xlsx utan lösenord',
      'The file is a legacy .xls file or a password-protected workbook; save it as .xlsx without a password',
    );
  }
  if (!starts(bytes, MAGIC_ZIP))
    throw exchangeError(
      'malformed',
      'xlsx_not_zip',
      'Filen är inte en Excel-arbetsbok (.xlsx)',
      'The file is not an Excel workbook (.xlsx)',
    );
  let parts: Record<string, Uint8Array>;
  let tooBig: string | undefined;
  try {
    ({ parts, tooBig } = inflateParts(bytes, l));
  } catch (err) {
    throw exchangeError(
      'malformed',
      'xlsx_not_zip',
      `Arbetsboken kunde inte packas upp: ${(err as Error).message}`,
      `The workbook could not be unzipped: ${(err as Error).message}`,
    );
  }
  if (tooBig) {
    throw exchangeError(
      'too_large',
      'xlsx_too_large_unzipped',
      `Arbetsboken blir för stor uppackad (${tooBig})`,
      `The workbook is too large once unzipped (${tooBig})`,
      { part: tooBig },
    );
  }
  return parts;
}

/** Runs saxes over one workbook part after the XML guard; handlers get plain tags. */
function sax(
  part: Uint8Array,
  name: string,
  l: ExchangeLimits,
  on: { open?: (t: SaxesTagPlain) => void; close?: (name: string) => void; text?: (t: string) => void },
) {
  const text = guardXml(part, { maxBytes: l.maxPartBytes });
  const p = new SaxesParser({ position: true });
  let error: Error | undefined;
  p.on('error', (e) => {
    error ??= exchangeError(
      'malformed',
      'xlsx_malformed',
      `Arbetsboken är skadad (${name}: ${e.message})`,
      `The workbook is damaged (${name}: ${e.message})`,
    );
  });
  if (on.open) p.on('opentag', (t) => on.open!(t as SaxesTagPlain));
  if (on.close) p.on('closetag', (t) => on.close!(t.name));
  if (on.text) {
    p.on('text', on.text);
    p.on('cdata', on.text);
  }
  try {
    p.write(text).close();
  } catch (e) {
    error ??= e as Error;
  }
  if (error) throw error;
}

const local = (n: string) => n.slice(n.indexOf(':') + 1);

function readSharedStrings(part: Uint8Array | undefined, l: ExchangeLimits): string[] {
  if (!part) return [];
  const out: string[] = [];
  let current: string | undefined;
  let inT = false;
  let inPhonetic = 0;
  sax(part, 'sharedStrings.xml', l, {
    open: (t) => {
      const n = local(t.name);
      if (n === 'si') current = '';
      else if (n === 'rPh') inPhonetic++;
      else if (n === 't' && inPhonetic === 0) inT = true;
    },
    close: (name) => {
      const n = local(name);
      if (n === 'si') {
        out.push(current ?? '');
        current = undefined;
      } else if (n === 'rPh') inPhonetic--;
      else if (n === 't') inT = false;
    },
    text: (t) => {
      if (inT && current !== undefined) current += t;
    },
  });
  return out;
}

function readDateStyles(part: Uint8Array | undefined, l: ExchangeLimits): boolean[] {
  if (!part) return [];
  const custom = new Map<number, string>();
  const xfs: number[] = [];
  let inCellXfs = false;
  sax(part, 'styles.xml', l, {
    open: (t) => {
      const n = local(t.name);
      if (n === 'numFmt') custom.set(Number(t.attributes.numFmtId), String(t.attributes.formatCode ?? ''));
      else if (n === 'cellXfs') inCellXfs = true;
      else if (n === 'xf' && inCellXfs) xfs.push(Number(t.attributes.numFmtId ?? 0));
    },
    close: (name) => {
      if (local(name) === 'cellXfs') inCellXfs = false;
    },
  });
  return xfs.map((id) => DATE_FORMAT_IDS.has(id) || (custom.has(id) && isDateFormatCode(custom.get(id)!)));
}

function formatNumber(v: string): string {
  const n = Number(v);
  return Number.isFinite(n) ? String(n) : v;
}

function readSheet(
  part: Uint8Array,
  name: string,
  shared: string[],
  dateStyles: boolean[],
  date1904: boolean,
  l: ExchangeLimits,
): XlsxSheet {
  const rows: Array<Array<XlsxCell | undefined>> = [];
  let rowIndex = -1;
  let col = -1;
  let cell: { t: string; s: number; v: string; f: string | undefined; is: string } | undefined;
  let into: 'v' | 'f' | 'is' | undefined;
  let cells = 0;
  sax(part, name, l, {
    open: (t) => {
      const n = local(t.name);
      if (n === 'row') {
        rowIndex = t.attributes.r !== undefined ? Number(t.attributes.r) - 1 : rowIndex + 1;
        col = -1;
        if (rowIndex > l.maxRows) {
          throw exchangeError(
            'too_large',
            'too_many_rows',
            `Bladet "${name}" har fler än ${l.maxRows} rader`,
            `The sheet "${name}" has more than ${l.maxRows} rows`,
          );
        }
      } else if (n === 'c') {
        const ref = t.attributes.r;
        col = ref !== undefined ? columnIndex(String(ref)) : col + 1;
        if (col >= l.maxColumns) {
          throw exchangeError(
            'too_large',
            'too_many_columns',
            `Bladet "${name}" har fler än ${l.maxColumns} kolumner`,
            `The sheet "${name}" has more than ${l.maxColumns} columns`,
          );
        }
        cell = { t: String(t.attributes.t ?? 'n'), s: Number(t.attributes.s ?? 0), v: '', f: undefined, is: '' };
      } else if (cell && n === 'v') into = 'v';
      else if (cell && n === 'f') {
        into = 'f';
        cell.f = '';
      } else if (cell && n === 't') into = 'is';
    },
    text: (x) => {
      if (!cell || !into) return;
      if (into === 'f') cell.f += x;
      else cell[into] += x;
    },
    close: (tag) => {
      const n = local(tag);
      if (n === 'v' || n === 'f' || n === 't') into = undefined;
      else if (n === 'c' && cell) {
        if (++cells > l.maxRows * l.maxColumns)
          throw exchangeError('too_large', 'too_many_cells', 'För många celler', 'Too many cells');
        let out: XlsxCell | undefined;
        switch (cell.t) {
          case 's':
            out = { text: shared[Number(cell.v)] ?? '' };
            break;
          case 'inlineStr':
            out = { text: cell.is };
            break;
          case 'str':
            out = { text: cell.v };
            break;
          case 'b':
            out = { text: cell.v === '1' ? 'true' : 'false' };
            break;
          case 'e':
            out = { text: cell.v };
            break;
          case 'd':
            out = { text: cell.v.slice(0, 10) };
            break;
          default:
            out =
              cell.v === ''
                ? undefined
                : dateStyles[cell.s]
                  ? { text: serialToIsoDate(Number(cell.v), date1904), numeric: true }
                  : { text: formatNumber(cell.v), numeric: true };
        }
        if (cell.f !== undefined) out = { text: out?.text ?? '', formula: cell.f };
        if (out) (rows[rowIndex] ??= [])[col] = out;
        cell = undefined;
      }
    },
  });
  for (let i = 0; i < rows.length; i++) rows[i] ??= [];
  return { name, rows };
}

/** Reads every worksheet of a workbook, in workbook order. */
export function readXlsx(bytes: Uint8Array, limits: Partial<ExchangeLimits> = {}): XlsxWorkbook {
  const l = withLimits(limits);
  const parts = unzipParts(bytes, l);
  const wb = parts['xl/workbook.xml'];
  if (!wb)
    throw exchangeError(
      'malformed',
      'xlsx_no_workbook',
      'Arbetsboken saknar xl/workbook.xml',
      'The workbook has no xl/workbook.xml',
    );
  const sheets: Array<{ name: string; rid: string }> = [];
  let date1904 = false;
  sax(wb, 'workbook.xml', l, {
    open: (t) => {
      const n = local(t.name);
      if (n === 'sheet') {
        const rid = Object.entries(t.attributes).find(([k]) => local(k) === 'id')?.[1];
        sheets.push({ name: String(t.attributes.name ?? `Sheet${sheets.length + 1}`), rid: String(rid ?? '') });
      } else if (n === 'workbookPr') date1904 = /^(1|true)$/.test(String(t.attributes.date1904 ?? ''));
    },
  });
  const targets = new Map<string, string>();
  const rels = parts['xl/_rels/workbook.xml.rels'];
  if (rels) {
    sax(rels, 'workbook.xml.rels', l, {
      open: (t) => {
        if (local(t.name) === 'Relationship') targets.set(String(t.attributes.Id), String(t.attributes.Target ?? ''));
      },
    });
  }
  const shared = readSharedStrings(parts['xl/sharedStrings.xml'], l);
  const dateStyles = readDateStyles(parts['xl/styles.xml'], l);
  return {
    sheets: sheets.map((s, i) => {
      const target = targets.get(s.rid) ?? `worksheets/sheet${i + 1}.xml`;
      const path = target.startsWith('/') ? target.slice(1) : `xl/${target.replace(/^\.\//, '')}`;
      const part = parts[path];
      if (!part)
        throw exchangeError(
          'malformed',
          'xlsx_missing_sheet',
          `Bladet "${s.name}" saknas i arbetsboken`,
          `The sheet "${s.name}" is missing from the workbook`,
        );
      return readSheet(part, s.name, shared, dateStyles, date1904, l);
    }),
  };
}

// ------------------------------------------------------------------------------------------------- writing

export type XlsxValue = string | number | boolean | null | undefined;

export interface XlsxSheetInput {
  name: string;
  rows: XlsxValue[][];
  /** Column widths in characters; by default from the longest cell (capped). */
  widths?: number[];
  /** The first row is a header: bold, frozen, with a filter. Default true. */
  header?: boolean;
}

/** A sheet name Excel accepts: at most 31 characters, none of []:*?/\ . */
export const sheetName = (name: string): string => name.replace(/[[\]:*?/\\]/g, ' ').slice(0, 31) || 'Sheet';

const STYLES = `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>
<styleSheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main">
<numFmts count="1"><numFmt numFmtId="164" formatCode="yyyy-mm-dd"/></numFmts>
<fonts count="2"><font><sz val="11"/><name val="Calibri"/></font><font><b/><sz val="11"/><name val="Calibri"/></font></fonts>
<fills count="2"><fill><patternFill patternType="none"/></fill><fill><patternFill patternType="gray125"/></fill></fills>
<borders count="1"><border><left/><right/><top/><bottom/><diagonal/></border></borders>
<cellStyleXfs count="1"><xf numFmtId="0" fontId="0" fillId="0" borderId="0"/></cellStyleXfs>
<cellXfs count="3"><xf numFmtId="0" fontId="0" fillId="0" borderId="0" xfId="0"/><xf numFmtId="0" fontId="1" fillId="0" borderId="0" xfId="0" applyFont="1"/><xf numFmtId="164" fontId="0" fillId="0" borderId="0" xfId="0" applyNumberFormat="1"/></cellXfs>
<cellStyles count="1"><cellStyle name="Normal" xfId="0" builtinId="0"/></cellStyles>
</styleSheet>`;

function sheetXml(sheet: XlsxSheetInput): string {
  const header = sheet.header !== false;
  const ncols = Math.max(1, ...sheet.rows.map((r) => r.length));
  const widths =
    sheet.widths ??
    Array.from({ length: ncols }, (_, c) =>
      Math.min(60, Math.max(8, ...sheet.rows.slice(0, 500).map((r) => String(r[c] ?? '').split('\n')[0].length + 2))),
    );
  const rows = sheet.rows
    .map((r, ri) => {
      const cells = r
        .map((v, ci) => {
          if (v === null || v === undefined || v === '') return '';
          const ref = `${columnLetters(ci)}${ri + 1}`;
          const style = header && ri === 0 ? ' s="1"' : '';
          if (typeof v === 'number') return Number.isFinite(v) ? `<c r="${ref}"${style}><v>${v}</v></c>` : '';
          if (typeof v === 'boolean') return `<c r="${ref}"${style} t="b"><v>${v ? 1 : 0}</v></c>`;
          return `<c r="${ref}"${style} t="inlineStr"><is><t xml:space="preserve">${xmlText(neutralise(v))}</t></is></c>`;
        })
        .join('');
      return `<row r="${ri + 1}">${cells}</row>`;
    })
    .join('');
  const last = `${columnLetters(ncols - 1)}${Math.max(1, sheet.rows.length)}`;
  return [
    '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>',
    '<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships">',
    `<dimension ref="A1:${last}"/>`,
    header
      ? '<sheetViews><sheetView workbookViewId="0"><pane ySplit="1" topLeftCell="A2" activePane="bottomLeft" state="frozen"/></sheetView></sheetViews>'
      : '',
    `<cols>${widths.map((w, i) => `<col min="${i + 1}" max="${i + 1}" width="${w}" customWidth="1"/>`).join('')}</cols>`,
    `<sheetData>${rows}</sheetData>`,
    header && sheet.rows.length > 0 ? `<autoFilter ref="A1:${last}"/>` : '',
    '</worksheet>',
  ].join('');
}

/** Writes a workbook (inline strings, a bold frozen header row). Text cells are neutralised against formulas. */
export function writeXlsx(
  sheets: XlsxSheetInput[],
  meta: { title?: string; creator?: string; created?: string } = {},
): Uint8Array {
  const names: string[] = [];
  for (const s of sheets) {
    let n = sheetName(s.name);
    for (let k = 2; names.includes(n); k++) n = `${sheetName(s.name).slice(0, 28)} ${k}`;
    names.push(n);
  }
  const created = meta.created ?? new Date().toISOString().replace(/\.\d+Z$/, 'Z');
  const files: Zippable = {
    '[Content_Types].xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Types xmlns="http://schemas.openxmlformats.org/package/2006/content-types"><Default Extension="rels" ContentType="application/vnd.openxmlformats-package.relationships+xml"/><Default Extension="xml" ContentType="application/xml"/><Override PartName="/xl/workbook.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.sheet.main+xml"/><Override PartName="/xl/styles.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.styles+xml"/>${names
        .map(
          (_, i) =>
            `<Override PartName="/xl/worksheets/sheet${i + 1}.xml" ContentType="application/vnd.openxmlformats-officedocument.spreadsheetml.worksheet+xml"/>`,
        )
        .join(
          '',
        )}<Override PartName="/docProps/core.xml" ContentType="application/vnd.openxmlformats-package.core-properties+xml"/></Types>`,
    ),
    '_rels/.rels': strToU8(
      '<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships"><Relationship Id="rId1" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/officeDocument" Target="xl/workbook.xml"/><Relationship Id="rId2" Type="http://schemas.openxmlformats.org/package/2006/relationships/metadata/core-properties" Target="docProps/core.xml"/></Relationships>',
    ),
    'docProps/core.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<cp:coreProperties xmlns:cp="http://schemas.openxmlformats.org/package/2006/metadata/core-properties" xmlns:dc="http://purl.org/dc/elements/1.1/" xmlns:dcterms="http://purl.org/dc/terms/" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance"><dc:title>${xmlText(
        meta.title ?? 'Aktörsatlas',
      )}</dc:title><dc:creator>${xmlText(meta.creator ?? 'Aktörsatlas')}</dc:creator><dcterms:created xsi:type="dcterms:W3CDTF">${xmlText(created)}</dcterms:created></cp:coreProperties>`,
    ),
    'xl/workbook.xml': strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets>${names
        .map((n, i) => `<sheet name="${xmlAttr(n)}" sheetId="${i + 1}" r:id="rId${i + 1}"/>`)
        .join('')}</sheets>${
        sheets.some((s) => s.header !== false && s.rows.length > 0)
          ? `<definedNames>${sheets
              .map((s, i) =>
                s.header !== false && s.rows.length > 0
                  ? `<definedName name="_xlnm._FilterDatabase" localSheetId="${i}" hidden="1">'${xmlText(names[i].replace(/'/g, "''"))}'!$A$1:$${columnLetters(Math.max(1, ...s.rows.map((r) => r.length)) - 1)}$${s.rows.length}</definedName>`
                  : '',
              )
              .join('')}</definedNames>`
          : ''
      }</workbook>`,
    ),
    'xl/_rels/workbook.xml.rels': strToU8(
      `<?xml version="1.0" encoding="UTF-8" standalone="yes"?>\n<Relationships xmlns="http://schemas.openxmlformats.org/package/2006/relationships">${names
        .map(
          (_, i) =>
            `<Relationship Id="rId${i + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/worksheet" Target="worksheets/sheet${i + 1}.xml"/>`,
        )
        .join(
          '',
        )}<Relationship Id="rId${names.length + 1}" Type="http://schemas.openxmlformats.org/officeDocument/2006/relationships/styles" Target="styles.xml"/></Relationships>`,
    ),
    'xl/styles.xml': strToU8(STYLES),
  };
  sheets.forEach((s, i) => {
    files[`xl/worksheets/sheet${i + 1}.xml`] = strToU8(sheetXml(s));
  });
  return zipSync(files, { level: 6, mtime: new Date('2000-01-01T00:00:00Z') });
}
