import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../server/app.js';
import { graphJsonText } from '../../core/graph/serialize.js';
import type { GraphStore } from '../../server/store/graph-store.js';
import { SqliteStore } from '../../server/store/sqlite/sqlite-store.js';
import { Neo4jStore } from '../../server/store/neo4j/neo4j-store.js';
import { describeNeo4j } from '../helpers/neo4j.js';

const SOURCES = [{ url: 'https://example.org/kalla', title: 'Källa' }];

/**
 * GET /api/graph after writes through the API is patched from history, not read again, and is byte for byte what a
 * fresh read of the store gives. `shared`: other suites write to the same database meanwhile (Neo4j), so the full
 * comparison is made when no other write landed between the two reads, and this suite's records are compared always.
 */
function patchSuite(label: string, open: () => Promise<GraphStore>, shared: boolean): void {
  describe(`graph cache patched from history: ${label}`, () => {
    let store: GraphStore;
    let app: FastifyInstance;
    const ns = `gp${randomUUID().slice(0, 8)}`;
    const id = (k: string) => (k === 'n' ? `nw:${ns}-n` : `org:${ns}-${k}`);
    const org = (k: string, name: string) => ({
      id: id(k),
      kind: 'Organisation',
      name,
      props: { orgType: 'arbetsgivare' },
    });
    const rel = (rid: string, type: string, from: string, to: string, weight = 1) => ({
      id: `rel:${ns}:${rid}`,
      type,
      from: id(from),
      to: id(to),
      weight,
      sources: SOURCES,
      evidence: 'confirmed',
    });

    beforeAll(async () => {
      store = await open();
      // Not empty: an empty store (revision 0) is read whole again on its first write, as after a restore.
      await store.createNode(org('seed', `Org seed ${ns}`), { actor: 'seed' });
      app = await buildApp({ store, graphCache: { revisionMaxAgeMs: 0 } });
    });
    afterAll(async () => {
      await app?.close();
    });

    type Doc = { nodes: { key: string }[]; edges: { key: string }[] };
    const ours = (text: string) => {
      const doc = JSON.parse(text) as Doc;
      return { nodes: doc.nodes.filter((n) => n.key.includes(ns)), edges: doc.edges.filter((e) => e.key.includes(ns)) };
    };
    /** The cached answer equals a fresh read of the store. */
    const sameAsFresh = async () => {
      for (let attempt = 0; attempt < 5; attempt++) {
        const before = await store.revision();
        const cached = await app.inject({ method: 'GET', url: '/api/graph' });
        expect(cached.statusCode).toBe(200);
        const fresh = graphJsonText(await store.snapshotJson({}), { store: store.kind });
        const after = await store.revision();
        expect(ours(cached.body)).toEqual(ours(fresh));
        if (before === after) {
          expect(cached.body).toBe(fresh);
          return;
        }
        if (!shared) throw new Error('the revision moved without a write');
      }
    };
    const write = async (method: 'POST' | 'PUT' | 'DELETE', url: string, payload?: object, version?: number) => {
      const headers = version !== undefined ? { 'if-match': `W/"${version}"` } : undefined;
      const res = await app.inject({ method, url, payload, headers });
      expect(res.statusCode, res.body).toBeLessThan(300);
      await sameAsFresh();
    };

    it('applies creates, updates, type and endpoint changes and deletes exactly, without reading the graph again', async () => {
      await sameAsFresh();
      const start = app.graphCache.stats();
      for (const k of ['a', 'b', 'c']) await write('POST', '/api/nodes', org(k, `Org ${k} ${ns}`));
      await write('POST', '/api/nodes', {
        id: id('n'),
        kind: 'Network',
        name: `Nätverk ${ns}`,
        props: { networkType: 'forum' },
      });
      await write('POST', '/api/relations', rel('m1', 'MEMBER_OF', 'a', 'n'));
      await write('POST', '/api/relations', rel('c1', 'COLLABORATES_WITH', 'b', 'c'));
      await write('PUT', `/api/nodes/${id('b')}`, { ...org('b', `Org B omdöpt ${ns}`), nameEn: 'Org B renamed' }, 1);
      await write('PUT', `/api/relations/rel:${ns}:m1`, rel('m1', 'MEMBER_OF', 'a', 'n', 3), 1);
      // Type and endpoints change: deleted and created again under the same id.
      await write('PUT', `/api/relations/rel:${ns}:c1`, rel('c1', 'MEMBER_OF', 'c', 'n'), 1);
      await write('DELETE', `/api/relations/rel:${ns}:c1`, undefined, 2);
      await write('POST', '/api/relations', rel('c2', 'COLLABORATES_WITH', 'a', 'b'));
      // A node deleted with its relations.
      await write('DELETE', `/api/nodes/${id('a')}`, undefined, 1);
      const got = ours((await app.inject({ method: 'GET', url: '/api/graph' })).body);
      expect(got.nodes.map((n) => n.key).sort()).toEqual([id('b'), id('c'), id('n'), id('seed')].sort());
      expect(got.edges).toEqual([]);
      const end = app.graphCache.stats();
      // 12 writes, each caught up from history; a full read only if another suite wrote past the patch limit.
      expect(end.patches - start.patches).toBeGreaterThanOrEqual(12);
      if (!shared) expect(end.rebuilds).toBe(start.rebuilds);
      else expect(end.rebuilds - start.rebuilds).toBeLessThan(end.patches - start.patches);
    });

    it('patches in a write made past this server (another process), from its history', async () => {
      const before = app.graphCache.stats();
      await store.createNode(org('x', `Org X ${ns}`), { actor: 'other-process' });
      await sameAsFresh();
      const after = app.graphCache.stats();
      expect(after.patches).toBeGreaterThan(before.patches);
      if (!shared) expect(after.rebuilds).toBe(before.rebuilds);
      expect(ours((await app.inject({ method: 'GET', url: '/api/graph' })).body).nodes.map((n) => n.key)).toContain(
        id('x'),
      );
    });
  });
}

patchSuite(
  'sqlite',
  async () => new SqliteStore(join(mkdtempSync(join(tmpdir(), 'aktorsatlas-gp-')), 'test.db')),
  false,
);

describeNeo4j('graph cache patched from history on Neo4j', (uri) => {
  patchSuite('neo4j', async () => Neo4jStore.open({ uri }), true);
});
