/**
 * POST /api/scenarios ("Tänk om") on real SQLite and a real Neo4j, seeded from the Jönköping fixture with every
 * EDUCATES_FOR tie to CAD left out (so CAD has no registered provider whatever the fixture holds). The draft is
 * analysed in memory: the graph's ETag is the same before and after.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../server/app.js';
import { GraphService } from '../../server/services/graph-service.js';
import { seedIfEmpty } from '../../server/seed.js';
import type { GraphStore } from '../../server/store/graph-store.js';
import { Neo4jStore } from '../../server/store/neo4j/neo4j-store.js';
import { SqliteStore } from '../../server/store/sqlite/sqlite-store.js';
import type { RelationInput, RelationRecord } from '../../core/model/records.js';
import { jonkopingBatch } from '../../fixtures/jonkoping/index.js';
import { platformReach } from '../../core/analysis/platform/index.js';
import { tempDbPath } from '../helpers/app.js';
import { appWithAccounts, signIn } from '../helpers/accounts.js';
import { describeNeo4j } from '../helpers/neo4j.js';

const JTH = 'org:ju-jth';
const CAD = 'skill:cad';
const SOURCE = { url: 'https://ju.se/jth', title: 'JTH: utbildningar' };
const ctx = { actor: 'scenario-test' };
const cadSupply = (r: { type: string; to: string }) => r.type === 'EDUCATES_FOR' && r.to === CAD;

const JTH_CAD = {
  add: { relations: [{ type: 'EDUCATES_FOR', from: JTH, to: CAD, evidence: 'probable', sources: [SOURCE] }] },
};

/** The fixture without any EDUCATES_FOR tie to CAD. */
function fixtureWithoutCadSupply() {
  const batch = jonkopingBatch();
  batch.relations = batch.relations.filter((r) => !cadSupply(r));
  return batch;
}

function scenarioTests(open: () => Promise<{ store: GraphStore; cleanup?: () => Promise<void> }>): void {
  let app: FastifyInstance;
  let cleanup: (() => Promise<void>) | undefined;
  const etag = async () => {
    const res = await app.inject({ method: 'GET', url: '/api/graph' });
    expect(res.statusCode).toBe(200);
    return String(res.headers.etag);
  };
  const post = (payload: unknown) => app.inject({ method: 'POST', url: '/api/scenarios', payload: payload as object });

  beforeAll(async () => {
    const opened = await open();
    cleanup = opened.cleanup;
    app = await buildApp({ store: opened.store });
  });
  afterAll(async () => {
    await cleanup?.();
    await app?.close();
  });

  it('a tie from JTH to CAD resolves "no provider for CAD" in the answer; the graph is unchanged', async () => {
    const before = await etag();
    const gaps = await app.inject({ method: 'GET', url: '/api/gaps?kinds=supply-none' });
    expect(gaps.json().findings.map((f: { id: string }) => f.id)).toContain(`supply:${CAD}`);
    const res = await post(JTH_CAD);
    expect(res.statusCode, res.body).toBe(200);
    const body = res.json();
    expect(body.summary).toEqual({ nodesAdded: 0, relationsAdded: 1, nodesRemoved: 0, relationsRemoved: 0 });
    const resolved = body.findings.resolved.find((f: { id: string }) => f.id === `supply:${CAD}`);
    expect(resolved).toMatchObject({ gapKind: 'supply-none', title: { sv: expect.stringContaining('CAD') } });
    expect(body.findings.new.map((f: { id: string }) => f.id)).not.toContain(`supply:${CAD}`);
    expect(body.keyActors.rankedBy).toEqual(['betweenness', 'degree']);
    // EDUCATES_FOR is not a tie of the reach graph: nobody comes within reach of the platform.
    expect(body.reach).toMatchObject({ focus: { id: 'nw:kompetensplattform-jonkopings-lan' }, steps: 2 });
    expect(body.reach.actors.gained).toEqual([]);
    expect(await etag()).toBe(before);
    const ties = await app.inject({ method: 'GET', url: `/api/relations?type=EDUCATES_FOR&to=${CAD}` });
    expect(ties.json().total).toBe(0);
  });

  it("a membership the platform's invite list proposes brings its actors within reach", async () => {
    const pick = platformReach(await app.store.snapshot({}), { invite: 1 }).invite.picks[0];
    const res = await post({ add: { relations: [{ ...pick.tie, evidence: 'uncertain', sources: [SOURCE] }] } });
    expect(res.statusCode, res.body).toBe(200);
    const reach = res.json().reach;
    expect(reach.actors.after - reach.actors.before).toBe(pick.gain.actors);
    expect(reach.municipalities.gained.map((m: { id: string }) => m.id).sort()).toEqual(
      [...pick.gain.municipalities].sort(),
    );
  });

  it('answers 400 problem+json listing each unknown reference and invalid record; the graph is unchanged', async () => {
    const before = await etag();
    const res = await post({
      add: {
        nodes: [{ id: 'org:ny-aktor', kind: 'Organisation', name: 'Ny', props: { orgType: 'ingen-sadan-typ' } }],
        relations: [
          { type: 'EDUCATES_FOR', from: 'org:finns-inte', to: CAD, evidence: 'probable', sources: [SOURCE] },
          { type: 'EDUCATES_FOR', from: JTH, to: CAD, evidence: 'kanske', sources: [SOURCE] },
        ],
      },
      remove: { nodes: ['org:saknas'] },
    });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    const body = res.json();
    expect(body.code).toBe('invalid_scenario');
    const paths = body.problems.map((p: { path: string }) => p.path);
    expect(paths).toEqual(
      expect.arrayContaining(['/remove/nodes/0', '/add/relations/0/from', '/add/nodes/0/props/orgType']),
    );
    expect(paths.some((p: string) => p.startsWith('/add/relations/1/evidence'))).toBe(true);
    for (const p of body.problems) expect(p.message.sv && p.message.en).toBeTruthy();
    expect(await etag()).toBe(before);
  });

  it('refuses an empty draft, unknown fields and drafts beyond the limits', async () => {
    expect((await post({})).json().code).toBe('empty_scenario');
    expect((await post({ add: { relations: [] }, extra: 1 })).statusCode).toBe(400);
    const many = Array.from({ length: 501 }, () => JTH_CAD.add.relations[0]);
    expect((await post({ add: { relations: many } })).statusCode).toBe(400);
    const big = { add: { relations: [{ ...JTH_CAD.add.relations[0], note: 'x'.repeat(300 * 1024) }] } };
    expect((await post(big)).statusCode).toBe(413);
  });
}

