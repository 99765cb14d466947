import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { compactGraph, type CompactGraph } from '../../../core/analysis/compact.js';
import { shortestPathMetrics } from '../../../core/analysis/centrality/paths.js';
import { mergePathSlices, runPathSlices, shareGraph, sliceRanges } from '../../../core/analysis/kernel/parallel.js';
import { WorkPool } from '../../../server/jobs/pool.js';
import { parallelShortestPaths } from '../../../server/jobs/path-task.js';
import { gnp, loadReference, toGraph, expectIdenticalPaths, panelPathOptions } from './support.js';

const graphs: Array<[string, CompactGraph]> = [
  ['karate', compactGraph(toGraph(loadReference('karate')))],
  ['random undirected 400', compactGraph(toGraph(gnp(400, 0.012, 31)))],
  ['random directed 300', compactGraph(toGraph(gnp(300, 0.01, 32, { directed: true })))],
  // Weighted distances are not integers: closeness and the average distance depend on the order of addition too.
  ['random weighted 200', compactGraph(toGraph(gnp(200, 0.03, 33, { weighted: true })), { weight: 'weight' })],
];

describe('parallel sources: slices merged in a fixed order', () => {
  for (const [label, g] of graphs)
    it(`any number of workers equals the serial pass bit for bit: ${label}`, () => {
      const options = panelPathOptions(g);
      const serial = shortestPathMetrics(g, options);
      for (const workers of [1, 2, 3, 5, 16]) {
        const shared = shareGraph(g, options);
        const parts = sliceRanges(workers).map((slices) => runPathSlices({ graph: shared, slices }));
        // Merge order does not depend on the order in which the workers finish.
        expectIdenticalPaths(mergePathSlices(shared, parts.reverse()), serial);
      }
      const sampled = { ...options, samples: Math.floor(g.n / 2), sampleSeed: 3 };
      const shared = shareGraph(g, sampled);
      const parts = sliceRanges(2).map((slices) => runPathSlices({ graph: shared, slices }));
      expectIdenticalPaths(mergePathSlices(shared, parts), shortestPathMetrics(g, sampled));
    });

  it('the JS and WebAssembly kernels may even be mixed across workers', () => {
    const g = graphs[1][1];
    const js = shareGraph(g, { ...panelPathOptions(g), kernel: 'js' });
    const wasm = shareGraph(g, { ...panelPathOptions(g), kernel: 'wasm' });
    const [a, b] = sliceRanges(2);
    const merged = mergePathSlices(js, [
      runPathSlices({ graph: js, slices: a }),
      runPathSlices({ graph: wasm, slices: b }),
    ]);
    expectIdenticalPaths(merged, shortestPathMetrics(g, panelPathOptions(g)));
  });

  it('puts the graph in a SharedArrayBuffer in Node', () => {
    const shared = shareGraph(graphs[1][1]);
    expect(shared.ints).toBeInstanceOf(SharedArrayBuffer);
  });
});

describe('parallel sources on the server worker pool', () => {
  let pool: WorkPool;
  beforeAll(async () => {
    pool = new WorkPool({ threads: 2 });
    await pool.run('ping', null);
  }, 180_000);
  afterAll(() => pool.close());

  it('two pool threads give the serial result exactly', async () => {
    for (const [, g] of graphs) {
      const options = panelPathOptions(g);
      expectIdenticalPaths(await parallelShortestPaths(pool, g, options, 2), shortestPathMetrics(g, options));
    }
  }, 180_000);
});
