// GET /api/graph built from stored rows (core/graph/serialize.ts graphJsonText, the stores' snapshotJson) and the
// revision-checked graph cache (server/plugins/graph-cache.ts), on real SQLite and a real Neo4j.
import { gunzipSync } from 'node:zlib';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { MultiGraph } from 'graphology';
import { buildApp } from '../../server/app.js';
import { SqliteStore } from '../../server/store/sqlite/sqlite-store.js';
import { Neo4jStore } from '../../server/store/neo4j/neo4j-store.js';
import type { GraphStore } from '../../server/store/graph-store.js';
import type { Batch, NodeInput, RelationInput, SnapshotQuery } from '../../core/model/records.js';
import { toSerializedGraph, type GraphJsonItems, type GraphJsonParts } from '../../core/graph/serialize.js';
import { seedIfEmpty } from '../../server/seed.js';
import { tempDbPath } from '../helpers/app.js';
import { describeNeo4j } from '../helpers/neo4j.js';

const ctx = { actor: 'graph-read-test' };
const SOURCES = [{ url: 'https://example.org/kalla', title: 'Källa "ett"' }];

/** Records that stress the text splicing: escapes, unicode, empty and nested props, fractional weights, notes. */
function tricky(ns: string): Batch & { relations: (RelationInput & { id: string })[] } {
  const odd = 'Å "citat" \\ snedstreck\nrad\ttab \u0001 </script> 😀';
  const nodes: NodeInput[] = [
    { id: `org:${ns}-a`, kind: 'Organisation', name: odd, nameEn: 'English "name"', props: { orgType: odd } },
    { id: `org:${ns}-b`, kind: 'Organisation', name: 'B', props: {} },
    {
      id: `nw:${ns}-c`,
      kind: 'Network',
      name: 'Nät',
      props: { networkType: 'forum', seats: 3, nested: { list: [1, 2.5, null, 'x'] } },
    },
  ];
  const relations: (RelationInput & { id: string })[] = [
    {
      id: `rel:${ns}:ab`,
      type: 'COLLABORATES_WITH',
      from: `org:${ns}-a`,
      to: `org:${ns}-b`,
      weight: 0.1,
      props: {},
      sources: SOURCES,
      evidence: 'confirmed',
      validFrom: '2020-01-01',
      validTo: '2022-12-31',
      note: `not "${odd}"`,
    },
    {
      id: `rel:${ns}:ac`,
      type: 'MEMBER_OF',
      from: `org:${ns}-a`,
      to: `nw:${ns}-c`,
      weight: 1 / 3,
      props: { role: odd },
      sources: [...SOURCES, { url: 'https://example.org/2', title: 'Två' }],
      evidence: 'confirmed',
    },
    {
      id: `rel:${ns}:bc`,
      type: 'MEMBER_OF',
      from: `org:${ns}-b`,
      to: `nw:${ns}-c`,
      weight: 2,
      sources: SOURCES,
      evidence: 'confirmed',
      validFrom: '2023-01-01',
    },
  ];
  return { nodes, relations };
}

const QUERIES: SnapshotQuery[] = [
  {},
  { kinds: ['Organisation'] },
  { relationTypes: ['MEMBER_OF'] },
  { asOf: '2021-06-01' },
  { asOf: '2024-06-01', kinds: ['Organisation', 'Network'], relationTypes: ['MEMBER_OF', 'COLLABORATES_WITH'] },
];

/** The JSON the record path gives (what GET /api/graph sent before), restricted to the ids `keep` accepts. */
async function expected(store: GraphStore, query: SnapshotQuery, keep: (id: string) => boolean) {
  const g = JSON.parse(JSON.stringify(toSerializedGraph(await store.snapshot(query), { store: store.kind })));
  return only(g, keep);
}

function only(g: { nodes: { key: string }[]; edges: { key: string }[] }, keep: (id: string) => boolean) {
  return { ...g, nodes: g.nodes.filter((n) => keep(n.key)), edges: g.edges.filter((e) => keep(e.key)) };
}

const parts = (p: GraphJsonParts) => JSON.parse(`{"nodes":[${p.nodes}],"edges":[${p.edges}]}`);

