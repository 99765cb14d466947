/**
 * Survey rounds (issue #22) through the API, on a real SQLite file and a real Neo4j: the whole flow (a round for two
 * organisations, both answer, an editor accepts; the graph has the new tie with evidence confirmed and the round as
 * its source, the denied tie is flagged), 404/410 problem+json, a token writes only its own organisation's answers,
 * and two rounds of the seeded network compared.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import neo4j from 'neo4j-driver';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../server/app.js';
import { seedIfEmpty } from '../../server/seed.js';
import { GraphService } from '../../server/services/graph-service.js';
import { jonkopingBatch } from '../../fixtures/jonkoping/index.js';
import type { GraphStore } from '../../server/store/graph-store.js';
import { Neo4jStore } from '../../server/store/neo4j/neo4j-store.js';
import { SqliteStore } from '../../server/store/sqlite/sqlite-store.js';
import type { SurveyStore } from '../../server/store/survey/survey-store.js';
import { SqliteSurveys } from '../../server/store/survey/sqlite-survey.js';
import { Neo4jSurveys } from '../../server/store/survey/neo4j-survey.js';
import type { RelationRecord } from '../../core/model/records.js';
import { tempDbPath } from '../helpers/app.js';
import { describeNeo4j } from '../helpers/neo4j.js';
import { compareTests } from './surveys-compare.js';
import { SurveyClient } from './surveys-client.js';

const SOURCE = { url: 'https://example.org/register', title: 'Registerkälla' };

export type Opened = { store: GraphStore; surveys: SurveyStore };

function flowTests(open: () => Promise<Opened>): void {
  let app: FastifyInstance;
  let api: SurveyClient;
  const ns = randomUUID().slice(0, 8);
  const A = `org:s1-${ns}-a`;
  const B = `org:s1-${ns}-b`;
  const C = `org:s1-${ns}-c`;
  const N = `nw:s1-${ns}-n`;
  let relAN: RelationRecord;
  let relBC: RelationRecord;

  beforeAll(async () => {
    const { store, surveys } = await open();
    app = await buildApp({ store, surveys: { store: surveys } });
    const ctx = { actor: 'survey-test' };
    for (const [id, name] of [
      [A, 'Aktör A'],
      [B, 'Aktör B'],
      [C, 'Aktör C'],
    ])
      await app.graph.createNode(
        { id, kind: 'Organisation', name: `${name} ${ns}`, props: { orgType: 'kommun' } },
        ctx,
      );
    await app.graph.createNode({ id: N, kind: 'Network', name: `Nätverk ${ns}`, props: { networkType: 'forum' } }, ctx);
    relAN = await app.graph.createRelation(
      { type: 'MEMBER_OF', from: A, to: N, sources: [SOURCE], evidence: 'uncertain' },
      ctx,
    );
    relBC = await app.graph.createRelation(
      { type: 'COLLABORATES_WITH', from: B, to: C, sources: [SOURCE], evidence: 'probable' },
      ctx,
    );
    api = new SurveyClient(app);
  });
  afterAll(async () => {
    await app?.close();
  });

  it('the whole flow: both answer, the editor accepts; a new confirmed tie with the round as source, the denied tie flagged', async () => {
    const id = await api.create({
      title: `Höst ${ns}`,
      relationTypes: ['COLLABORATES_WITH', 'MEMBER_OF'],
      respondents: [A, { nodeId: B, role: 'Rektor' }],
      closesAt: '2099-12-31',
    });
    const links = await api.invite(id);
    expect(links.map((l) => l.nodeId).sort()).toEqual([A, B]);
    const tokenA = links.find((l) => l.nodeId === A)!.token;
    const tokenB = links.find((l) => l.nodeId === B)!.token;
    expect(tokenA).toMatch(/^[A-Za-z0-9_-]{43}$/);

    const qA = await api.questionnaire(tokenA);
    expect(qA.organisation.id).toBe(A);
    expect(qA.ties).toEqual([
      expect.objectContaining({
        relationId: relAN.id,
        direction: 'out',
        counterpart: expect.objectContaining({ id: N }),
      }),
    ]);
    expect(qA.ties[0].question.sv).toContain('medlem i');
    expect(qA.choices.frequencies.map((f: { value: string }) => f.value)).toEqual(['monthly', 'quarterly', 'yearly']);

    expect(
      (
        await api.put(tokenA, {
          ties: [{ relationId: relAN.id, status: 'confirm', frequency: 'monthly', value: 4 }],
          newTies: [{ type: 'COLLABORATES_WITH', counterpartId: B, frequency: 'quarterly', value: 3 }],
        })
      ).statusCode,
    ).toBe(200);
    expect((await api.submit(tokenA)).statusCode).toBe(200);
    const sentB = await api.submit(tokenB, {
      ties: [{ relationId: relBC.id, status: 'deny' }],
      newTies: [{ type: 'COLLABORATES_WITH', counterpartId: A, value: 2 }],
    });
    expect(sentB.statusCode, sentB.body).toBe(200);

    const items = await api.review(id);
    const tie = items.find((i) => i.kind === 'new_tie')!;
    expect(tie).toMatchObject({ type: 'COLLABORATES_WITH', reciprocated: true, evidence: 'confirmed' });
    expect(tie.reportedBy.map((r: { id: string }) => r.id).sort()).toEqual([A, B]);
    expect(items.find((i) => i.id === `confirm:${relAN.id}`)).toMatchObject({
      evidence: 'probable',
      reportedBy: [{ id: A }],
    });
    expect(items.find((i) => i.id === `deny:${relBC.id}`)).toMatchObject({ kind: 'deny', reportedBy: [{ id: B }] });

    const decided = await api.decide(id, { accept: items.map((i) => i.id) });
    expect(decided.statusCode, decided.body).toBe(200);
    expect(decided.json()).toMatchObject({ relationsCreated: 1, relationsUpdated: 2 });

    const ab = (await api.relations(`type=COLLABORATES_WITH&node=${A}`)).find((r) => [r.from, r.to].includes(B))!;
    expect(ab.evidence).toBe('confirmed');
    expect(ab.sources).toEqual([
      expect.objectContaining({
        title: `Enkätsvar, omgång Höst ${ns}`,
        url: expect.stringMatching(new RegExp(`/api/surveys/${id}$`)),
      }),
    ]);
    const an = await api.relation(relAN.id);
    expect(an.evidence).toBe('probable');
    expect(an.sources.map((s: { title: string }) => s.title)).toContain(`Enkätsvar, omgång Höst ${ns}`);
    const bc = await api.relation(relBC.id);
    expect(bc).toMatchObject({ evidence: 'uncertain', note: expect.stringContaining('Ifrågasatt') });
    expect(bc.note).toContain(`Aktör B ${ns}`);
    // Flagged through the ordinary history: the previous version (probable, no note) is kept.
    const history = await app.inject({ method: 'GET', url: `/api/history?record=${encodeURIComponent(relBC.id)}` });
    const entries = history.json().items as { op: string; before: RelationRecord | null }[];
    expect(entries.map((e) => e.op)).toEqual(['create', 'update']);
    expect(entries[1].before).toMatchObject({ evidence: 'probable' });

    const again = await api.review(id);
    expect(again.every((i) => i.decision === 'accepted')).toBe(true);
    const summary = (await app.inject({ method: 'GET', url: `/api/surveys/${id}/summary` })).json();
    expect(summary.overall).toMatchObject({ invited: 2, answered: 2, rate: 1 });
    expect(summary.reciprocity).toMatchObject({ ties: 1, reciprocated: 1, rate: 1 });
    expect(summary.nonRespondents).toEqual([]);
  });

  it('bulk accept takes reciprocated ties only; a suggested organisation is created with its tie, all or nothing', async () => {
    const id = await api.create({
      title: `Förslag ${ns}`,
      relationTypes: ['COLLABORATES_WITH'],
      respondents: [A, C],
      closesAt: '2099-12-31',
    });
    const links = await api.invite(id);
    const token = (n: string) => links.find((l) => l.nodeId === n)!.token;
    const suggested = { type: 'COLLABORATES_WITH', newOrganisation: { name: `Ny förening ${ns}`, orgType: 'ideell' } };
    const sentA = await api.submit(token(A), {
      ties: [],
      newTies: [suggested, { type: 'COLLABORATES_WITH', counterpartId: C }],
    });
    expect(sentA.statusCode, sentA.body).toBe(200);
    expect(
      (await api.submit(token(C), { ties: [], newTies: [{ type: 'COLLABORATES_WITH', counterpartId: A }] })).statusCode,
    ).toBe(200);

    const bulk = await api.decide(id, { acceptReciprocated: true });
    expect(bulk.statusCode, bulk.body).toBe(200);
    expect(bulk.json()).toMatchObject({ relationsCreated: 1, nodesCreated: 0 });
    const items = await api.review(id);
    const org = items.find((i) => i.kind === 'new_organisation')!;
    const toOrg = items.find((i) => i.kind === 'new_tie' && i.decision === null)!;
    expect(org).toMatchObject({ name: `Ny förening ${ns}`, reportedBy: [{ id: A }], decision: null });
    expect(toOrg).toMatchObject({ evidence: 'probable', reciprocated: false });

    // The tie alone names an organisation that does not exist yet: refused, nothing written.
    const alone = await api.decide(id, { accept: [toOrg.id] });
    expect(alone.statusCode).toBe(400);
    expect((await api.review(id)).find((i) => i.id === toOrg.id)?.decision).toBeNull();
    const both = await api.decide(id, { accept: [org.id, toOrg.id] });
    expect(both.statusCode, both.body).toBe(200);
    expect(both.json()).toMatchObject({ nodesCreated: 1, relationsCreated: 1 });
    const node = await app.inject({ method: 'GET', url: `/api/nodes/${encodeURIComponent(toOrg.to!)}` });
    expect(node.json()).toMatchObject({
      kind: 'Organisation',
      name: `Ny förening ${ns}`,
      props: { orgType: 'ideell' },
    });
  });

  it('a closed round answers 410 and an unknown token 404, both problem+json', async () => {
    const id = await api.create({
      title: `Stängs ${ns}`,
      relationTypes: ['MEMBER_OF'],
      respondents: [A],
      closesAt: '2099-12-31',
    });
    const [{ token }] = await api.invite(id);
    expect((await api.get(token)).statusCode).toBe(200);
    const unknown = await api.get(`${token.slice(0, -1)}${token.endsWith('A') ? 'B' : 'A'}`);
    expect(unknown.statusCode).toBe(404);
    expect(unknown.headers['content-type']).toContain('application/problem+json');
    expect(unknown.json()).toMatchObject({
      code: 'unknown_token',
      problems: [{ message: { sv: expect.any(String), en: expect.any(String) } }],
    });
    expect((await app.inject({ method: 'POST', url: `/api/surveys/${id}/close` })).statusCode).toBe(200);
    for (const res of [
      await api.get(token),
      await api.put(token, { ties: [], newTies: [] }),
      await api.submit(token),
    ]) {
      expect(res.statusCode).toBe(410);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(res.json().code).toBe('survey_closed');
    }
    // Closing erased the token hashes: the link is now unknown, also to a lookup.
    expect((await app.inject({ method: 'GET', url: `/api/surveys/${id}` })).json().status).toBe('closed');
  });

  it("another organisation's token cannot change this organisation's answers", async () => {
    const id = await api.create({
      title: `Behörighet ${ns}`,
      relationTypes: ['COLLABORATES_WITH', 'MEMBER_OF'],
      respondents: [A, B],
      closesAt: '2099-12-31',
    });
    const links = await api.invite(id);
    const tokenA = links.find((l) => l.nodeId === A)!.token;
    const tokenB = links.find((l) => l.nodeId === B)!.token;
    const bc = (await api.questionnaire(tokenB)).ties.find(
      (t: { counterpart: { id: string } }) => t.counterpart.id === C,
    )!;
    expect(
      (await api.put(tokenB, { ties: [{ relationId: bc.relationId, status: 'confirm' }], newTies: [] })).statusCode,
    ).toBe(200);
    const attack = await api.put(tokenA, { ties: [{ relationId: bc.relationId, status: 'deny' }], newTies: [] });
    expect(attack.statusCode).toBe(400);
    expect(attack.json().problems).toEqual([
      expect.objectContaining({ path: '/ties/0/relationId', code: 'not_own_tie' }),
    ]);
    const b = await api.questionnaire(tokenB);
    expect(b.answers.ties).toEqual([{ relationId: bc.relationId, status: 'confirm' }]);
    // A token names its organisation: there is no field in the answers that could point at another respondent.
    const sneaky = await api.put(tokenA, { ties: [], newTies: [], nodeId: B } as never);
    expect(sneaky.statusCode).toBe(400);
    const bad = await api.put(tokenA, {
      ties: [],
      newTies: [
        { type: 'OWNS', counterpartId: B },
        { type: 'COLLABORATES_WITH', counterpartId: 'org:finns-inte' },
      ],
    });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().problems.map((p: { code: string }) => p.code)).toEqual(
      expect.arrayContaining(['type_not_in_round', 'unknown_node']),
    );
  });

  it('re-issuing invitations replaces the old links; the CSV is formula-safe and reads back', async () => {
    const id = await api.create({
      title: `CSV ${ns}`,
      relationTypes: ['MEMBER_OF'],
      respondents: [{ nodeId: A, role: '=HYPERLINK("http://x")' }],
      closesAt: '2099-12-31',
    });
    const [first] = await api.invite(id);
    const csv = await app.inject({ method: 'POST', url: `/api/surveys/${id}/invitations.csv` });
    expect(csv.statusCode).toBe(201);
    expect(csv.headers['content-type']).toContain('text/csv');
    const rows = api.readCsv(csv.body);
    expect(rows[0]).toEqual(['organisation', 'roll', 'e-post', 'länk']);
    expect(rows[1][0]).toBe(`Aktör A ${ns}`);
    expect(rows[1][1].startsWith("'=")).toBe(true);
    const token = rows[1][3].split('/enkat/')[1];
    expect((await api.get(token)).statusCode).toBe(200);
    expect((await api.get(first.token)).statusCode).toBe(404);
    const list = await app.inject({ method: 'GET', url: `/api/surveys/${id}/invitations.csv` });
    expect(api.readCsv(list.body)[0]).toEqual(['organisation', 'roll', 'e-post', 'inbjuden', 'svarat']);
    expect(list.body).not.toContain(token);
  });
}

async function openSqlite(seed: boolean): Promise<Opened> {
  const path = tempDbPath();
  const store = new SqliteStore(path);
  if (seed) await seedIfEmpty(store);
  return { store, surveys: new SqliteSurveys(path) };
}

/** A node of the seeded county network that the compare suite relies on. */
const SEEDED = 'org:gnosjo-kommun';

async function openNeo4j(uri: string): Promise<Opened> {
  const store = await Neo4jStore.open({ uri });
  // The shared server holds other suites' records: the fixture is loaded unless it is there already (another suite
  // may be loading it at the same moment: then its import wins and this one's refusal is harmless).
  if (!(await store.getNode(SEEDED))) {
    try {
      await new GraphService(store).importBatch(jonkopingBatch(), { actor: 'seed' });
    } catch (err) {
      if (!(await store.getNode(SEEDED))) throw err;
    }
  }
  const surveys = await Neo4jSurveys.open(
    neo4j.driver(uri, undefined, { disableLosslessIntegers: true }),
    'neo4j',
    true,
  );
  return { store, surveys };
}

describe('survey rounds: SQLite', () => {
  flowTests(() => openSqlite(false));
  compareTests(() => openSqlite(true));
});

describeNeo4j('survey rounds: Neo4j', (uri) => {
  flowTests(() => openNeo4j(uri));
  compareTests(() => openNeo4j(uri));
});
