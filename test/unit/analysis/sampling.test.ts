import { describe, expect, it } from 'vitest';
import { UndirectedGraph } from 'graphology';
import type { AbstractGraph } from 'graphology-types';
import { shortestPathMetrics } from '../../../core/analysis/centrality/paths.js';
import { compactGraph, type CompactGraph } from '../../../core/analysis/compact.js';
import type { GapReport } from '../../../core/analysis/gaps/types.js';
import { runPanel } from '../../../core/analysis/panel.js';
import { mulberry32 } from '../../../core/analysis/rng.js';
import { AUTO_SOURCES } from '../../../core/analysis/registry.js';
import { guaranteedBetweenness, sampleSize } from '../../../core/analysis/sampling/betweenness.js';
import { plannedPathMetrics } from '../../../core/analysis/sampling/plan.js';
import { vertexDiameterBound } from '../../../core/analysis/sampling/vertex-diameter.js';
import type { ProjectionMeta } from '../../../core/graph/projection.js';
import { methodSections } from '../../../core/report/method.js';
import { gnp, loadReference, toGraph } from './support.js';

/**
 * Betweenness with a stated guarantee (Riondato–Kornaropoulos): with a fixed seed the estimate is within ±ε of the
 * exact normalised betweenness for every node, on the reference graphs (unweighted, weighted, directed) and on
 * random ones; the panel uses it on its own above the exact-cost budget and says so in its result and the report.
 */

const maxError = (a: ArrayLike<number>, b: ArrayLike<number>) => {
  let m = 0;
  for (let i = 0; i < a.length; i++) m = Math.max(m, Math.abs(a[i] - b[i]));
  return m;
};

/** Largest number of nodes on a shortest path, by BFS from every node (unweighted). */
function trueVertexDiameter(g: CompactGraph): number {
  let best = g.n > 0 ? 1 : 0;
  for (let s = 0; s < g.n; s++) {
    const dist = new Int32Array(g.n).fill(-1);
    const queue = [s];
    dist[s] = 0;
    for (let h = 0; h < queue.length; h++) {
      const v = queue[h];
      best = Math.max(best, dist[v] + 1);
      for (let p = g.outOff[v]; p < g.outOff[v + 1]; p++)
        if (dist[g.outAdj[p]] < 0) {
          dist[g.outAdj[p]] = dist[v] + 1;
          queue.push(g.outAdj[p]);
        }
    }
  }
  return best;
}

/** Seeded preferential attachment (each new actor ties to 2 earlier ones, by degree): a few hubs. */
function preferential(n: number, seed: number): UndirectedGraph {
  const rnd = mulberry32(seed);
  const g = new UndirectedGraph();
  const ends: number[] = [0, 1];
  g.addNode('0');
  g.addNode('1');
  g.addEdge('0', '1');
  for (let v = 2; v < n; v++) {
    g.addNode(String(v));
    const picked = new Set<number>();
    while (picked.size < 2) picked.add(ends[Math.floor(rnd() * ends.length)]);
    for (const u of picked) {
      g.addEdge(String(v), String(u));
      ends.push(u, v);
    }
  }
  return g;
}

const CASES: Array<[string, () => AbstractGraph, boolean]> = [
  ['florentine', () => toGraph(loadReference('florentine')), false],
  ['kite', () => toGraph(loadReference('kite')), false],
  ['karate', () => toGraph(loadReference('karate')), false],
  ['karate, weighted', () => toGraph(loadReference('karate')), true],
  ['borgatti, weighted', () => toGraph(loadReference('borgatti-weighted')), true],
  ['borgatti, directed', () => toGraph(loadReference('borgatti-directed')), false],
  ['G(60, 0.08), directed', () => toGraph(gnp(60, 0.08, 3, { directed: true })), false],
  ['G(60, 0.1), weighted 1–4', () => toGraph(gnp(60, 0.1, 4, { weighted: true })), true],
  ['G(50, 0.1), directed, weighted 1–4', () => toGraph(gnp(50, 0.1, 6, { directed: true, weighted: true })), true],
  ['preferential attachment, 1,500 actors', () => preferential(1500, 11), false],
];