function parityTests(open: () => Promise<GraphStore>) {
  const ns = `gr${randomUUID().slice(0, 8)}`;
  const keep = (id: string) => id.includes(ns);
  let store: GraphStore;
  let app: FastifyInstance;
  beforeAll(async () => {
    store = await open();
    await store.importBatch(tricky(ns), ctx);
    app = await buildApp({ store });
  });
  afterAll(async () => app.close());

  it('GET /api/graph equals the record serialisation for every filter, byte-parsed', async () => {
    for (const q of QUERIES) {
      const qs = new URLSearchParams({
        ...(q.kinds ? { kinds: q.kinds.join(',') } : {}),
        ...(q.relationTypes ? { relationTypes: q.relationTypes.join(',') } : {}),
        ...(q.asOf ? { asOf: q.asOf } : {}),
      }).toString();
      const res = await app.inject({ method: 'GET', url: `/api/graph${qs ? `?${qs}` : ''}` });
      expect(res.statusCode).toBe(200);
      const got = only(JSON.parse(res.body), keep);
      expect(got).toEqual(await expected(store, q, keep));
      // graphology accepts it (the undirected COLLABORATES_WITH edge included).
      MultiGraph.from(JSON.parse(res.body));
    }
    const all = only(JSON.parse((await app.inject({ method: 'GET', url: '/api/graph' })).body), keep);
    expect(all.nodes.map((n: { key: string }) => n.key)).toEqual([`nw:${ns}-c`, `org:${ns}-a`, `org:${ns}-b`]);
    expect(all.edges).toHaveLength(3);
    expect(all.edges.find((e: { key: string }) => e.key.endsWith(':ab'))).toMatchObject({
      undirected: true,
      attributes: { weight: 0.1, note: expect.stringContaining('😀') },
    });
    expect(all.edges.find((e) => e.key.endsWith(':ac'))).toMatchObject({ attributes: { weight: 1 / 3 } });
  });

  it('snapshotJson keeps the order and content of snapshot', async () => {
    const got = parts(await store.snapshotJson({}));
    const want = JSON.parse(JSON.stringify(toSerializedGraph(await store.snapshot({}))));
    const ids = (list: { key: string }[]) => list.map((x) => x.key).filter(keep);
    expect(ids(got.nodes)).toEqual(ids(want.nodes));
    expect(ids(got.edges)).toEqual(ids(want.edges));
  });

  it('stays equal to the record serialisation after updates, creates and deletes through every write path', async () => {
    const t = tricky(ns);
    const [a, b] = t.nodes;
    const [ab, ac, bc] = t.relations;
    await store.importBatch({ nodes: [{ ...b, props: { orgType: 'x' } }], relations: [{ ...bc, weight: 0.25 }] }, ctx);
    await store.updateNode(a.id, { id: a.id, kind: 'Organisation', name: 'A2', props: {} }, undefined, ctx);
    await store.updateRelation(ac.id, { ...ac, props: {}, weight: 5, note: 'ny' }, undefined, ctx);
    await store.createNode({ id: `org:${ns}-d`, kind: 'Organisation', name: 'D', props: {} }, ctx);
    const db = { id: `rel:${ns}:db`, from: `org:${ns}-d`, to: b.id, weight: 1e-7, sources: SOURCES };
    await store.createRelation({ ...db, type: 'COLLABORATES_WITH', evidence: 'probable' }, ctx);
    await store.deleteRelation(ab.id, undefined, ctx);
    // Past Neo4j's revision reuse (500 ms): these writes bypassed the app.
    await new Promise((r) => setTimeout(r, 600));
    const got = only(JSON.parse((await app.inject({ method: 'GET', url: '/api/graph' })).body), keep);
    expect(JSON.stringify(got)).toBe(JSON.stringify(await expected(store, {}, keep)));
    expect(got.nodes.map((n: { key: string }) => n.key)).toEqual([`nw:${ns}-c`, a.id, b.id, `org:${ns}-d`]);
    expect(got.edges.map((e: { key: string }) => e.key)).toEqual([ac.id, bc.id, db.id]);
  });
}

/** Counts the real store's graph reads (a subclass, so every read still goes to SQLite). */
class CountingSqlite extends SqliteStore {
  reads = 0;
  override async snapshotJson(query: SnapshotQuery): Promise<GraphJsonParts> {
    this.reads++;
    return super.snapshotJson(query);
  }
  override async graphItems(): Promise<GraphJsonItems> {
    this.reads++;
    return super.graphItems();
  }
}

