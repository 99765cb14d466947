import { shortestPathMetrics, type PathOptions, type PathResults } from '../centrality/paths.js';
import type { CompactGraph } from '../compact.js';
import type { Components } from '../components.js';
import { AUTO_SOURCES, EXACT_PATH_BUDGET } from '../registry.js';
import { checkGuarantee, DEFAULT_GUARANTEE, guaranteedBetweenness, type Guarantee } from './betweenness.js';

/** What a guaranteed betweenness estimate states about itself (in the panel result's `paths`). */
export interface BetweennessGuarantee extends Guarantee {
  method: 'riondato-kornaropoulos';
  /** Shortest paths drawn. */
  samples: number;
  /** Upper bound on the most nodes on a shortest path, from which the sample size follows. */
  vertexDiameterBound: number;
}

export interface PathPlanOptions extends Omit<PathOptions, 'samples' | 'sampleSeed'> {
  /** k sources given by the caller (Brandes–Pich for all three path metrics); null/undefined = automatic. */
  samples?: number | null;
  seed: number;
  /** n·m above which the automatic mode estimates (default EXACT_PATH_BUDGET). */
  pathBudget?: number;
  guarantee?: Guarantee;
  components?: Components;
}

export interface PlannedPaths extends PathResults {
  guarantee: BetweennessGuarantee | null;
}

/** True when the exact pass (about n·m steps) exceeds the budget. */
export function exceedsPathBudget(g: CompactGraph, budget = EXACT_PATH_BUDGET): boolean {
  return g.n * Math.max(g.edgeCount, 1) > budget;
}

/**
 * The panel's path metrics: exact when they fit the budget (or k sources when the caller gives k); otherwise
 * betweenness with a stated (ε, δ) guarantee and closeness and harmonic from AUTO_SOURCES sampled sources.
 */
export function plannedPathMetrics(g: CompactGraph, options: PathPlanOptions): PlannedPaths {
  const { samples, seed, pathBudget, guarantee, components, ...rest } = options;
  const given = samples !== undefined && samples !== null;
  if (guarantee) checkGuarantee(guarantee);
  if (given || !exceedsPathBudget(g, pathBudget))
    return { ...shortestPathMetrics(g, { ...rest, samples, sampleSeed: seed }), guarantee: null };
  const [p0, p1] = rest.progressSpan ?? [0, 1];
  const mid = (p0 + p1) / 2;
  const pass = shortestPathMetrics(g, {
    ...rest,
    samples: Math.min(g.n, AUTO_SOURCES),
    sampleSeed: seed,
    progressSpan: [p0, mid],
  });
  const est = guaranteedBetweenness(g, {
    ...(guarantee ?? DEFAULT_GUARANTEE),
    seed,
    components,
    onProgress: rest.onProgress,
    shouldCancel: rest.shouldCancel,
    progressSpan: [mid, p1],
  });
  return {
    ...pass,
    betweenness: est.betweenness,
    betweennessRaw: est.betweennessRaw,
    guarantee: {
      method: est.method,
      epsilon: est.epsilon,
      delta: est.delta,
      samples: est.samples,
      vertexDiameterBound: est.vertexDiameterBound,
    },
  };
}
