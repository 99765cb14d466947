import type Database from 'better-sqlite3';
import type { GraphJsonItems, GraphJsonParts } from '../../../core/graph/serialize.js';
import type { SnapshotQuery } from '../../../core/model/records.js';

/**
 * GET /api/graph's nodes and edges: the rows' stored fragments (graph-json.ts, made by core/graph/serialize.ts
 * `nodeJson`/`edgeJson` at write time) filtered on columns and joined by SQLite, one aggregate per table. The rows come
 * from an ordered subquery (SQLite walks the id index, cheaper than the aggregate's own ORDER BY);
 * test/api/graph-read.test.ts checks the order.
 */
const IN_KINDS = `(@kinds IS NULL OR kind IN (SELECT value FROM json_each(@kinds)))`;

const joined = (rows: string) => `SELECT coalesce(group_concat(graph_json, ','), '') FROM (${rows})`;

// The unfiltered graph (the usual request) gets statements of its own: the planner cannot drop a filter on a
// parameter that is NULL, so the shared statements test it on every row.
const ALL_NODES = joined('SELECT graph_json FROM nodes ORDER BY id');
const ALL_EDGES = joined('SELECT graph_json FROM relations ORDER BY id');

const NODES = joined(`SELECT graph_json FROM nodes WHERE ${IN_KINDS} ORDER BY id`);

const EDGES = joined(`SELECT graph_json FROM relations
WHERE (@kinds IS NULL OR (from_id IN (SELECT id FROM nodes WHERE ${IN_KINDS}) AND to_id IN (SELECT id FROM nodes WHERE ${IN_KINDS})))
  AND (@types IS NULL OR type IN (SELECT value FROM json_each(@types)))
  AND (@asOf IS NULL OR ((valid_from IS NULL OR valid_from = '' OR valid_from <= @asOf)
                     AND (valid_to IS NULL OR valid_to = '' OR valid_to >= @asOf)))
ORDER BY id`);

const listOrNull = (list: string[] | undefined) => (list && list.length > 0 ? JSON.stringify(list) : null);

/** Both reads in one read transaction, so the edges match the nodes. */
export function snapshotJson(db: Database.Database, query: SnapshotQuery): GraphJsonParts {
  const kinds = listOrNull(query.kinds);
  const types = listOrNull(query.relationTypes);
  const asOf = query.asOf ?? null;
  const all = kinds === null && types === null && asOf === null;
  const nodes = db.prepare(all ? ALL_NODES : NODES).pluck();
  const edges = db.prepare(all ? ALL_EDGES : EDGES).pluck();
  return db.transaction(() => ({
    nodes: (all ? nodes.get() : nodes.get({ kinds })) as string,
    edges: (all ? edges.get() : edges.get({ kinds, types, asOf })) as string,
  }))();
}

/** The unfiltered graph's fragments with their ids, in one read transaction. */
export function snapshotItems(db: Database.Database): GraphJsonItems {
  const nodes = db.prepare('SELECT id, graph_json FROM nodes ORDER BY id').raw();
  const edges = db.prepare('SELECT id, graph_json FROM relations ORDER BY id').raw();
  return db.transaction(() => ({
    nodes: nodes.all() as [string, string][],
    edges: edges.all() as [string, string][],
  }))();
}

/** The history high-water mark: every write of the graph records history in its transaction, so it moves with it. */
export function revision(db: Database.Database): string {
  return String(db.prepare('SELECT coalesce(max(seq), 0) FROM history').pluck().get());
}
