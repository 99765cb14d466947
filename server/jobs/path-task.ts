import type { CompactGraph } from '../../core/analysis/compact.js';
import type { PathOptions, PathResults } from '../../core/analysis/centrality/paths.js';
import { mergePathSlices, shareGraph, sliceRanges } from '../../core/analysis/kernel/parallel.js';
import type { WorkPool } from './pool.js';

/**
 * The shortest-path pass (betweenness, closeness, harmonic) over several pool threads: the graph goes once into
 * a SharedArrayBuffer that every thread reads, each thread runs a range of the fixed source slices, and the
 * slice sums are added in slice order, so the result equals shortestPathMetrics(g, options) bit for bit.
 * Progress and cancellation follow the pool's own (per task) rules.
 */
export async function parallelShortestPaths(
  pool: Pick<WorkPool, 'run'>,
  g: CompactGraph,
  options: Omit<PathOptions, 'onProgress' | 'shouldCancel' | 'progressSpan'> = {},
  workers = 2,
  signal?: AbortSignal,
): Promise<PathResults> {
  const graph = shareGraph(g, options);
  const parts = await Promise.all(
    sliceRanges(workers).map((slices) => pool.run('pathSlices', { graph, slices }, signal ? { signal } : {})),
  );
  return mergePathSlices(graph, parts);
}
