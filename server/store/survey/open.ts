import neo4j from 'neo4j-driver';
import type { Config } from '../../config.js';
import type { GraphStore } from '../graph-store.js';
import type { SurveyStore } from './survey-store.js';
import { SqliteSurveys } from './sqlite-survey.js';

/** The survey store that goes with a graph store: the same SQLite file, or the same Neo4j database. */
export async function openSurveys(config: Config, store?: GraphStore): Promise<SurveyStore> {
  const kind = store?.kind ?? (config.neo4j ? 'neo4j' : 'sqlite');
  if (kind === 'neo4j' && config.neo4j) {
    const { Neo4jSurveys } = await import('./neo4j-survey.js');
    const c = config.neo4j;
    const auth = c.user !== undefined ? neo4j.auth.basic(c.user, c.password ?? '') : undefined;
    const driver = neo4j.driver(c.uri, auth, {
      disableLosslessIntegers: true,
      connectionAcquisitionTimeout: 5_000,
      connectionTimeout: 5_000,
    });
    try {
      return await Neo4jSurveys.open(driver, c.database, true);
    } catch (err) {
      await driver.close();
      throw err;
    }
  }
  return new SqliteSurveys(config.sqlitePath);
}
