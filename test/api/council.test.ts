/**
 * GET /api/council on the seeded Jönköping fixture, on real SQLite and a real Neo4j: a proposal that covers the
 * 13 municipalities and the four helix groups, says which sectors in demand no registered organisation covers and
 * that the gender balance cannot be assessed without seat data; 404 naming an unknown network.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { sqliteApp } from '../helpers/app.js';
import { describeNeo4j } from '../helpers/neo4j.js';
import { buildApp } from '../../server/app.js';
import { Neo4jStore } from '../../server/store/neo4j/neo4j-store.js';
import { GraphService } from '../../server/services/graph-service.js';
import { jonkopingBatch } from '../../fixtures/jonkoping/index.js';

const PLATFORM = 'nw:kompetensplattform-jonkopings-lan';

interface Constraint {
  id: string;
  status: string;
  required: number;
  covered: number;
  missing: string[];
  explanation: { sv: string; en: string };
}
interface Proposal {
  network: { id: string };
  seats: Array<{ id: string; covers: { municipalities: string[]; helix: string[]; sectors: string[] } }>;
  size: number;
  exact: boolean;
  constraints: Constraint[];
}

function councilTests(open: () => Promise<FastifyInstance>, fixtureOnly: boolean) {
  let app: FastifyInstance;
  beforeAll(async () => {
    app = await open();
  }, 120_000);
  afterAll(async () => app.close());
  const get = (q = '') => app.inject({ method: 'GET', url: `/api/council${q}` });

  it('proposes a smallest set that covers every municipality and helix group, and says what it cannot meet', async () => {
    const res = await get(`?network=${PLATFORM}`);
    expect(res.statusCode, res.body).toBe(200);
    const p = res.json() as Proposal;
    expect(p.network.id).toBe(PLATFORM);
    expect(p.exact).toBe(true);
    const c = Object.fromEntries(p.constraints.map((x) => [x.id, x]));
    expect(c.helix).toMatchObject({ status: 'met', required: 4, covered: 4 });
    const covered = new Set(p.seats.flatMap((s) => s.covers.municipalities));
    expect([...covered].filter((m) => m.startsWith('kommun:06'))).toHaveLength(13);
    // The three samordningsförbund between them hold all 13 municipalities, so no kommun needs its own seat.
    expect(p.seats.filter((s) => s.covers.municipalities.length > 0)).toHaveLength(3);
    // Construction (F) demands workers, and no registered organisation is in it: not met, as a register gap.
    expect(c.sectors.status).toBe('not-met');
    expect(c.sectors.missing).toContain('sni:F');
    expect(c.sectors.explanation.sv).toContain('lucka i registret');
    if (fixtureOnly) {
      expect(c.municipalities).toMatchObject({ status: 'met', covered: 13 });
      expect(p.size).toBe(7);
      expect(c.gender.status).toBe('not-assessable');
      expect(c.gender.explanation.en).toContain('no seats by sex');
    }
  });

  it('answers 404 problem+json naming an unknown network, 400 for a node that is no network or bad shares', async () => {
    const missing = await get('?network=nw:finns-inte');
    expect(missing.statusCode).toBe(404);
    expect(missing.headers['content-type']).toContain('application/problem+json');
    expect(missing.json()).toMatchObject({ code: 'unknown_network', id: 'nw:finns-inte' });
    expect(missing.json().problems[0].message.sv).toContain('nw:finns-inte');
    for (const q of ['?network=org:region-jonkopings-lan', '?shareLow=0.7', '?shareHigh=2', '?extra=1']) {
      const bad = await get(q);
      expect(bad.statusCode, q).toBe(400);
      expect(bad.headers['content-type']).toContain('application/problem+json');
    }
  });
}

describe('GET /api/council (SQLite)', () => {
  councilTests(async () => (await sqliteApp({ seed: true })).app, true);
});

describeNeo4j('GET /api/council (Neo4j)', (uri) => {
  // The shared server may hold other suites' records (possibly with seats by sex), so the fixture-only numbers are
  // checked on SQLite.
  councilTests(async () => {
    const store = await Neo4jStore.open({ uri });
    if (!(await store.getNode(PLATFORM)))
      await new GraphService(store).importBatch(jonkopingBatch(), { actor: 'seed' });
    return buildApp({ store });
  }, false);
});
