import type { AbstractGraph as Graph } from 'graphology-types';
import { brokerage, BROKERAGE_ROLES, type BrokerageRole } from './brokerage.js';
import { degreeCentralisation, degrees } from './centrality/degree.js';
import { eigenvectorCentrality } from './centrality/eigenvector.js';
import { pagerank } from './centrality/pagerank.js';
import { clustering } from './clustering.js';
import { louvainCommunities } from './communities.js';
import { compactGraph, type CompactGraph } from './compact.js';
import { coreNumber } from './cores.js';
import { cutStructure } from './cut-points.js';
import { AnalysisError, checkCancel, type RunControl } from './errors.js';
import { fragmentationOfSizes, removalImpact } from './fragmentation.js';
import { density } from './graph-metrics.js';
import { groupStructure, partitionByAttribute, singleGroup, type GroupStructure } from './groups.js';
import { DEFAULT_PANEL_OPTIONS, METRICS, type MetricLimit } from './registry.js';
import type { Guarantee } from './sampling/betweenness.js';
import { plannedPathMetrics, type BetweennessGuarantee, type PlannedPaths } from './sampling/plan.js';
import { structuralHoles } from './structural-holes.js';
import { graphFingerprint, panelComponents, panelPathsExact, type ExactPaths } from './panel-paths.js';

export interface PanelOptions extends RunControl {
  /** Edge attribute with tie strengths; null = unweighted. */
  weight?: string | null;
  /** Node attribute that partitions actors for brokerage, block density and E-I; null = one group. */
  partition?: string | null;
  /** Louvain seed, resolution and seeded runs (defaults: DEFAULT_PANEL_OPTIONS). */
  seed?: number;
  resolution?: number;
  restarts?: number;
  /** PageRank damping (default 0.85). */
  alpha?: number;
  /** Override the graph's own direction. */
  directed?: boolean;
  /** Override metric limits by metric id (see the registry). */
  limits?: Record<string, MetricLimit>;
  /**
   * Path metrics from k sampled sources (Brandes & Pich 2007) instead of all n; ≥ n = exact; null/undefined =
   * automatic: exact when n·m ≤ `pathBudget`, else betweenness with a stated (ε, δ) guarantee (sampling/). The
   * pivots and paths are drawn with `seed`. See `paths` in the result.
   */
  samples?: number | null;
  /** n·m above which the automatic mode estimates (default EXACT_PATH_BUDGET in the registry). */
  pathBudget?: number;
  /** (ε, δ) of the automatic betweenness estimate (default DEFAULT_GUARANTEE). */
  guarantee?: Guarantee;
  /**
   * The exact path pass already computed (the server runs it over several pool threads): used instead of running
   * it here when the panel would be exact and the fingerprint matches this graph; otherwise ignored.
   */
  exactPaths?: ExactPaths;
  /** When given, filled with the wall time (ms) of each phase: for benchmarks. */
  timings?: Record<string, number>;
}

/** How the path metrics (betweenness, closeness, harmonic, diameter, average path length) were computed. */
export interface PathSampling {
  exact: boolean;
  /** Sources the shortest-path pass ran from (n when exact). */
  sources: number;
  /** Seed of the pivot draw; null when exact. */
  seed: number | null;
  /**
   * Present when betweenness was estimated with a stated guarantee: with probability ≥ 1 − δ every node's
   * normalised betweenness is within ±ε of the exact value (Riondato & Kornaropoulos 2016).
   */
  guarantee?: BetweennessGuarantee;
}

export type BrokerageCounts = Record<BrokerageRole, number>;
export type BrokerageScores = Record<BrokerageRole, number | null>;

export interface NodeMetrics {
  degree: number;
  inDegree: number;
  outDegree: number;
  strength: number;
  degreeCentrality: number;
  betweenness: number;
  betweennessRaw: number;
  closeness: number;
  harmonic: number;
  eigenvector: number | null;
  pagerank: number;
  coreNumber: number;
  clustering: number;
  constraint: number | null;
  effectiveSize: number | null;
  efficiency: number | null;
  hierarchy: number | null;
  community: number;
  articulationPoint: boolean;
  removal: {
    componentsAfter: number;
    deltaComponents: number;
    fragmentationAfter: number | null;
    deltaFragmentation: number | null;
  };
  brokerage: BrokerageCounts;
  brokerageZ: BrokerageScores;
}

export interface GraphMetrics {
  nodes: number;
  edges: number;
  directed: boolean;
  weighted: boolean;
  density: number;
  components: number;
  largestComponentSize: number;
  diameter: number | null;
  averagePathLength: number | null;
  modularity: number | null;
  communities: number;
  degreeCentralisation: number | null;
  fragmentation: number | null;
}

export interface GroupReport extends GroupStructure {
  attribute: string;
}