describe('POST /api/scenarios: SQLite', () => {
  scenarioTests(async () => {
    const store = new SqliteStore(tempDbPath());
    await new GraphService(store).importBatch(fixtureWithoutCadSupply(), ctx);
    return { store };
  });
});

describe('POST /api/scenarios: who may ask', () => {
  it('a viewer may compute a scenario (it writes nothing) but not save its tie; nobody signed out may', async () => {
    const { app, store } = await appWithAccounts({ vera: 'viewer' });
    try {
      await new GraphService(store).importBatch(fixtureWithoutCadSupply(), ctx);
      const remote = { remoteAddress: '203.0.113.9' };
      const anonymous = await app.inject({ method: 'POST', url: '/api/scenarios', payload: JTH_CAD, ...remote });
      expect(anonymous.statusCode).toBe(401);
      const { headers } = await signIn(app, 'vera');
      const asked = await app.inject({ method: 'POST', url: '/api/scenarios', payload: JTH_CAD, headers, ...remote });
      expect(asked.statusCode, asked.body).toBe(200);
      expect(asked.json().findings.resolved.map((f: { id: string }) => f.id)).toContain(`supply:${CAD}`);
      const save = await app.inject({
        method: 'POST',
        url: '/api/relations',
        payload: JTH_CAD.add.relations[0],
        headers,
        ...remote,
      });
      expect(save.statusCode).toBe(403);
    } finally {
      await app.close();
    }
  });
});

/** The shared server may hold the fixture with CAD ties: they are taken out for the suite and put back after. */
async function neo4jWithoutCadSupply(uri: string) {
  const store = await Neo4jStore.open({ uri });
  await seedIfEmpty(store);
  const kinds = await store.nodeKinds([JTH, CAD]);
  if (kinds.size < 2) await new GraphService(store).importBatch(fixtureWithoutCadSupply(), ctx);
  const taken = (await store.listRelations({ type: ['EDUCATES_FOR'], to: CAD, offset: 0, limit: 1000 })).items;
  for (const r of taken) await store.deleteRelation(r.id, undefined, ctx);
  const cleanup = async () => {
    const restorer = await Neo4jStore.open({ uri });
    try {
      for (const r of taken) await restorer.createRelation(asInput(r), ctx);
    } finally {
      await restorer.close();
    }
  };
  return { store, cleanup };
}

const asInput = (r: RelationRecord): RelationInput & { id: string } => ({
  id: r.id,
  type: r.type,
  from: r.from,
  to: r.to,
  weight: r.weight,
  props: r.props,
  sources: r.sources,
  evidence: r.evidence,
  validFrom: r.validFrom,
  validTo: r.validTo,
  ...(r.note !== undefined ? { note: r.note } : {}),
});

describeNeo4j('POST /api/scenarios: Neo4j', (uri) => {
  scenarioTests(() => neo4jWithoutCadSupply(uri));
});
