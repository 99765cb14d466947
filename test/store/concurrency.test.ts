import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../server/app.js';
import type { GraphStore } from '../../server/store/graph-store.js';
import { SqliteStore } from '../../server/store/sqlite/sqlite-store.js';
import { Neo4jStore } from '../../server/store/neo4j/neo4j-store.js';
import { describeNeo4j } from '../helpers/neo4j.js';

const CLIENTS = 8;
const ROUNDS = 5;

/**
 * Optimistic concurrency through the HTTP API: N clients read-modify-write one record with If-Match, at once.
 * Exactly one write wins per version, the others get 412, and no update is lost: every winner's marker is in the
 * final record and each history entry builds on the one before.
 */
function concurrencySuite(label: string, open: () => Promise<GraphStore>): void {
  describe(`If-Match under concurrency: ${label}`, () => {
    let app: FastifyInstance;
    let store: GraphStore;
    const ns = `cc${randomUUID().slice(0, 8)}`;
    const node = (key: string, name: string) => ({
      id: `org:${ns}-${key}`,
      kind: 'Organisation',
      name,
      props: { orgType: 'arbetsgivare' },
    });

    beforeAll(async () => {
      store = await open();
      app = await buildApp({ store });
    });
    afterAll(async () => {
      await app?.close();
    });

    const get = async (id: string) => {
      const res = await app.inject({ method: 'GET', url: `/api/nodes/${id}` });
      expect(res.statusCode).toBe(200);
      return res.json() as { name: string; version: number };
    };
    const put = (id: string, key: string, name: string, version: number) =>
      app.inject({
        method: 'PUT',
        url: `/api/nodes/${id}`,
        headers: { 'if-match': `W/"${version}"` },
        payload: node(key, name),
      });

    it(`rounds: ${CLIENTS} clients read the same version and write at once; exactly one wins each round`, async () => {
      const key = 'rounds';
      const id = `org:${ns}-${key}`;
      expect((await app.inject({ method: 'POST', url: '/api/nodes', payload: node(key, 'Start') })).statusCode).toBe(
        201,
      );
      for (let round = 1; round <= ROUNDS; round++) {
        const seen = await Promise.all(Array.from({ length: CLIENTS }, () => get(id)));
        expect(new Set(seen.map((s) => s.version))).toEqual(new Set([round]));
        const results = await Promise.all(seen.map((s, c) => put(id, key, `${s.name} r${round}c${c}`, s.version)));
        const codes = results.map((r) => r.statusCode).sort();
        expect(codes).toEqual([200, ...Array(CLIENTS - 1).fill(412)]);
        for (const r of results) if (r.statusCode === 412) expect(r.json().code).toBe('version_mismatch');
      }
      const final = await get(id);
      expect(final.version).toBe(ROUNDS + 1);
      expect(final.name.match(/r\d+c\d+/g)).toHaveLength(ROUNDS);
    });

    it(`free-running: ${CLIENTS} clients retry until each has won once; no update is lost`, async () => {
      const key = 'free';
      const id = `org:${ns}-${key}`;
      expect((await app.inject({ method: 'POST', url: '/api/nodes', payload: node(key, 'Start') })).statusCode).toBe(
        201,
      );
      const wins: { client: number; version: number }[] = [];
      let conflicts = 0;
      await Promise.all(
        Array.from({ length: CLIENTS }, async (_, c) => {
          for (let attempt = 0; attempt < 200; attempt++) {
            const cur = await get(id);
            const res = await put(id, key, `${cur.name} <c${c}>`, cur.version);
            if (res.statusCode === 200) {
              wins.push({ client: c, version: cur.version });
              return;
            }
            expect(res.statusCode).toBe(412);
            conflicts++;
          }
          throw new Error(`client ${c} never won`);
        }),
      );
      // One winner per version, and the versions won are exactly 1..N.
      expect(wins.map((w) => w.version).sort((a, b) => a - b)).toEqual(
        Array.from({ length: CLIENTS }, (_, i) => i + 1),
      );
      const final = await get(id);
      expect(final.version).toBe(wins.length + 1);
      for (let c = 0; c < CLIENTS; c++) expect(final.name).toContain(`<c${c}>`);
      // The history is one unbroken chain: each update starts from the record the previous one wrote.
      const h = (await app.inject({ method: 'GET', url: `/api/history?record=${encodeURIComponent(id)}` })).json()
        .items as {
        op: string;
        version: number;
        before: { name: string; version: number } | null;
        after: { name: string; version: number };
      }[];
      expect(h.map((e) => e.version)).toEqual(Array.from({ length: CLIENTS + 1 }, (_, i) => i + 1));
      for (let i = 1; i < h.length; i++) {
        expect(h[i].before).toEqual(h[i - 1].after);
        expect(h[i].after.name.startsWith(h[i].before!.name)).toBe(true);
      }
      expect(h.at(-1)!.after.name).toBe(final.name);
      expect(conflicts).toBeGreaterThan(0);
    });

    it('in the store itself: N writes expecting the same version, one succeeds', async () => {
      const n = await store.createNode(node('direct', 'Direkt'), { actor: 'cc' });
      const outcomes = await Promise.allSettled(
        Array.from({ length: CLIENTS }, (_, c) =>
          store.updateNode(n.id, node('direct', `Direkt ${c}`), n.version, { actor: `client-${c}` }),
        ),
      );
      expect(outcomes.filter((o) => o.status === 'fulfilled')).toHaveLength(1);
      for (const o of outcomes)
        if (o.status === 'rejected') expect((o.reason as { code?: string }).code).toBe('version_mismatch');
      expect((await store.getNode(n.id))?.version).toBe(2);
      expect(await store.history({ recordId: n.id, limit: 100 })).toHaveLength(2);
    });
  });
}

concurrencySuite(
  'sqlite',
  async () => new SqliteStore(join(mkdtempSync(join(tmpdir(), 'aktorsatlas-cc-')), 'test.db')),
);

describeNeo4j('If-Match under concurrency on Neo4j', (uri) => {
  concurrencySuite('neo4j', async () => Neo4jStore.open({ uri }));
});
