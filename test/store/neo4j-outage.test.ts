import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { describeNeo4j } from '../helpers/neo4j.js';
import { buildApp } from '../../server/app.js';
import { Neo4jStore } from '../../server/store/neo4j/neo4j-store.js';
import { SqliteStore } from '../../server/store/sqlite/sqlite-store.js';
import { seedIfEmpty } from '../../server/seed.js';
import { pickBoltPort, startNeo4j, type RunningNeo4j } from '../../tools/neo4j/index.js';

const BIN = new URL('../../bin/aktorsatlas.js', import.meta.url).pathname;

/** The graph without what only says when a record was written (timestamps differ between two seedings). */
function comparable(graph: {
  nodes: { key: string; attributes: Record<string, unknown> }[];
  edges: { key: string; attributes: Record<string, unknown> }[];
}) {
  const strip = (a: Record<string, unknown>) =>
    Object.fromEntries(Object.entries(a).filter(([k]) => k !== 'updatedAt'));
  return {
    nodes: graph.nodes
      .map((n) => ({ ...n, attributes: strip(n.attributes) }))
      .sort((a, b) => a.key.localeCompare(b.key)),
    edges: graph.edges
      .map((e) => ({ ...e, attributes: strip(e.attributes) }))
      .sort((a, b) => a.key.localeCompare(b.key)),
  };
}

describe('Neo4j unreachable at start', () => {
  it('makes the server exit with one clear line naming the URI and the cause', () => {
    const r = spawnSync('node', [BIN, 'serve', '--port', '0'], {
      encoding: 'utf8',
      env: {
        ...process.env,
        NEO4J_URI: 'bolt://127.0.0.1:1',
        AKTORSATLAS_DB: join(mkdtempSync(join(tmpdir(), 'as-')), 'x.db'),
      },
      timeout: 60_000,
    });
    expect(r.status).toBe(1);
    const lines = r.stderr.trim().split('\n');
    expect(lines).toHaveLength(1);
    expect(lines[0]).toContain('bolt://127.0.0.1:1');
    expect(lines[0]).toMatch(/cannot open the store/);
  });
});

// Its own Neo4j on its own port, so stopping it does not disturb the other suites.
describeNeo4j('Neo4j as the system of record: same graph as SQLite, and outages', () => {
  let neo: RunningNeo4j;
  let app: FastifyInstance;
  let port: number;
  let home: string;

  beforeAll(async () => {
    port = await pickBoltPort(7681);
    home = mkdtempSync(join(tmpdir(), 'neo4j-outage-'));
    neo = await startNeo4j({ port, home, fresh: true });
    const store = await Neo4jStore.open({ uri: neo.uri, database: 'neo4j' });
    await seedIfEmpty(store);
    app = await buildApp({ store });
  }, 300_000);

  afterAll(async () => {
    await app?.close().catch(() => undefined);
    await neo?.stop();
  }, 120_000);

  it('serves the Jönköping network, equal to the one from SQLite', async () => {
    const sqlite = new SqliteStore(join(mkdtempSync(join(tmpdir(), 'as-')), 'cmp.db'));
    await seedIfEmpty(sqlite);
    const fromSqlite = await buildApp({ store: sqlite });
    const a = (await app.inject({ method: 'GET', url: '/api/graph' })).json();
    const b = (await fromSqlite.inject({ method: 'GET', url: '/api/graph' })).json();
    await fromSqlite.close();
    expect(a.attributes.store).toBe('neo4j');
    expect(a.nodes.length).toBeGreaterThan(150);
    expect(comparable(a)).toEqual(comparable(b));
  });

  it('answers 503 store_unavailable while Neo4j is down and recovers without a restart', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
    await neo.stop();
    const t = Date.now();
    const down = await app.inject({ method: 'GET', url: '/api/health' });
    expect(down.statusCode).toBe(503);
    expect(down.headers['content-type']).toContain('application/problem+json');
    expect(down.json().code).toBe('store_unavailable');
    expect(Date.now() - t).toBeLessThan(30_000); // bounded, not a hang
    neo = await startNeo4j({ port, home });
    let status = 0;
    for (let i = 0; i < 30 && status !== 200; i++) {
      status = (await app.inject({ method: 'GET', url: '/api/health' })).statusCode;
      if (status !== 200) await new Promise((r) => setTimeout(r, 2000));
    }
    expect(status).toBe(200);
    expect((await app.inject({ method: 'GET', url: '/api/graph' })).statusCode).toBe(200);
  }, 300_000);
});
