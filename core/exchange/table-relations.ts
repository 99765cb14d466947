/** The relation sheets of a table import: endpoints by id or name, provenance, and props by relation type. */
import { RELATION_KIND_IDS, relationKind } from '../model/catalogue/relation-kinds.js';
import { relationId } from '../model/ids.js';
import type { Props, RelationInput, RelationRecord, Source } from '../model/records.js';
import { fold } from '../text/fold.js';
import {
  type Binding,
  type ImportState,
  type RowCursor,
  type TableInput,
  FIELD_LABEL,
  bindColumns,
  bindingOf,
  cellText,
  isEmptyRow,
  propCell,
  propKeys,
  reportMissingColumn,
} from './table-sheet.js';
import { parseDate, parseNumber, splitMulti } from './table-values.js';
import { EVIDENCE_LABELS, propSchema, resolveEvidence, resolveRelationType } from './tables.js';

/** Where each base field lands in the source map. */
const FIELD_PATHS: Record<string, string> = {
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

/** Endpoints named in a relation sheet resolve by id, else by (folded) name among the file's and the atlas' nodes. */
export interface NodeLookup {
  ids: Set<string>;
  byName: Map<string, Set<string>>;
  existingRel: Map<string, RelationRecord>;
}

export function nodeLookup(st: ImportState): NodeLookup {
  const byName = new Map<string, Set<string>>();
  const addName = (name: string | undefined, id: string) => {
    if (!name) return;
    const f = fold(name);
    (byName.get(f) ?? byName.set(f, new Set()).get(f)!).add(id);
  };
  for (const n of [...st.ctx.existingNodes, ...st.batch.nodes]) {
    addName(n.name, n.id);
    addName(n.nameEn, n.id);
  }
  const ids = new Set([...st.batch.nodes.map((n) => n.id), ...st.existingById.keys()]);
  return { ids, byName, existingRel: new Map((st.ctx.existingRelations ?? []).map((r) => [r.id, r])) };
}

interface RelationSheet {
  col: (name: string) => Binding | undefined;
  props: Binding[];
  covered: Set<string>;
  /** The missing title column is said once per sheet. */
  titleWarned: boolean;
}

function relationSheet(input: TableInput, st: ImportState): RelationSheet | undefined {
  const bindings = bindColumns(input, st);
  const col = (name: string) => bindingOf(bindings, name);
  const { defaults } = st.options;
  const need = ['type', 'from', 'to'];
  if (!defaults?.evidence) need.push('evidence');
  if (!defaults?.sources?.length) need.push('sourceUrl');
  const missing = need.filter((n) => !col(n));
  for (const m of missing) reportMissingColumn(st.out, input.sheet, FIELD_LABEL('relations', m));
  if (missing.length > 0) return undefined;
  const columns = st.sourceMap.relationColumns;
  for (const [f, path] of Object.entries(FIELD_PATHS)) if (col(f)) columns[path] ??= col(f)!.header;
  if (col('sourceUrl')) columns.sources ??= col('sourceUrl')!.header;
  const props = bindings.filter((x) => x.spec?.to === 'props');
  for (const pb of props) for (const k of propKeys(pb)) columns[`props/${k}`] ??= pb.header;
  return { col, props, covered: new Set(props.flatMap(propKeys)), titleWarned: false };
}

function relationType(at: RowCursor, sheet: RelationSheet): string | undefined {
  const typeText = cellText(at, sheet.col('type'));
  const header = sheet.col('type')!.header;
  if (!typeText) {
    at.out.error(
      at.input.sheet,
      at.rowNo,
      header,
      'missing_type',
      'Relationstyp saknas',
      'The relation type is missing',
    );
    return undefined;
  }
  const type = resolveRelationType(typeText);
  if (type) return type;
  at.out.error(
    at.input.sheet,
    at.rowNo,
    header,
    'unknown_relation_type',
    `Okänd relationstyp "${typeText}" (tillåtna: ${RELATION_KIND_IDS.join(', ')})`,
    `Unknown relation type "${typeText}" (allowed: ${RELATION_KIND_IDS.join(', ')})`,
  );
  return typeText;
}

function endpoint(at: RowCursor, sheet: RelationSheet, end: 'from' | 'to', nodes: NodeLookup): string {
  const t = cellText(at, sheet.col(end));
  const header = sheet.col(end)!.header;
  const report = (code: string, sv: string, en: string) => at.out.error(at.input.sheet, at.rowNo, header, code, sv, en);
  if (!t) {
    if (end === 'from') report('missing_endpoint', 'Från-nod saknas', 'The from node is missing');
    else report('missing_endpoint', 'Till-nod saknas', 'The to node is missing');
    return '';
  }
  if (nodes.ids.has(t)) return t;
  const ids = [...(nodes.byName.get(fold(t)) ?? [])];
  if (ids.length === 1) return ids[0];
  if (ids.length > 1)
    report(
      'ambiguous_node',
      `Namnet "${t}" passar flera noder (${ids.join(', ')}); ange id`,
      `The name "${t}" fits several nodes (${ids.join(', ')}); give the id`,
    );
  else
    report(
      'unknown_node',
      `Noden "${t}" finns varken bland aktörerna i filen eller i atlasen (varken som id eller namn)`,
      `The node "${t}" is neither among the actors of the file nor in the atlas (neither as id nor as name)`,
    );
  return t;
}

/** The evidence cell, else the stored relation's (when the sheet has no such column), else the import default. */
function evidence(at: RowCursor, sheet: RelationSheet, st: ImportState, prev: RelationRecord | undefined) {
  const column = sheet.col('evidence');
  const evText = cellText(at, column);
  if (evText) {
    const ev = resolveEvidence(evText);
    if (!ev) {
      const allowed = (lang: 'sv' | 'en') =>
        Object.values(EVIDENCE_LABELS)
          .map((l) => l[lang])
          .join(', ');
      at.out.error(
        at.input.sheet,
        at.rowNo,
        column!.header,
        'unknown_evidence',
        `Okänt belägg "${evText}" (tillåtna: ${allowed('sv')})`,
        `Unknown evidence "${evText}" (allowed: ${allowed('en')})`,
      );
    }
    return ev ?? evText;
  }
  if (!column && prev) return prev.evidence;
  if (st.options.defaults?.evidence) return st.options.defaults.evidence;
  at.out.error(
    at.input.sheet,
    at.rowNo,
    column?.header ?? null,
    'missing_evidence',
    'Belägg saknas (bekräftad, trolig eller osäker)',
    'The evidence is missing (confirmed, probable or uncertain)',
  );
  return undefined;
}

/** Sources from aligned multi-value URL, title and date cells; else the stored relation's, else the default. */
function sources(at: RowCursor, sheet: RelationSheet, st: ImportState, prev: RelationRecord | undefined) {
  const lines = (name: string) => splitMulti(cellText(at, sheet.col(name), false));
  const urls = lines('sourceUrl');
  const titles = lines('sourceTitle');
  const dates = lines('sourceDate');
  const urlColumn = sheet.col('sourceUrl');
  if (urls.length > 0) {
    if (sheet.col('sourceTitle') === undefined && !sheet.titleWarned) {
      sheet.titleWarned = true;
      at.out.warn(
        at.input.sheet,
        1,
        urlColumn!.header,
        'source_title_from_url',
        'Kolumnen "Källa (titel)" saknas; källornas URL används som titel',
        'The column "Source title" is missing; the sources\' URLs are used as titles',
      );
    }
    return urls.map((url, i) => {
      const s: Source = {
        url,
        title: titles[i] || (urls.length === 1 && titles.length > 1 ? titles.join(' | ') : url),
      };
      if (dates[i]) s.date = parseDate(dates[i]);
      return s;
    });
  }
  if (!urlColumn && prev) return prev.sources;
  if (st.options.defaults?.sources?.length) return st.options.defaults.sources;
  at.out.error(
    at.input.sheet,
    at.rowNo,
    urlColumn?.header ?? null,
    'missing_source',
    'Källa saknas: varje relation behöver minst en källa (URL)',
    'The source is missing: every relation needs at least one source (URL)',
  );
  return undefined;
}

/** Validity, weight and note: the cell, else the stored value when the sheet has no such column. */
function scalars(at: RowCursor, sheet: RelationSheet, prev: RelationRecord | undefined, rel: Record<string, unknown>) {
  for (const f of ['validFrom', 'validTo'] as const) {
    const t = cellText(at, sheet.col(f));
    if (t) rel[f] = parseDate(t);
    else if (!sheet.col(f) && prev) rel[f] = prev[f];
  }
  const w = cellText(at, sheet.col('weight'));
  if (w) rel.weight = parseNumber(w);
  else if (!sheet.col('weight') && prev) rel.weight = prev.weight;
  const note = cellText(at, sheet.col('note'));
  if (note) rel.note = note;
  else if (!sheet.col('note') && prev?.note !== undefined) rel.note = prev.note;
}

/** Props the sheet has no column for are kept from the stored relation of the same type. */
function relationProps(
  at: RowCursor,
  sheet: RelationSheet,
  type: string | undefined,
  prev: RelationRecord | undefined,
) {
  const props: Props = {};
  if (prev && prev.type === type)
    for (const [k, v] of Object.entries(prev.props)) if (!sheet.covered.has(k)) props[k] = v;
  const known = type !== undefined && relationKind(type) !== undefined;
  for (const pb of sheet.props) {
    if (cellText(at, pb) === '') continue;
    const k = known ? propKeys(pb).find((x) => propSchema(type!, x, true) !== undefined) : undefined;
    if (!k) {
      if (known)
        at.out.error(
          at.input.sheet,
          at.rowNo,
          pb.header,
          'prop_not_for_kind',
          `Kolumnen "${pb.header}" gäller inte relationstypen ${type}`,
          `The column "${pb.header}" does not apply to the relation type ${type}`,
        );
      continue;
    }
    props[k] = propCell(at, pb, type!, k, true)!.value;
  }
  return props;
}

function relationRow(at: RowCursor, sheet: RelationSheet, st: ImportState, nodes: NodeLookup): void {
  const type = relationType(at, sheet);
  const rel: Record<string, unknown> = { type: type ?? '' };
  rel.from = endpoint(at, sheet, 'from', nodes);
  rel.to = endpoint(at, sheet, 'to', nodes);
  const idText = cellText(at, sheet.col('id'));
  if (idText) rel.id = idText;
  const key = idText || (type ? relationId(type, rel.from as string, rel.to as string) : '');
  const prev = nodes.existingRel.get(key);
  const ev = evidence(at, sheet, st, prev);
  if (ev !== undefined) rel.evidence = ev;
  const src = sources(at, sheet, st, prev);
  if (src !== undefined) rel.sources = src;
  scalars(at, sheet, prev, rel);
  const props = relationProps(at, sheet, type, prev);
  if (Object.keys(props).length > 0) rel.props = props;
  st.batch.relations.push(rel as unknown as RelationInput);
  st.sourceMap.relations.push({ sheet: at.input.sheet, row: at.rowNo, ...(key ? { id: key } : {}) });
}

/** Reads one relation sheet into the batch. */
export function importRelationSheet(input: TableInput, st: ImportState, nodes: NodeLookup): void {
  const sheet = relationSheet(input, st);
  if (!sheet) return;
  for (let r = 1; r < input.rows.length; r++) {
    const row = input.rows[r] ?? [];
    if (!isEmptyRow(row)) relationRow({ input, row, rowNo: r + 1, out: st.out }, sheet, st, nodes);
  }
}
