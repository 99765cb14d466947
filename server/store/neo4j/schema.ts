import { createHash } from 'node:crypto';
import neo4j, { Neo4jError, type Driver } from 'neo4j-driver';
import { cypher, schemaStatements } from './queries.js';

/** Another process applying the same schema at the same moment is not an error. */
const ALREADY_THERE = new Set([
  'Neo.ClientError.Schema.EquivalentSchemaRuleAlreadyExists',
  'Neo.ClientError.Schema.ConstraintAlreadyExists',
  'Neo.ClientError.Schema.IndexAlreadyExists',
]);

/** The schema version is a hash of the expanded statements, so a new catalogue relation type migrates again. */
export function schemaVersion(statements: string[] = schemaStatements()): string {
  return `schema-${createHash('sha256').update(statements.join(';\n')).digest('hex').slice(0, 16)}`;
}

/**
 * Applies `cypher/schema.cypher` once per schema version: one auto-commit call per statement (schema commands
 * cannot share a transaction with writes), then waits for the indexes to come online and records the version.
 * Returns whether anything was applied.
 */
export async function migrate(driver: Driver, database: string): Promise<boolean> {
  const statements = schemaStatements();
  const version = schemaVersion(statements);
  const { records } = await driver.executeQuery(
    cypher('schema-migration-get'),
    { version },
    { database, routing: neo4j.routing.READ },
  );
  if (records.length > 0) return false;
  const session = driver.session({ database, defaultAccessMode: neo4j.session.WRITE });
  try {
    for (const statement of statements) {
      try {
        await session.run(statement);
      } catch (err) {
        if (!(err instanceof Neo4jError && ALREADY_THERE.has(err.code))) throw err;
      }
    }
    await session.run(cypher('await-indexes'));
  } finally {
    await session.close();
  }
  await driver.executeQuery(cypher('schema-migration-record'), { version, at: new Date().toISOString() }, { database });
  return true;
}
