import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { randomUUID } from 'node:crypto';
import type { GraphStore } from '../../server/store/graph-store.js';
import type { NodeInput, RelationInput } from '../../core/model/records.js';
import { StoreError } from '../../server/store/errors.js';

const SOURCE = { url: 'https://example.org/source', title: 'Testkälla' };

/**
 * The store contract: every GraphStore adapter runs this very suite.
 * Isolation: each run uses ids and names with a fresh namespace, so suites never wipe a shared database.
 */
export function storeContract(label: string, open: () => Promise<GraphStore>): void {
  describe(`store contract: ${label}`, () => {
    let store: GraphStore;
    const ns = `t${randomUUID().slice(0, 8)}`;
    const org = (key: string, name = `Org ${key}`): NodeInput => ({
      id: `org:${ns}-${key}`,
      kind: 'Organisation',
      name: `${name} ${ns}`,
      props: { orgType: 'arbetsgivare' },
    });
    const net = (key: string): NodeInput => ({
      id: `nw:${ns}-${key}`,
      kind: 'Network',
      name: `Nätverk ${key} ${ns}`,
      props: { networkType: 'forum' },
    });
    const rel = (
      type: string,
      from: string,
      to: string,
      extra: Partial<RelationInput> = {},
    ): RelationInput & { id: string } => ({
      id: `rel:${ns}:${type.toLowerCase()}:${from}:${to}`,
      type,
      from,
      to,
      sources: [SOURCE],
      evidence: 'confirmed',
      ...extra,
    });
    const ctx = { actor: 'contract-test' };

    beforeAll(async () => {
      store = await open();
    });
    afterAll(async () => {
      await store?.close();
    });

    it('creates, reads and versions a node', async () => {
      const created = await store.createNode(org('a', 'Jönköpings testbolag'), ctx);
      expect(created.version).toBe(1);
      expect(created.createdBy).toBe('contract-test');
      const got = await store.getNode(created.id);
      expect(got).toEqual(created);
      const updated = await store.updateNode(created.id, { ...org('a', 'Jönköpings testbolag AB') }, 1, ctx);
      expect(updated.version).toBe(2);
      expect(updated.createdAt).toBe(created.createdAt);
      expect((await store.getNode(created.id))?.name).toBe(`Jönköpings testbolag AB ${ns}`);
    });

    it('refuses a duplicate id with already_exists', async () => {
      await expect(store.createNode(org('a'), ctx)).rejects.toMatchObject({ code: 'already_exists' });
    });

    it('rejects a stale expected version and changes nothing', async () => {
      const before = await store.getNode(`org:${ns}-a`);
      const err = await store.updateNode(`org:${ns}-a`, org('a', 'Stale'), 1, ctx).catch((e: unknown) => e);
      expect(err).toBeInstanceOf(StoreError);
      expect((err as StoreError).code).toBe('version_mismatch');
      expect(await store.getNode(`org:${ns}-a`)).toEqual(before);
    });

    it('lets a caller refuse an update on the stored record before the version check, writing nothing', async () => {
      const before = await store.getNode(`org:${ns}-a`);
      const seen: number[] = [];
      const refuse = (prev: { version: number }): void => {
        seen.push(prev.version);
        throw new Error('refused');
      };
      await expect(store.updateNode(`org:${ns}-a`, org('a', 'X'), 1, ctx, refuse)).rejects.toThrow('refused');
      expect(seen).toEqual([before?.version]);
      expect(await store.getNode(`org:${ns}-a`)).toEqual(before);
      const missing = store.updateNode(`org:${ns}-none`, org('none'), 1, ctx, refuse);
      await expect(missing).rejects.toMatchObject({ code: 'not_found' });
    });

    it('searches ignoring case and diacritics, with paging', async () => {
      await store.createNode(org('b', 'Värnamo Verkstad'), ctx);
      await store.createNode(org('c', 'VARNAMO logistik'), ctx);
      const page = await store.listNodes({ q: `varnamo`, kind: ['Organisation'], offset: 0, limit: 50 });
      const mine = page.items.filter((n) => n.id.includes(ns));
      expect(mine.map((n) => n.id).sort()).toEqual([`org:${ns}-b`, `org:${ns}-c`]);
      const p1 = await store.listNodes({ q: ns, offset: 0, limit: 2 });
      const p2 = await store.listNodes({ q: ns, offset: 2, limit: 2 });
      expect(p1.total).toBe(3);
      expect(p1.items).toHaveLength(2);
      expect(p2.items).toHaveLength(1);
      expect(new Set([...p1.items, ...p2.items].map((n) => n.id)).size).toBe(3);
      const jon = await store.listNodes({ q: `JONKOPINGS TESTBOLAG`, offset: 0, limit: 10 });
      expect(jon.items.map((n) => n.id)).toContain(`org:${ns}-a`);
    });

    it('creates relations with provenance and validity, and refuses dangling endpoints', async () => {
      await store.createNode(net('n1'), ctx);
      const r = await store.createRelation(
        rel('MEMBER_OF', `org:${ns}-a`, `nw:${ns}-n1`, {
          validFrom: '2019-01-01',
          validTo: '2021-12-31',
          props: { role: 'ledamot', seats: 2 },
          weight: 2,
        }),
        ctx,
      );
      expect(r.version).toBe(1);
      expect(r.weight).toBe(2);
      expect(r.sources).toEqual([SOURCE]);
      expect(await store.getRelation(r.id)).toEqual(r);
      await expect(store.createRelation(rel('MEMBER_OF', `org:${ns}-zzz`, `nw:${ns}-n1`), ctx)).rejects.toMatchObject({
        code: 'dangling_endpoint',
      });
      const listed = await store.listRelations({ nodeId: `nw:${ns}-n1`, offset: 0, limit: 10 });
      expect(listed.items.map((x) => x.id)).toEqual([r.id]);
    });

    it('filters the snapshot by valid time, kinds and relation types', async () => {
      await store.createRelation(rel('MEMBER_OF', `org:${ns}-b`, `nw:${ns}-n1`, { validFrom: '2023-01-01' }), ctx);
      const mine = (s: { relations: { id: string }[] }) =>
        s.relations
          .filter((r) => r.id.includes(ns))
          .map((r) => r.id)
          .sort();
      const in2020 = await store.snapshot({ asOf: '2020-06-01' });
      expect(mine(in2020)).toEqual([`rel:${ns}:member_of:org:${ns}-a:nw:${ns}-n1`]);
      const in2024 = await store.snapshot({ asOf: '2024-06-01' });
      expect(mine(in2024)).toEqual([`rel:${ns}:member_of:org:${ns}-b:nw:${ns}-n1`]);
      const all = await store.snapshot({});
      expect(mine(all)).toHaveLength(2);
      const orgsOnly = await store.snapshot({ kinds: ['Organisation'] });
      expect(mine(orgsOnly)).toHaveLength(0);
      expect(orgsOnly.nodes.every((n) => n.kind === 'Organisation')).toBe(true);
      const noMembers = await store.snapshot({ relationTypes: ['COLLABORATES_WITH'] });
      expect(mine(noMembers)).toHaveLength(0);
    });

    it('returns a neighbourhood of a given depth', async () => {
      const hood1 = await store.neighbourhood(`org:${ns}-a`, 1);
      expect(hood1.nodes.map((n) => n.id).sort()).toEqual([`nw:${ns}-n1`, `org:${ns}-a`]);
      const hood2 = await store.neighbourhood(`org:${ns}-a`, 2);
      expect(hood2.nodes.map((n) => n.id).sort()).toEqual([`nw:${ns}-n1`, `org:${ns}-a`, `org:${ns}-b`]);
    });

    it('imports a batch all-or-nothing', async () => {
      const good = { nodes: [org('d'), org('e')], relations: [rel('COLLABORATES_WITH', `org:${ns}-d`, `org:${ns}-e`)] };
      const bad = { nodes: [org('f')], relations: [rel('COLLABORATES_WITH', `org:${ns}-f`, `org:${ns}-missing`)] };
      await expect(store.importBatch(bad, ctx)).rejects.toBeInstanceOf(StoreError);
      expect(await store.getNode(`org:${ns}-f`)).toBeUndefined();
      const res = await store.importBatch(good, ctx);
      expect(res).toEqual({ nodesCreated: 2, nodesUpdated: 0, relationsCreated: 1, relationsUpdated: 0 });
      const again = await store.importBatch(good, ctx);
      expect(again).toEqual({ nodesCreated: 0, nodesUpdated: 2, relationsCreated: 0, relationsUpdated: 1 });
      expect((await store.getNode(`org:${ns}-d`))?.version).toBe(2);
    });

    it('names the first dangling endpoint of an import and writes nothing of it', async () => {
      const ok = rel('COLLABORATES_WITH', `org:${ns}-g`, `org:${ns}-d`);
      const dangling = rel('COLLABORATES_WITH', `org:${ns}-g`, `org:${ns}-nowhere`);
      const batch = { nodes: [org('g')], relations: [ok, dangling] };
      await expect(store.importBatch(batch, ctx)).rejects.toMatchObject({
        code: 'dangling_endpoint',
        details: { id: dangling.id, end: 'to', node: `org:${ns}-nowhere` },
      });
      expect(await store.getNode(`org:${ns}-g`)).toBeUndefined();
      expect(await store.getRelation(ok.id)).toBeUndefined();
      // Also when a later row of the same id has endpoints that exist.
      const fixed = { ...dangling, to: `org:${ns}-d` };
      await expect(store.importBatch({ nodes: [org('g')], relations: [dangling, fixed] }, ctx)).rejects.toMatchObject({
        code: 'dangling_endpoint',
        details: { id: dangling.id, end: 'to', node: `org:${ns}-nowhere` },
      });
      expect(await store.getNode(`org:${ns}-g`)).toBeUndefined();
    });

    it('keeps a relation id unique across types when an import changes its type', async () => {
      const first = { ...rel('COLLABORATES_WITH', `org:${ns}-d`, `org:${ns}-e`), id: `rel:${ns}:retyped` };
      await store.importBatch({ nodes: [], relations: [first] }, ctx);
      const res = await store.importBatch({ nodes: [], relations: [{ ...first, type: 'FUNDS' }] }, ctx);
      expect(res).toMatchObject({ relationsCreated: 0, relationsUpdated: 1 });
      expect(await store.getRelation(first.id)).toMatchObject({ type: 'FUNDS', version: 2 });
      const all = await store.snapshot({});
      expect(all.relations.filter((r) => r.id === first.id)).toHaveLength(1);
    });

    it('keeps history with before and after of every write', async () => {
      const h = await store.history({ recordId: `org:${ns}-a`, limit: 100 });
      expect(h.map((e) => [e.op, e.version])).toEqual([
        ['create', 1],
        ['update', 2],
      ]);
      expect(h[1].before).toMatchObject({ version: 1 });
      expect(h[1].after).toMatchObject({ version: 2 });
      expect(h[0].actor).toBe('contract-test');
    });

    it('deletes a node with its relations, checking the version', async () => {
      const id = `org:${ns}-b`;
      const node = await store.getNode(id);
      await expect(store.deleteNode(id, 99, ctx)).rejects.toMatchObject({ code: 'version_mismatch' });
      await store.deleteNode(id, node?.version, ctx);
      expect(await store.getNode(id)).toBeUndefined();
      expect((await store.listRelations({ nodeId: id, offset: 0, limit: 10 })).total).toBe(0);
      const h = await store.history({ recordId: `rel:${ns}:member_of:${id}:nw:${ns}-n1`, limit: 10 });
      expect(h.map((e) => e.op)).toEqual(['create', 'delete']);
      await expect(store.deleteNode(id, undefined, ctx)).rejects.toMatchObject({ code: 'not_found' });
    });

    it('updates and deletes relations with version checks', async () => {
      const id = `rel:${ns}:collaborates_with:org:${ns}-d:org:${ns}-e`;
      const r = await store.getRelation(id);
      expect(r?.version).toBe(2);
      const u = await store.updateRelation(
        id,
        { ...rel('COLLABORATES_WITH', `org:${ns}-d`, `org:${ns}-e`), evidence: 'uncertain' },
        2,
        ctx,
      );
      expect(u.evidence).toBe('uncertain');
      expect(u.version).toBe(3);
      await expect(store.deleteRelation(id, 2, ctx)).rejects.toMatchObject({ code: 'version_mismatch' });
      await store.deleteRelation(id, 3, ctx);
      expect(await store.getRelation(id)).toBeUndefined();
    });

    it('saves views with version checks', async () => {
      const name = `vy ${ns}`;
      const v1 = await store.saveView(
        name,
        { filters: { kinds: ['Organisation'] }, positions: { 'org:a': [1.5, -2] } },
        undefined,
        ctx,
      );
      expect(v1.version).toBe(1);
      await expect(store.saveView(name, { x: 1 }, undefined, ctx)).rejects.toMatchObject({ code: 'already_exists' });
      const v2 = await store.saveView(name, { filters: {} }, 1, ctx);
      expect(v2.version).toBe(2);
      await expect(store.saveView(name, { stale: true }, 1, ctx)).rejects.toMatchObject({ code: 'version_mismatch' });
      expect((await store.getView(name))?.state).toEqual({ filters: {} });
      expect((await store.listViews()).map((v) => v.name)).toContain(name);
      await store.deleteView(name, 2, ctx);
      expect(await store.getView(name)).toBeUndefined();
    });

    it('reports stats and node kinds', async () => {
      const stats = await store.stats();
      expect(stats.nodes).toBeGreaterThanOrEqual(5);
      expect(stats.nodesByKind.Organisation).toBeGreaterThanOrEqual(4);
      const kinds = await store.nodeKinds([`org:${ns}-a`, `nw:${ns}-n1`, `org:${ns}-nope`]);
      expect(Object.fromEntries(kinds)).toEqual({ [`org:${ns}-a`]: 'Organisation', [`nw:${ns}-n1`]: 'Network' });
    });
  });
}
