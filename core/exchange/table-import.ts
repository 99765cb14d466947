import { NODE_KINDS, nodeKind } from '../model/catalogue/node-kinds.js';
import { relationKind } from '../model/catalogue/relation-kinds.js';
import { relationId, slugify } from '../model/ids.js';
import { normaliseOrgnr } from '../model/orgnr.js';
import type {
  Batch,
  Evidence,
  JsonValue,
  NodeInput,
  NodeRecord,
  Props,
  RelationInput,
  RelationRecord,
  Source,
} from '../model/records.js';
import { fold } from '../text/fold.js';
import { looksLikeFormula, unneutralise } from './formula-safe.js';
import { emptySourceMap, reportRow, type ReportRow, type SourceMap } from './import-report.js';
import type { SheetMapping } from './import-types.js';
import {
  type FieldSpec,
  type TableName,
  ACTOR_COLUMNS,
  RELATION_COLUMNS,
  enumOptions,
  parseFieldSpec,
  propSchema,
  resolveEvidence,
  resolveKind,
  resolveKumuType,
  resolveRelationType,
  specForHeader,
  specName,
  EVIDENCE_LABELS,
} from './tables.js';
import { NODE_KIND_IDS } from '../model/catalogue/node-kinds.js';
import { RELATION_KIND_IDS } from '../model/catalogue/relation-kinds.js';

/** A cell of an imported table: its text, and the formula when the cell held one (XLSX). */
export interface TableCell {
  text: string;
  formula?: string;
  numeric?: boolean;
}

