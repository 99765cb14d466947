/**
 * GET /api/platform on the seeded Jönköping fixture, on real SQLite and a real Neo4j: the same answer from both
 * stores for the fixture's records, 404 naming an unknown focus, 400 naming a bad parameter.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { sqliteApp } from '../helpers/app.js';
import { describeNeo4j } from '../helpers/neo4j.js';
import { buildApp } from '../../server/app.js';
import { Neo4jStore } from '../../server/store/neo4j/neo4j-store.js';
import { GraphService } from '../../server/services/graph-service.js';
import { jonkopingBatch, NODES } from '../../fixtures/jonkoping/index.js';

const PLATFORM = 'nw:kompetensplattform-jonkopings-lan';
const FIXTURE_IDS = new Set(NODES.map((n) => n.id));

interface Reached {
  id: string;
  step: number;
  via: string[];
}
interface Answer {
  focus: { id: string; name: string };
  parameters: { steps: number; minEvidence: string };
  rings: Array<{ step: number; actors: Reached[]; networks: Reached[] }>;
  municipalities: {
    total: number;
    rows: Array<{ id: string; name: string; step: number | null; path: string[] }>;
    byStep: Array<{ step: number; count: number; share: number | null }>;
  };
  helix: { groups: Array<{ id: string; total: number; byStep: Array<{ count: number }> }> };
  keyActors: { all: Array<{ id: string; step: number | null }>; outside: Array<{ id: string }> };
  invite: {
    picks: Array<{ id: string; rank: number; score: number; gain: { municipalities: string[]; actors: number } }>;
    remaining: { municipalities: string[] };
  };
  perspectives: {
    gender: { networks: Array<{ id: string; shareWomen: number | null }>; note: { sv: string } };
    integration: {
      actors: Array<{ id: string; step: number | null; worksWith: string[] }>;
      municipalities: Array<{ id: string; nearest: { id: string; steps: number } | null }>;
    };
  };
}

/** The parts of an answer that concern the fixture's own records (a shared Neo4j holds other suites' data). */
function fixturePart(a: Answer) {
  const ids = (xs: Array<{ id: string }>) => xs.map((x) => x.id).filter((id) => FIXTURE_IDS.has(id));
  return {
    focus: a.focus,
    rings: a.rings.map((r) => ({ step: r.step, actors: ids(r.actors), networks: ids(r.networks) })),
    municipalities: a.municipalities.rows.filter((r) => FIXTURE_IDS.has(r.id)),
    keyActors: ids(a.keyActors.all),
  };
}

