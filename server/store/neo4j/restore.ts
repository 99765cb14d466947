import neo4j, { type Driver } from 'neo4j-driver';
import type { NodeRecord, RelationRecord } from '../../../core/model/records.js';
import type { RawDump } from '../graph-store.js';
import { StoreError } from '../errors.js';
import { historyRow, int, toNumber, viewToProps } from './mapping.js';
import { cypher } from './queries.js';
import { writeNodes, writeRelations } from './record-io.js';
import { Tx } from './runner.js';
import { assertPropKeys, nodeLabel, relationType } from './whitelist.js';

/**
 * Restore statements: parameters only. History entries keep their own seq, actor and time (history-append.cypher
 * stamps one actor and time per transaction, so it cannot be reused here).
 */
const EMPTY = `OPTIONAL MATCH (n:Entity) WITH count(n) AS nodes
OPTIONAL MATCH (h:HistoryEntry) WITH nodes, count(h) AS history
OPTIONAL MATCH (v:SavedView) RETURN nodes, history, count(v) AS views`;
const HISTORY = `UNWIND $rows AS e
CREATE (:HistoryEntry {seq: e[0], recordId: e[1], recordType: e[2], version: e[3], op: e[4], before: e[5], after: e[6], actor: e[7], at: e[8]})`;
const COUNTER = `MERGE (c:Counter {name: 'history'}) ON CREATE SET c.seq = 0
SET c.seq = CASE WHEN c.seq < $seq THEN $seq ELSE c.seq END`;
const VIEWS = 'UNWIND $views AS view CREATE (v:SavedView) SET v = view';

function* chunks<T>(items: T[], size = 5000): Generator<T[]> {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
}

/**
 * Writes a backup into an EMPTY Neo4j database exactly as it was stored, in one transaction that takes the history
 * counter's lock first (as every write of the store does). Refuses (already_exists) a database that holds any node,
 * history entry or view. The lead can expose it as `Neo4jStore.restoreRaw(dump)`:
 *
 *     async restoreRaw(dump: RawDump): Promise<void> { return mapped(() => restoreNeo4j(this.driver, this.runner.database, dump)); }
 */
export async function restoreNeo4j(driver: Driver, database: string, dump: RawDump): Promise<void> {
  // Everything that reaches query text is checked before the transaction starts.
  for (const n of dump.nodes) {
    nodeLabel(n.kind);
    assertPropKeys(n.props);
  }
  for (const r of dump.relations) {
    relationType(r.type);
    assertPropKeys(r.props);
  }
  const session = driver.session({ database, defaultAccessMode: neo4j.session.WRITE });
  try {
    await session.executeWrite(async (managed) => {
      const tx = new Tx(managed);
      await tx.run(cypher('history-lock'), { at: new Date().toISOString() });
      const [row] = await tx.run(EMPTY);
      if (toNumber(row.nodes) > 0 || toNumber(row.history) > 0 || toNumber(row.views) > 0) {
        throw new StoreError(
          'already_exists',
          'The store is not empty; a backup is restored only into an empty store',
          { id: 'store' },
        );
      }
      await writeNodes(tx.run, new Map(), new Map(dump.nodes.map((n): [string, NodeRecord] => [n.id, n])));
      await writeRelations(tx.run, new Map(), new Map(dump.relations.map((r): [string, RelationRecord] => [r.id, r])));
      for (const batch of chunks(dump.history)) {
        await tx.run(HISTORY, { rows: batch.map((e) => [...historyRow(e), e.actor, e.at]) });
      }
      const last = dump.history.reduce((m, e) => Math.max(m, e.seq), 0);
      await tx.run(COUNTER, { seq: int(last) });
      for (const batch of chunks(dump.views)) await tx.run(VIEWS, { views: batch.map(viewToProps) });
    });
  } finally {
    await session.close();
  }
}
