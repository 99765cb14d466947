import { execFileSync } from 'node:child_process';
import { beforeAll, describe, expect, it } from 'vitest';
import { UndirectedGraph } from 'graphology';
import { runPanel, type PanelResult } from '../../../core/analysis/panel.js';
import { mulberry32 } from '../../../core/analysis/rng.js';
import { accuracy, spearman } from '../../bench/accuracy.js';
import { gnp, toGraph } from './support.js';

/**
 * Brandes–Pich source sampling of the path metrics (`samples` = k pivots): with k ≥ n it is the exact pass, and
 * with a fixed seed its estimates are close to NetworkX's exact values. NetworkX's own sampling draws pivots with
 * Python's `random`, which TypeScript cannot reproduce, so the check is statistical (and deterministic: fixed seed).
 */

/** Seeded preferential attachment (each new actor ties to 2 earlier ones, by degree): a few hubs, like real networks. */
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
    while (picked.size < Math.min(2, v)) picked.add(ends[Math.floor(rnd() * ends.length)]);
    for (const u of picked) {
      g.addEdge(String(v), String(u));
      ends.push(u, v);
    }
  }
  return g;
}

const N = 800;
const K = 200;
const graph = preferential(N, 11);
let exact: { betweenness: number[]; closeness: number[]; harmonic: number[] };
let sampled: PanelResult;

const column = (r: PanelResult, key: 'betweenness' | 'closeness' | 'harmonic') =>
  Array.from({ length: N }, (_, i) => r.nodes[String(i)][key]);

beforeAll(() => {
  const script = [
    'import json, sys, networkx as nx',
    'd = json.load(sys.stdin); G = nx.Graph(); G.add_nodes_from(range(d["n"])); G.add_edges_from(d["edges"])',
    'b = nx.betweenness_centrality(G); c = nx.closeness_centrality(G); h = nx.harmonic_centrality(G)',
    'json.dump({k: [m[v] for v in range(d["n"])] for k, m in (("betweenness", b), ("closeness", c), ("harmonic", h))}, sys.stdout)',
  ].join('\n');
  const edges = graph.mapEdges((_e, _a, s, t) => [Number(s), Number(t)]);
  exact = JSON.parse(
    execFileSync('python3', ['-c', script], { input: JSON.stringify({ n: N, edges }), encoding: 'utf8' }),
  ) as typeof exact;
  sampled = runPanel(graph, { samples: K, seed: 7 });
}, 120_000);

describe('sampled path metrics (Brandes–Pich)', () => {
  it('with k ≥ n is the exact pass, weighted or not, and says it is exact', () => {
    for (const weighted of [false, true]) {
      const g = toGraph(gnp(60, 0.08, 5, { weighted }));
      const opts = { weight: weighted ? 'weight' : null };
      const full = runPanel(g, opts);
      for (const k of [60, 61, 1000]) {
        const r = runPanel(g, { ...opts, samples: k });
        expect(r.paths).toEqual({ exact: true, sources: 60, seed: null });
        expect(r.nodes).toEqual(full.nodes);
        expect(r.graph).toEqual(full.graph);
      }
    }
  });

  it('says it was sampled: sources, seed and a warning', () => {
    expect(sampled.paths).toEqual({ exact: false, sources: K, seed: 7 });
    expect(sampled.warnings.join(' ')).toMatch(/estimates from 200 of 800 sources/);
    // The same seed gives the same pivots, another seed other ones.
    expect(runPanel(graph, { samples: K, seed: 7 }).nodes).toEqual(sampled.nodes);
    expect(column(runPanel(graph, { samples: K, seed: 8 }), 'betweenness')).not.toEqual(column(sampled, 'betweenness'));
  });

  it('estimates betweenness close to NetworkX exact values (k = n/4, fixed seed)', () => {
    const a = accuracy(exact.betweenness, column(sampled, 'betweenness'), 50);
    expect(a.top10Overlap).toBeGreaterThanOrEqual(8);
    expect(a.spearmanTop).toBeGreaterThan(0.9);
    expect(a.maxAbsError / a.maxExact).toBeLessThan(0.1);
    // Unbiased scaling (× n/k): the total is close to the exact total.
    const sum = (xs: number[]) => xs.reduce((s, x) => s + x, 0);
    expect(sum(column(sampled, 'betweenness')) / sum(exact.betweenness)).toBeCloseTo(1, 1);
  });

  it('estimates closeness and harmonic closeness within a few per cent, ranked alike', () => {
    for (const key of ['closeness', 'harmonic'] as const) {
      const ours = column(sampled, key);
      let worst = 0;
      for (let i = 0; i < N; i++) worst = Math.max(worst, Math.abs(ours[i] - exact[key][i]) / exact[key][i]);
      expect(worst, key).toBeLessThan(0.1);
      expect(spearman(ours, exact[key]), key).toBeGreaterThan(0.95);
    }
  });
});
