import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import neo4j, { type Driver } from 'neo4j-driver';
import type { NodeInput, RelationInput } from '../../core/model/records.js';
import { Neo4jStore } from '../../server/store/neo4j/neo4j-store.js';
import { cypher } from '../../server/store/neo4j/queries.js';
import { UnsafeIdentifierError } from '../../server/store/neo4j/whitelist.js';
import { describeNeo4j } from '../helpers/neo4j.js';

/**
 * Writes straight to the store (no HTTP validation) with labels, relationship types and property names built to break
 * out of a Cypher query. Each must be refused before the driver is touched, and the database must be unchanged.
 */
describeNeo4j('Neo4j store refuses Cypher injection', (uri) => {
  const ns = `inj${randomUUID().slice(0, 8)}`;
  const ctx = { actor: 'injection-test' };
  const A = `org:${ns}-a`;
  const B = `org:${ns}-b`;
  const node = (kind: string, props: Record<string, string> = { orgType: 'kommun' }): NodeInput => ({
    id: `org:${ns}-x`,
    kind,
    name: 'X',
    props,
  });
  const rel = (type: string, props: Record<string, string> = {}): RelationInput & { id: string } => ({
    id: `rel:${ns}:x`,
    type,
    from: A,
    to: B,
    props,
    sources: [{ url: 'https://example.org', title: 't' }],
    evidence: 'confirmed',
  });
  const hostile = {
    backtick: 'Organisation`) DETACH DELETE n //',
    brace: 'Organisation {id: 1}) MATCH (n) DETACH DELETE n //',
    semicolon: 'Organisation; MATCH (n) DETACH DELETE n',
    quote: "Organisation' OR 1=1 //",
    label: 'Organisation:Admin',
    lower: 'organisation',
    unknown: 'Person',
    type: 'MEMBER_OF]->() MATCH (n) DETACH DELETE n //',
    typeOr: 'MEMBER_OF|PART_OF',
    typeQuote: 'MEMBER_OF"})-[:X]->() //',
    propBacktick: 'x`: 1}) MATCH (n) DETACH DELETE n //',
    propBrace: 'a}) //',
    propSemicolon: 'a;b',
  };

  let driver: Driver;
  let store: Neo4jStore;
  let driverCalls = 0;

  /** Counts every query and session the store asks the driver for. */
  const counting = (d: Driver): Driver =>
    new Proxy(d, {
      get(target, prop) {
        const value: unknown = Reflect.get(target, prop, target);
        if (typeof value !== 'function') return value;
        const fn = value as (...args: unknown[]) => unknown;
        if (prop !== 'executeQuery' && prop !== 'session') return fn.bind(target);
        return (...args: unknown[]) => {
          driverCalls += 1;
          return fn.apply(target, args);
        };
      },
    });

  const census = async () => {
    const one = async (q: string) =>
      (await driver.executeQuery(q, {}, { database: 'neo4j' })).records.map((r) => r.toObject());
    return {
      nodes: await one('MATCH (n) RETURN count(n) AS n'),
      relationships: await one('MATCH ()-[r]->() RETURN count(r) AS n'),
      labels: (await one('CALL db.labels() YIELD label RETURN label ORDER BY label')).map((r) => r.label),
      types: (await one('CALL db.relationshipTypes() YIELD relationshipType AS t RETURN t ORDER BY t')).map((r) => r.t),
      propertyKeys: (await one('CALL db.propertyKeys() YIELD propertyKey AS k RETURN k ORDER BY k')).map((r) => r.k),
    };
  };

  /**
   * Other suites write to the same database in parallel. Holding the store's write lock (the history counter) in an
   * open transaction holds them back, so the before/after census compares a quiet database.
   */
  const withWritersHeld = async (fn: () => Promise<void>) => {
    const session = driver.session({ database: 'neo4j' });
    const tx = session.beginTransaction();
    try {
      await tx.run(cypher('history-lock'), { at: new Date().toISOString() });
      await fn();
    } finally {
      await tx.rollback();
      await session.close();
    }
  };

  beforeAll(async () => {
    driver = neo4j.driver(uri, undefined, { disableLosslessIntegers: true });
    store = new Neo4jStore(counting(driver));
    await store.migrate();
    await store.createNode({ id: A, kind: 'Organisation', name: 'Kanarie A', props: { orgType: 'kommun' } }, ctx);
    await store.createNode({ id: B, kind: 'Organisation', name: 'Kanarie B', props: { orgType: 'kommun' } }, ctx);
  });
  afterAll(async () => {
    await driver?.close();
  });

  const attempts: [string, () => Promise<unknown>][] = [
    ...Object.entries(hostile)
      .filter(([k]) => !k.startsWith('type') && !k.startsWith('prop'))
      .flatMap(([k, kind]): [string, () => Promise<unknown>][] => [
        [`createNode kind (${k})`, () => store.createNode(node(kind), ctx)],
        [`updateNode kind (${k})`, () => store.updateNode(A, { ...node(kind), id: A }, undefined, ctx)],
        [
          `importBatch node kind (${k})`,
          () => store.importBatch({ nodes: [node('Organisation'), node(kind)], relations: [] }, ctx),
        ],
      ]),
    ...[hostile.type, hostile.typeOr, hostile.typeQuote, hostile.backtick, 'member_of'].flatMap(
      (type, i): [string, () => Promise<unknown>][] => [
        [`createRelation type (${i})`, () => store.createRelation(rel(type), ctx)],
        [`updateRelation type (${i})`, () => store.updateRelation(`rel:${ns}:x`, rel(type), undefined, ctx)],
        [
          `importBatch relation type (${i})`,
          () => store.importBatch({ nodes: [], relations: [rel('COLLABORATES_WITH'), rel(type)] }, ctx),
        ],
      ],
    ),
    ...[hostile.propBacktick, hostile.propBrace, hostile.propSemicolon].flatMap(
      (key, i): [string, () => Promise<unknown>][] => [
        [`createNode property name (${i})`, () => store.createNode(node('Organisation', { [key]: 'x' }), ctx)],
        [
          `createRelation property name (${i})`,
          () => store.createRelation(rel('COLLABORATES_WITH', { [key]: 'x' }), ctx),
        ],
        [
          `importBatch property name (${i})`,
          () => store.importBatch({ nodes: [node('Organisation', { [key]: 'x' })], relations: [] }, ctx),
        ],
      ],
    ),
    ['non-string kind', () => store.createNode({ ...node('Organisation'), kind: 42 as unknown as string }, ctx)],
  ];

  describe('refused before any query is built, database unchanged', () => {
    for (const [name, attempt] of attempts) {
      it(name, async () => {
        await withWritersHeld(async () => {
          const before = await census();
          driverCalls = 0;
          const err = await attempt().then(
            () => undefined,
            (e: unknown) => e,
          );
          expect(err).toBeInstanceOf(UnsafeIdentifierError);
          expect(driverCalls).toBe(0);
          expect(await census()).toEqual(before);
        });
      });
    }
  });

  it('stores metacharacters in values as plain data', async () => {
    const id = `org:${ns}-\`'"}) MATCH (n) DETACH DELETE n //`;
    const name = "Kanarie'}) DETACH DELETE n; //";
    const created = await store.createNode({ id, kind: 'Organisation', name, props: { description: '`});\\' } }, ctx);
    expect(await store.getNode(id)).toEqual(created);
    expect((await store.getNode(A))?.name).toBe('Kanarie A');
    expect((await store.listNodes({ q: 'detach delete', offset: 0, limit: 50 })).items.map((n) => n.id)).toContain(id);
  });
});
