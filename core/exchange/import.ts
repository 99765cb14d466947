import type { Evidence, NodeRecord, RelationRecord, Source } from '../model/records.js';
import type { Problem } from '../model/problems.js';
import { readCsv, type CsvDelimiter } from './csv.js';
import { likelyDuplicates } from './duplicates.js';
import { exchangeError } from './errors.js';
import { readGexf } from './gexf-read.js';
import { readGraphml } from './graphml-read.js';
import { reportFromProblems, reportRow, sortReport, type ReportRow } from './import-report.js';
import type { ImportFormat, ParsedImport } from './import-types.js';
import { withLimits, type ExchangeLimits } from './limits.js';
import { jsonImport, readJsonImport } from './snapshot-json.js';
import { tablesToBatch, type TableInput } from './table-import.js';
import type { TableName } from './tables.js';
import type { EncodingChoice, TextEncodingName } from './text-decode.js';
import { readXlsx } from './xlsx.js';
import { fold } from '../text/fold.js';

/** One uploaded file. For CSV, `table` says whether it holds actors or relations (else it is guessed). */
export interface ImportFile {
  name?: string;
  table?: TableName;
  bytes: Uint8Array;
  /** JSON already parsed (the API's JSON body); used instead of `bytes`. */
  value?: unknown;
}

export interface ImportOptions {
  encoding?: EncodingChoice;
  delimiter?: CsvDelimiter | 'auto';
  mapping?: Record<string, string>;
  defaults?: { sources?: Source[]; evidence?: Evidence };
  limits?: Partial<ExchangeLimits>;
}

export interface ImportContext {
  existingNodes: readonly NodeRecord[];
  existingRelations?: readonly RelationRecord[];
}

const ACTOR_SHEETS = ['aktorer', 'actors', 'noder', 'nodes', 'elements', 'element', 'organisationer'];
const RELATION_SHEETS = ['relationer', 'relations', 'kanter', 'edges', 'connections', 'kopplingar'];

/** Which table a sheet holds: by its name, else by its headers (a From/To pair means relations). */
export function tableOf(sheetName: string, header: string[]): TableName | undefined {
  const n = fold(sheetName).replace(/\.(csv|txt)$/, '');
  if (ACTOR_SHEETS.some((s) => n === s || n.startsWith(s))) return 'actors';
  if (RELATION_SHEETS.some((s) => n === s || n.startsWith(s))) return 'relations';
  const h = header.map((x) => fold(x));
  if (
    (h.includes('fran') || h.includes('from') || h.includes('source')) &&
    (h.includes('till') || h.includes('to') || h.includes('target'))
  )
    return 'relations';
  if (h.some((x) => ['namn', 'name', 'label'].includes(x))) return 'actors';
  return undefined;
}

/** Reads the files of an import into a batch with a source map and a first report (no validation yet). */
export function parseImport(
  format: ImportFormat,
  files: ImportFile[],
  ctx: ImportContext,
  options: ImportOptions = {},
): ParsedImport {
  const limits = withLimits(options.limits);
  if (files.length === 0) throw exchangeError('malformed', 'no_file', 'Ingen fil skickades', 'No file was sent');
  const total = files.reduce((s, f) => s + f.bytes.length, 0);
  if (total > limits.maxBytes) {
    throw exchangeError(
      'too_large',
      'too_large',
      `Filerna är ${total} byte; gränsen är ${limits.maxBytes}`,
      `The files are ${total} bytes; the limit is ${limits.maxBytes}`,
      { size: total, limit: limits.maxBytes },
    );
  }
  switch (format) {
    case 'json':
      return files[0].value !== undefined ? jsonImport(files[0].value) : readJsonImport(files[0].bytes);
    case 'gexf':
      return readGexf(files[0].bytes, limits);
    case 'graphml':
      return readGraphml(files[0].bytes, limits);
    case 'csv': {
      const inputs: TableInput[] = [];
      const encodings = new Set<TextEncodingName>();
      const report: ReportRow[] = [];
      for (const f of files) {
        const csv = readCsv(f.bytes, {
          encoding: options.encoding,
          delimiter: options.delimiter,
          maxRows: limits.maxRows,
          maxColumns: limits.maxColumns,
        });
        encodings.add(csv.encoding);
        const sheet = f.name ?? f.table ?? 'csv';
        const header = (csv.rows[0] ?? []).map((x) => x.trim());
        const table = f.table ?? tableOf(sheet, header);
        if (!table) {
          report.push(
            reportRow(
              'error',
              sheet,
              1,
              null,
              'unknown_table',
              'Det går inte att avgöra om filen innehåller aktörer eller relationer',
              'Cannot tell whether the file holds actors or relations',
            ),
          );
          continue;
        }
        if (csv.encoding === 'windows-1252') {
          report.push(
            reportRow(
              'warning',
              sheet,
              null,
              null,
              'encoding_windows_1252',
              'Filen lästes som Windows-1252 (inte giltig UTF-8)',
              'The file was read as Windows-1252 (it is not valid UTF-8)',
            ),
          );
        }
        inputs.push({ sheet, table, origin: 'csv', rows: csv.rows.map((r) => r.map((text) => ({ text }))) });
      }
      const t = tablesToBatch(inputs, ctx, options);
      return {
        format,
        batch: t.batch,
        sourceMap: t.sourceMap,
        report: [...report, ...t.report],
        mapping: t.mapping,
        encoding: encodings.size === 1 ? [...encodings][0] : encodings.has('windows-1252') ? 'windows-1252' : 'utf-8',
      };
    }
    case 'xlsx': {
      const wb = readXlsx(files[0].bytes, limits);
      const inputs: TableInput[] = [];
      const report: ReportRow[] = [];
      for (const s of wb.sheets) {
        const header = (s.rows[0] ?? []).map((c) => c?.text ?? '');
        if (s.rows.length === 0) continue;
        const table = tableOf(s.name, header);
        if (!table) {
          report.push(
            reportRow(
              'warning',
              s.name,
              null,
              null,
              'sheet_ignored',
              `Bladet "${s.name}" är varken aktörer eller relationer och läses inte`,
              `The sheet "${s.name}" holds neither actors nor relations and is not read`,
            ),
          );
          continue;
        }
        inputs.push({ sheet: s.name, table, origin: 'xlsx', rows: s.rows.map((r) => Array.from(r, (c) => c)) });
      }
      if (inputs.length === 0)
        throw exchangeError(
          'malformed',
          'xlsx_no_tables',
          'Arbetsboken har inget blad med aktörer eller relationer',
          'The workbook has no sheet of actors or relations',
        );
      const t = tablesToBatch(inputs, ctx, options);
      return { format, batch: t.batch, sourceMap: t.sourceMap, report: [...report, ...t.report], mapping: t.mapping };
    }
  }
}

