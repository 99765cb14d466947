import type { NodeRecord, RelationRecord } from '../../../core/model/records.js';
import type { HistoryEntry } from '../graph-store.js';

/**
 * History rows store `before` in full but leave `after` NULL on creates and updates ("deferred"): a version's
 * content is written once, as the live row, and when it is replaced or deleted, as the `before` of that entry.
 * So a deferred `after` is the `before` of the record's next entry, or, if there is none yet, the live row.
 * Every write of a live row records an entry with its `before` in the same transaction, which keeps this exact.
 */
export interface HistoryRow {
  seq: number;
  record_id: string;
  record_type: 'node' | 'relation';
  version: number;
  op: HistoryEntry['op'];
  actor: string;
  at: string;
  before: string | null;
  after: string | null;
  /** 1 when the stored `after` is deferred; if no later entry holds it either, the live row does. */
  deferred: number;
}

/** Rows of `history h`, with deferred `after`s taken from the next entry of the same record where there is one. */
export const HISTORY_SELECT = `SELECT h.seq, h.record_id, h.record_type, h.version, h.op, h.actor, h.at, h.before,
  CASE WHEN h.after IS NOT NULL OR h.op = 'delete' THEN h.after ELSE
    (SELECT n.before FROM history n WHERE n.record_id = h.record_id AND n.record_type = h.record_type AND n.seq > h.seq
     ORDER BY n.seq LIMIT 1) END AS after,
  h.after IS NULL AND h.op <> 'delete' AS deferred
FROM history h`;

/** The live record a deferred `after` stands for (one cached-statement lookup each: faster than one big IN list). */
type LiveRecord = (type: 'node' | 'relation', id: string) => NodeRecord | RelationRecord | undefined;

export function resolveHistory(rows: HistoryRow[], live: LiveRecord): HistoryEntry[] {
  return rows.map((r) => ({
    seq: r.seq,
    recordId: r.record_id,
    recordType: r.record_type,
    version: r.version,
    op: r.op,
    actor: r.actor,
    at: r.at,
    before: r.before ? JSON.parse(r.before) : null,
    after:
      r.after !== null ? JSON.parse(r.after) : r.deferred === 1 ? (live(r.record_type, r.record_id) ?? null) : null,
  }));
}
