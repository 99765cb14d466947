import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import neo4j, { type Driver } from 'neo4j-driver';
import type { GraphStore } from '../../server/store/graph-store.js';
import type { Batch, NodeInput, RelationInput } from '../../core/model/records.js';
import { Neo4jStore } from '../../server/store/neo4j/neo4j-store.js';
import { HISTORY_COLUMNS, RELATION_COLUMNS } from '../../server/store/neo4j/mapping.js';
import { cypher } from '../../server/store/neo4j/queries.js';
import { relationType } from '../../server/store/neo4j/whitelist.js';
import { SqliteStore } from '../../server/store/sqlite/sqlite-store.js';
import { describeNeo4j } from '../helpers/neo4j.js';
import { storeContract } from './contract.js';

const SOURCE = { url: 'https://example.org/k', title: 'Källa' };

describe('Neo4j store without a server', () => {
  it('maps an unreachable server to store_unavailable, without leaking driver text', async () => {
    const err = await Neo4jStore.open({ uri: 'bolt://127.0.0.1:1' }).catch((e: unknown) => e);
    expect(err).toMatchObject({ code: 'store_unavailable', message: 'The graph database is unavailable' });
  });

  it('reads and writes every stored relation property, in column order', () => {
    // The relation queries address list columns by position; this pins them to RELATION_COLUMNS.
    const listed = (name: 'relations-get' | 'snapshot-relations', v: string) =>
      cypher(name).includes(`[type(${v}), a.id, b.id, ${RELATION_COLUMNS.map((c) => `${v}.${c}`).join(', ')}]`);
    expect(listed('relations-get', 'r')).toBe(true);
    expect(listed('snapshot-relations', 'r')).toBe(true);
    const names = { TYPE: relationType('COLLABORATES_WITH') };
    const create = cypher('relation-create', names);
    RELATION_COLUMNS.forEach((c, i) => expect(create).toContain(`${c}: row[${i + 2}]`));
    const update = cypher('relation-update', names);
    RELATION_COLUMNS.slice(1).forEach((c, i) => expect(update).toContain(`r.${c} = row[${i + 3}]`));
    const history = cypher('history-append');
    HISTORY_COLUMNS.forEach((c, i) => expect(history).toContain(`${c}: e[${i}]`));
  });
});

