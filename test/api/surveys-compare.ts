/**
 * Two rounds of the seeded Jönköping network compared through GET /api/surveys/compare: in round 2 Gnosjö no longer
 * confirms its membership of the science-park system, and Gnosjö and Gislaved both report that they collaborate.
 * Nothing is accepted, so the register (and other suites on a shared Neo4j) are left as they were.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../server/app.js';
import type { GraphStore } from '../../server/store/graph-store.js';
import type { SurveyStore } from '../../server/store/survey/survey-store.js';
import type { RoundComparison } from '../../core/survey/schemas.js';
import { buildReport } from '../../core/report/build.js';
import { SurveyClient } from './surveys-client.js';
import { flat, pdfText } from '../helpers/pdf.js';

const GNOSJO = 'org:gnosjo-kommun';
const GISLAVED = 'org:gislaveds-kommun';
const SCIENCE_PARK = 'nw:science-park-systemet';

export function compareTests(open: () => Promise<{ store: GraphStore; surveys: SurveyStore }>): void {
  let app: FastifyInstance;
  let api: SurveyClient;

  beforeAll(async () => {
    const { store, surveys } = await open();
    app = await buildApp({ store, surveys: { store: surveys } });
    api = new SurveyClient(app);
  });
  afterAll(async () => {
    await app?.close();
  });

  /** A round in which both municipalities answer: each confirms its registered ties except those `denied`. */
  async function round(title: string, denied: string[], newTie: boolean): Promise<string> {
    const id = await api.create({
      title,
      relationTypes: ['MEMBER_OF', 'COLLABORATES_WITH'],
      respondents: [GNOSJO, GISLAVED],
      closesAt: '2099-12-31',
    });
    for (const link of await api.invite(id)) {
      const q = await api.questionnaire(link.token);
      const ties = q.ties.map((t) => ({
        relationId: t.relationId,
        status: denied.includes(t.counterpart.id) && link.nodeId === GNOSJO ? ('deny' as const) : ('confirm' as const),
      }));
      const other = link.nodeId === GNOSJO ? GISLAVED : GNOSJO;
      const newTies = newTie
        ? [{ type: 'COLLABORATES_WITH', counterpartId: other, frequency: 'monthly' as const, value: 4 }]
        : [];
      const res = await api.submit(link.token, { ties, newTies });
      expect(res.statusCode, res.body).toBe(200);
    }
    return id;
  }

  it('compares two rounds of the seeded network: the new tie, the lost tie, density, reach and ranks; the report section shows it', async () => {
    const first = await round('Våren', [], false);
    const second = await round('Hösten', [SCIENCE_PARK], true);
    const res = await app.inject({ method: 'GET', url: `/api/surveys/compare?from=${first}&to=${second}` });
    expect(res.statusCode, res.body).toBe(200);
    const c = res.json() as RoundComparison;
    expect(c.newTies).toEqual([expect.objectContaining({ type: 'COLLABORATES_WITH', fromName: expect.any(String) })]);
    expect([c.newTies[0].from, c.newTies[0].to].sort()).toEqual([GISLAVED, GNOSJO].sort());
    expect(c.lostTies).toEqual([
      expect.objectContaining({ type: 'MEMBER_OF', from: GNOSJO, to: SCIENCE_PARK, basis: 'observed' }),
    ]);
    expect(c.to.ties).toBe(c.from.ties);
    expect(c.from.actors).toBeGreaterThan(50);
    expect(c.to.density).not.toBe(c.from.density);
    expect(c.from.reach.focus).toBe('nw:kompetensplattform-jonkopings-lan');
    expect(c.from.reach.municipalitiesTotal).toBe(13);
    expect(c.keyActors.length).toBeGreaterThanOrEqual(10);
    expect(c.keyActors.every((k) => k.rankFrom !== null || k.rankTo !== null)).toBe(true);
    expect(c.text[0].sv).toContain('1 nya relationer');

    const same = await app.inject({ method: 'GET', url: `/api/surveys/compare?from=${first}&to=${first}` });
    expect(same.json()).toMatchObject({ newTies: [], lostTies: [] });
    const missing = await app.inject({ method: 'GET', url: `/api/surveys/compare?from=${first}&to=omg-finns-inte` });
    expect(missing.statusCode).toBe(404);

    const report = buildReport(await app.store.snapshot({}), { rounds: c, createdAt: '2026-12-07T00:00:00Z' });
    const section = report.sections.find((s) => s.heading === 'Enkätomgångar jämförda');
    expect(section?.paragraphs?.[0]).toContain('Våren');
    expect(section?.items?.map((i) => i.text)).toEqual(
      expect.arrayContaining([expect.stringContaining('Gnosjö kommun'), expect.stringContaining('Science Park')]),
    );
    expect(section?.table?.rows[0]).toEqual([expect.any(String), String(c.from.ties), String(c.to.ties)]);

    const pdf = await app.inject({ method: 'GET', url: `/api/surveys/compare.pdf?from=${first}&to=${second}` });
    expect(pdf.statusCode, pdf.body.slice(0, 300)).toBe(200);
    expect(pdf.headers['content-type']).toContain('application/pdf');
    const text = flat(pdfText(pdf.rawPayload));
    expect(text).toContain('Enkätomgångar jämförda');
    expect(text).toContain('Från Våren till Hösten');
  });
}
