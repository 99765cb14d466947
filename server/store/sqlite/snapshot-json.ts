import type Database from 'better-sqlite3';
import type { GraphJsonParts } from '../../../core/graph/serialize.js';
import { RELATION_KINDS } from '../../../core/model/catalogue/relation-kinds.js';
import type { SnapshotQuery } from '../../../core/model/records.js';

/**
 * GET /api/graph's nodes and edges built by SQLite itself (one aggregate per table), in the exact shape of
 * core/graph/serialize.ts `nodeJson`/`edgeJson`: creating a JS string per column of every row cost more than the rest
 * of the request. `props` and `sources` are stored as JSON.stringify text and spliced in as they are. The rows come
 * from an ordered subquery (SQLite walks the id index, cheaper than the aggregate's own ORDER BY, which sorts every
 * built string); test/api/graph-read.test.ts checks the order.
 */
const UNDIRECTED = JSON.stringify(RELATION_KINDS.filter((k) => !k.directed).map((k) => k.id));

/** `{...props, <fields>}` on the stored JSON text of `props`. */
const splice = (fields: string) =>
  `CASE WHEN props = '{}' THEN '{' ELSE substr(props, 1, length(props) - 1) || ',' END || ${fields} || '}'`;

// %.15g is exact for the usual weights and prints them as JS does; other values get 17 digits, which parse back to
// the same double. Non-finite values (NULL for NaN) become null, as JSON.stringify writes them.
const WEIGHT = `CASE WHEN weight IS NULL OR abs(weight) > 1.7976931348623157e308 THEN 'null'
  WHEN weight = CAST(printf('%.15g', weight) AS REAL) THEN printf('%.15g', weight) ELSE printf('%!.17g', weight) END`;

const IN_KINDS = `(@kinds IS NULL OR kind IN (SELECT value FROM json_each(@kinds)))`;

const NODES = `SELECT coalesce(group_concat('{"key":' || json_quote(id) || ',"attributes":' || ${splice(
  `'"kind":' || json_quote(kind) || ',"name":' || json_quote(name)
   || CASE WHEN name_en IS NULL THEN '' ELSE ',"nameEn":' || json_quote(name_en) END
   || ',"version":' || version || ',"updatedAt":' || json_quote(updated_at)`,
)} || '}', ','), '')
FROM (SELECT * FROM nodes WHERE ${IN_KINDS} ORDER BY id)`;

const EDGES = `SELECT coalesce(group_concat('{"key":' || json_quote(id) || ',"source":' || json_quote(from_id)
  || ',"target":' || json_quote(to_id)
  || CASE WHEN type IN (SELECT value FROM json_each(@undirected)) THEN ',"undirected":true' ELSE '' END
  || ',"attributes":' || ${splice(
    `'"type":' || json_quote(type) || ',"weight":' || ${WEIGHT} || ',"evidence":' || json_quote(evidence)
     || ',"sources":' || sources || ',"validFrom":' || json_quote(valid_from) || ',"validTo":' || json_quote(valid_to)
     || ',"version":' || version || CASE WHEN note IS NULL THEN '' ELSE ',"note":' || json_quote(note) END`,
  )} || '}', ','), '')
FROM (SELECT * FROM relations
WHERE (@kinds IS NULL OR (from_id IN (SELECT id FROM nodes WHERE ${IN_KINDS}) AND to_id IN (SELECT id FROM nodes WHERE ${IN_KINDS})))
  AND (@types IS NULL OR type IN (SELECT value FROM json_each(@types)))
  AND (@asOf IS NULL OR ((valid_from IS NULL OR valid_from = '' OR valid_from <= @asOf)
                     AND (valid_to IS NULL OR valid_to = '' OR valid_to >= @asOf)))
ORDER BY id)`;

const listOrNull = (list: string[] | undefined) => (list && list.length > 0 ? JSON.stringify(list) : null);

/** Both reads in one read transaction, so the edges match the nodes. */
export function snapshotJson(db: Database.Database, query: SnapshotQuery): GraphJsonParts {
  const nodes = db.prepare(NODES).pluck();
  const edges = db.prepare(EDGES).pluck();
  const kinds = listOrNull(query.kinds);
  return db.transaction(() => ({
    nodes: nodes.get({ kinds }) as string,
    edges: edges.get({
      kinds,
      types: listOrNull(query.relationTypes),
      asOf: query.asOf ?? null,
      undirected: UNDIRECTED,
    }) as string,
  }))();
}

/** The history high-water mark: every write of the graph records history in its transaction, so it moves with it. */
export function revision(db: Database.Database): string {
  return String(db.prepare('SELECT coalesce(max(seq), 0) FROM history').pluck().get());
}