const node = (id: string, name: string): NodeInput => ({
  id,
  kind: 'Organisation',
  name,
  props: { orgType: 'arbetsgivare' },
});

describe('GET /api/graph from stored rows: SQLite', () => {
  parityTests(async () => new SqliteStore(tempDbPath()));
});

describe('graph cache: revision-checked, single-flight (SQLite)', () => {
  const path = tempDbPath();
  let store: CountingSqlite;
  let other: SqliteStore;
  let app: FastifyInstance;
  beforeAll(async () => {
    store = new CountingSqlite(path);
    await seedIfEmpty(store);
    // A second connection to the same file: what the CLI or another server process does.
    other = new SqliteStore(path);
    app = await buildApp({ store });
  });
  afterAll(async () => {
    await app.close();
    await other.close();
  });

  it('concurrent misses share one store read; later reads are served from the cache', async () => {
    const before = store.reads;
    const answers = await Promise.all(
      Array.from({ length: 8 }, () => app.inject({ method: 'GET', url: '/api/graph' })),
    );
    expect(answers.map((a) => a.statusCode)).toEqual(Array(8).fill(200));
    expect(new Set(answers.map((a) => a.headers.etag)).size).toBe(1);
    expect(store.reads - before).toBe(1);
    await app.inject({ method: 'GET', url: '/api/graph' });
    expect(store.reads - before).toBe(1);
  });

  it('a write by another connection shows in the very next GET', async () => {
    const first = await app.inject({ method: 'GET', url: '/api/graph' });
    await other.createNode(node('org:other-process', 'Från en annan process'), ctx);
    const next = await app.inject({ method: 'GET', url: '/api/graph' });
    expect(next.headers.etag).not.toBe(first.headers.etag);
    expect(next.json().nodes.some((n: { key: string }) => n.key === 'org:other-process')).toBe(true);
  });

  it('answers 304 to a matching If-None-Match, from the cache and after a change', async () => {
    const reads = store.reads;
    const a = await app.inject({ method: 'GET', url: '/api/graph' });
    const etag = String(a.headers.etag);
    const same = await app.inject({ method: 'GET', url: '/api/graph', headers: { 'if-none-match': etag } });
    expect(same.statusCode).toBe(304);
    expect(same.body).toBe('');
    expect(store.reads).toBe(reads);
    await other.createNode(node('org:other-process-2', 'Två'), ctx);
    const changed = await app.inject({ method: 'GET', url: '/api/graph', headers: { 'if-none-match': etag } });
    expect(changed.statusCode).toBe(200);
    expect(changed.headers.etag).not.toBe(etag);
  });

  it('sends graphs gzip-encoded to clients that accept it, from the first (missed) read on, with their own ETag', async () => {
    // A write first, so that the next reads miss the cached body (the graph is patched from history, not read).
    await other.createNode(node('org:gzip-miss', 'Komprimerad vid första läsningen'), ctx);
    const gz = { 'accept-encoding': 'gzip, deflate, br' };
    const before = store.reads;
    // Concurrent misses: no store read of the graph, one compression, every answer already gzip-encoded.
    const misses = await Promise.all(
      Array.from({ length: 3 }, () => app.inject({ method: 'GET', url: '/api/graph', headers: gz })),
    );
    expect(store.reads - before).toBe(0);
    for (const m of misses) expect(m.headers['content-encoding']).toBe('gzip');
    expect(new Set(misses.map((m) => m.rawPayload.toString('base64'))).size).toBe(1);
    const zipped = misses[0];
    // Without Accept-Encoding: the identity body, from the cache.
    const plain = await app.inject({ method: 'GET', url: '/api/graph' });
    expect(store.reads - before).toBe(0);
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(zipped.headers.vary).toContain('accept-encoding');
    expect(zipped.rawPayload.length).toBeLessThan(plain.rawPayload.length / 3);
    expect(gunzipSync(zipped.rawPayload).equals(plain.rawPayload)).toBe(true);
    expect(zipped.headers.etag).not.toBe(plain.headers.etag);
    const again = await app.inject({
      method: 'GET',
      url: '/api/graph',
      headers: { ...gz, 'if-none-match': String(zipped.headers.etag) },
    });
    expect(again.statusCode).toBe(304);
    // A hit reuses the variant made on the miss.
    const hit = await app.inject({ method: 'GET', url: '/api/graph', headers: gz });
    expect(hit.rawPayload.equals(zipped.rawPayload)).toBe(true);
    expect(store.reads - before).toBe(0);
  });

  it('never serves a cached graph to a request that may not read', async () => {
    const guarded = await buildApp({ store: new SqliteStore(path), auth: { anonymousRead: false } });
    try {
      // From a non-loopback address without credentials, after the graph has been cached by this app.
      await guarded.inject({ method: 'GET', url: '/api/graph' });
      const res = await guarded.inject({ method: 'GET', url: '/api/graph', remoteAddress: '203.0.113.9' });
      expect(res.statusCode).toBe(401);
    } finally {
      await guarded.close();
    }
  });
});

