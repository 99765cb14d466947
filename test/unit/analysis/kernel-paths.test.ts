import { describe, expect, it } from 'vitest';
import { compactGraph } from '../../../core/analysis/compact.js';
import { shortestPathMetrics } from '../../../core/analysis/centrality/paths.js';
import { kernelInstance } from '../../../core/analysis/kernel/wasm.js';
import {
  close,
  gnp,
  loadReference,
  toGraph,
  type ReferenceGraph,
  expectIdenticalPaths,
  panelPathOptions,
} from './support.js';

const unweighted: Array<[string, ReferenceGraph]> = [
  ['karate', loadReference('karate')],
  ['florentine', loadReference('florentine')],
  ['kite', loadReference('kite')],
  ['borgatti', loadReference('borgatti')],
  ['borgatti-directed', loadReference('borgatti-directed')],
  ['random undirected 300', gnp(300, 0.02, 3)],
  ['random directed 200', gnp(200, 0.015, 4, { directed: true })],
  ['random sparse, many components', gnp(250, 0.004, 5)],
];

describe('the WebAssembly path kernel', () => {
  it('loads in Node', () => {
    expect(kernelInstance()).not.toBeNull();
  });

  for (const [label, ref] of unweighted)
    it(`equals the JS pass bit for bit: ${label}`, () => {
      const g = compactGraph(toGraph(ref));
      const options = panelPathOptions(g);
      const js = shortestPathMetrics(g, { ...options, kernel: 'js' });
      const wasm = shortestPathMetrics(g, { ...options, kernel: 'wasm' });
      expectIdenticalPaths(wasm, js);
      // And sampled (pivots) too.
      const k = Math.max(3, Math.floor(g.n / 3));
      expectIdenticalPaths(
        shortestPathMetrics(g, { ...options, kernel: 'wasm', samples: k, sampleSeed: 9 }),
        shortestPathMetrics(g, { ...options, kernel: 'js', samples: k, sampleSeed: 9 }),
      );
    });

  it('is what the default (auto) runs on unweighted graphs, and weighted graphs keep the JS pass', () => {
    const g = compactGraph(toGraph(gnp(120, 0.05, 8)));
    expectIdenticalPaths(shortestPathMetrics(g), shortestPathMetrics(g, { kernel: 'wasm' }));
    const gw = compactGraph(toGraph(gnp(80, 0.06, 9, { weighted: true })), { weight: 'weight' });
    expectIdenticalPaths(shortestPathMetrics(gw), shortestPathMetrics(gw, { kernel: 'js' }));
    expect(() => shortestPathMetrics(gw, { kernel: 'wasm' })).toThrow(/not available/);
  });

  it("keeps NetworkX's values: karate betweenness of node 0, diameter and average distance", () => {
    const g = compactGraph(toGraph(loadReference('karate')));
    const r = shortestPathMetrics(g, { ...panelPathOptions(g), kernel: 'wasm' });
    // NetworkX betweenness_centrality(karate)[0] = 0.43763528138528146; diameter 5, average distance 2.4082.
    expect(close(r.betweenness[g.ids.indexOf('0')], 0.43763528138528146)).toBe(true);
    expect(r.diameter).toBe(5);
    expect(close(r.averagePathLength, 2.408199643493761)).toBe(true);
  });

  it('handles graphs with no node, one node and one tie like the JS pass', () => {
    for (const ids of [[], ['a'], ['a', 'b']]) {
      const graph = toGraph({
        name: 'tiny',
        directed: false,
        weighted: false,
        nodes: ids.map((id) => ({ id })),
        edges: ids.length === 2 ? [{ source: 'a', target: 'b' }] : [],
      });
      const g = compactGraph(graph);
      expectIdenticalPaths(
        shortestPathMetrics(g, { ...panelPathOptions(g), kernel: 'wasm' }),
        shortestPathMetrics(g, { ...panelPathOptions(g), kernel: 'js' }),
      );
    }
  });

  it('reports progress and can be cancelled between chunks', () => {
    const g = compactGraph(toGraph(gnp(400, 0.01, 10)));
    const seen: number[] = [];
    shortestPathMetrics(g, { kernel: 'wasm', onProgress: (p) => seen.push(p) });
    expect(seen.length).toBeGreaterThan(50);
    expect(seen.every((p, i) => i === 0 || p >= seen[i - 1])).toBe(true);
    let calls = 0;
    const run = () =>
      shortestPathMetrics(g, { kernel: 'wasm', onProgress: () => void calls++, shouldCancel: () => calls >= 5 });
    expect(run).toThrow(expect.objectContaining({ code: 'cancelled' }));
  });
});
