import type { Config } from './config.js';
import type { GraphStore } from './store/graph-store.js';
import { SqliteStore } from './store/sqlite/sqlite-store.js';

/** NEO4J_URI set -> Neo4j; otherwise the embedded SQLite file. */
export async function openStore(config: Config): Promise<GraphStore> {
  if (config.neo4j) {
    const { Neo4jStore } = await import('./store/neo4j/neo4j-store.js');
    return Neo4jStore.open(config.neo4j);
  }
  return new SqliteStore(config.sqlitePath);
}

export function describeStore(config: Config): string {
  return config.neo4j ? `neo4j at ${config.neo4j.uri}` : `sqlite at ${config.sqlitePath}`;
}
