/**
 * GET /api/analysis with the exact path pass split over two pool threads (the threshold lowered so the county
 * network goes parallel) answers exactly what the serial panel answers; the sampled modes stay serial; and the
 * panel uses a precomputed pass only for the graph it was computed on.
 */
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import Fastify, { type FastifyInstance } from 'fastify';
import { tempDbPath } from '../helpers/app.js';
import errors from '../../server/plugins/errors.js';
import storePlugin from '../../server/plugins/store.js';
import jobsPlugin from '../../server/jobs/plugin.js';
import { installValidators } from '../../server/plugins/validators.js';
import analysis, { type AnalysisRouteOptions } from '../../server/routes/analysis.js';
import { SqliteStore } from '../../server/store/sqlite/sqlite-store.js';
import { seedIfEmpty } from '../../server/seed.js';
import { jonkopingBatch } from '../../fixtures/jonkoping/index.js';
import { projectActors } from '../../core/graph/projection.js';
import { runPanel } from '../../core/analysis/panel.js';
import { compactGraph } from '../../core/analysis/compact.js';
import { shortestPathMetrics } from '../../core/analysis/centrality/paths.js';
import { graphFingerprint, panelComponents } from '../../core/analysis/panel-paths.js';
import type { Snapshot } from '../../core/model/records.js';

async function makeApp(file: string, parallelPaths: AnalysisRouteOptions['parallelPaths']): Promise<FastifyInstance> {
  const app = Fastify();
  installValidators(app);
  await app.register(errors);
  await app.register(storePlugin, { store: new SqliteStore(file) });
  await app.register(jobsPlugin, { threads: 2 });
  await app.register(analysis, { parallelPaths });
  return app;
}

describe('API: the analysis path pass over two pool threads', () => {
  let serial: FastifyInstance;
  let parallel: FastifyInstance;
  const runs: number[] = [];

  beforeAll(async () => {
    const file = tempDbPath();
    const seeding = new SqliteStore(file);
    await seedIfEmpty(seeding);
    await seeding.close();
    serial = await makeApp(file, { minActors: Number.POSITIVE_INFINITY });
    parallel = await makeApp(file, { minActors: 1, onParallel: (workers) => runs.push(workers) });
  }, 120_000);
  afterAll(async () => {
    await parallel?.close();
    await serial?.close();
  });

  const both = async (query: string) => {
    const before = runs.length;
    const a = await serial.inject({ method: 'GET', url: `/api/analysis${query}` });
    const b = await parallel.inject({ method: 'GET', url: `/api/analysis${query}` });
    expect(a.statusCode, a.body).toBe(200);
    expect(b.statusCode, b.body).toBe(200);
    return { serialBody: a.body, parallelBody: b.body, parallelRuns: runs.slice(before) };
  };

  it.each(['', '?weight=strength', '?mode=two-mode', '?partition=municipality&minEvidence=probable'])(
    'exact pass %s: the parallel answer is the serial one, byte for byte',
    async (query) => {
      const { serialBody, parallelBody, parallelRuns } = await both(query);
      expect(parallelRuns).toEqual([2]);
      expect(parallelBody).toBe(serialBody);
      const body = JSON.parse(parallelBody) as { paths: { exact: boolean }; nodes: Record<string, object> };
      expect(body.paths.exact).toBe(true);
      expect(Object.values(body.nodes).some((n) => (n as { betweenness?: number }).betweenness! > 0)).toBe(true);
    },
    120_000,
  );

  it('sampled sources stay serial (only the exact pass is split) and answer the same', async () => {
    const { serialBody, parallelBody, parallelRuns } = await both('?samples=20');
    expect(parallelRuns).toEqual([]);
    expect(parallelBody).toBe(serialBody);
    expect(JSON.parse(parallelBody).paths).toMatchObject({ exact: false, sources: 20 });
  }, 120_000);
});

describe('runPanel with a precomputed exact pass', () => {
  // The county fixture as a snapshot (as analysis-gaps.test.ts builds it).
  const meta = { version: 1, createdAt: 'x', createdBy: 'x', updatedAt: 'x', updatedBy: 'x' };
  const batch = jonkopingBatch();
  const snapshot: Snapshot = {
    nodes: batch.nodes.map((n) => ({ ...n, props: n.props ?? {}, ...meta })),
    relations: batch.relations.map((r, i) => ({
      ...r,
      id: r.id ?? `r${i}`,
      weight: r.weight ?? 1,
      props: r.props ?? {},
      validFrom: r.validFrom ?? null,
      validTo: r.validTo ?? null,
      ...meta,
    })),
  };

  it('uses it only when the fingerprint matches the graph and the panel is exact', () => {
    const { graph } = projectActors(snapshot, {});
    const g = compactGraph(graph, { weight: null });
    const { pathComponents, lcc } = panelComponents(g);
    const exact = shortestPathMetrics(g, { componentOf: pathComponents.of, component: lcc });
    const reference = runPanel(graph);
    // A pass marked by its value: visible in the result only if the panel took it instead of its own.
    const marked = { ...exact, harmonic: exact.harmonic.map((x) => x + 1) };
    const fingerprint = graphFingerprint(g);
    const id = g.ids[0];
    const used = runPanel(graph, { exactPaths: { paths: marked, fingerprint } });
    expect(used.nodes[id].harmonic).toBe(reference.nodes[id].harmonic + 1);
    const same = runPanel(graph, { exactPaths: { paths: exact, fingerprint } });
    expect(same).toEqual(reference);
    const otherGraph = runPanel(graph, { exactPaths: { paths: marked, fingerprint: `${fingerprint}x` } });
    expect(otherGraph).toEqual(reference);
    const sampled = runPanel(graph, { samples: 20, exactPaths: { paths: marked, fingerprint } });
    expect(sampled).toEqual(runPanel(graph, { samples: 20 }));
  });

  it('the fingerprint changes when one tie goes', () => {
    const { graph } = projectActors(snapshot, {});
    const before = graphFingerprint(compactGraph(graph, { weight: null }));
    graph.dropEdge(graph.edges()[0]);
    expect(graphFingerprint(compactGraph(graph, { weight: null }))).not.toBe(before);
  });
});