export interface TableInput {
  sheet: string;
  table: TableName;
  /** rows[0] is the header row. */
  rows: Array<Array<TableCell | undefined>>;
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

export interface TableImportResult {
  batch: Batch;
  sourceMap: SourceMap;
  report: ReportRow[];
  mapping: SheetMapping[];
}

interface Binding {
  header: string;
  index: number;
  spec: FieldSpec | undefined;
}

const FIELD_LABEL = (table: TableName, name: string) =>
  (table === 'actors' ? ACTOR_COLUMNS : RELATION_COLUMNS).find((c) => c.spec.to === 'field' && c.spec.name === name)
    ?.label ?? { sv: name, en: name };

const BOOL_TRUE = new Set(['ja', 'yes', 'true', 'sant', '1', 'x', 'j', 'y']);
const BOOL_FALSE = new Set(['nej', 'no', 'false', 'falskt', '0', 'n']);

/** "1 234,5" -> 1234.5; a text that is no number is returned as is (validation names it). */
export function parseNumber(text: string): number | string {
  const t = text.replace(/[\s\u00a0\u202f]/g, '').replace(/\u2212/g, '-');
  const normalised = /^-?\d+,\d+$/.test(t) ? t.replace(',', '.') : t;
  if (normalised === '' || !/^[-+]?(\d+\.?\d*|\.\d+)([eE][-+]?\d+)?$/.test(normalised)) return text;
  return Number(normalised);
}

/** ISO dates as they are, and the dates Excel writes in text form ("2021-03-01 00:00:00", "2021/3/1"). */
export function parseDate(text: string): string {
  const t = text.trim();
  let m = /^(\d{4})-(\d{2})-(\d{2})(?:[T ]\d{2}:\d{2}(?::\d{2}(?:\.\d+)?)?Z?)?$/.exec(t);
  if (m) return `${m[1]}-${m[2]}-${m[3]}`;
  m = /^(\d{4})[/.](\d{1,2})[/.](\d{1,2})$/.exec(t);
  if (m) return `${m[1]}-${m[2].padStart(2, '0')}-${m[3].padStart(2, '0')}`;
  return t;
}

/**
 * Splits a cell holding several values: one per line, or separated by " | ". Positions are kept (an empty line is
 * an empty value), so the URL, title and date cells of a relation's sources stay aligned; trailing empties go.
 */
export function splitMulti(text: string): string[] {
  const parts = (text.includes('\n') ? text.split(/\r?\n/) : text.split(/\s+\|\s+/)).map((s) => s.trim());
  while (parts.length > 0 && parts[parts.length - 1] === '') parts.pop();
  return parts;
}

interface Converted {
  value: JsonValue;
  warning?: { sv: string; en: string };
  /** The text is none of the allowed values (said here, with the list, rather than left to validation). */
  error?: { sv: string; en: string };
}

/** Converts a cell to the type a prop's schema wants; what does not convert is kept as text for validation. */
function convert(text: string, kind: string, key: string, relation: boolean): Converted {
  const schema = propSchema(kind, key, relation);
  if (!schema) return { value: text };
  const options = enumOptions(kind, key, relation);
  const unknown: string[] = [];
  const matchOption = (t: string) => {
    const f = fold(t);
    const v = options?.find((o) => fold(o.value) === f || fold(o.label.sv) === f || fold(o.label.en) === f)?.value;
    if (options && v === undefined) unknown.push(t);
    return v ?? t;
  };
  const checked = (value: JsonValue): Converted =>
    unknown.length === 0 || !options
      ? { value }
      : {
          value,
          error: {
            sv: `Okänt värde "${unknown.join('", "')}" (tillåtna: ${options.map((o) => o.label.sv).join(', ')})`,
            en: `Unknown value "${unknown.join('", "')}" (allowed: ${options.map((o) => o.label.en).join(', ')})`,
          },
        };
  switch (schema.type) {
    case 'boolean': {
      const f = fold(text);
      return { value: BOOL_TRUE.has(f) ? true : BOOL_FALSE.has(f) ? false : text };
    }
    case 'integer':
    case 'number':
      return { value: parseNumber(text) };
    case 'array':
      return checked(
        text
          .split(/\s*[;,|\n]\s*/)
          .filter((s) => s !== '')
          .map(matchOption),
      );
    case 'string': {
      const pad = /^\^\\d\{(\d+)\}\$$/.exec(schema.pattern ?? '');
      if (pad && /^\d+$/.test(text) && text.length < Number(pad[1])) {
        const padded = text.padStart(Number(pad[1]), '0');
        return {
          value: padded,
          warning: {
            sv: `"${text}" tolkades som "${padded}" (Excel tar bort inledande nollor)`,
            en: `"${text}" was read as "${padded}" (Excel drops leading zeros)`,
          },
        };
      }
      if (/date/i.test(key) || key === 'certifiedFrom' || key === 'dueDate') return { value: parseDate(text) };
      return { value: text };
    }
    default:
      return options ? checked(matchOption(text)) : { value: text };
  }
}

class Collector {
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

function bindColumns(
  input: TableInput,
  options: TableImportOptions,
  out: Collector,
): { bindings: Binding[]; mapping: SheetMapping } {
  const header = (input.rows[0] ?? []).map((c) => (c?.text ?? '').trim());
  const folded = header.map((h) => fold(h));
  const hasKind =
    folded.some((h) => ['nodtyp', 'kind', 'typ av nod', 'node kind', 'node type'].includes(h)) ||
    Object.values(options.mapping ?? {}).includes('kind');
  const kumu =
    input.table === 'actors' && folded.includes('label') && !folded.includes('namn') && !folded.includes('name');
  const hasTarget = folded.includes('target') && !folded.includes('till') && !folded.includes('to');
  const bindings: Binding[] = header.map((h, index) => {
    const override = options.mapping?.[h];
    let spec: FieldSpec | undefined;
    if (override !== undefined) {
      spec = parseFieldSpec(input.table, override);
      if (!spec)
        out.error(
          input.sheet,
          1,
          h,
          'bad_mapping',
          `Okänt fält "${override}" i kolumnmappningen`,
          `Unknown field "${override}" in the column mapping`,
        );
    } else spec = specForHeader(input.table, h, { kumu, hasKind, hasTarget });
    return { header: h, index, spec };
  });
  // A base field named by two columns is ambiguous.
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
  const dialect: SheetMapping['dialect'] =
    options.mapping && Object.keys(options.mapping).length > 0 ? 'custom' : kumu ? 'kumu' : 'template';
  return {
    bindings,
    mapping: {
      sheet: input.sheet,
      table: input.table,
      dialect,
      columns: bindings.filter((b) => b.header !== '').map((b) => ({ header: b.header, field: specName(b.spec) })),
    },
  };
}

const bindingOf = (bindings: Binding[], name: string) =>
  bindings.find((b) => b.spec?.to === 'field' && b.spec.name === name);

/** Builds a batch from actor and relation tables (see tables.ts for the columns). */
export function tablesToBatch(
  inputs: TableInput[],
  ctx: TableImportContext,
  options: TableImportOptions = {},
): TableImportResult {
  const out = new Collector();
  const sourceMap = emptySourceMap();
  const batch: Batch = { nodes: [], relations: [] };
  const mappings: SheetMapping[] = [];
  const existingById = new Map(ctx.existingNodes.map((n) => [n.id, n]));
  const existingByOrgnr = new Map<string, NodeRecord>();
  for (const n of ctx.existingNodes)
    if (typeof n.props.orgnr === 'string') existingByOrgnr.set(normaliseOrgnr(n.props.orgnr), n);
  const usedIds = new Set<string>();
  const batchOrgnr = new Map<string, number>();

  // Cell text of a row: trimmed, our own formula neutralisation undone; formula cells are errors and read as empty.
  const cellText = (
    input: TableInput,
    row: Array<TableCell | undefined>,
    b: Binding | undefined,
    rowNo: number,
    trim = true,
  ): string => {
    if (!b) return '';
    const cell = row[b.index];
    if (!cell) return '';
    const raw = cell.text ?? '';
    if (cell.formula !== undefined || (input.origin === 'csv' && looksLikeFormula(raw))) {
      const f = cell.formula !== undefined ? `=${cell.formula}` : raw.trim();
      out.error(
        input.sheet,
        rowNo,
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
  };
  const isEmptyRow = (row: Array<TableCell | undefined>) =>
    row.every((c) => !c || ((c.text ?? '').trim() === '' && c.formula === undefined));

  // ------------------------------------------------------------------------------------------------ actors
  for (const input of inputs.filter((i) => i.table === 'actors')) {
    const { bindings, mapping } = bindColumns(input, options, out);
    mappings.push(mapping);
    const nameB = bindingOf(bindings, 'name');
    const kindB = bindingOf(bindings, 'kind');
    const idB = bindingOf(bindings, 'id');
    const nameEnB = bindingOf(bindings, 'nameEn');
    const kumuB = bindings.find((b) => b.spec?.to === 'kumuType');
    const propBs = bindings.filter((b) => b.spec?.to === 'props');
    const covered = new Set(propBs.flatMap((b) => (b.spec as { keys: string[] }).keys));
    if (kumuB) covered.add('orgType').add('networkType');
    const missing = [
      !nameB ? FIELD_LABEL('actors', 'name') : undefined,
      !kindB && !kumuB && !idB ? FIELD_LABEL('actors', 'kind') : undefined,
    ].filter((x) => x !== undefined);
    for (const m of missing) {
      out.error(
        input.sheet,
        1,
        null,
        'missing_column',
        `Kolumnen "${m.sv}" saknas (engelska: "${m.en}")`,
        `The column "${m.en}" is missing (Swedish: "${m.sv}")`,
      );
    }
    if (missing.length > 0) continue;
    for (const b of [nameB, kindB, idB, nameEnB, kumuB])
      if (b) sourceMap.nodeColumns[specName(b.spec)!.replace('kumuType', 'kind')] = b.header;
    if (kumuB) {
      sourceMap.nodeColumns['props/orgType'] ??= kumuB.header;
      sourceMap.nodeColumns['props/networkType'] ??= kumuB.header;
    }
    for (const b of propBs)
      for (const k of (b.spec as { keys: string[] }).keys) sourceMap.nodeColumns[`props/${k}`] ??= b.header;

    for (let r = 1; r < input.rows.length; r++) {
      const row = input.rows[r] ?? [];
      if (isEmptyRow(row)) continue;
      const rowNo = r + 1;
      const text = (b: Binding | undefined) => cellText(input, row, b, rowNo);
      let id = text(idB);
      const name = text(nameB);
      const props: Props = {};
      let kind: string | undefined;
      const kindText = text(kindB);
      if (kindText) {
        kind = resolveKind(kindText);
        if (!kind) {
          out.error(
            input.sheet,
            rowNo,
            kindB!.header,
            'unknown_kind',
            `Okänd nodtyp "${kindText}" (tillåtna: ${NODE_KINDS.map((k) => k.label.sv).join(', ')})`,
            `Unknown kind "${kindText}" (allowed: ${NODE_KIND_IDS.join(', ')})`,
          );
          kind = kindText;
        }
      }
      const kumuText = text(kumuB);
      if (kumuText) {
        const k = resolveKumuType(kumuText);
        if (!k && !kind) {
          out.error(
            input.sheet,
            rowNo,
            kumuB!.header,
            'unknown_kind',
            `Okänd typ "${kumuText}": varken en nodtyp, en organisationstyp eller en nätverkstyp`,
            `Unknown type "${kumuText}": neither a node kind, an organisation type nor a network type`,
          );
          kind = kumuText;
        } else if (k) {
          kind ??= k.kind;
          if (k.props && k.kind === kind) Object.assign(props, k.props);
        }
      }
      if (!kind && id) kind = NODE_KINDS.find((k) => id.startsWith(`${k.idPrefix}:`))?.id;
      if (!kind)
        out.error(
          input.sheet,
          rowNo,
          kindB?.header ?? kumuB?.header ?? null,
          'missing_kind',
          'Nodtyp saknas',
          'The kind is missing',
        );
      if (!name) out.error(input.sheet, rowNo, nameB!.header, 'missing_name', 'Namn saknas', 'The name is missing');

      for (const b of propBs) {
        const t = text(b);
        if (t === '') continue;
        const keys = (b.spec as { keys: string[] }).keys;
        const key = kind ? keys.find((k) => propSchema(kind!, k) !== undefined) : undefined;
        if (!key) {
          if (kind && nodeKind(kind)) {
            out.error(
              input.sheet,
              rowNo,
              b.header,
              'prop_not_for_kind',
              `Kolumnen "${b.header}" gäller inte nodtypen ${nodeKind(kind)!.label.sv}`,
              `The column "${b.header}" does not apply to the kind ${kind}`,
            );
          }
          continue;
        }
        const c = convert(t, kind!, key, false);
        props[key] = c.value;
        if (c.error) out.error(input.sheet, rowNo, b.header, 'unknown_value', c.error.sv, c.error.en);
        if (c.warning) out.warn(input.sheet, rowNo, b.header, 'value_adjusted', c.warning.sv, c.warning.en);
      }

      // Upsert by organisationsnummer: a row without id takes the id of the node that has its number.
      const orgnr = typeof props.orgnr === 'string' ? normaliseOrgnr(props.orgnr) : undefined;
      if (orgnr) {
        const owner = existingByOrgnr.get(orgnr);
        if (!id && owner) id = owner.id;
        else if (id && owner && owner.id !== id) {
          out.error(
            input.sheet,
            rowNo,
            sourceMap.nodeColumns['props/orgnr'] ?? null,
            'orgnr_conflict',
            `Organisationsnumret ${props.orgnr} tillhör redan ${owner.name} (${owner.id})`,
            `The organisation number ${props.orgnr} already belongs to ${owner.name} (${owner.id})`,
          );
        }
        const prevRow = batchOrgnr.get(orgnr);
        if (prevRow !== undefined) {
          out.error(
            input.sheet,
            rowNo,
            sourceMap.nodeColumns['props/orgnr'] ?? null,
            'duplicate_orgnr',
            `Organisationsnumret ${props.orgnr} finns redan på rad ${prevRow}`,
            `The organisation number ${props.orgnr} is already on row ${prevRow}`,
          );
        } else batchOrgnr.set(orgnr, rowNo);
      }
      // A row without id gets one from its kind and name; an existing node of another name keeps its id.
      if (!id && kind && name && nodeKind(kind)) {
        const base = `${nodeKind(kind)!.idPrefix}:${slugify(name) || 'x'}`;
        id = base;
        for (
          let k = 2;
          usedIds.has(id) || (existingById.has(id) && fold(existingById.get(id)!.name) !== fold(name));
          k++
        )
          id = `${base}-${k}`;
      }
      if (!id) id = '';
      usedIds.add(id);

      const node: NodeInput = { id, kind: kind ?? '', name };
      const nameEn = text(nameEnB);
      const prev = existingById.get(id);
      if (nameEn) node.nameEn = nameEn;
      else if (!nameEnB && prev?.nameEn !== undefined) node.nameEn = prev.nameEn;
      // Props the sheet has no column for are kept from the stored node.
      const merged: Props = {};
      if (prev && prev.kind === kind)
        for (const [k, v] of Object.entries(prev.props)) if (!covered.has(k)) merged[k] = v;
      Object.assign(merged, props);
      if (Object.keys(merged).length > 0) node.props = merged;
      batch.nodes.push(node);
      sourceMap.nodes.push({ sheet: input.sheet, row: rowNo, id });
    }
  }

  // --------------------------------------------------------------------------------------------- relations
  const byName = new Map<string, Set<string>>();
  const addName = (name: string | undefined, id: string) => {
    if (!name) return;
    const f = fold(name);
    (byName.get(f) ?? byName.set(f, new Set()).get(f)!).add(id);
  };
  for (const n of ctx.existingNodes) {
    addName(n.name, n.id);
    addName(n.nameEn, n.id);
  }
  const batchIds = new Set(batch.nodes.map((n) => n.id));
  for (const n of batch.nodes) {
    addName(n.name, n.id);
    addName(n.nameEn, n.id);
  }
  const existingRel = new Map((ctx.existingRelations ?? []).map((r) => [r.id, r]));

  for (const input of inputs.filter((i) => i.table === 'relations')) {
    const { bindings, mapping } = bindColumns(input, options, out);
    mappings.push(mapping);
    const b = (name: string) => bindingOf(bindings, name);
    const need = [
      'type',
      'from',
      'to',
      ...(options.defaults?.evidence ? [] : ['evidence']),
      ...(options.defaults?.sources?.length ? [] : ['sourceUrl']),
    ];
    const missing = need.filter((n) => !b(n));
    for (const m of missing) {
      const label = FIELD_LABEL('relations', m);
      out.error(
        input.sheet,
        1,
        null,
        'missing_column',
        `Kolumnen "${label.sv}" saknas (engelska: "${label.en}")`,
        `The column "${label.en}" is missing (Swedish: "${label.sv}")`,
      );
    }
    if (missing.length > 0) continue;
    const fieldPaths: Record<string, string> = {
      id: 'id',
      type: 'type',
      from: 'from',
      to: 'to',
      evidence: 'evidence',
      sourceUrl: 'sources/url',
      sourceTitle: 'sources/title',
      sourceDate: 'sources/date',
      validFrom: 'validFrom',
      validTo: 'validTo',
      weight: 'weight',
      note: 'note',
    };
    for (const [f, path] of Object.entries(fieldPaths)) if (b(f)) sourceMap.relationColumns[path] ??= b(f)!.header;
    if (b('sourceUrl')) sourceMap.relationColumns.sources ??= b('sourceUrl')!.header;
    const propBs = bindings.filter((x) => x.spec?.to === 'props');
    for (const pb of propBs)
      for (const k of (pb.spec as { keys: string[] }).keys) sourceMap.relationColumns[`props/${k}`] ??= pb.header;
    const covered = new Set(propBs.flatMap((x) => (x.spec as { keys: string[] }).keys));
    let titleWarned = false;

    for (let r = 1; r < input.rows.length; r++) {
      const row = input.rows[r] ?? [];
      if (isEmptyRow(row)) continue;
      const rowNo = r + 1;
      const text = (name: string) => cellText(input, row, b(name), rowNo);
      const lines = (name: string) => splitMulti(cellText(input, row, b(name), rowNo, false));
      const rel: Record<string, unknown> = {};
      const typeText = text('type');
      let type = typeText ? resolveRelationType(typeText) : undefined;
      if (!typeText)
        out.error(
          input.sheet,
          rowNo,
          b('type')!.header,
          'missing_type',
          'Relationstyp saknas',
          'The relation type is missing',
        );
      else if (!type) {
        out.error(
          input.sheet,
          rowNo,
          b('type')!.header,
          'unknown_relation_type',
          `Okänd relationstyp "${typeText}" (tillåtna: ${RELATION_KIND_IDS.join(', ')})`,
          `Unknown relation type "${typeText}" (allowed: ${RELATION_KIND_IDS.join(', ')})`,
        );
        type = typeText;
      }
      rel.type = type ?? '';
      for (const end of ['from', 'to'] as const) {
        const t = text(end);
        const header = b(end)!.header;
        if (!t) {
          out.error(
            input.sheet,
            rowNo,
            header,
            'missing_endpoint',
            end === 'from' ? 'Från-nod saknas' : 'Till-nod saknas',
            end === 'from' ? 'The from node is missing' : 'The to node is missing',
          );
          rel[end] = '';
          continue;
        }
        if (batchIds.has(t) || existingById.has(t)) {
          rel[end] = t;
          continue;
        }
        const ids = [...(byName.get(fold(t)) ?? [])];
        if (ids.length === 1) rel[end] = ids[0];
        else {
          rel[end] = t;
          if (ids.length > 1) {
            out.error(
              input.sheet,
              rowNo,
              header,
              'ambiguous_node',
              `Namnet "${t}" passar flera noder (${ids.join(', ')}); ange id`,
              `The name "${t}" fits several nodes (${ids.join(', ')}); give the id`,
            );
          } else {
            out.error(
              input.sheet,
              rowNo,
              header,
              'unknown_node',
              `Noden "${t}" finns varken bland aktörerna i filen eller i atlasen (varken som id eller namn)`,
              `The node "${t}" is neither among the actors of the file nor in the atlas (neither as id nor as name)`,
            );
          }
        }
      }
      const idText = text('id');
      if (idText) rel.id = idText;
      const key =
        idText ||
        (typeof rel.from === 'string' && typeof rel.to === 'string' && type ? relationId(type, rel.from, rel.to) : '');
      const prev = existingRel.get(key);

      const evText = text('evidence');
      if (evText) {
        const ev = resolveEvidence(evText);
        if (!ev) {
          out.error(
            input.sheet,
            rowNo,
            b('evidence')!.header,
            'unknown_evidence',
            `Okänt belägg "${evText}" (tillåtna: ${Object.values(EVIDENCE_LABELS)
              .map((l) => l.sv)
              .join(', ')})`,
            `Unknown evidence "${evText}" (allowed: ${Object.values(EVIDENCE_LABELS)
              .map((l) => l.en)
              .join(', ')})`,
          );
        }
        rel.evidence = ev ?? evText;
      } else if (!b('evidence') && prev) rel.evidence = prev.evidence;
      else if (options.defaults?.evidence) rel.evidence = options.defaults.evidence;
      else
        out.error(
          input.sheet,
          rowNo,
          b('evidence')?.header ?? null,
          'missing_evidence',
          'Belägg saknas (bekräftad, trolig eller osäker)',
          'The evidence is missing (confirmed, probable or uncertain)',
        );

      const urls = lines('sourceUrl');
      const titles = lines('sourceTitle');
      const dates = lines('sourceDate');
      if (urls.length > 0) {
        rel.sources = urls.map((url, i) => {
          const s: Source = {
            url,
            title: titles[i] || (urls.length === 1 && titles.length > 1 ? titles.join(' | ') : url),
          };
          if (dates[i]) s.date = parseDate(dates[i]);
          return s;
        });
        if (b('sourceTitle') === undefined && !titleWarned) {
          titleWarned = true;
          out.warn(
            input.sheet,
            1,
            b('sourceUrl')!.header,
            'source_title_from_url',
            'Kolumnen "Källa (titel)" saknas; källornas URL används som titel',
            'The column "Source title" is missing; the sources\' URLs are used as titles',
          );
        }
      } else if (!b('sourceUrl') && prev) rel.sources = prev.sources;
      else if (options.defaults?.sources?.length) rel.sources = options.defaults.sources;
      else
        out.error(
          input.sheet,
          rowNo,
          b('sourceUrl')?.header ?? null,
          'missing_source',
          'Källa saknas: varje relation behöver minst en källa (URL)',
          'The source is missing: every relation needs at least one source (URL)',
        );

      for (const f of ['validFrom', 'validTo'] as const) {
        const t = text(f);
        if (t) rel[f] = parseDate(t);
        else if (!b(f) && prev) rel[f] = prev[f];
      }
      const w = text('weight');
      if (w) rel.weight = parseNumber(w);
      else if (!b('weight') && prev) rel.weight = prev.weight;
      const note = text('note');
      if (note) rel.note = note;
      else if (!b('note') && prev?.note !== undefined) rel.note = prev.note;

      const props: Props = {};
      if (prev && prev.type === type)
        for (const [k, v] of Object.entries(prev.props)) if (!covered.has(k)) props[k] = v;
      for (const pb of propBs) {
        const t = cellText(input, row, pb, rowNo);
        if (t === '') continue;
        const keys = (pb.spec as { keys: string[] }).keys;
        const k = type && relationKind(type) ? keys.find((x) => propSchema(type!, x, true) !== undefined) : undefined;
        if (!k) {
          if (type && relationKind(type))
            out.error(
              input.sheet,
              rowNo,
              pb.header,
              'prop_not_for_kind',
              `Kolumnen "${pb.header}" gäller inte relationstypen ${type}`,
              `The column "${pb.header}" does not apply to the relation type ${type}`,
            );
          continue;
        }
        const c = convert(t, type!, k, true);
        props[k] = c.value;
        if (c.error) out.error(input.sheet, rowNo, pb.header, 'unknown_value', c.error.sv, c.error.en);
        if (c.warning) out.warn(input.sheet, rowNo, pb.header, 'value_adjusted', c.warning.sv, c.warning.en);
      }
      if (Object.keys(props).length > 0) rel.props = props;
      batch.relations.push(rel as unknown as RelationInput);
      sourceMap.relations.push({ sheet: input.sheet, row: rowNo, ...(key ? { id: key } : {}) });
    }
  }
  return { batch, sourceMap, report: out.report, mapping: mappings };
}
