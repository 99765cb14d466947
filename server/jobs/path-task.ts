import type { CompactGraph } from '../../core/analysis/compact.js';
import type { PathOptions, PathResults } from '../../core/analysis/centrality/paths.js';
import { mergePathSlices, shareGraph, sliceRanges, type SharedPathGraph } from '../../core/analysis/kernel/parallel.js';
import type { ExactPaths } from '../../core/analysis/panel-paths.js';
import type { TaskInput } from './protocol.js';
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
  return sharedShortestPaths(pool, shareGraph(g, options), workers, signal);
}

/** The pass on a graph already in shared memory (packed in a worker). */
export async function sharedShortestPaths(
  pool: Pick<WorkPool, 'run'>,
  graph: SharedPathGraph,
  workers: number,
  signal?: AbortSignal,
): Promise<PathResults> {
  const parts = await Promise.all(
    sliceRanges(workers).map((slices) => pool.run('pathSlices', { graph, slices }, signal ? { signal } : {})),
  );
  return mergePathSlices(graph, parts);
}

/**
 * The analysis route's exact path pass over `workers` threads: one task reads the network and packs the panel's
 * graph into shared memory (server/jobs/analysis-paths.ts), the slices run in parallel, and the merged pass goes
 * to the analysis task with the graph's fingerprint. Undefined when the panel would not run the exact pass.
 */
export async function parallelAnalysisPaths(
  pool: Pick<WorkPool, 'run'>,
  input: TaskInput<'analysisPathGraph'>,
  workers: number,
  signal: AbortSignal,
): Promise<ExactPaths | undefined> {
  const shared = await pool.run('analysisPathGraph', input, { signal });
  if (!shared) return undefined;
  return { paths: await sharedShortestPaths(pool, shared.graph, workers, signal), fingerprint: shared.fingerprint };
}
