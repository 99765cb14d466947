import neo4j from 'neo4j-driver';
import type { Config } from '../../config.js';
import type { GraphStore } from '../graph-store.js';
import type { AccountStore } from './account-store.js';
import { SqliteAccounts } from './sqlite-accounts.js';

/**
 * The account store that goes with a graph store: the same SQLite file, or the same Neo4j database (through a
 * driver of its own, so the graph store's internals stay private).
 */
export async function openAccounts(config: Config, store?: GraphStore): Promise<AccountStore> {
  const kind = store?.kind ?? (config.neo4j ? 'neo4j' : 'sqlite');
  if (kind === 'neo4j' && config.neo4j) {
    const { Neo4jAccounts } = await import('./neo4j-accounts.js');
    const c = config.neo4j;
    const auth = c.user !== undefined ? neo4j.auth.basic(c.user, c.password ?? '') : undefined;
    const driver = neo4j.driver(c.uri, auth, {
      disableLosslessIntegers: true,
      connectionAcquisitionTimeout: 5_000,
      connectionTimeout: 5_000,
      maxTransactionRetryTime: 5_000,
    });
    try {
      return await Neo4jAccounts.open(driver, c.database, true);
    } catch (err) {
      await driver.close();
      throw err;
    }
  }
  return new SqliteAccounts(config.sqlitePath);
}
