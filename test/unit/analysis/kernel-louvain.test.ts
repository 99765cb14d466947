import { describe, expect, it } from 'vitest';
import louvainImport from 'graphology-communities-louvain';
import { compactGraph, type CompactGraph } from '../../../core/analysis/compact.js';
import { louvainCommunities, runSeed, toGraphology } from '../../../core/analysis/communities.js';
import { louvainRunJs } from '../../../core/analysis/kernel/louvain-js.js';
import { louvainRunner } from '../../../core/analysis/kernel/louvain.js';
import { modularity } from '../../../core/analysis/modularity.js';
import { mulberry32 } from '../../../core/analysis/rng.js';
import { gnp, loadReference, toGraph } from './support.js';

type LouvainFn = typeof louvainImport.default;
const graphologyLouvain: LouvainFn =
  (louvainImport as unknown as { default?: LouvainFn }).default ?? (louvainImport as unknown as LouvainFn);

/** The package's own answer (the oracle the port follows), per node index. */
function packageRun(g: CompactGraph, resolution: number, seed: number): number[] {
  const mapping = graphologyLouvain(toGraphology(g), {
    getEdgeWeight: g.weighted ? 'weight' : null,
    resolution,
    randomWalk: true,
    rng: mulberry32(seed),
  });
  return g.ids.map((id) => mapping[id]);
}

const cases: Array<{ label: string; g: CompactGraph; resolution: number }> = [
  { label: 'karate', g: compactGraph(toGraph(loadReference('karate'))), resolution: 1 },
  {
    label: 'karate weighted, γ = 0.5',
    g: compactGraph(toGraph(loadReference('karate')), { weight: 'weight' }),
    resolution: 0.5,
  },
  { label: 'florentine', g: compactGraph(toGraph(loadReference('florentine'))), resolution: 1 },
  { label: 'borgatti directed', g: compactGraph(toGraph(loadReference('borgatti-directed'))), resolution: 1 },
  { label: 'random undirected 300', g: compactGraph(toGraph(gnp(300, 0.02, 21))), resolution: 1 },
  { label: 'random undirected 300, γ = 2', g: compactGraph(toGraph(gnp(300, 0.02, 22))), resolution: 2 },
  {
    label: 'random weighted 200',
    g: compactGraph(toGraph(gnp(200, 0.03, 23, { weighted: true })), { weight: 'weight' }),
    resolution: 1,
  },
  { label: 'random directed 200', g: compactGraph(toGraph(gnp(200, 0.02, 24, { directed: true }))), resolution: 1 },
  {
    label: 'random directed weighted 150, γ = 0.7',
    g: compactGraph(toGraph(gnp(150, 0.03, 25, { directed: true, weighted: true })), { weight: 'weight' }),
    resolution: 0.7,
  },
  { label: 'sparse with isolates 250', g: compactGraph(toGraph(gnp(250, 0.005, 26))), resolution: 1 },
];

describe('Louvain kernels', () => {
  for (const { label, g, resolution } of cases)
    it(`JS port = graphology-communities-louvain, and WebAssembly = JS port, exactly: ${label}`, () => {
      const wasm = louvainRunner(g, resolution, 'wasm');
      expect(wasm.kernel).toBe('wasm');
      for (let run = 0; run < 6; run++) {
        const seed = runSeed(17, run);
        const js = Array.from(louvainRunJs(g, resolution, seed));
        expect(js).toEqual(packageRun(g, resolution, seed));
        expect(Array.from(wasm.run(seed))).toEqual(js);
      }
    });

  it('louvainCommunities gives the same partition and modularity on both kernels', () => {
    for (const { g, resolution } of cases) {
      const a = louvainCommunities(g, { seed: 42, resolution, kernel: 'js' });
      const b = louvainCommunities(g, { seed: 42, resolution, kernel: 'wasm' });
      const auto = louvainCommunities(g, { seed: 42, resolution });
      expect(Array.from(b.labels)).toEqual(Array.from(a.labels));
      expect(b.modularity).toBe(a.modularity);
      expect(Array.from(auto.labels)).toEqual(Array.from(a.labels));
      expect(a.modularity).toBe(modularity(g, a.labels, resolution));
    }
  });

  it('runs a 3,000-node graph the same on both kernels (several levels of aggregation)', () => {
    const g = compactGraph(toGraph(gnp(3000, 0.003, 27)));
    const wasm = louvainRunner(g, 1, 'wasm');
    for (const seed of [1, 2]) expect(Array.from(wasm.run(seed))).toEqual(Array.from(louvainRunJs(g, 1, seed)));
  });
});
