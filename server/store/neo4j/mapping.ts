import neo4j, { type Integer } from 'neo4j-driver';
import { fold } from '../../../core/text/fold.js';
import type { NodeRecord, RelationRecord } from '../../../core/model/records.js';
import type { HistoryEntry, SavedView } from '../graph-store.js';

/**
 * Records ↔ Neo4j properties. Neo4j has no map properties, so `props` and `sources` (and history's before/after)
 * are JSON strings. Integers go out as `neo4j.int` (a JS number would be stored as a FLOAT) and come back as plain
 * numbers whatever the driver's integer setting, so no Integer or BigInt leaks out of the store.
 */
export type PropMap = Record<string, unknown>;

/** Cypher INTEGER (for versions, seq, SKIP/LIMIT and list slices); a JS number would be sent as a FLOAT. */
export const int = (n: number): Integer => neo4j.int(n);

export function toNumber(v: unknown): number {
  if (typeof v === 'number') return v;
  if (typeof v === 'bigint') return Number(v);
  if (neo4j.isInt(v)) return (v as Integer).toNumber();
  throw new TypeError(`Expected a number from Neo4j, got ${typeof v}`);
}

const str = (p: PropMap, key: string): string => {
  const v = p[key];
  if (typeof v !== 'string') throw new TypeError(`Neo4j property ${key} is not a string`);
  return v;
};
const optStr = (p: PropMap, key: string): string | null => (typeof p[key] === 'string' ? (p[key] as string) : null);
const json = <T>(p: PropMap, key: string): T => JSON.parse(str(p, key)) as T;

export const searchText = (n: Pick<NodeRecord, 'id' | 'name' | 'nameEn'>): string =>
  fold(`${n.name} ${n.nameEn ?? ''} ${n.id}`);

/** Null values are dropped by `SET n = $map`, which is how optional fields stay absent. */
export function nodeToProps(n: NodeRecord): PropMap {
  return {
    id: n.id,
    kind: n.kind,
    name: n.name,
    nameEn: n.nameEn ?? null,
    props: JSON.stringify(n.props),
    searchText: searchText(n),
    version: int(n.version),
    createdAt: n.createdAt,
    createdBy: n.createdBy,
    updatedAt: n.updatedAt,
    updatedBy: n.updatedBy,
  };
}

export function nodeFromProps(p: PropMap): NodeRecord {
  const nameEn = optStr(p, 'nameEn');
  return {
    id: str(p, 'id'),
    kind: str(p, 'kind'),
    name: str(p, 'name'),
    ...(nameEn !== null ? { nameEn } : {}),
    props: json(p, 'props'),
    version: toNumber(p.version),
    createdAt: str(p, 'createdAt'),
    createdBy: str(p, 'createdBy'),
    updatedAt: str(p, 'updatedAt'),
    updatedBy: str(p, 'updatedBy'),
  };
}

/** Stored relationship properties, in the column order of the rows relation-create/-update.cypher read. */
export const RELATION_COLUMNS = [
  'id',
  'weight',
  'props',
  'sources',
  'evidence',
  'validFrom',
  'validTo',
  'note',
  'version',
  'createdAt',
  'createdBy',
  'updatedAt',
  'updatedBy',
] as const;

/** `[from, to, ...RELATION_COLUMNS]`: a list, which is about half the cost of a map to send and decode. */
export function relationRow(r: RelationRecord): unknown[] {
  const props: Record<(typeof RELATION_COLUMNS)[number], unknown> = {
    id: r.id,
    weight: r.weight,
    props: JSON.stringify(r.props),
    sources: JSON.stringify(r.sources),
    evidence: r.evidence,
    validFrom: r.validFrom,
    validTo: r.validTo,
    note: r.note ?? null,
    version: int(r.version),
    createdAt: r.createdAt,
    createdBy: r.createdBy,
    updatedAt: r.updatedAt,
    updatedBy: r.updatedBy,
  };
  return [r.from, r.to, ...RELATION_COLUMNS.map((c) => props[c])];
}

/** What every relation query returns per relation: `[type, from, to, ...RELATION_COLUMNS]`. */
export function relationFromList(list: unknown[]): RelationRecord {
  const [type, from, to, ...values] = list;
  const p: PropMap = Object.fromEntries(RELATION_COLUMNS.map((c, i) => [c, values[i]]));
  const note = optStr(p, 'note');
  return {
    id: str(p, 'id'),
    type: String(type),
    from: String(from),
    to: String(to),
    weight: toNumber(p.weight),
    props: json(p, 'props'),
    sources: json(p, 'sources'),
    evidence: str(p, 'evidence') as RelationRecord['evidence'],
    validFrom: optStr(p, 'validFrom'),
    validTo: optStr(p, 'validTo'),
    ...(note !== null ? { note } : {}),
    version: toNumber(p.version),
    createdAt: str(p, 'createdAt'),
    createdBy: str(p, 'createdBy'),
    updatedAt: str(p, 'updatedAt'),
    updatedBy: str(p, 'updatedBy'),
  };
}

/** A result row with the relation list in column `rel`. */
export const relationFromRow = (row: PropMap): RelationRecord => relationFromList(row.rel as unknown[]);

/** History columns in the order history-append.cypher reads; actor and time are per transaction. */
export const HISTORY_COLUMNS = ['seq', 'recordId', 'recordType', 'version', 'op', 'before', 'after'] as const;

export function historyRow(h: Omit<HistoryEntry, 'actor' | 'at'>): unknown[] {
  const cols: Record<(typeof HISTORY_COLUMNS)[number], unknown> = {
    seq: int(h.seq),
    recordId: h.recordId,
    recordType: h.recordType,
    version: int(h.version),
    op: h.op,
    before: h.before ? JSON.stringify(h.before) : null,
    after: h.after ? JSON.stringify(h.after) : null,
  };
  return HISTORY_COLUMNS.map((c) => cols[c]);
}

/** A history entry as history-tail.cypher reads it: historyRow without the seq, which the statement assigns. */
export function historyEntry(
  recordType: HistoryEntry['recordType'],
  op: HistoryEntry['op'],
  before: NodeRecord | RelationRecord | null,
  after: NodeRecord | RelationRecord | null,
): unknown[] {
  const rec = after ?? before;
  if (!rec) throw new Error('A history entry needs a before or an after');
  return historyRow({ seq: 0, recordId: rec.id, recordType, version: rec.version, op, before, after }).slice(1);
}

export function historyFromProps(p: PropMap): HistoryEntry {
  const before = optStr(p, 'before');
  const after = optStr(p, 'after');
  return {
    seq: toNumber(p.seq),
    recordId: str(p, 'recordId'),
    recordType: str(p, 'recordType') as HistoryEntry['recordType'],
    version: toNumber(p.version),
    op: str(p, 'op') as HistoryEntry['op'],
    actor: str(p, 'actor'),
    at: str(p, 'at'),
    before: before ? (JSON.parse(before) as HistoryEntry['before']) : null,
    after: after ? (JSON.parse(after) as HistoryEntry['after']) : null,
  };
}

export const viewToProps = (v: SavedView): PropMap => ({
  name: v.name,
  state: JSON.stringify(v.state),
  version: int(v.version),
  updatedAt: v.updatedAt,
  updatedBy: v.updatedBy,
});

export const viewFromProps = (p: PropMap): SavedView => ({
  name: str(p, 'name'),
  state: json(p, 'state'),
  version: toNumber(p.version),
  updatedAt: str(p, 'updatedAt'),
  updatedBy: str(p, 'updatedBy'),
});
