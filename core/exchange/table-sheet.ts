/** What the actor and relation steps of a table import share: the input shapes, the report and the column binding. */
import { normaliseOrgnr } from '../model/orgnr.js';
import type { Batch, Evidence, NodeRecord, RelationRecord, Source } from '../model/records.js';
import { fold } from '../text/fold.js';
import { looksLikeFormula, unneutralise } from './formula-safe.js';
import { emptySourceMap, reportRow, type ReportRow, type SourceMap } from './import-report.js';
import type { SheetMapping } from './import-types.js';
import { convert } from './table-values.js';
import {
  type FieldSpec,
  type TableName,
  ACTOR_COLUMNS,
  RELATION_COLUMNS,
  parseFieldSpec,
  specForHeader,
  specName,
} from './tables.js';

/** A cell of an imported table: its text, and the formula when the cell held one (XLSX). */
export interface TableCell {
  text: string;
  formula?: string;
  numeric?: boolean;
}

export type TableRow = Array<TableCell | undefined>;

export interface TableInput {
  sheet: string;
  table: TableName;
  /** rows[0] is the header row. */
  rows: TableRow[];
  /** CSV cells are checked for formula-like text; XLSX cells say themselves whether they hold a formula. */
  origin: 'csv' | 'xlsx';
}

export interface TableImportOptions {
  /** header -> field, overriding what the headers say (see `parseFieldSpec` for the targets). */
  mapping?: Record<string, string>;
  /** Provenance for relation rows that have none (e.g. a Kumu export): all rows get these. */
  defaults?: { sources?: Source[]; evidence?: Evidence };
}

/** What the store already holds: for upsert by organisationsnummer, names of endpoints and merging. */
export interface TableImportContext {
  existingNodes: readonly NodeRecord[];
  existingRelations?: readonly RelationRecord[];
}

export interface Binding {
  header: string;
  index: number;
  spec: FieldSpec | undefined;
}

export class Collector {
  readonly report: ReportRow[] = [];
  private readonly cells = new Set<string>();
  error(sheet: string, row: number | null, column: string | null, code: string, sv: string, en: string, id?: string) {
    const key = `${sheet}|${row}|${column ?? en}`;
    if (this.cells.has(key)) return;
    this.cells.add(key);
    this.report.push(reportRow('error', sheet, row, column, code, sv, en, id ? { id } : {}));
  }
  warn(sheet: string, row: number | null, column: string | null, code: string, sv: string, en: string) {
    this.report.push(reportRow('warning', sheet, row, column, code, sv, en));
  }
  has(sheet: string, row: number | null, column: string | null) {
    return this.cells.has(`${sheet}|${row}|${column}`);
  }
}

/** The state one import builds up across its sheets. */
export interface ImportState {
  readonly options: TableImportOptions;
  readonly ctx: TableImportContext;
  readonly out: Collector;
  readonly sourceMap: SourceMap;
  readonly batch: Batch;
  readonly mappings: SheetMapping[];
  readonly existingById: Map<string, NodeRecord>;
  readonly existingByOrgnr: Map<string, NodeRecord>;
  /** Ids given to actor rows so far, so two rows of one name get distinct ids. */
  readonly usedIds: Set<string>;
  /** organisationsnummer -> the row that first gave it. */
  readonly batchOrgnr: Map<string, number>;
}

export function importState(ctx: TableImportContext, options: TableImportOptions): ImportState {
  const existingByOrgnr = new Map<string, NodeRecord>();
  for (const n of ctx.existingNodes)
    if (typeof n.props.orgnr === 'string') existingByOrgnr.set(normaliseOrgnr(n.props.orgnr), n);
  return {
    options,
    ctx,
    out: new Collector(),
    sourceMap: emptySourceMap(),
    batch: { nodes: [], relations: [] },
    mappings: [],
    existingById: new Map(ctx.existingNodes.map((n) => [n.id, n])),
    existingByOrgnr,
    usedIds: new Set(),
    batchOrgnr: new Map(),
  };
}

export const FIELD_LABEL = (table: TableName, name: string) =>
  (table === 'actors' ? ACTOR_COLUMNS : RELATION_COLUMNS).find((c) => c.spec.to === 'field' && c.spec.name === name)
    ?.label ?? { sv: name, en: name };

export const bindingOf = (bindings: Binding[], name: string) =>
  bindings.find((b) => b.spec?.to === 'field' && b.spec.name === name);

/** The prop keys a props column may fill (the first that the row's kind has wins). */
export const propKeys = (b: Binding): string[] => (b.spec as { keys: string[] }).keys;

export const isEmptyRow = (row: TableRow) =>
  row.every((c) => !c || ((c.text ?? '').trim() === '' && c.formula === undefined));

export function reportMissingColumn(out: Collector, sheet: string, label: { sv: string; en: string }): void {
  out.error(
    sheet,
    1,
    null,
    'missing_column',
    `Kolumnen "${label.sv}" saknas (engelska: "${label.en}")`,
    `The column "${label.en}" is missing (Swedish: "${label.sv}")`,
  );
}

