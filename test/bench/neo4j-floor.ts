// The reference for the Neo4j import rate, measured in the same run: the store's own CREATE queries
// (cypher/node-create.cypher, cypher/relation-create.cypher) sent in the same chunks, and nothing else: no
// validation, no id checks, no history. What the import costs above this is ours; this rate itself is the server's.
import neo4j from 'neo4j-driver';
import type { Batch } from '../../core/model/records.js';
import { buildNode, buildRelation } from '../../server/store/record-builders.js';
import { nodeToProps, relationRow } from '../../server/store/neo4j/mapping.js';
import { cypher } from '../../server/store/neo4j/queries.js';
import { nodeLabel, relationType } from '../../server/store/neo4j/whitelist.js';

function groupBy<T>(items: T[], key: (item: T) => string): Map<string, T[]> {
  const groups = new Map<string, T[]>();
  for (const item of items) {
    const k = key(item);
    const list = groups.get(k);
    if (list) list.push(item);
    else groups.set(k, [item]);
  }
  return groups;
}

/** Writes `batch` (ids not yet stored) with the bare CREATE queries; returns the wall time in ms. */
export async function neo4jFloor(uri: string, batch: Batch, chunk: number): Promise<number> {
  const driver = neo4j.driver(uri);
  const ctx = { actor: 'bench', at: new Date().toISOString() };
  const send = async (query: string, rows: unknown[]) => {
    for (let i = 0; i < rows.length; i += chunk)
      await driver.executeQuery(query, { rows: rows.slice(i, i + chunk) }, { database: 'neo4j' });
  };
  try {
    const t = performance.now();
    for (const [kind, nodes] of groupBy(batch.nodes, (n) => n.kind))
      await send(
        cypher('node-create', { KIND: nodeLabel(kind) }),
        nodes.map((n) => nodeToProps(buildNode(n, ctx))),
      );
    for (const [type, rels] of groupBy(batch.relations, (r) => r.type))
      await send(
        cypher('relation-create', { TYPE: relationType(type) }),
        rels.map((r) => relationRow(buildRelation({ ...r, id: r.id as string }, ctx))),
      );
    return performance.now() - t;
  } finally {
    await driver.close();
  }
}