describeNeo4j('Neo4j store', (uri) => {
  storeContract('neo4j', () => Neo4jStore.open({ uri }));

  describe('Neo4j specifics', () => {
    let driver: Driver;
    let store: Neo4jStore;
    const ns = `n${randomUUID().slice(0, 8)}`;
    const ctx = { actor: `neo4j-test-${ns}` };
    const org = (key: string, name = `Org ${key}`): NodeInput => ({
      id: `org:${ns}-${key}`,
      kind: 'Organisation',
      name,
      props: { orgType: 'kommun' },
    });
    const net = (key: string): NodeInput => ({
      id: `nw:${ns}-${key}`,
      kind: 'Network',
      name: `Nät ${key}`,
      props: { networkType: 'forum' },
    });
    const rel = (
      key: string,
      type: string,
      from: string,
      to: string,
      extra: Partial<RelationInput> = {},
    ): RelationInput & { id: string } => ({
      id: `rel:${ns}:${key}`,
      type,
      from,
      to,
      sources: [SOURCE],
      evidence: 'probable',
      ...extra,
    });
    const raw = async (query: string, params: Record<string, unknown>) =>
      (await driver.executeQuery(query, params, { database: 'neo4j' })).records.map((r) => r.toObject());

    beforeAll(async () => {
      // Lossless integers left ON here: the store must still return plain numbers.
      driver = neo4j.driver(uri);
      store = new Neo4jStore(driver);
      await store.migrate();
    });
    afterAll(async () => {
      await store?.close();
      await driver?.close();
    });

    it('returns plain numbers, never driver Integers, whatever the driver setting', async () => {
      await store.createNode(org('num'), ctx);
      await store.createNode(net('num'), ctx);
      const r = await store.createRelation(
        rel('num', 'MEMBER_OF', `org:${ns}-num`, `nw:${ns}-num`, { weight: 2.5, props: { seats: 3 } }),
        ctx,
      );
      const back = await store.getRelation(r.id);
      expect(back).toEqual(r);
      expect(typeof back?.version).toBe('number');
      expect(back?.props).toEqual({ seats: 3 });
      const [h] = await store.history({ recordId: r.id, limit: 1 });
      expect(typeof h.seq).toBe('number');
      const page = await store.listNodes({ q: ns, offset: 0, limit: 1 });
      expect(typeof page.total).toBe('number');
      const stats = await store.stats();
      expect(Object.values(stats.nodesByKind).every((n) => typeof n === 'number')).toBe(true);
    });

    it('labels nodes :Entity plus their kind, and relabels a node whose kind changes', async () => {
      await store.createNode(org('kind'), ctx);
      const labels = async () =>
        (await raw('MATCH (n:Entity {id: $id}) RETURN labels(n) AS l', { id: `org:${ns}-kind` }))[0].l as string[];
      expect((await labels()).sort()).toEqual(['Entity', 'Organisation']);
      await store.updateNode(`org:${ns}-kind`, { ...net('x'), id: `org:${ns}-kind` }, 1, ctx);
      expect((await labels()).sort()).toEqual(['Entity', 'Network']);
      expect((await store.getNode(`org:${ns}-kind`))?.kind).toBe('Network');
    });

    it('re-creates a relationship whose type or endpoints change, under the same id', async () => {
      await store.createNode(org('t1'), ctx);
      await store.createNode(org('t2'), ctx);
      await store.createNode(org('t3'), ctx);
      const r = await store.createRelation(
        rel('t', 'COLLABORATES_WITH', `org:${ns}-t1`, `org:${ns}-t2`, { note: 'först' }),
        ctx,
      );
      const u = await store.updateRelation(r.id, rel('t', 'PART_OF', `org:${ns}-t1`, `org:${ns}-t3`), 1, ctx);
      expect(u).toMatchObject({ type: 'PART_OF', to: `org:${ns}-t3`, version: 2, createdAt: r.createdAt });
      expect(u.note).toBeUndefined();
      const rows = await raw('MATCH (a)-[r]->(b) WHERE r.id = $id RETURN type(r) AS type, b.id AS to', { id: r.id });
      expect(rows).toEqual([{ type: 'PART_OF', to: `org:${ns}-t3` }]);
      expect(await store.getRelation(r.id)).toEqual(u);
    });

    it('keeps relation ids unique across relationship types', async () => {
      await store.createNode(org('u1'), ctx);
      await store.createNode(net('u2'), ctx);
      await store.createRelation(rel('u', 'MEMBER_OF', `org:${ns}-u1`, `nw:${ns}-u2`), ctx);
      await expect(store.createRelation(rel('u', 'PART_OF', `org:${ns}-u1`, `nw:${ns}-u2`), ctx)).rejects.toMatchObject(
        {
          code: 'already_exists',
        },
      );
    });

    it('numbers history uniquely and in order under concurrent writers', async () => {
      const keys = Array.from({ length: 8 }, (_, i) => `c${i}`);
      const actor = `${ctx.actor}-concurrent`;
      await Promise.all(keys.map((k) => store.createNode(org(k), { actor })));
      const h = await store.history({ actor, limit: 100 });
      expect(h.map((e) => e.recordId).sort()).toEqual(keys.map((k) => `org:${ns}-${k}`).sort());
      const seqs = h.map((e) => e.seq);
      expect(new Set(seqs).size).toBe(seqs.length);
      expect([...seqs].sort((a, b) => a - b)).toEqual(seqs);
    });

    it('applies the schema once', async () => {
      expect(await store.migrate()).toBe(false);
      const rows = await raw('SHOW CONSTRAINTS YIELD name WHERE name STARTS WITH $p RETURN count(*) AS n', {
        p: 'relation_id_',
      });
      expect(Number(rows[0].n)).toBeGreaterThan(0);
    });

    it('imports exactly like the SQLite store: repeated ids, kind and type changes', async () => {
      const sqlite = new SqliteStore(join(mkdtempSync(join(tmpdir(), 'aktorsatlas-')), 'parity.db'));
      const at = { actor: ctx.actor, at: '2026-01-02T03:04:05.000Z' };
      const first: Batch & { relations: (RelationInput & { id: string })[] } = {
        nodes: [org('p1'), org('p2'), { ...org('p1'), name: 'Omdöpt' }, net('p3')],
        relations: [
          rel('p', 'COLLABORATES_WITH', `org:${ns}-p1`, `org:${ns}-p2`),
          rel('q', 'MEMBER_OF', `org:${ns}-p2`, `nw:${ns}-p3`),
        ],
      };
      const second: typeof first = {
        nodes: [{ ...net('p2'), id: `org:${ns}-p2` }],
        relations: [
          rel('p', 'MEMBER_OF', `org:${ns}-p1`, `org:${ns}-p2`, { weight: 3 }),
          rel('p', 'MEMBER_OF', `org:${ns}-p1`, `org:${ns}-p2`, { note: 'igen' }),
        ],
      };
      const run = async (s: GraphStore) => {
        const results = [await s.importBatch(first, at), await s.importBatch(second, at)];
        const ids = [`org:${ns}-p1`, `org:${ns}-p2`, `nw:${ns}-p3`, `rel:${ns}:p`, `rel:${ns}:q`];
        const records = await Promise.all(ids.map(async (id) => (await s.getNode(id)) ?? (await s.getRelation(id))));
        const history = (await Promise.all(ids.map((id) => s.history({ recordId: id, limit: 50 }))))
          .flat()
          .map(({ seq: _seq, ...e }) => e);
        return { results, records, history };
      };
      try {
        expect(await run(store)).toEqual(await run(sqlite));
      } finally {
        await sqlite.close();
      }
    });
  });
});