export interface PanelResult {
  graph: GraphMetrics;
  nodes: Record<string, NodeMetrics>;
  articulationPoints: string[];
  bridges: Array<[string, string]>;
  communities: {
    seed: number;
    resolution: number;
    restarts: number;
    bestRun: number;
    count: number;
    modularity: number | null;
    groups: GroupStructure;
  };
  /** Block density and E-I by the partition attribute, when one was given. */
  groups: GroupReport | null;
  /** Exact or sampled path metrics. */
  paths: PathSampling;
  /** Conventions that applied to this run (dropped self-loops, unconverged iterations…). */
  warnings: string[];
  /**
   * The key actors by impact, each robust or not: set by callers that hold the snapshot (the browser worker), since
   * robustness needs the evidence of the relations, which the graph alone does not carry.
   */
  keyActors?: Array<{ id: string; rank: number; impact: number; robust: boolean }>;
}

/** Finite number or null (NaN, ±Infinity → null), as written to JSON. */
export function finiteOrNull(x: number): number | null {
  return Number.isFinite(x) ? x : null;
}

/** How the path metrics were computed, as the result states it. */
function pathSampling(paths: PlannedPaths, n: number, seed: number): PathSampling {
  const estimated = paths.sources < n || paths.guarantee !== null;
  return {
    exact: !estimated,
    sources: paths.sources,
    seed: estimated ? seed : null,
    ...(paths.guarantee ? { guarantee: paths.guarantee } : {}),
  };
}

/** What the run's warnings say about estimated path metrics. */
function pathWarnings(guarantee: BetweennessGuarantee | null, sources: number, n: number): string[] {
  if (guarantee)
    return [
      `Betweenness is estimated from ${guarantee.samples} randomly drawn shortest paths (Riondato–Kornaropoulos): with probability at least ${1 - guarantee.delta} every actor's normalised betweenness is within ±${guarantee.epsilon} of the exact value.`,
      `Closeness and harmonic centrality are estimates from ${sources} of ${n} sources (Brandes–Pich sampling); the diameter is a lower bound.`,
    ];
  if (sources < n)
    return [
      `Betweenness, closeness and harmonic centrality are estimates from ${sources} of ${n} sources (Brandes–Pich sampling); the diameter is a lower bound.`,
    ];
  return [];
}

/** The precomputed exact pass, when the panel would run exactly that pass on this very graph. */
function givenPaths(g: CompactGraph, options: PanelOptions): PlannedPaths | null {
  const given = options.exactPaths;
  if (!given || !panelPathsExact(g, options.samples, options.pathBudget)) return null;
  if (given.fingerprint !== graphFingerprint(g)) return null;
  return { ...given.paths, guarantee: null };
}

export function checkLimits(g: CompactGraph, overrides: Record<string, MetricLimit> | undefined): void {
  for (const metric of METRICS) {
    const limit = overrides?.[metric.id] ?? metric.limit;
    if (!limit) continue;
    if (limit.maxNodes !== undefined && g.n > limit.maxNodes)
      throw new AnalysisError(
        'graph_too_large',
        `The graph has ${g.n} nodes; ${metric.label.en.toLowerCase()} is limited to ${limit.maxNodes}.`,
        { metric: metric.id, nodes: g.n, limit: limit.maxNodes },
      );
    if (limit.maxEdges !== undefined && g.edgeCount > limit.maxEdges)
      throw new AnalysisError(
        'graph_too_large',
        `The graph has ${g.edgeCount} ties; ${metric.label.en.toLowerCase()} is limited to ${limit.maxEdges}.`,
        { metric: metric.id, edges: g.edgeCount, limit: limit.maxEdges },
      );
  }
}

/**
 * Runs the full key-actor panel on a graphology graph. Pure computation (no I/O), safe in a Web Worker.
 * Values follow NetworkX 3.x defaults; see each module for the conventions on disconnected graphs.
 */