/**
 * The full report of an import: what reading found, validation problems placed by the source map (a problem on a
 * cell that reading already explained is not repeated), and likely duplicate names as warnings.
 */
export function importReport(parsed: ParsedImport, problems: readonly Problem[], ctx: ImportContext): ReportRow[] {
  const rows = [...parsed.report];
  const taken = new Set(rows.filter((r) => r.severity === 'error').map((r) => `${r.sheet}|${r.row}|${r.column}`));
  const takenRows = new Set(rows.filter((r) => r.severity === 'error').map((r) => `${r.sheet}|${r.row}`));
  for (const r of reportFromProblems([...problems], parsed.sourceMap)) {
    const key = `${r.sheet}|${r.row}|${r.column}`;
    if (taken.has(key)) continue;
    // A row whose id could not be made (no kind, no name) already has its error; "id too short" or "duplicate id"
    // about the empty id would only repeat it.
    const m = /^\/(nodes|relations)\/(\d+)\/id$/.exec(r.path ?? '');
    if (m && takenRows.has(`${r.sheet}|${r.row}`)) {
      const rec = (m[1] === 'nodes' ? parsed.batch.nodes : parsed.batch.relations)[Number(m[2])] as
        { id?: unknown } | undefined;
      if (!rec?.id) continue;
    }
    taken.add(key);
    rows.push(r);
  }
  const nameColumn = parsed.sourceMap.nodeColumns.name ?? (parsed.sourceMap.columnsArePaths ? 'name' : null);
  for (const hit of likelyDuplicates(parsed.batch.nodes, ctx.existingNodes)) {
    const loc = parsed.sourceMap.nodes[hit.index];
    const where = hit.otherIndex !== undefined ? parsed.sourceMap.nodes[hit.otherIndex] : undefined;
    const whereSv = where ? `rad ${where.row} i ${where.sheet}` : 'atlasen';
    const whereEn = where ? `row ${where.row} of ${where.sheet}` : 'the atlas';
    rows.push(
      reportRow(
        'warning',
        loc?.sheet ?? 'nodes',
        loc?.row ?? hit.index + 1,
        nameColumn,
        'likely_duplicate',
        `Liknar "${hit.otherName}" (${hit.otherId}, ${whereSv}): trolig dubblett (likhet ${hit.score.toFixed(2)})`,
        `Resembles "${hit.otherName}" (${hit.otherId}, ${whereEn}): likely duplicate (similarity ${hit.score.toFixed(2)})`,
        { ...(loc?.id ? { id: loc.id } : {}) },
      ),
    );
  }
  return sortReport(rows);
}

/** Counts of what a commit would do: records whose ids exist are updates. */
export function plannedCounts(
  parsed: ParsedImport,
  ctx: ImportContext,
  relationIds: string[],
): { nodesCreated: number; nodesUpdated: number; relationsCreated: number; relationsUpdated: number } {
  const nodeIds = new Set(ctx.existingNodes.map((n) => n.id));
  const relIds = new Set((ctx.existingRelations ?? []).map((r) => r.id));
  const nodesUpdated = parsed.batch.nodes.filter((n) => nodeIds.has(n.id)).length;
  const relationsUpdated = relationIds.filter((id) => relIds.has(id)).length;
  return {
    nodesCreated: parsed.batch.nodes.length - nodesUpdated,
    nodesUpdated,
    relationsCreated: relationIds.length - relationsUpdated,
    relationsUpdated,
  };
}
