import type { Bilingual } from '../model/labels.js';
import type { Problem } from '../model/problems.js';

/**
 * The validation report of an import: one row per problem, located where the user can find it — the sheet (or
 * file part), the row as the spreadsheet numbers it (the header is row 1), and the column header as written in
 * the file. Errors stop the import; warnings (likely duplicates, ignored columns) do not.
 */
export interface ReportRow {
  severity: 'error' | 'warning';
  sheet: string;
  /** Row number in the sheet (header = 1), or line number in an XML file; null for the file as a whole. */
  row: number | null;
  /** Column header (or XML attribute) as written in the file; null when the problem is the whole row. */
  column: string | null;
  code: string;
  message: Bilingual;
  /** Where the problem is in the batch (e.g. `/nodes/3/props/kommunkod`), when it came from validation. */
  path?: string;
  /** The id of the record the row became, when known. */
  id?: string;
}

/** Where the records of a batch came from. */
export interface SourceLocation {
  sheet: string;
  row: number | null;
  id?: string;
}

export interface SourceMap {
  nodes: SourceLocation[];
  relations: SourceLocation[];
  /** Field path (`name`, `props/orgType`, `sources/url`, …) -> column header, per table. */
  nodeColumns: Record<string, string>;
  relationColumns: Record<string, string>;
  /** The file has no columns (JSON): a problem's column is its field path, e.g. `props/kommunkod`. */
  columnsArePaths?: boolean;
  /** A prop without a column of its own is named by this prefix and its key (graph files: `prop_orgType`). */
  propColumnPrefix?: string;
}

export const emptySourceMap = (): SourceMap => ({ nodes: [], relations: [], nodeColumns: {}, relationColumns: {} });

export const reportRow = (
  severity: ReportRow['severity'],
  sheet: string,
  row: number | null,
  column: string | null,
  code: string,
  sv: string,
  en: string,
  extra: Partial<ReportRow> = {},
): ReportRow => ({ severity, sheet, row, column, code, message: { sv, en }, ...extra });

/** The column of a field path: the path without list indices, then ever shorter prefixes of it. */
function columnOf(rest: string[], columns: Record<string, string>): string | null {
  const parts = rest.filter((p) => !/^\d+$/.test(p));
  for (let n = parts.length; n > 0; n--) {
    const c = columns[parts.slice(0, n).join('/')];
    if (c !== undefined) return c;
  }
  return null;
}

/** Turns validation problems (paths into the batch) into report rows (sheet, row, column). */
export function reportFromProblems(problems: Problem[], map: SourceMap): ReportRow[] {
  return problems.map((p) => {
    const [, table, index, ...rest] = p.path.split('/');
    const i = Number(index);
    const isNode = table === 'nodes';
    const loc = (isNode ? map.nodes : map.relations)[i];
    const sheet = loc?.sheet ?? (isNode ? 'nodes' : 'relations');
    const row = loc ? loc.row : Number.isInteger(i) ? i + 1 : null;
    const column = map.columnsArePaths
      ? rest.join('/') || null
      : (columnOf(rest, isNode ? map.nodeColumns : map.relationColumns) ??
        (rest[0] === 'props' && rest[1] && map.propColumnPrefix ? `${map.propColumnPrefix}${rest[1]}` : null));
    return {
      severity: 'error',
      sheet,
      row,
      column,
      code: p.code,
      message: p.message,
      path: p.path,
      ...(loc?.id ? { id: loc.id } : {}),
    };
  });
}

/** Rows in file order: by sheet as first met, then row, errors before warnings. */
export function sortReport(rows: ReportRow[]): ReportRow[] {
  const sheetOrder = new Map<string, number>();
  for (const r of rows) if (!sheetOrder.has(r.sheet)) sheetOrder.set(r.sheet, sheetOrder.size);
  return [...rows].sort(
    (a, b) =>
      sheetOrder.get(a.sheet)! - sheetOrder.get(b.sheet)! ||
      (a.row ?? 0) - (b.row ?? 0) ||
      (a.severity === b.severity ? 0 : a.severity === 'error' ? -1 : 1),
  );
}

/** Distinct rows (sheet + row) that have errors. */
export const badRows = (rows: ReportRow[]): Array<{ sheet: string; row: number | null }> => {
  const seen = new Map<string, { sheet: string; row: number | null }>();
  for (const r of rows) if (r.severity === 'error') seen.set(`${r.sheet}|${r.row}`, { sheet: r.sheet, row: r.row });
  return [...seen.values()];
};
