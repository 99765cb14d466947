import type { NodeRecord, RelationRecord, Snapshot, SnapshotQuery } from '../model/records.js';
import { validOnDate } from '../graph/as-of.js';

/**
 * One recorded write, as the stores keep it (transaction time `at`, commit order `seq`). Structurally the same as
 * the server's HistoryEntry, so core does not depend on the server.
 */
export interface RecordedChange {
  seq: number;
  recordId: string;
  recordType: 'node' | 'relation';
  op: 'create' | 'update' | 'delete';
  at: string;
  actor?: string;
  after: NodeRecord | RelationRecord | null;
}

const DATE = /^\d{4}-\d{2}-\d{2}$/;

/**
 * A transaction-time instant as a comparable ISO string. A bare date means the end of that day (UTC): "the map as it
 * stood on 2024-03-01" includes everything recorded that day. Returns undefined for anything that is not a real date.
 */
export function recordedInstant(value: string): string | undefined {
  if (DATE.test(value)) {
    const d = new Date(`${value}T23:59:59.999Z`);
    return Number.isNaN(d.getTime()) || d.toISOString().slice(0, 10) !== value ? undefined : d.toISOString();
  }
  if (!/^\d{4}-\d{2}-\d{2}T\d{2}:\d{2}(:\d{2}(\.\d{1,9})?)?(Z|[+-]\d{2}:\d{2})$/.test(value)) return undefined;
  const d = new Date(value);
  return Number.isNaN(d.getTime()) ? undefined : d.toISOString();
}

const byId = <T extends { id: string }>(a: T, b: T): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

/**
 * The graph as it was recorded at transaction time `at` (an ISO instant, see recordedInstant): for every record the
 * last entry, in commit order, recorded at or before `at`; a record whose last entry is a delete is gone. The query
 * filters as the stores' snapshot does (kinds, relation types, and valid time `asOf` on top: a bitemporal view).
 */
export function asRecorded(entries: Iterable<RecordedChange>, at: string, query: SnapshotQuery = {}): Snapshot {
  const last = new Map<string, RecordedChange>();
  for (const e of entries) {
    if (e.at > at) continue;
    const key = `${e.recordType}\u0000${e.recordId}`;
    const prev = last.get(key);
    if (!prev || prev.seq < e.seq) last.set(key, e);
  }
  let nodes: NodeRecord[] = [];
  let relations: RelationRecord[] = [];
  for (const e of last.values()) {
    if (e.op === 'delete' || !e.after) continue;
    if (e.recordType === 'node') nodes.push(e.after as NodeRecord);
    else relations.push(e.after as RelationRecord);
  }
  if (query.kinds && query.kinds.length > 0) {
    const kinds = new Set(query.kinds);
    nodes = nodes.filter((n) => kinds.has(n.kind));
  }
  const ids = new Set(nodes.map((n) => n.id));
  const types = query.relationTypes && query.relationTypes.length > 0 ? new Set(query.relationTypes) : undefined;
  relations = relations
    .filter((r) => ids.has(r.from) && ids.has(r.to))
    .filter((r) => !types || types.has(r.type))
    .filter((r) => !query.asOf || validOnDate(query.asOf, r));
  return { nodes: nodes.sort(byId), relations: relations.sort(byId), ...(query.asOf ? { asOf: query.asOf } : {}) };
}