/** One data row being read, with its 1-based row number as the user sees it. */
export interface RowCursor {
  input: TableInput;
  row: TableRow;
  rowNo: number;
  out: Collector;
}

/** Cell text of a row: trimmed, our own formula neutralisation undone; formula cells are errors and read as empty. */
export function cellText(at: RowCursor, b: Binding | undefined, trim = true): string {
  if (!b) return '';
  const cell = at.row[b.index];
  if (!cell) return '';
  const raw = cell.text ?? '';
  if (cell.formula !== undefined || (at.input.origin === 'csv' && looksLikeFormula(raw))) {
    const f = cell.formula !== undefined ? `=${cell.formula}` : raw.trim();
    at.out.error(
      at.input.sheet,
      at.rowNo,
      b.header,
      'formula',
      `Cellen innehåller en formel (${f.slice(0, 60)}); formler tas inte emot, skriv in värdet`,
      `The cell holds a formula (${f.slice(0, 60)}); formulas are not accepted, enter the value`,
    );
    return '';
  }
  const t = unneutralise(raw.trim());
  // Multi-line cells keep their leading empty lines: they align values across columns (see splitMulti).
  return trim || t === '' ? t : unneutralise(raw.replace(/\s+$/, ''));
}

/** Converts a props cell for the row's kind; reports unknown values and adjustments; undefined when it is empty. */
export function propCell(
  at: RowCursor,
  b: Binding,
  kind: string,
  key: string,
  relation: boolean,
): ReturnType<typeof convert> | undefined {
  const t = cellText(at, b);
  if (t === '') return undefined;
  const c = convert(t, kind, key, relation);
  if (c.error) at.out.error(at.input.sheet, at.rowNo, b.header, 'unknown_value', c.error.sv, c.error.en);
  if (c.warning) at.out.warn(at.input.sheet, at.rowNo, b.header, 'value_adjusted', c.warning.sv, c.warning.en);
  return c;
}

function headerFlags(header: string[], table: TableName, options: TableImportOptions) {
  const folded = header.map((h) => fold(h));
  const hasKind =
    folded.some((h) => ['nodtyp', 'kind', 'typ av nod', 'node kind', 'node type'].includes(h)) ||
    Object.values(options.mapping ?? {}).includes('kind');
  const kumu = table === 'actors' && folded.includes('label') && !folded.includes('namn') && !folded.includes('name');
  const hasTarget = folded.includes('target') && !folded.includes('till') && !folded.includes('to');
  return { kumu, hasKind, hasTarget };
}

/** A base field named by two columns is ambiguous: the second is reported and ignored. */
function dropDuplicateFields(input: TableInput, bindings: Binding[], out: Collector): void {
  const seen = new Map<string, string>();
  for (const b of bindings) {
    if (b.spec?.to !== 'field') continue;
    const prev = seen.get(b.spec.name);
    if (prev !== undefined) {
      out.error(
        input.sheet,
        1,
        b.header,
        'duplicate_column',
        `Kolumnerna "${prev}" och "${b.header}" anger samma fält (${b.spec.name})`,
        `The columns "${prev}" and "${b.header}" give the same field (${b.spec.name})`,
      );
      b.spec = { to: 'ignored', silent: true };
    } else seen.set(b.spec.name, b.header);
  }
}

function warnIgnored(input: TableInput, bindings: Binding[], out: Collector): void {
  for (const b of bindings) {
    if (b.header === '') continue;
    if (!b.spec || (b.spec.to === 'ignored' && !b.spec.silent)) {
      out.warn(
        input.sheet,
        1,
        b.header,
        'column_ignored',
        `Kolumnen "${b.header}" används inte och importeras inte`,
        `The column "${b.header}" is not used and is not imported`,
      );
    }
  }
}

/** Binds each header to a field (from the mapping or the header itself) and records the sheet's mapping. */
export function bindColumns(input: TableInput, st: ImportState): Binding[] {
  const { options, out } = st;
  const header = (input.rows[0] ?? []).map((c) => (c?.text ?? '').trim());
  const flags = headerFlags(header, input.table, options);
  const bindings: Binding[] = header.map((h, index) => {
    const override = options.mapping?.[h];
    if (override === undefined) return { header: h, index, spec: specForHeader(input.table, h, flags) };
    const spec = parseFieldSpec(input.table, override);
    if (!spec)
      out.error(
        input.sheet,
        1,
        h,
        'bad_mapping',
        `Okänt fält "${override}" i kolumnmappningen`,
        `Unknown field "${override}" in the column mapping`,
      );
    return { header: h, index, spec };
  });
  dropDuplicateFields(input, bindings, out);
  warnIgnored(input, bindings, out);
  const dialect: SheetMapping['dialect'] =
    options.mapping && Object.keys(options.mapping).length > 0 ? 'custom' : flags.kumu ? 'kumu' : 'template';
  st.mappings.push({
    sheet: input.sheet,
    table: input.table,
    dialect,
    columns: bindings.filter((b) => b.header !== '').map((b) => ({ header: b.header, field: specName(b.spec) })),
  });
  return bindings;
}
