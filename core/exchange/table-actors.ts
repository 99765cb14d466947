/** The actor sheets of a table import: one node per row, upserted by id or organisationsnummer. */
import { NODE_KIND_IDS, NODE_KINDS, nodeKind } from '../model/catalogue/node-kinds.js';
import { slugify } from '../model/ids.js';
import { normaliseOrgnr } from '../model/orgnr.js';
import type { NodeInput, Props } from '../model/records.js';
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
import { propSchema, resolveKind, resolveKumuType, specName } from './tables.js';

interface ActorColumns {
  name: Binding;
  kind?: Binding;
  id?: Binding;
  nameEn?: Binding;
  kumu?: Binding;
  props: Binding[];
  /** Prop keys the sheet has a column for; the others are kept from the stored node. */
  covered: Set<string>;
}

/** Binds the sheet's columns; undefined (with the missing columns reported) when the sheet cannot be read. */
function actorColumns(input: TableInput, st: ImportState): ActorColumns | undefined {
  const bindings = bindColumns(input, st);
  const name = bindingOf(bindings, 'name');
  const kind = bindingOf(bindings, 'kind');
  const id = bindingOf(bindings, 'id');
  const kumu = bindings.find((b) => b.spec?.to === 'kumuType');
  const missing = [
    !name ? FIELD_LABEL('actors', 'name') : undefined,
    !kind && !kumu && !id ? FIELD_LABEL('actors', 'kind') : undefined,
  ].filter((x) => x !== undefined);
  for (const m of missing) reportMissingColumn(st.out, input.sheet, m);
  if (!name || missing.length > 0) return undefined;
  const props = bindings.filter((b) => b.spec?.to === 'props');
  const covered = new Set(props.flatMap(propKeys));
  if (kumu) covered.add('orgType').add('networkType');
  const cols: ActorColumns = { name, kind, id, nameEn: bindingOf(bindings, 'nameEn'), kumu, props, covered };
  recordActorColumns(cols, st);
  return cols;
}

function recordActorColumns(cols: ActorColumns, st: ImportState): void {
  const columns = st.sourceMap.nodeColumns;
  for (const b of [cols.name, cols.kind, cols.id, cols.nameEn, cols.kumu])
    if (b) columns[specName(b.spec)!.replace('kumuType', 'kind')] = b.header;
  if (cols.kumu) {
    columns['props/orgType'] ??= cols.kumu.header;
    columns['props/networkType'] ??= cols.kumu.header;
  }
  for (const b of cols.props) for (const k of propKeys(b)) columns[`props/${k}`] ??= b.header;
}

