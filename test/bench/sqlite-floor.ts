// The reference for the SQLite import rate, measured in the same run: the store's own row INSERTs
// (server/store/sqlite/row-writes.ts: same statements, same values, graph fragment included) in the same chunks, one
// transaction each, and nothing else: no validation, no history, no endpoint check. Above this, the cost is ours.
import Database from 'better-sqlite3';
import type { Batch } from '../../core/model/records.js';
import { buildNode, buildRelation } from '../../server/store/record-builders.js';
import { SqliteStore } from '../../server/store/sqlite/sqlite-store.js';
import { INSERT_NODE, INSERT_RELATION, nodeValues, relationValues } from '../../server/store/sqlite/row-writes.js';

/** Writes `batch` into a new database at `path` (created with the store's migrations); returns the wall time in ms. */
export async function sqliteFloor(path: string, batch: Batch, chunk: number): Promise<number> {
  await new SqliteStore(path).close(); // the schema, as the store makes it
  const db = new Database(path);
  db.pragma('journal_mode = WAL');
  db.pragma('foreign_keys = OFF'); // as inside the store's import
  try {
    const ctx = { actor: 'bench', at: new Date().toISOString() };
    const node = db.prepare(INSERT_NODE);
    const relation = db.prepare(INSERT_RELATION);
    const t = performance.now();
    for (let i = 0; i < batch.nodes.length; i += chunk)
      db.transaction(() => {
        for (const n of batch.nodes.slice(i, i + chunk)) node.run(nodeValues(buildNode(n, ctx)));
      })();
    for (let i = 0; i < batch.relations.length; i += chunk)
      db.transaction(() => {
        for (const r of batch.relations.slice(i, i + chunk))
          relation.run(relationValues(buildRelation({ ...r, id: r.id as string }, ctx)));
      })();
    return performance.now() - t;
  } finally {
    db.close();
  }
}
