/**
 * Findings that know their basis, the summary a strategist reads first, and register completeness, on the seeded
 * Jönköping network in real SQLite and a real Neo4j. The fixture grows (more EDUCATES_FOR ties are being added), so
 * these tests assert properties (basis, wording, grouping, at most 10), not today's counts.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import type { Finding, SummaryItem } from '../../core/analysis/gaps/index.js';
import type { CompletenessReport } from '../../core/analysis/completeness/index.js';
import { buildApp } from '../../server/app.js';
import { seedIfEmpty } from '../../server/seed.js';
import { Neo4jStore } from '../../server/store/neo4j/neo4j-store.js';
import { pickBoltPort, startNeo4j, type RunningNeo4j } from '../../tools/neo4j/index.js';
import { sqliteApp } from '../helpers/app.js';
import { describeNeo4j } from '../helpers/neo4j.js';

interface GapsBody {
  findings: Finding[];
  summary: SummaryItem[];
  parameters: { network: string[] };
}

const get = async <T>(app: FastifyInstance, url: string): Promise<T> => {
  const res = await app.inject({ method: 'GET', url });
  expect(res.statusCode, res.body).toBe(200);
  return res.json() as T;
};

/** Phrases that claim absence in the county rather than in the register. */
const COUNTY_ABSENCE = [/i länet/i, /in the county/i, /^Ingen utbildare/, /^No provider/];