/** The row's kind from the kind column, else the Kumu type (which may also set props), else the id's prefix. */
function actorKind(at: RowCursor, cols: ActorColumns, id: string, props: Props): string | undefined {
  let kind: string | undefined;
  const kindText = cellText(at, cols.kind);
  if (kindText) {
    kind = resolveKind(kindText);
    if (!kind) {
      at.out.error(
        at.input.sheet,
        at.rowNo,
        cols.kind!.header,
        'unknown_kind',
        `Okänd nodtyp "${kindText}" (tillåtna: ${NODE_KINDS.map((k) => k.label.sv).join(', ')})`,
        `Unknown kind "${kindText}" (allowed: ${NODE_KIND_IDS.join(', ')})`,
      );
      kind = kindText;
    }
  }
  const kumuText = cellText(at, cols.kumu);
  if (kumuText) {
    const k = resolveKumuType(kumuText);
    if (!k && !kind) {
      at.out.error(
        at.input.sheet,
        at.rowNo,
        cols.kumu!.header,
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
  return kind;
}

/** Reads the props columns into `props`, each into the first of its keys that the kind has. */
function actorProps(at: RowCursor, cols: ActorColumns, kind: string | undefined, props: Props): void {
  for (const b of cols.props) {
    if (cellText(at, b) === '') continue;
    const key = kind ? propKeys(b).find((k) => propSchema(kind, k) !== undefined) : undefined;
    if (!key) {
      if (kind && nodeKind(kind)) {
        at.out.error(
          at.input.sheet,
          at.rowNo,
          b.header,
          'prop_not_for_kind',
          `Kolumnen "${b.header}" gäller inte nodtypen ${nodeKind(kind)!.label.sv}`,
          `The column "${b.header}" does not apply to the kind ${kind}`,
        );
      }
      continue;
    }
    props[key] = propCell(at, b, kind!, key, false)!.value;
  }
}

/** Upsert by organisationsnummer: a row without id takes the id of the node that has its number. */
function idByOrgnr(at: RowCursor, st: ImportState, id: string, props: Props): string {
  const orgnr = typeof props.orgnr === 'string' ? normaliseOrgnr(props.orgnr) : undefined;
  if (!orgnr) return id;
  const column = st.sourceMap.nodeColumns['props/orgnr'] ?? null;
  const owner = st.existingByOrgnr.get(orgnr);
  if (!id && owner) id = owner.id;
  else if (id && owner && owner.id !== id) {
    at.out.error(
      at.input.sheet,
      at.rowNo,
      column,
      'orgnr_conflict',
      `Organisationsnumret ${props.orgnr} tillhör redan ${owner.name} (${owner.id})`,
      `The organisation number ${props.orgnr} already belongs to ${owner.name} (${owner.id})`,
    );
  }
  const prevRow = st.batchOrgnr.get(orgnr);
  if (prevRow !== undefined) {
    at.out.error(
      at.input.sheet,
      at.rowNo,
      column,
      'duplicate_orgnr',
      `Organisationsnumret ${props.orgnr} finns redan på rad ${prevRow}`,
      `The organisation number ${props.orgnr} is already on row ${prevRow}`,
    );
  } else st.batchOrgnr.set(orgnr, at.rowNo);
  return id;
}

/** A row without id gets one from its kind and name; an existing node of another name keeps its id. */
function newActorId(st: ImportState, kind: string | undefined, name: string): string {
  const def = kind && name ? nodeKind(kind) : undefined;
  if (!def) return '';
  const base = `${def.idPrefix}:${slugify(name) || 'x'}`;
  let id = base;
  const taken = (x: string) =>
    st.usedIds.has(x) || (st.existingById.has(x) && fold(st.existingById.get(x)!.name) !== fold(name));
  for (let k = 2; taken(id); k++) id = `${base}-${k}`;
  return id;
}

function actorRow(at: RowCursor, cols: ActorColumns, st: ImportState): void {
  const idText = cellText(at, cols.id);
  const name = cellText(at, cols.name);
  const props: Props = {};
  const kind = actorKind(at, cols, idText, props);
  const { sheet } = at.input;
  if (!kind) {
    const column = cols.kind?.header ?? cols.kumu?.header ?? null;
    at.out.error(sheet, at.rowNo, column, 'missing_kind', 'Nodtyp saknas', 'The kind is missing');
  }
  if (!name) at.out.error(sheet, at.rowNo, cols.name.header, 'missing_name', 'Namn saknas', 'The name is missing');
  actorProps(at, cols, kind, props);
  let id = idByOrgnr(at, st, idText, props);
  if (!id) id = newActorId(st, kind, name);
  st.usedIds.add(id);

  const node: NodeInput = { id, kind: kind ?? '', name };
  const nameEn = cellText(at, cols.nameEn);
  const prev = st.existingById.get(id);
  if (nameEn) node.nameEn = nameEn;
  else if (!cols.nameEn && prev?.nameEn !== undefined) node.nameEn = prev.nameEn;
  // Props the sheet has no column for are kept from the stored node.
  const merged: Props = {};
  if (prev && prev.kind === kind)
    for (const [k, v] of Object.entries(prev.props)) if (!cols.covered.has(k)) merged[k] = v;
  Object.assign(merged, props);
  if (Object.keys(merged).length > 0) node.props = merged;
  st.batch.nodes.push(node);
  st.sourceMap.nodes.push({ sheet, row: at.rowNo, id });
}

/** Reads one actor sheet into the batch. */
export function importActorSheet(input: TableInput, st: ImportState): void {
  const cols = actorColumns(input, st);
  if (!cols) return;
  for (let r = 1; r < input.rows.length; r++) {
    const row = input.rows[r] ?? [];
    if (!isEmptyRow(row)) actorRow({ input, row, rowNo: r + 1, out: st.out }, cols, st);
  }
}