function platformTests(open: () => Promise<FastifyInstance>) {
  let app: FastifyInstance;
  const get = async (query = '') => app.inject({ method: 'GET', url: `/api/platform${query}` });
  beforeAll(async () => {
    app = await open();
  }, 120_000);
  afterAll(async () => app.close());

  it('puts the platform at the centre: rings 1–3, all 13 municipalities by step, helix groups by step', async () => {
    const res = await get();
    expect(res.statusCode, res.body).toBe(200);
    const a = res.json() as Answer;
    expect(a.focus.id).toBe(PLATFORM);
    expect(a.parameters).toMatchObject({ steps: 2, minEvidence: 'uncertain' });
    expect(a.rings.map((r) => r.step)).toEqual([1, 2, 3]);
    // Ring 1 holds the platform's own ties: its owner and coordinator, and the networks that are part of it.
    const ring1 = [...a.rings[0].actors, ...a.rings[0].networks].map((x) => x.id);
    expect(ring1).toContain('org:region-jonkopings-lan');
    expect(ring1).toContain('org:hoglandsforbundet');
    expect(ring1).toContain('nw:vo-college-jonkopings-lan');
    // Aneby kommun is a member of the county's VO-college, which is part of the platform: two steps.
    const aneby = a.municipalities.rows.find((r) => r.id === 'kommun:0604')!;
    expect(aneby.step).toBe(2);
    expect(aneby.path[0]).toBe('org:aneby-kommun');
    expect(aneby.path.at(-1)).toBe(PLATFORM);
    expect(a.municipalities.rows.filter((r) => FIXTURE_IDS.has(r.id))).toHaveLength(13);
    const helix = a.helix.groups.map((g) => g.id);
    expect(helix).toEqual(['offentlig', 'akademi', 'naringsliv', 'civilsamhalle']);
    for (const g of a.helix.groups) expect(g.byStep).toHaveLength(3);
    // Gender: the fixture has no seats by sex, so every share of its networks is missing (null), never 0.
    const own = a.perspectives.gender.networks.filter((n) => FIXTURE_IDS.has(n.id));
    expect(own.length).toBeGreaterThan(5);
    expect(own.every((n) => n.shareWomen === null)).toBe(true);
    // Integration: Arbetsförmedlingen works with newcomers and is two steps from the platform.
    const af = a.perspectives.integration.actors.find((x) => x.id === 'org:arbetsformedlingen')!;
    expect(af).toMatchObject({ step: 2, worksWith: ['nyanlanda'] });
    const fixtureRows = a.perspectives.integration.municipalities.filter((m) => FIXTURE_IDS.has(m.id));
    expect(fixtureRows).toHaveLength(13);
    expect(fixtureRows.every((m) => m.nearest !== null && m.nearest.steps <= 2)).toBe(true);
  });

  it('names the key actors outside K steps and invites with the gain of each pick', async () => {
    const a = (await get('?steps=1')).json() as Answer;
    expect(a.parameters.steps).toBe(1);
    // Within one step no municipality's own organisation is reached, so the first picks each bring one.
    expect(a.keyActors.outside.map((k) => k.id)).toContain('org:jonkoping-university');
    expect(a.invite.picks.length).toBeGreaterThan(0);
    expect(a.invite.picks[0].score).toBeGreaterThan(0);
    expect(a.invite.picks.map((p) => p.rank)).toEqual(a.invite.picks.map((_, i) => i + 1));
    const scores = a.invite.picks.map((p) => p.score);
    expect([...scores].sort((x, y) => y - x)).toEqual(scores);
  });

  it('with confirmed ties only, one network joining the platform would bring every municipality within 2 steps', async () => {
    const a = (await get('?minEvidence=confirmed')).json() as Answer;
    expect(a.municipalities.byStep.find((s) => s.step === 2)!.count).toBe(0);
    const first = a.invite.picks[0];
    expect(first.id).toBe('nw:science-park-systemet');
    expect(first.gain.municipalities).toHaveLength(13);
    expect(a.invite.remaining.municipalities).toEqual([]);
  });

  it('answers 404 problem+json naming an unknown focus, and 400 naming a bad parameter', async () => {
    const missing = await get('?focus=nw:finns-inte');
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['content-type']).toContain('application/problem+json');
    expect(missing.json()).toMatchObject({ code: 'unknown_focus', id: 'nw:finns-inte' });
    expect(JSON.stringify(missing.json().problems)).toContain('nw:finns-inte');
    const notActor = await get('?focus=kommun:0604');
    expect(notActor.statusCode).toBe(400);
    expect(notActor.json().problems[0].path).toBe('/querystring/focus');
    for (const q of ['?steps=0', '?steps=7', '?steps=two', '?minEvidence=sure', '?bogus=1']) {
      const bad = await get(q);
      expect(bad.statusCode, q).toBe(400);
      expect(bad.headers['content-type']).toContain('application/problem+json');
    }
  });

  return () => app;
}

describe('GET /api/platform (SQLite)', () => {
  platformTests(async () => (await sqliteApp({ seed: true })).app);
});

describeNeo4j('GET /api/platform (Neo4j)', (uri) => {
  const app = platformTests(async () => {
    const store = await Neo4jStore.open({ uri });
    // The shared server may hold other suites' records; the fixture is loaded unless it is there already.
    if (!(await store.getNode(PLATFORM)))
      await new GraphService(store).importBatch(jonkopingBatch(), { actor: 'seed' });
    return buildApp({ store });
  });

  it('gives the same answer as SQLite for the fixture records', async () => {
    const sqlite = (await sqliteApp({ seed: true })).app;
    try {
      for (const q of ['', '?steps=1', '?minEvidence=confirmed&steps=3']) {
        const fromNeo = (await app().inject({ method: 'GET', url: `/api/platform${q}` })).json() as Answer;
        const fromSqlite = (await sqlite.inject({ method: 'GET', url: `/api/platform${q}` })).json() as Answer;
        expect(fixturePart(fromNeo), q).toEqual(fixturePart(fromSqlite));
      }
    } finally {
      await sqlite.close();
    }
  });
});