describeNeo4j('GET /api/graph from stored rows and the graph cache: Neo4j', (uri) => {
  describe('parity', () => {
    parityTests(() => Neo4jStore.open({ uri }));
  });

  it('gives the same nodes and edges, byte for byte, as SQLite for the same writes', async () => {
    const ns = `eq${randomUUID().slice(0, 8)}`;
    const keep = (id: string) => id.includes(ns);
    const at = { actor: ctx.actor, at: '2026-02-03T04:05:06.000Z' };
    const later = { actor: ctx.actor, at: '2026-02-04T04:05:06.000Z' };
    const t = tricky(ns);
    const apps = [
      await buildApp({ store: await Neo4jStore.open({ uri }), graphCache: { revisionMaxAgeMs: 0 } }),
      await buildApp({ store: new SqliteStore(tempDbPath()) }),
    ];
    try {
      const texts = await Promise.all(
        apps.map(async (a) => {
          await a.store.importBatch(t, at);
          await a.store.importBatch({ nodes: [{ ...t.nodes[0], name: 'Ny' }], relations: [t.relations[1]] }, later);
          const out: string[] = [];
          for (const q of ['', '?kinds=Organisation', '?relationTypes=MEMBER_OF', '?asOf=2021-06-01']) {
            const { nodes, edges } = only(
              JSON.parse((await a.inject({ method: 'GET', url: `/api/graph${q}` })).body),
              keep,
            );
            out.push(JSON.stringify({ nodes, edges }));
          }
          return out;
        }),
      );
      expect(texts[0]).toEqual(texts[1]);
      expect(JSON.parse(texts[0][0]).edges).toHaveLength(3);
    } finally {
      for (const a of apps) await a.close();
    }
  });

  describe('a write through another driver', () => {
    let store: Neo4jStore;
    let other: Neo4jStore;
    let app: FastifyInstance;
    let defaults: FastifyInstance;
    const id = `org:gr-other-${randomUUID().slice(0, 8)}`;
    const later = `org:gr-later-${randomUUID().slice(0, 8)}`;
    beforeAll(async () => {
      store = await Neo4jStore.open({ uri });
      other = await Neo4jStore.open({ uri });
      app = await buildApp({ store, graphCache: { revisionMaxAgeMs: 0 } });
    });
    afterAll(async () => {
      await defaults?.close();
      await app.close();
      await other.close();
    });

    it('shows within the revision max age (500 ms by default on Neo4j)', async () => {
      defaults = await buildApp({ store: await Neo4jStore.open({ uri }) });
      const has = async () =>
        (await defaults.inject({ method: 'GET', url: '/api/graph' }))
          .json()
          .nodes.some((n: { key: string }) => n.key === later);
      expect(await has()).toBe(false);
      await other.createNode(node(later, 'Lite senare'), ctx);
      await new Promise((r) => setTimeout(r, 600));
      expect(await has()).toBe(true);
    });

    it('with max age 0, shows in the very next GET', async () => {
      const first = await app.inject({ method: 'GET', url: '/api/graph' });
      expect(first.json().nodes.some((n: { key: string }) => n.key === id)).toBe(false);
      const rev = await store.revision();
      await other.createNode(node(id, 'Via en annan drivrutin'), ctx);
      expect(await store.revision()).not.toBe(rev);
      const next = await app.inject({ method: 'GET', url: '/api/graph' });
      expect(next.json().nodes.some((n: { key: string }) => n.key === id)).toBe(true);
    });
  });
});
