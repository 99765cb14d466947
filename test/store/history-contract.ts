import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import type { GraphStore } from '../../server/store/graph-store.js';
import type { NodeInput, RelationInput } from '../../core/model/records.js';
import { asRecorded } from '../../core/history/as-recorded.js';
import { diffGraphs } from '../../core/history/diff.js';
import { buildApp } from '../../server/app.js';

const SOURCE = { url: 'https://example.org/historik', title: 'Historikkälla' };

/**
 * Bitemporal history, the same on every store: edits written on chosen dates (WriteContext.at), then the graph as
 * recorded on each date and the diff between two dates, exactly, through the store and through the HTTP API.
 * The dates lie in a year before 1900 up to whose end nothing was recorded yet, so a shared database (Neo4j) with other
 * suites' data, recorded now, and earlier runs of this suite (in other old years), does not show up in the graph as
 * of these dates.
 */
export function historyContract(label: string, open: () => Promise<GraphStore>): void {
  describe(`history contract: ${label}`, () => {
    let store: GraphStore;
    let app: FastifyInstance;
    const ns = `h${randomUUID().slice(0, 8)}`;
    // A year up to whose end nothing was recorded (the test Neo4j keeps its data between runs): chosen in beforeAll.
    let year = 0;
    const yyyy = () => String(year).padStart(4, '0');
    const day = (month: number) => `${yyyy()}-0${month}-10`;
    const at = (month: number) => `${day(month)}T12:00:00.000Z`;
    const id = (k: string) => (k === 'n' ? `nw:${ns}-n` : `org:${ns}-${k}`);
    const org = (k: string, name = `Org ${k.toUpperCase()} ${ns}`): NodeInput => ({
      id: id(k),
      kind: 'Organisation',
      name,
      props: { orgType: 'arbetsgivare' },
    });
    const network: NodeInput = { id: id('n'), kind: 'Network', name: `Nätverk ${ns}`, props: { networkType: 'forum' } };
    const rid = (type: string, a: string, b: string) => `rel:${ns}:${type.toLowerCase()}:${a}:${b}`;
    const rel = (
      type: string,
      a: string,
      b: string,
      extra: Partial<RelationInput> = {},
    ): RelationInput & { id: string } => ({
      id: rid(type, a, b),
      type,
      from: id(a),
      to: id(b),
      sources: [SOURCE],
      evidence: 'confirmed',
      ...extra,
    });
    const ctx = (month: number, actor = 'historian') => ({ actor, at: at(month) });
    const mine = (ids: string[]) => ids.filter((x) => x.includes(ns)).sort();

    beforeAll(async () => {
      store = await open();
      // Anything recorded in an earlier year would still be in the graph as of our dates: go lower until none is.
      let y = 1000 + Math.floor(Math.random() * 900);
      for (let tries = 0; tries < 50 && year === 0 && y > 100; tries++) {
        const end = `${String(y).padStart(4, '0')}-12-31T23:59:59.999Z`;
        if ((await store.history({ until: end, limit: 1 })).length === 0) year = y;
        else y = 100 + Math.floor(Math.random() * (y - 100));
      }
      if (year === 0) throw new Error('no free year for the history contract');
      // 1: A, B, C and the network; A and B are members, A collaborates with C.
      for (const n of [org('a'), org('b'), org('c'), network]) await store.createNode(n, ctx(1));
      await store.createRelation(rel('MEMBER_OF', 'a', 'n'), ctx(1));
      await store.createRelation(rel('MEMBER_OF', 'b', 'n'), ctx(1));
      await store.createRelation(rel('COLLABORATES_WITH', 'a', 'c'), ctx(1));
      // 2: B renamed, D arrives and collaborates with C; A's membership weighed up and given an end (valid time).
      await store.updateNode(id('b'), org('b', `Org B omdöpt ${ns}`), 1, ctx(2, 'editor2'));
      await store.createNode(org('d'), ctx(2, 'editor2'));
      await store.createRelation(rel('COLLABORATES_WITH', 'c', 'd'), ctx(2, 'editor2'));
      await store.updateRelation(
        rid('MEMBER_OF', 'a', 'n'),
        rel('MEMBER_OF', 'a', 'n', { weight: 2, validTo: '2030-12-31' }),
        1,
        ctx(2, 'editor2'),
      );
      // 3: C closes (its ties go with it); D joins the network.
      await store.deleteNode(id('c'), 1, ctx(3));
      await store.createRelation(rel('MEMBER_OF', 'd', 'n'), ctx(3));
      // 4: a new C under the same id.
      await store.createNode(org('c', `Org C ny ${ns}`), ctx(4));
      app = await buildApp({ store });
    });
    afterAll(async () => {
      await app?.close();
    });

    const recordedAt = async (month: number | string) => {
      const t = typeof month === 'number' ? `${day(month)}T23:59:59.999Z` : month;
      return asRecorded(await store.history({ until: t, limit: 1_000_000 }), t);
    };

    it('rebuilds the graph exactly as recorded on each date', async () => {
      const s0 = await recordedAt(`${yyyy()}-01-01T00:00:00.000Z`);
      expect(mine(s0.nodes.map((n) => n.id))).toEqual([]);
      const s1 = await recordedAt(1);
      expect(mine(s1.nodes.map((n) => n.id))).toEqual([id('n'), id('a'), id('b'), id('c')].sort());
      expect(mine(s1.relations.map((r) => r.id))).toEqual(
        [rid('COLLABORATES_WITH', 'a', 'c'), rid('MEMBER_OF', 'a', 'n'), rid('MEMBER_OF', 'b', 'n')].sort(),
      );
      const s2 = await recordedAt(2);
      expect(mine(s2.nodes.map((n) => n.id))).toEqual([id('n'), id('a'), id('b'), id('c'), id('d')].sort());
      expect(s2.nodes.find((n) => n.id === id('b'))).toMatchObject({
        name: `Org B omdöpt ${ns}`,
        version: 2,
        updatedBy: 'editor2',
        updatedAt: at(2),
        createdAt: at(1),
      });
      expect(mine(s2.relations.map((r) => r.id))).toEqual(
        [
          rid('COLLABORATES_WITH', 'a', 'c'),
          rid('COLLABORATES_WITH', 'c', 'd'),
          rid('MEMBER_OF', 'a', 'n'),
          rid('MEMBER_OF', 'b', 'n'),
        ].sort(),
      );
      expect(s2.relations.find((r) => r.id === rid('MEMBER_OF', 'a', 'n'))).toMatchObject({
        weight: 2,
        validTo: '2030-12-31',
        version: 2,
      });
      const s3 = await recordedAt(3);
      expect(mine(s3.nodes.map((n) => n.id))).toEqual([id('n'), id('a'), id('b'), id('d')].sort());
      expect(mine(s3.relations.map((r) => r.id))).toEqual(
        [rid('MEMBER_OF', 'a', 'n'), rid('MEMBER_OF', 'b', 'n'), rid('MEMBER_OF', 'd', 'n')].sort(),
      );
      const s4 = await recordedAt(4);
      expect(mine(s4.nodes.map((n) => n.id))).toEqual([id('n'), id('a'), id('b'), id('c'), id('d')].sort());
      expect(s4.nodes.find((n) => n.id === id('c'))).toMatchObject({
        name: `Org C ny ${ns}`,
        version: 1,
        createdAt: at(4),
      });
      // Mid-day on day 2: the state of day 1 (transaction time is an instant).
      const morning = await recordedAt(`${day(2)}T11:59:59.999Z`);
      expect(mine(morning.nodes.map((n) => n.id))).toEqual(mine(s1.nodes.map((n) => n.id)));
    });

    it('keeps transaction time apart from valid time', async () => {
      const t = `${day(2)}T23:59:59.999Z`;
      const entries = await store.history({ until: t, limit: 1_000_000 });
      const valid2031 = asRecorded(entries, t, { asOf: '2031-06-01' });
      expect(mine(valid2031.relations.map((r) => r.id))).not.toContain(rid('MEMBER_OF', 'a', 'n'));
      const valid2029 = asRecorded(entries, t, { asOf: '2029-06-01' });
      expect(mine(valid2029.relations.map((r) => r.id))).toContain(rid('MEMBER_OF', 'a', 'n'));
      const live = await store.getRelation(rid('MEMBER_OF', 'a', 'n'));
      expect(live).toMatchObject({ validTo: '2030-12-31', updatedAt: at(2) });
    });

    it('diffs two dates: added, removed, changed with fields, and rank changes', async () => {
      const d = diffGraphs(await recordedAt(1), await recordedAt(3));
      const only = <T extends { id: string }>(xs: T[]) => xs.filter((x) => x.id.includes(ns)).map((x) => x.id);
      expect(only(d.nodes.added)).toEqual([id('d')]);
      expect(only(d.nodes.removed)).toEqual([id('c')]);
      expect(d.nodes.changed.filter((c) => c.id.includes(ns)).map((c) => [c.id, c.fields])).toEqual([
        [id('b'), [{ field: 'name', before: `Org B ${ns}`, after: `Org B omdöpt ${ns}` }]],
      ]);
      expect(only(d.relations.added)).toEqual([rid('MEMBER_OF', 'd', 'n')]);
      expect(only(d.relations.removed)).toEqual([rid('COLLABORATES_WITH', 'a', 'c')]);
      expect(d.relations.changed.filter((c) => c.id.includes(ns)).map((c) => [c.id, c.fields])).toEqual([
        [
          rid('MEMBER_OF', 'a', 'n'),
          [
            { field: 'weight', before: 1, after: 2 },
            { field: 'validTo', before: null, after: '2030-12-31' },
          ],
        ],
      ]);
    });

    it('serves the graph as recorded and the diff through the API, exactly', async () => {
      const g = await app.inject({ method: 'GET', url: `/api/history/graph?at=${day(2)}` });
      expect(g.statusCode).toBe(200);
      const body = g.json();
      expect(body.attributes.recordedAt).toBe(`${day(2)}T23:59:59.999Z`);
      expect(body.nodes.map((n: { key: string }) => n.key).sort()).toEqual(
        [id('n'), id('a'), id('b'), id('c'), id('d')].sort(),
      );
      expect(body.edges.map((e: { key: string }) => e.key).sort()).toEqual(
        [
          rid('COLLABORATES_WITH', 'a', 'c'),
          rid('COLLABORATES_WITH', 'c', 'd'),
          rid('MEMBER_OF', 'a', 'n'),
          rid('MEMBER_OF', 'b', 'n'),
        ].sort(),
      );

      const res = await app.inject({ method: 'GET', url: `/api/history/diff?from=${day(1)}&to=${day(3)}` });
      expect(res.statusCode).toBe(200);
      const diff = res.json();
      expect(diff.summary).toEqual({
        nodesAdded: 1,
        nodesRemoved: 1,
        nodesChanged: 1,
        relationsAdded: 1,
        relationsRemoved: 1,
        relationsChanged: 1,
        rankChanges: 6,
      });
      expect(
        diff.ranks.map(
          (r: {
            id: string;
            metric: string;
            before: { rank: number } | null;
            after: { rank: number } | null;
            change: number | null;
          }) => [r.metric, r.id, r.before?.rank ?? null, r.after?.rank ?? null, r.change],
        ),
      ).toEqual([
        ['degree', id('c'), 2, null, null],
        ['degree', id('d'), null, 1, null],
        ['degree', id('b'), 2, 1, 1],
        ['betweenness', id('c'), 2, null, null],
        ['betweenness', id('d'), null, 1, null],
        ['betweenness', id('b'), 2, 1, 1],
      ]);

      // A record deleted and created again under the same id is "changed"; the collaboration C–D came and went.
      const later = (await app.inject({ method: 'GET', url: `/api/history/diff?from=${day(2)}&to=${day(4)}` })).json();
      expect(later.nodes.added).toEqual([]);
      expect(later.nodes.removed).toEqual([]);
      expect(
        later.nodes.changed.map((c: { id: string; fields: { field: string }[] }) => [
          c.id,
          c.fields.map((f) => f.field),
        ]),
      ).toEqual([[id('c'), ['name']]]);
      expect(later.relations.added.map((r: { id: string }) => r.id)).toEqual([rid('MEMBER_OF', 'd', 'n')]);
      expect(later.relations.removed.map((r: { id: string }) => r.id).sort()).toEqual(
        [rid('COLLABORATES_WITH', 'a', 'c'), rid('COLLABORATES_WITH', 'c', 'd')].sort(),
      );
      expect(later.relations.changed).toEqual([]);

      const map = (
        await app.inject({ method: 'GET', url: `/api/history/diff?from=${day(1)}&to=${day(3)}&format=graph` })
      ).json();
      const change = (key: string) =>
        [...map.nodes, ...map.edges].find((x: { key: string }) => x.key === key)?.attributes.change;
      expect(change(id('d'))).toBe('added');
      expect(change(id('c'))).toBe('removed');
      expect(change(id('b'))).toBe('changed');
      expect(change(id('a'))).toBe('unchanged');
      expect(change(rid('COLLABORATES_WITH', 'a', 'c'))).toBe('removed');

      const md = await app.inject({
        method: 'GET',
        url: `/api/history/diff?from=${day(1)}&to=${day(3)}&format=markdown&lang=en`,
      });
      expect(md.headers['content-type']).toContain('text/markdown');
      expect(md.body).toContain(`# Changes ${yyyy()}-01-10T23:59:59.999Z – ${yyyy()}-03-10T23:59:59.999Z`);
      expect(md.body).toContain('name: Org B');
    });

    it('lists history by record, by author and since a date, with paging', async () => {
      const byRecord = (
        await app.inject({ method: 'GET', url: `/api/history?record=${encodeURIComponent(id('c'))}` })
      ).json();
      expect(byRecord.items.map((e: { op: string; version: number; at: string }) => [e.op, e.version, e.at])).toEqual([
        ['create', 1, at(1)],
        ['delete', 1, at(3)],
        ['create', 1, at(4)],
      ]);
      const byAuthor = (
        await app.inject({ method: 'GET', url: `/api/history?author=editor2&since=${day(2)}&until=${day(2)}` })
      ).json();
      expect(byAuthor.items.filter((e: { recordId: string }) => e.recordId.includes(ns))).toHaveLength(4);
      const p1 = (
        await app.inject({ method: 'GET', url: `/api/history?since=${day(1)}&until=${day(4)}&limit=5` })
      ).json();
      const p2 = (
        await app.inject({
          method: 'GET',
          url: `/api/history?since=${day(1)}&until=${day(4)}&limit=5&offset=${p1.nextOffset}`,
        })
      ).json();
      expect(p1.items).toHaveLength(5);
      expect(p1.nextOffset).toBe(5);
      expect(p2.items[0].seq).toBeGreaterThan(p1.items[4].seq);
      const bad = await app.inject({ method: 'GET', url: '/api/history?since=2024-13-45' });
      expect(bad.statusCode).toBe(400);
      const backwards = await app.inject({ method: 'GET', url: `/api/history/diff?from=${day(3)}&to=${day(1)}` });
      expect(backwards.statusCode).toBe(400);
    });
  });
}