describe('betweenness with a stated (ε, δ) guarantee', () => {
  it.each(CASES)('%s: every node within ±ε of the exact value (seeded)', (_name, make, weighted) => {
    const g = compactGraph(make(), { weight: weighted ? 'weight' : null });
    const exact = shortestPathMetrics(g);
    for (const [epsilon, seed] of [
      [0.02, 1],
      [0.01, 2],
    ]) {
      const est = guaranteedBetweenness(g, { epsilon, delta: 0.1, seed });
      expect(est.samples).toBeGreaterThan(0);
      expect(maxError(est.betweenness, exact.betweenness)).toBeLessThanOrEqual(epsilon);
      expect(maxError(est.betweennessRaw, exact.betweennessRaw) * (g.directed ? 1 : 2)).toBeLessThanOrEqual(
        epsilon * (g.n - 1) * (g.n - 2),
      );
    }
  });

  it('bounds the vertex diameter from above (unweighted), and the sample size follows the formula', () => {
    for (const [, make] of CASES.filter(([, , w]) => !w)) {
      const g = compactGraph(make());
      expect(vertexDiameterBound(g)).toBeGreaterThanOrEqual(trueVertexDiameter(g));
      expect(vertexDiameterBound(g)).toBeLessThanOrEqual(g.n);
    }
    // r = ⌈(0.5/ε²)(⌊log₂(VD − 2)⌋ + 1 + ln(1/δ))⌉: 5000 · (4 + ln 10) at VD 15.
    expect(sampleSize(0.01, 0.1, 15)).toBe(Math.ceil(5000 * (4 + Math.log(10))));
    expect(sampleSize(0.01, 0.1, 2)).toBe(0);
    // A star has no shortest path with more than one interior node; a path of 5 nodes has VD 5.
    const path = new UndirectedGraph();
    for (let i = 0; i < 5; i++) path.addNode(String(i));
    for (let i = 0; i < 4; i++) path.addEdge(String(i), String(i + 1));
    expect(vertexDiameterBound(compactGraph(path))).toBeGreaterThanOrEqual(5);
  });

  it('refuses ε or δ outside (0, 1) with a clear error', () => {
    const g = compactGraph(toGraph(loadReference('kite')));
    expect(() => guaranteedBetweenness(g, { epsilon: 0, delta: 0.1, seed: 1 })).toThrow(/0 < ε < 1/);
    expect(() =>
      runPanel(toGraph(loadReference('kite')), { pathBudget: 1, guarantee: { epsilon: 0.1, delta: 1 } }),
    ).toThrow(/δ = 1/);
  });
});

describe('the panel samples on its own above the exact-cost budget', () => {
  const graph = preferential(1200, 5);
  const exact = runPanel(graph, { restarts: 1 });

  it('is exact within the budget and says nothing about a guarantee', () => {
    expect(exact.paths).toEqual({ exact: true, sources: 1200, seed: null });
    expect(exact.paths.guarantee).toBeUndefined();
  });

  it('states ε and δ in the result, keeps the guarantee, and the report carries the method note', () => {
    const sampled = runPanel(graph, {
      restarts: 1,
      seed: 3,
      pathBudget: 1000,
      guarantee: { epsilon: 0.01, delta: 0.1 },
    });
    expect(sampled.paths.exact).toBe(false);
    expect(sampled.paths.guarantee).toMatchObject({ method: 'riondato-kornaropoulos', epsilon: 0.01, delta: 0.1 });
    expect(sampled.paths.guarantee!.samples).toBeGreaterThan(10_000);
    expect(sampled.warnings.join(' ')).toMatch(/within ±0\.01 of the exact value/);
    const ids = Object.keys(exact.nodes);
    const err = Math.max(...ids.map((id) => Math.abs(sampled.nodes[id].betweenness - exact.nodes[id].betweenness)));
    expect(err).toBeLessThanOrEqual(0.01);
    const meta = { actors: 1200, ties: graph.size, relationTypes: [] } as unknown as ProjectionMeta;
    const gaps = { findings: [], gapKinds: [], parameters: { seed: 1 } } as unknown as GapReport;
    const sv = methodSections(meta, sampled, gaps, 'sv')[0].paragraphs!.join(' ');
    const en = methodSections(meta, sampled, gaps, 'en')[0].paragraphs!.join(' ');
    expect(sv).toContain('±0,01');
    expect(sv).toContain('δ = 0,1');
    expect(en).toContain('±0.01');
    expect(en).toContain('probability at least 0.9');
    expect(methodSections(meta, exact, gaps, 'en')[0].paragraphs!.join(' ')).not.toContain('Riondato');
  });
});

describe('at 100,000 actors', () => {
  // The panel's own path step (what runPanel calls), with ε = 0.02 to keep the suite short; the whole 100k panel
  // with the default ε and δ runs in the bench (section panel).
  it('the path metrics are estimated on their own and state ε and δ', () => {
    const n = 100_000;
    const rnd = mulberry32(7);
    const g = new UndirectedGraph();
    for (let i = 0; i < n; i++) g.addNode(String(i));
    while (g.size < 3 * n) {
      const a = Math.floor(rnd() * n);
      const b = Math.floor(rnd() * n);
      if (a !== b && !g.hasEdge(String(a), String(b))) g.addEdge(String(a), String(b));
    }
    const guarantee = { epsilon: 0.02, delta: 0.1 };
    const r = plannedPathMetrics(compactGraph(g), { seed: 1, guarantee });
    expect(r.sources).toBe(AUTO_SOURCES);
    expect(r.guarantee).toMatchObject({ method: 'riondato-kornaropoulos', ...guarantee });
    const vd = r.guarantee!.vertexDiameterBound;
    expect(vd).toBeGreaterThanOrEqual(5);
    expect(r.guarantee!.samples).toBe(sampleSize((0.02 * (n - 2)) / n, 0.1, vd));
  }, 900_000);
});
