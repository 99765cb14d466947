import type { Config } from './config.js';
import type { GraphStore } from './store/graph-store.js';
import { SqliteStore } from './store/sqlite/sqlite-store.js';

/** NEO4J_URI set -> Neo4j; otherwise the embedded SQLite file. `warmUp`: the server, before it takes requests. */
export async function openStore(config: Config, options: { warmUp?: boolean } = {}): Promise<GraphStore> {
  if (config.neo4j) {
    const { Neo4jStore } = await import('./store/neo4j/neo4j-store.js');
    const store = await Neo4jStore.open(config.neo4j);
    if (options.warmUp) await store.warmUp();
    return store;
  }
  return new SqliteStore(config.sqlitePath);
}

export function describeStore(config: Config): string {
  return config.neo4j ? `neo4j at ${config.neo4j.uri}` : `sqlite at ${config.sqlitePath}`;
}
