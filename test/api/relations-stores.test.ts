import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { randomUUID } from 'node:crypto';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../server/app.js';
import type { GraphStore } from '../../server/store/graph-store.js';
import { SqliteStore } from '../../server/store/sqlite/sqlite-store.js';
import { Neo4jStore } from '../../server/store/neo4j/neo4j-store.js';
import { SOURCE } from '../helpers/app.js';
import { describeNeo4j } from '../helpers/neo4j.js';

/**
 * POST /api/relations answers the same on both stores. SQLite's service reads the endpoints' kinds before writing;
 * Neo4j's write checks them itself (relation-create-write.cypher) and the kinds are read only when it refused, so
 * the errors (which problems, in which order, 409 on a taken id) and "nothing written" must come out the same.
 */
interface Answer {
  status: number;
  codes: string[];
  messages: { sv: string; en: string }[];
}

async function scenario(
  store: GraphStore,
  ns: string,
): Promise<{ answers: Answer[]; stored: string[]; history: string[] }> {
  const app: FastifyInstance = await buildApp({ store });
  try {
    const id = (k: string) => `org:${ns}-${k}`;
    for (const payload of [
      { id: id('a'), kind: 'Organisation', name: `A ${ns}`, props: { orgType: 'kommun' } },
      { id: id('b'), kind: 'Organisation', name: `B ${ns}`, props: { orgType: 'arbetsgivare' } },
      { id: `nw:${ns}`, kind: 'Network', name: `Rådet ${ns}`, props: { networkType: 'kompetensrad' } },
      { id: `ssyk:${ns}`, kind: 'Occupation', name: `Yrke ${ns}`, props: { ssyk: '2221' } },
      { id: `ssyk:${ns}-b`, kind: 'Occupation', name: `Yrke B ${ns}`, props: { ssyk: '2222' } },
    ])
      expect((await app.inject({ method: 'POST', url: '/api/nodes', payload })).statusCode).toBe(201);
    const rel = (rid: string, type: string, from: string, to: string, extra: object = {}) => ({
      id: `rel:${ns}:${rid}`,
      type,
      from,
      to,
      sources: [SOURCE],
      evidence: 'confirmed',
      ...extra,
    });
    const attempts = [
      rel('ok', 'MEMBER_OF', id('a'), `nw:${ns}`),
      // A kind the catalogue does not allow at one end, then at both.
      rel('kind', 'MEMBER_OF', id('a'), `ssyk:${ns}`),
      rel('kinds', 'MEMBER_OF', `ssyk:${ns}`, `ssyk:${ns}-b`),
      // A missing endpoint; both missing.
      rel('gone', 'COLLABORATES_WITH', id('a'), id('nobody')),
      rel('gone2', 'COLLABORATES_WITH', id('x'), id('y')),
      // The id taken by the same type, and by another type.
      rel('ok', 'MEMBER_OF', id('b'), `nw:${ns}`),
      rel('ok', 'COLLABORATES_WITH', id('a'), id('b')),
      // A taken id with a bad endpoint: the endpoint is reported, as when it is checked first.
      rel('ok', 'MEMBER_OF', id('a'), `ssyk:${ns}`),
      // Endpoint problems together with others.
      rel('mixed', 'MEMBER_OF', id('a'), `ssyk:${ns}`, { validFrom: '2024-01-01', validTo: '2020-01-01' }),
      rel('loop', 'COLLABORATES_WITH', id('a'), id('a')),
      rel('ok2', 'COLLABORATES_WITH', id('a'), id('b')),
    ];
    const answers: Answer[] = [];
    for (const payload of attempts) {
      const res = await app.inject({ method: 'POST', url: '/api/relations', payload });
      const body = JSON.parse(res.body.replaceAll(ns, 'NS')) as {
        code?: string;
        problems?: { path: string; code: string; message: Answer['messages'][0] }[];
      };
      answers.push({
        status: res.statusCode,
        codes: body.problems ? body.problems.map((p) => `${p.path} ${p.code}`) : [String(body.code ?? 'created')],
        messages: (body.problems ?? []).map((p) => p.message),
      });
    }
    const stored: string[] = [];
    for (const rid of new Set(attempts.map((a) => a.id))) {
      const rec = await store.getRelation(rid);
      if (rec) stored.push(`${rec.id} ${rec.type} ${rec.from} ${rec.to}`.replaceAll(ns, 'NS'));
    }
    const history = (await store.history({ limit: 100_000 }))
      .filter((h) => h.recordId.includes(ns))
      .map((h) => `${h.op} ${h.recordType} ${h.recordId}`.replaceAll(ns, 'NS'));
    return { answers, stored, history };
  } finally {
    await app.close();
  }
}

const sqliteStore = () => new SqliteStore(join(mkdtempSync(join(tmpdir(), 'aktorsatlas-rs-')), 'test.db'));
const namespace = () => `rs${randomUUID().slice(0, 8)}`;

describe('POST /api/relations on SQLite (endpoints read before the write)', () => {
  it('refuses bad endpoints with the catalogue problems and taken ids with 409, writing nothing', async () => {
    const got = await scenario(sqliteStore(), namespace());
    expect(got.answers.map((a) => a.status)).toEqual([201, 400, 400, 400, 400, 409, 409, 400, 400, 400, 201]);
    expect(got.answers[1].codes).toEqual(['/to endpoint_kind']);
    expect(got.answers[2].codes).toEqual(['/from endpoint_kind', '/to endpoint_kind']);
    expect(got.answers[3].codes).toEqual(['/to unknown_node']);
    expect(got.answers[7].codes).toEqual(['/to endpoint_kind']);
    expect(got.answers[8].codes).toEqual(['/to endpoint_kind', '/validTo valid_range']);
    expect(got.answers[9].codes).toEqual(['/to self_loop']);
    expect(got.answers[1].messages[0].sv).toMatch(/kan inte ha/);
    expect(got.stored).toEqual([
      'rel:NS:ok MEMBER_OF org:NS-a nw:NS',
      'rel:NS:ok2 COLLABORATES_WITH org:NS-a org:NS-b',
    ]);
  });
});

describeNeo4j('POST /api/relations on Neo4j (endpoints checked in the write)', (uri) => {
  let store: Neo4jStore;
  beforeAll(async () => {
    store = await Neo4jStore.open({ uri });
  });
  afterAll(async () => store?.close());

  it('gives the same statuses, problems, messages, records and history as SQLite', async () => {
    expect(store.checksEndpointKinds).toBe(true);
    const neo = await scenario(store, namespace());
    const sqlite = await scenario(sqliteStore(), namespace());
    expect(neo.answers).toEqual(sqlite.answers);
    expect(neo.stored).toEqual(sqlite.stored);
    expect(neo.history).toEqual(sqlite.history);
    expect(neo.history.filter((h) => h.includes('relation'))).toEqual([
      'create relation rel:NS:ok',
      'create relation rel:NS:ok2',
    ]);
  }, 120_000);
});