export function runPanel(graph: Graph, options: PanelOptions = {}): PanelResult {
  const control: RunControl = { onProgress: options.onProgress, shouldCancel: options.shouldCancel };
  const timings = options.timings;
  let mark = performance.now();
  const lap = (phase: string) => {
    if (!timings) return;
    const now = performance.now();
    timings[phase] = (timings[phase] ?? 0) + now - mark;
    mark = now;
  };
  const alpha = options.alpha ?? DEFAULT_PANEL_OPTIONS.alpha;
  const seed = options.seed ?? DEFAULT_PANEL_OPTIONS.seed;
  if (!(alpha > 0 && alpha < 1))
    throw new AnalysisError('invalid_parameter', `PageRank alpha must be in (0, 1), got ${alpha}.`);
  checkCancel(control);
  const g = compactGraph(graph, { weight: options.weight ?? null, directed: options.directed });
  checkLimits(g, options.limits);
  const partition = options.partition ? partitionByAttribute(graph, g.ids, options.partition) : null;
  const warnings: string[] = [];
  if (g.selfLoopsDropped > 0) warnings.push(`${g.selfLoopsDropped} self-loop(s) ignored.`);
  control.onProgress?.(0.02);
  lap('prepare');

  const { weak, strong, pathComponents, lcc } = panelComponents(g);
  const paths =
    givenPaths(g, options) ??
    plannedPathMetrics(g, {
      ...control,
      componentOf: pathComponents.of,
      component: lcc,
      progressSpan: [0.02, 0.75],
      samples: options.samples,
      seed,
      pathBudget: options.pathBudget,
      guarantee: options.guarantee,
      components: weak,
    });
  warnings.push(...pathWarnings(paths.guarantee, paths.sources, g.n));
  lap('paths');
  const deg = degrees(g);
  lap('degree');
  checkCancel(control);
  const eig = eigenvectorCentrality(g, weak, strong, control);
  if (eig.unconverged > 0) warnings.push(`Eigenvector centrality did not converge in ${eig.unconverged} component(s).`);
  lap('eigenvector');
  control.onProgress?.(0.8);
  const pr = pagerank(g, alpha, control);
  lap('pagerank');
  const cores = coreNumber(g);
  lap('coreNumber');
  const clust = clustering(g, control);
  lap('clustering');
  control.onProgress?.(0.85);
  const holes = structuralHoles(g, control);
  lap('structuralHoles');
  control.onProgress?.(0.9);
  const groupsForBrokerage = partition ?? singleGroup(g.n);
  const brok = brokerage(g, groupsForBrokerage.labels, control);
  lap('brokerage');
  const cut = cutStructure(g);
  const removal = removalImpact(cut, g.n);
  lap('cutPoints');
  control.onProgress?.(0.93);
  const comm = louvainCommunities(
    g,
    { seed: options.seed, resolution: options.resolution, restarts: options.restarts },
    control,
  );
  const communityNames = Array.from({ length: comm.count }, (_, i) => String(i));
  const communityGroups = groupStructure(g, { labels: comm.labels, names: communityNames });
  lap('louvain');

  const nodes: Record<string, NodeMetrics> = {};
  for (let v = 0; v < g.n; v++) {
    const counts = {} as BrokerageCounts;
    const z = {} as BrokerageScores;
    for (const role of BROKERAGE_ROLES) {
      counts[role] = brok.counts[role][v];
      z[role] = finiteOrNull(brok.z[role][v]);
    }
    nodes[g.ids[v]] = {
      degree: deg.degree[v],
      inDegree: deg.inDegree[v],
      outDegree: deg.outDegree[v],
      strength: deg.strength[v],
      degreeCentrality: deg.degreeCentrality[v],
      betweenness: paths.betweenness[v],
      betweennessRaw: paths.betweennessRaw[v],
      closeness: paths.closeness[v],
      harmonic: paths.harmonic[v],
      eigenvector: finiteOrNull(eig.values[v]),
      pagerank: pr[v],
      coreNumber: cores[v],
      clustering: clust[v],
      constraint: finiteOrNull(holes.constraint[v]),
      effectiveSize: finiteOrNull(holes.effectiveSize[v]),
      efficiency: finiteOrNull(holes.efficiency[v]),
      hierarchy: finiteOrNull(holes.hierarchy[v]),
      community: comm.labels[v],
      articulationPoint: cut.articulation[v] === 1,
      removal: {
        componentsAfter: removal.componentsAfter[v],
        deltaComponents: removal.deltaComponents[v],
        fragmentationAfter: finiteOrNull(removal.fragmentationAfter[v]),
        deltaFragmentation: finiteOrNull(removal.deltaFragmentation[v]),
      },
      brokerage: counts,
      brokerageZ: z,
    };
  }
  const articulationPoints: string[] = [];
  for (let v = 0; v < g.n; v++) if (cut.articulation[v]) articulationPoints.push(g.ids[v]);
  const bridges = cut.bridges.map(([u, v]) => [g.ids[u], g.ids[v]] as [string, string]);

  lap('assemble');
  control.onProgress?.(1);
  return {
    graph: {
      nodes: g.n,
      edges: g.edgeCount,
      directed: g.directed,
      weighted: g.weighted,
      density: density(g),
      components: weak.sizes.length,
      largestComponentSize: weak.sizes.reduce((a, b) => (b > a ? b : a), 0),
      diameter: paths.diameter,
      averagePathLength: paths.averagePathLength,
      modularity: comm.modularity,
      communities: comm.count,
      degreeCentralisation: degreeCentralisation(g, deg.degreeCentrality),
      fragmentation: fragmentationOfSizes(weak.sizes, g.n),
    },
    nodes,
    articulationPoints,
    bridges,
    communities: {
      seed: comm.seed,
      resolution: comm.resolution,
      restarts: comm.restarts,
      bestRun: comm.bestRun,
      count: comm.count,
      modularity: comm.modularity,
      groups: communityGroups,
    },
    groups: partition ? { attribute: options.partition!, ...groupStructure(g, partition) } : null,
    paths: pathSampling(paths, g.n, seed),
    warnings,
  };
}
