/**
 * Proves the test Neo4j (test/setup/neo4j-global.ts) is a real, reachable
 * Neo4j 5.26 server before the store suites rely on it.
 */
import { readFileSync } from 'node:fs';
import neo4j, { type AuthToken, type Driver } from 'neo4j-driver';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { NEO4J_VERSION } from '../../tools/neo4j/index.js';
import { describeNeo4j } from '../helpers/neo4j.js';

describe('tools/neo4j pin', () => {
  it('VERSION and pom.xml name the same 5.26 patch', () => {
    const pom = readFileSync(new URL('../../tools/neo4j/pom.xml', import.meta.url), 'utf8');
    expect(NEO4J_VERSION).toMatch(/^5\.26\.\d+$/);
    expect(pom).toContain(`<neo4j.version>${NEO4J_VERSION}</neo4j.version>`);
  });
});

// neo4j-driver 6.3's typings omit auth.none(), which exists at runtime ({ scheme: 'none' }).
const authNone = (): AuthToken => (neo4j.auth as typeof neo4j.auth & { none: () => AuthToken }).none();

describeNeo4j('Neo4j test server (smoke)', (uri) => {
  let driver: Driver;

  beforeAll(() => {
    driver = neo4j.driver(uri, authNone(), { disableLosslessIntegers: true });
  });

  afterAll(async () => {
    await driver.close();
  });

  it('answers RETURN 1', async () => {
    const { records } = await driver.executeQuery('RETURN 1 AS x', {}, { database: 'neo4j' });
    expect(records).toHaveLength(1);
    expect(records[0]?.get('x')).toBe(1);
  });

  it('is Neo4j 5.26', async () => {
    const { records } = await driver.executeQuery(
      'CALL dbms.components() YIELD name, versions, edition RETURN name, versions, edition',
      {},
      { database: 'neo4j' },
    );
    const kernel = records.find((r) => r.get('name') === 'Neo4j Kernel');
    expect(kernel).toBeDefined();
    const versions: unknown = kernel?.get('versions');
    expect(Array.isArray(versions)).toBe(true);
    const [version] = versions as unknown[];
    expect(String(version)).toMatch(/^5\.26/);
  });
});
