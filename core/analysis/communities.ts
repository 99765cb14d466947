import { DEFAULT_PANEL_OPTIONS } from './registry.js';
import { DirectedGraph, UndirectedGraph } from 'graphology';
import type { AbstractGraph } from 'graphology-types';
import type { CompactGraph } from './compact.js';
import { AnalysisError, checkCancel, type RunControl } from './errors.js';
import { modularity } from './modularity.js';
import { louvainRunner, type KernelChoice } from './kernel/louvain.js';

export interface CommunityOptions {
  /** Seed of the first run (mulberry32). Default DEFAULT_PANEL_OPTIONS.seed. */
  seed?: number;
  /** Modularity resolution γ. Default 1. */
  resolution?: number;
  /** Seeded runs; the partition with the highest modularity wins (ties: the earliest run). Default 10. */
  restarts?: number;
  /** Which kernel runs Louvain: WebAssembly when it loads (auto), or always the JS port. Results are equal. */
  kernel?: KernelChoice;
}

export interface CommunityResult {
  /** Community per node, numbered 0.. in order of each community's first node. */
  labels: Int32Array;
  count: number;
  /** Modularity of `labels` (NetworkX `community.modularity`, same weights and resolution). */
  modularity: number | null;
  seed: number;
  resolution: number;
  restarts: number;
  /** The run (0-based) whose partition was kept. */
  bestRun: number;
}

/** Seed of run i, derived from the base seed so that runs are independent but reproducible. */
export function runSeed(seed: number, run: number): number {
  return (seed + Math.imul(run, 0x9e3779b9)) >>> 0;
}

/** A simple graphology graph of the compact graph (ties merged, no self-loops; attribute `weight`). */
export function toGraphology(g: CompactGraph): AbstractGraph {
  const options = { multi: false, allowSelfLoops: false };
  const graph: AbstractGraph = g.directed ? new DirectedGraph(options) : new UndirectedGraph(options);
  for (const id of g.ids) graph.addNode(id);
  for (let e = 0; e < g.edgeU.length; e++) graph.addEdge(g.ids[g.edgeU[e]], g.ids[g.edgeV[e]], { weight: g.edgeW[e] });
  return graph;
}

function canonical(g: CompactGraph, mapping: Int32Array): { labels: Int32Array; count: number } {
  const labels = new Int32Array(g.n);
  const renumber = new Map<number, number>();
  for (let v = 0; v < g.n; v++) {
    const raw = mapping[v];
    let c = renumber.get(raw);
    if (c === undefined) {
      c = renumber.size;
      renumber.set(raw, c);
    }
    labels[v] = c;
  }
  return { labels, count: renumber.size };
}

/**
 * Louvain communities (Blondel et al. 2008), the algorithm of graphology-communities-louvain (ported to typed
 * arrays and to the WebAssembly kernel, same partitions), made reproducible: each run gets its own mulberry32
 * stream (random node order), and of `restarts` runs the one with the highest modularity is kept. Same input + seed + resolution + restarts → same partition on every run and platform.
 */
export function louvainCommunities(
  g: CompactGraph,
  options: CommunityOptions = {},
  control?: RunControl,
): CommunityResult {
  const seed = options.seed ?? DEFAULT_PANEL_OPTIONS.seed;
  const resolution = options.resolution ?? 1;
  const restarts = options.restarts ?? 10;
  if (!Number.isInteger(seed) || seed < 0)
    throw new AnalysisError('invalid_parameter', `Seed must be a non-negative integer, got ${seed}.`);
  if (!(resolution > 0))
    throw new AnalysisError('invalid_parameter', `Resolution must be positive, got ${resolution}.`);
  if (!Number.isInteger(restarts) || restarts < 1)
    throw new AnalysisError('invalid_parameter', `Restarts must be a positive integer, got ${restarts}.`);
  if (g.edgeCount === 0) {
    const labels = new Int32Array(g.n);
    for (let v = 0; v < g.n; v++) labels[v] = v;
    return { labels, count: g.n, modularity: null, seed, resolution, restarts, bestRun: 0 };
  }
  const runner = louvainRunner(g, resolution, options.kernel);
  let best: CommunityResult | null = null;
  for (let run = 0; run < restarts; run++) {
    checkCancel(control);
    const { labels, count } = canonical(g, runner.run(runSeed(seed, run)));
    const q = modularity(g, labels, resolution);
    if (best === null || (q ?? -Infinity) > (best.modularity ?? -Infinity) + 1e-12) {
      best = { labels, count, modularity: q, seed, resolution, restarts, bestRun: run };
    }
  }
  return best!;
}
