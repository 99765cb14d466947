import { afterAll, beforeAll, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import neo4j, { type Driver } from 'neo4j-driver';
import type { NodeInput } from '../../core/model/records.js';
import { Neo4jStore } from '../../server/store/neo4j/neo4j-store.js';
import { describeNeo4j } from '../helpers/neo4j.js';

const WRITERS = 10;

/**
 * Writers on different records do not queue on one lock. A test transaction holds record A's lock; a store write on A
 * waits for it (seen as "Blocked" in SHOW TRANSACTIONS) while ten store writes on other records run to the end. With
 * a global lock taken at the start of each write (the old history counter) the waiting writer would hold it and the
 * ten would wait too. History numbers stay unique and gap-free, and the waiter's entry comes after the ten.
 */
describeNeo4j('Neo4j writes without a global lock', (uri) => {
  let store: Neo4jStore;
  let driver: Driver;
  const ns = `wl${randomUUID().slice(0, 8)}`;
  const org = (k: string, name = `Org ${k} ${ns}`): NodeInput => ({
    id: `org:${ns}-${k}`,
    kind: 'Organisation',
    name,
    props: { orgType: 'arbetsgivare' },
  });
  const others = Array.from({ length: WRITERS }, (_, i) => `b${i}`);

  beforeAll(async () => {
    store = await Neo4jStore.open({ uri });
    driver = neo4j.driver(uri, undefined, { disableLosslessIntegers: true });
    for (const k of ['a', ...others]) await store.createNode(org(k), { actor: 'lock-test' });
  });
  afterAll(async () => {
    await driver?.close();
    await store?.close();
  });

  /** Transactions of this database that wait for a lock, per SHOW TRANSACTIONS. */
  const blocked = async (): Promise<number> => {
    const res = await driver.executeQuery(
      'SHOW TRANSACTIONS YIELD status, database WHERE database = $db AND status STARTS WITH $s RETURN count(*) AS n',
      { db: 'neo4j', s: 'Blocked' },
      { database: 'system' },
    );
    return res.records[0].get('n') as number;
  };

  it('lets ten writers on other records finish while one waits for a record lock', async () => {
    const holder = driver.session({ database: 'neo4j' });
    const tx = await holder.beginTransaction();
    await tx.run('MATCH (n:Entity {id: $id}) SET n.name = n.name + $x', { id: org('a').id, x: ' (låst)' });
    let waiterDone = false;
    const waiter = store.updateNode(org('a').id, org('a', `Org A ändrad ${ns}`), 1, { actor: 'waiter' }).finally(() => {
      waiterDone = true;
    });
    try {
      for (let i = 0; i < 600 && (await blocked()) === 0; i++) await new Promise((r) => setTimeout(r, 50));
      expect(await blocked()).toBeGreaterThan(0);
      const done = await Promise.all(
        others.map((k) => store.updateNode(org(k).id, org(k, `Org ${k} ändrad ${ns}`), 1, { actor: `w-${k}` })),
      );
      expect(done.map((n) => n.version)).toEqual(others.map(() => 2));
      // Still waiting on A's lock: the ten did not queue behind it.
      expect(waiterDone).toBe(false);
      expect(await blocked()).toBeGreaterThan(0);
    } finally {
      await tx.rollback();
      await holder.close();
    }
    expect(await waiter).toMatchObject({ version: 2, name: `Org A ändrad ${ns}` });

    const ids = ['a', ...others].map((k) => org(k).id);
    const mine = (await Promise.all(ids.map((recordId) => store.history({ recordId, limit: 10 })))).flat();
    const updates = mine.filter((h) => h.op === 'update').sort((x, y) => x.seq - y.seq);
    expect(updates).toHaveLength(WRITERS + 1);
    const seqs = updates.map((h) => h.seq);
    expect(new Set(seqs).size).toBe(seqs.length);
    expect(updates.at(-1)).toMatchObject({ recordId: org('a').id, actor: 'waiter' });
    // Gap-free: every number between the first and the last is taken (by these writes or another suite's).
    const lo = Math.min(...seqs);
    const hi = Math.max(...seqs);
    const res = await driver.executeQuery(
      'MATCH (h:HistoryEntry) WHERE h.seq >= $lo AND h.seq <= $hi RETURN count(DISTINCT h.seq) AS n, count(h) AS all',
      { lo: neo4j.int(lo), hi: neo4j.int(hi) },
      { database: 'neo4j' },
    );
    expect(res.records[0].get('n')).toBe(hi - lo + 1);
    expect(res.records[0].get('all')).toBe(hi - lo + 1);
  });
});
