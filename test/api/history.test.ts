import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../server/app.js';
import { SqliteStore } from '../../server/store/sqlite/sqlite-store.js';
import { tempDbPath } from '../helpers/app.js';
import { appWithAccounts, signIn } from '../helpers/accounts.js';
import { recordedInstant } from '../../core/history/as-recorded.js';
import { diffGraphs } from '../../core/history/diff.js';
import { diffMarkdown } from '../../core/history/diff-report.js';

const org = (k: string, name = `Org ${k}`) => ({
  id: `org:hist-${k}`,
  kind: 'Organisation',
  name,
  props: { orgType: 'arbetsgivare' },
});

describe('history API details', () => {
  let app: FastifyInstance;
  let store: SqliteStore;
  beforeAll(async () => {
    store = new SqliteStore(tempDbPath());
    app = await buildApp({ store });
  });
  afterAll(async () => app.close());

  it('reads instants: a date is the end of that day, impossible dates are refused', () => {
    expect(recordedInstant('2024-02-29')).toBe('2024-02-29T23:59:59.999Z');
    expect(recordedInstant('2023-02-29')).toBeUndefined();
    expect(recordedInstant('2024-03-01T10:00:00+02:00')).toBe('2024-03-01T08:00:00.000Z');
    for (const bad of ['', '2024', '2024-1-1', '1e9', 'now', '2024-01-01T25:00:00Z', '2024-01-01 10:00'])
      expect(recordedInstant(bad)).toBeUndefined();
  });

  it('refuses bad times with 400, and needs `at`', async () => {
    for (const url of [
      '/api/history/graph',
      '/api/history/graph?at=yesterday',
      '/api/history/diff?from=2024-02-30',
      '/api/history?until=x',
      '/api/history?offset=99999&limit=10000',
    ]) {
      const res = await app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
    }
  });

  it('an empty history gives an empty graph and an empty diff', async () => {
    const g = (await app.inject({ method: 'GET', url: '/api/history/graph?at=2000-01-01' })).json();
    expect(g.nodes).toEqual([]);
    const d = (await app.inject({ method: 'GET', url: '/api/history/diff?from=2000-01-01&to=2001-01-01' })).json();
    expect(d.summary).toEqual({
      nodesAdded: 0,
      nodesRemoved: 0,
      nodesChanged: 0,
      relationsAdded: 0,
      relationsRemoved: 0,
      relationsChanged: 0,
      rankChanges: 0,
    });
  });

  it('the report escapes markup and Markdown in names', () => {
    const n = {
      ...org('x', '<img src=x onerror=alert(1)> *fet* [länk](javascript:alert(1))'),
      version: 1,
      createdAt: 'a',
      createdBy: 'b',
      updatedAt: 'a',
      updatedBy: 'b',
      props: {},
    };
    const md = diffMarkdown(diffGraphs({ nodes: [], relations: [] }, { nodes: [n], relations: [] }), {
      from: 'a',
      to: 'b',
    });
    expect(md).toContain('\\<img src=x onerror=alert(1)\\>');
    expect(md).toContain('\\*fet\\*');
    expect(md).toContain('\\[länk\\](javascript:alert(1))');
  });

  it('caches GET /api/graph until a write, and a writer always reads its own write', async () => {
    await app.inject({ method: 'POST', url: '/api/nodes', payload: org('a') });
    const g1 = await app.inject({ method: 'GET', url: '/api/graph' });
    const g2 = await app.inject({ method: 'GET', url: '/api/graph' });
    expect(g2.body).toBe(g1.body);
    expect(g2.headers.etag).toBe(g1.headers.etag);
    expect(
      (await app.inject({ method: 'GET', url: '/api/graph', headers: { 'if-none-match': String(g1.headers.etag) } }))
        .statusCode,
    ).toBe(304);
    await app.inject({ method: 'POST', url: '/api/nodes', payload: org('b') });
    const g3 = await app.inject({ method: 'GET', url: '/api/graph' });
    expect(g3.json().nodes.map((n: { key: string }) => n.key)).toEqual(['org:hist-a', 'org:hist-b']);
    expect(g3.headers.etag).not.toBe(g1.headers.etag);
    // A refused write changes nothing and keeps the cache.
    await app.inject({ method: 'POST', url: '/api/nodes', payload: org('b') });
    expect((await app.inject({ method: 'GET', url: '/api/graph' })).body).toBe(g3.body);
    // A write by another process (here: straight into the store) shows within the time limit.
    await store.createNode(org('c'), { actor: 'cli' });
    await new Promise((r) => setTimeout(r, 1100));
    expect((await app.inject({ method: 'GET', url: '/api/graph' })).json().nodes).toHaveLength(3);
  });

  it('never serves a cached graph to someone who may not read', async () => {
    const { app: locked } = await appWithAccounts({ vera: 'viewer' });
    const vera = await signIn(locked, 'vera');
    expect(
      (await locked.inject({ method: 'GET', url: '/api/graph', headers: { cookie: vera.cookie } })).statusCode,
    ).toBe(200);
    expect((await locked.inject({ method: 'GET', url: '/api/graph' })).statusCode).toBe(401);
    await locked.close();
  });
});