function properties(app: () => FastifyInstance): void {
  it('every finding has a basis, a confidence, robustness and an impact', async () => {
    const { findings } = await get<GapsBody>(app(), '/api/gaps');
    expect(findings.length).toBeGreaterThan(0);
    for (const f of findings) {
      expect(['observed', 'absent'], f.id).toContain(f.basis);
      expect(['high', 'medium', 'low'], f.id).toContain(f.confidence);
      expect(typeof f.robust, f.id).toBe('boolean');
      expect(f.impact, f.id).toBeGreaterThanOrEqual(0);
      expect(f.impact, f.id).toBeLessThanOrEqual(1);
    }
    // Both bases occur on the county's data.
    expect(new Set(findings.map((f) => f.basis))).toEqual(new Set(['observed', 'absent']));
  });

  it('a finding whose basis is absent never claims absence in the county, and points to completeness', async () => {
    const { findings } = await get<GapsBody>(app(), '/api/gaps');
    const absent = findings.filter((f) => f.basis === 'absent' && f.kind !== 'no-data');
    expect(absent.length).toBeGreaterThan(0);
    for (const f of absent) {
      for (const text of [f.title.sv, f.title.en, f.explanation.sv, f.explanation.en])
        for (const phrase of COUNTY_ABSENCE) expect(text, f.id).not.toMatch(phrase);
      expect(f.completeness, f.id).toBeDefined();
      expect(f.completeness!.withRelation).toBeLessThanOrEqual(f.completeness!.registered);
    }
    // Supply gaps say "registrerad" and name providers the register knows nothing about (while there are any).
    for (const f of absent.filter((x) => x.gapKind === 'supply-none')) {
      expect(f.title.sv).toMatch(/^Ingen registrerad utbildare för /);
      expect(f.completeness!.relationType).toBe('EDUCATES_FOR');
      if (f.completeness!.unknown.length > 0)
        expect(f.explanation.sv).toContain('Registret saknar utbildningskopplingar');
    }
  });

  it('the summary: at most 10 findings, ranked by impact × confidence, one plain sentence each', async () => {
    const { findings, summary } = await get<GapsBody>(app(), '/api/gaps');
    expect(summary.length).toBeGreaterThan(0);
    expect(summary.length).toBeLessThanOrEqual(10);
    const byId = new Map(findings.map((f) => [f.id, f]));
    const scores = summary.map((s) => s.score);
    expect(scores).toEqual([...scores].sort((a, b) => b - a));
    for (const s of summary) {
      const f = byId.get(s.id);
      expect(f, s.id).toBeDefined();
      expect(f!.kind).not.toBe('no-data');
      for (const text of [s.sentence.sv, s.sentence.en]) {
        expect(text.length, s.id).toBeGreaterThan(10);
        expect(text.trim().endsWith('.'), s.id).toBe(true);
        // One sentence: no full stop followed by a new sentence inside.
        expect(text.slice(0, -1), s.id).not.toMatch(/\.\s+[A-ZÅÄÖ]/);
      }
      if (f!.basis === 'absent') {
        expect(s.sentence.sv).toContain('enligt registret');
        for (const phrase of COUNTY_ABSENCE) expect(s.sentence.sv).not.toMatch(phrase);
      }
    }
    // One cause, one line: at most one summary line per gap kind among absent findings.
    const absentKinds = summary
      .map((s) => byId.get(s.id)!)
      .filter((f) => f.basis === 'absent')
      .map((f) => f.gapKind);
    expect(new Set(absentKinds).size).toBe(absentKinds.length);
  });

  it('coverage: one finding per network, nationwide bodies only when asked for', async () => {
    const graph = await get<{ nodes: Array<{ key: string; attributes: Record<string, unknown> }> }>(
      app(),
      '/api/graph',
    );
    const level = new Map(graph.nodes.map((n) => [n.key, n.attributes.level]));
    const national = graph.nodes.filter((n) => n.attributes.level === 'nationell').map((n) => n.key);
    const body = await get<GapsBody>(app(), '/api/gaps?kinds=coverage');
    for (const n of body.parameters.network) expect(level.get(n), n).not.toBe('nationell');
    const coverage = body.findings.filter((f) => f.gapKind === 'coverage');
    expect(coverage.map((f) => f.id)).toEqual(
      body.parameters.network.map((n) => `coverage:${n}`).filter((id) => coverage.some((f) => f.id === id)),
    );
    const asked = await get<GapsBody>(app(), '/api/gaps?kinds=coverage&includeNational=true');
    expect(national.length).toBeGreaterThan(0);
    expect(asked.parameters.network.some((n) => national.includes(n))).toBe(true);
    for (const f of asked.findings) expect(f.id.split(':kommun:')).toHaveLength(1);
  });

  it('on confirmed ties only every finding is robust', async () => {
    const { findings } = await get<GapsBody>(app(), '/api/gaps?minEvidence=confirmed');
    for (const f of findings) expect(f.robust, f.id).toBe(true);
  });

  it('GET /api/analysis takes minEvidence; key actors are ranked by impact and say whether they are robust', async () => {
    type Body = {
      nodes: Record<string, { degree: number; betweenness: number }>;
      keyActors: Array<{ id: string; rank: number; impact: number; robust: boolean }>;
      parameters: { minEvidence: string };
      projection: { ties: number };
    };
    const all = await get<Body>(app(), '/api/analysis');
    const strict = await get<Body>(app(), '/api/analysis?minEvidence=confirmed');
    expect(strict.parameters.minEvidence).toBe('confirmed');
    // Fewer ties count on confirmed evidence only (the county's register has probable and uncertain ties).
    expect(strict.projection.ties).toBeLessThan(all.projection.ties);
    expect(all.keyActors.length).toBeGreaterThan(0);
    expect(all.keyActors.length).toBeLessThanOrEqual(10);
    const impacts = all.keyActors.map((k) => k.impact);
    expect(impacts).toEqual([...impacts].sort((a, b) => b - a));
    // Priority reflects impact: no key actor has fewer ties than the median actor of the network.
    const degrees = Object.values(all.nodes)
      .map((m) => m.degree)
      .sort((a, b) => a - b);
    const median = degrees[Math.floor(degrees.length / 2)];
    for (const k of all.keyActors) expect(all.nodes[k.id].degree, k.id).toBeGreaterThanOrEqual(median);
    // On confirmed ties only, every key actor is robust by definition.
    for (const k of strict.keyActors) expect(k.robust, k.id).toBe(true);
    // An actor is robust exactly when it is among the key actors on confirmed ties.
    const confirmedIds = new Set(strict.keyActors.map((k) => k.id));
    for (const k of all.keyActors) expect(k.robust, k.id).toBe(confirmedIds.has(k.id));
  });

  it('GET /api/completeness counts registered actors against sourced references, and their ties', async () => {
    const c = await get<CompletenessReport>(app(), '/api/completeness');
    expect(c.municipalities.reference?.count).toBe(13);
    expect(c.municipalities.reference?.source.url).toMatch(/^https?:\/\//);
    expect(c.municipalities.rows).toHaveLength(c.municipalities.registered);
    expect(c.relationTypes).toEqual(expect.arrayContaining(['EDUCATES_FOR', 'MEMBER_OF']));
    const providers = c.kinds.find((k) => k.kind === 'folkhogskola')!;
    expect(providers.reference?.source.url).toMatch(/^https?:\/\//);
    expect(providers.share).toBeCloseTo(providers.registered / providers.reference!.count, 10);
    for (const k of c.kinds)
      for (const [type, n] of Object.entries(k.withRelation)) {
        expect(n, `${k.kind} ${type}`).toBeLessThanOrEqual(k.registered);
        expect(n).toBeGreaterThanOrEqual(0);
      }
    // The supply findings' completeness is the same count the completeness report gives for the providers.
    const { findings } = await get<GapsBody>(app(), '/api/gaps?kinds=supply-none');
    const types = ['larosate', 'yh_anordnare', 'gymnasieskola', 'komvux', 'folkhogskola'];
    const withEducation = c.kinds
      .filter((k) => types.includes(k.kind))
      .reduce((s, k) => s + k.withRelation.EDUCATES_FOR, 0);
    for (const f of findings) expect(f.completeness!.withRelation).toBe(withEducation);
  });
}

describe('findings, summary and completeness: SQLite', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    ({ app } = await sqliteApp({ seed: true }));
  });
  afterAll(async () => app.close());
  properties(() => app);
});

// Its own Neo4j (fresh, seeded with the county), so the seeded network is not mixed with other suites' records.
describeNeo4j('findings, summary and completeness: Neo4j', () => {
  let neo: RunningNeo4j;
  let app: FastifyInstance;
  beforeAll(async () => {
    const port = await pickBoltPort(7691);
    neo = await startNeo4j({ port, home: mkdtempSync(join(tmpdir(), 'neo4j-gaps-')), fresh: true });
    const store = await Neo4jStore.open({ uri: neo.uri, database: 'neo4j' });
    await seedIfEmpty(store);
    app = await buildApp({ store });
  }, 300_000);
  afterAll(async () => {
    await app?.close().catch(() => undefined);
    await neo?.stop();
  }, 120_000);
  properties(() => app);
});
