import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type, type Static } from 'typebox';
import type { AbstractGraph } from 'graphology-types';
import { AnalysisError } from '../../core/analysis/errors.js';
import { DEFAULT_PANEL_OPTIONS, METRICS, type MetricLimit } from '../../core/analysis/registry.js';
import { keyActors, withEvidence } from '../../core/analysis/key-actors.js';
import { runPanel, type NodeMetrics, type PanelResult } from '../../core/analysis/panel.js';
import { compactGraph } from '../../core/analysis/compact.js';
import { PATH_SLICES } from '../../core/analysis/centrality/paths.js';
import type { WithSource } from '../jobs/snapshot-source.js';
import { louvainCommunities } from '../../core/analysis/communities.js';
import { BROKERAGE_ROLES } from '../../core/analysis/brokerage.js';
import { DEFAULT_PROJECTION_TYPES, projectActors, projectTwoMode } from '../../core/graph/projection.js';
import { relationKind } from '../../core/model/catalogue/relation-kinds.js';
import { problem } from '../../core/model/problems.js';
import { csv, errorResponses, splitCsv } from '../schemas/common.js';
import { ApiProblem } from '../problems.js';
import type { Evidence, Snapshot } from '../../core/model/records.js';
import { JobSchema } from '../jobs/schema.js';
import type { ExactPaths } from '../../core/analysis/panel-paths.js';
import { parallelAnalysisPaths } from '../jobs/path-task.js';

const tags = ['analysis'];
const DATE = '^\\d{4}-\\d{2}-\\d{2}$';
const Bilingual = Type.Object({ sv: Type.String(), en: Type.String() });
const Num = Type.Number();
const NumOrNull = Type.Union([Type.Number(), Type.Null()]);

/** Part of every analysis answer: the graph a number was computed on. */
export const ProjectionMetaSchema = Type.Object(
  {
    mode: Type.Union([Type.Literal('one-mode'), Type.Literal('two-mode')]),
    relationTypes: Type.Array(Type.String()),
    coMembershipWeight: Type.Union([Type.Literal('newman'), Type.Literal('count')]),
    asOf: Type.Union([Type.String(), Type.Null()]),
    actors: Type.Integer(),
    ties: Type.Integer(),
    affiliations: Type.Integer(),
    weightMeaning: Type.Literal('strength'),
  },
  { description: 'The projection the results were computed on' },
);

const roles = (value: typeof Num | typeof NumOrNull) =>
  Type.Object(Object.fromEntries(BROKERAGE_ROLES.map((r) => [r, value])));

const NodeEntrySchema = Type.Object({
  name: Type.String(),
  kind: Type.String(),
  mode: Type.Optional(Type.String()),
  degree: Type.Optional(Num),
  inDegree: Type.Optional(Num),
  outDegree: Type.Optional(Num),
  strength: Type.Optional(Num),
  degreeCentrality: Type.Optional(Num),
  betweenness: Type.Optional(Num),
  betweennessRaw: Type.Optional(Num),
  closeness: Type.Optional(Num),
  harmonic: Type.Optional(Num),
  eigenvector: Type.Optional(NumOrNull),
  pagerank: Type.Optional(Num),
  coreNumber: Type.Optional(Num),
  clustering: Type.Optional(Num),
  constraint: Type.Optional(NumOrNull),
  effectiveSize: Type.Optional(NumOrNull),
  efficiency: Type.Optional(NumOrNull),
  hierarchy: Type.Optional(NumOrNull),
  community: Type.Optional(Num),
  articulationPoint: Type.Optional(Type.Boolean()),
  removal: Type.Optional(
    Type.Object({
      componentsAfter: Num,
      deltaComponents: Num,
      fragmentationAfter: NumOrNull,
      deltaFragmentation: NumOrNull,
    }),
  ),
  brokerage: Type.Optional(roles(Num)),
  brokerageZ: Type.Optional(roles(NumOrNull)),
});

const GroupStructureSchema = Type.Object({
  names: Type.Array(Type.String()),
  sizes: Type.Array(Num),
  ties: Type.Array(Type.Array(Num)),
  density: Type.Array(Type.Array(NumOrNull)),
  ei: Type.Array(NumOrNull),
  globalEI: NumOrNull,
  external: Type.Array(Num),
  internal: Type.Array(Num),
});

const GraphMetricsSchema = Type.Object({
  nodes: Num,
  edges: Num,
  directed: Type.Boolean(),
  weighted: Type.Boolean(),
  density: Type.Optional(Num),
  components: Type.Optional(Num),
  largestComponentSize: Type.Optional(Num),
  diameter: Type.Optional(NumOrNull),
  averagePathLength: Type.Optional(NumOrNull),
  modularity: Type.Optional(NumOrNull),
  communities: Type.Optional(Num),
  degreeCentralisation: Type.Optional(NumOrNull),
  fragmentation: Type.Optional(NumOrNull),
});

const MetricDescriptorSchema = Type.Object({
  id: Type.String(),
  scope: Type.String(),
  label: Bilingual,
  description: Bilingual,
  formula: Type.String(),
  reference: Type.String(),
  networkx: Type.String(),
  weightMeaning: Type.String(),
  parameters: Type.Array(Type.Unknown()),
  outputs: Type.Array(Type.Object({ id: Type.String(), label: Bilingual, type: Type.String() })),
  limit: Type.Optional(Type.Object({ maxNodes: Type.Optional(Num), maxEdges: Type.Optional(Num) })),
  notes: Type.Optional(Bilingual),
});

const AnalysisSchema = Type.Object({
  projection: ProjectionMetaSchema,
  parameters: Type.Object({
    metrics: Type.Array(Type.String()),
    relationTypes: Type.Array(Type.String()),
    asOf: Type.Union([Type.String(), Type.Null()]),
    partition: Type.Union([Type.String(), Type.Null()]),
    weight: Type.Union([Type.Literal('none'), Type.Literal('strength')]),
    seed: Type.Integer(),
    resolution: Num,
    restarts: Type.Integer(),
    mode: Type.Union([Type.Literal('one-mode'), Type.Literal('two-mode')]),
    samples: Type.Union([Type.Integer(), Type.Null()]),
    minEvidence: Type.String(),
  }),
  paths: Type.Object(
    {
      exact: Type.Boolean(),
      sources: Type.Integer(),
      seed: Type.Union([Type.Integer(), Type.Null()]),
      guarantee: Type.Optional(
        Type.Object(
          {
            method: Type.Literal('riondato-kornaropoulos'),
            epsilon: Num,
            delta: Num,
            samples: Type.Integer(),
            vertexDiameterBound: Type.Integer(),
          },
          {
            description:
              'Present when betweenness was estimated with a stated guarantee: with probability ≥ 1 − delta every normalised value is within ±epsilon of the exact one',
          },
        ),
      ),
    },
    { description: 'Whether betweenness, closeness and harmonic are exact or estimated from sampled sources' },
  ),
  graph: GraphMetricsSchema,
  nodes: Type.Record(Type.String(), NodeEntrySchema),
  articulationPoints: Type.Array(Type.String()),
  bridges: Type.Array(Type.Array(Type.String())),
  communities: Type.Object({
    seed: Type.Integer(),
    resolution: Num,
    restarts: Type.Integer(),
    bestRun: Type.Integer(),
    count: Type.Integer(),
    modularity: NumOrNull,
    groups: GroupStructureSchema,
  }),
  groups: Type.Union([Type.Intersect([Type.Object({ attribute: Type.String() }), GroupStructureSchema]), Type.Null()]),
  warnings: Type.Array(Type.String()),
  keyActors: Type.Array(
    Type.Object({
      id: Type.String(),
      rank: Type.Integer(),
      impact: Num,
      robust: Type.Boolean({ description: 'Still a key actor when only confirmed ties count' }),
    }),
    { description: 'The top 10 by impact (mean of degree and betweenness relative to their maxima), one-mode only' },
  ),
  registry: Type.Array(MetricDescriptorSchema),
});

/** Query parameters of the metrics, from the metric registry (attribute parameters are the route's own). */
const METRIC_QUERY = Object.fromEntries(
  [...new Map(METRICS.flatMap((m) => m.parameters).map((p) => [p.id, p])).values()]
    .filter((p) => p.type === 'integer' || p.type === 'number')
    .map((p) => {
      const range = {
        ...(p.min !== undefined ? { minimum: p.min } : {}),
        ...(p.max !== undefined ? { maximum: p.max } : {}),
      };
      const description = `${p.label.en} (default ${p.default === null ? 'none' : String(p.default)})`;
      return [
        p.id,
        Type.Optional(
          p.type === 'integer' ? Type.Integer({ ...range, description }) : Type.Number({ ...range, description }),
        ),
      ];
    }),
);

/** A 400 problem that names the query parameter. */
export function parameterProblem(parameter: string, code: string, sv: string, en: string): ApiProblem {
  return new ApiProblem(400, code, en, [problem(`/querystring/${parameter}`, code, sv, en)], { parameter });
}

/** Maps the engine's typed errors to problem+json naming the parameter at fault. */
export function analysisErrorToProblem(error: AnalysisError, fallback: Record<string, string>): ApiProblem {
  const details = error.details ?? {};
  const parameter = typeof details.parameter === 'string' ? details.parameter : (fallback[error.code] ?? 'query');
  const sv: Record<string, string> = {
    graph_too_large: `Nätverket är för stort för ${String(details.metric ?? 'måttet')}; välj bort det i "${parameter}".`,
    unknown_partition_attribute: `Ingen aktör har attributet "${String(details.attribute ?? '')}".`,
    unknown_weight_attribute: 'Inga band har vikter.',
    invalid_weight: 'Ett band har en ogiltig vikt.',
  };
  return parameterProblem(parameter, error.code, sv[error.code] ?? `Ogiltigt värde för "${parameter}".`, error.message);
}

const NODE_KEYS = (metricId: string): string[] => {
  const m = METRICS.find((x) => x.id === metricId);
  if (!m || m.scope !== 'node') return [];
  return [...new Set(m.outputs.map((o) => o.id.split('.')[0]))];
};

const GRAPH_BASE = ['nodes', 'edges', 'directed', 'weighted'] as const;

function graphKeys(selected: string[]): Set<string> {
  const keys = new Set<string>(GRAPH_BASE);
  for (const id of selected) {
    const m = METRICS.find((x) => x.id === id);
    if (m?.scope === 'graph') for (const o of m.outputs) keys.add(o.id);
    if (id === 'modularity' || id === 'community') keys.add('communities');
  }
  return keys;
}

export interface AnalysisRouteOptions {
  /** Per-metric limits that replace the registry's (tests use tiny ones). */
  limits?: Record<string, MetricLimit>;
  /**
   * The exact path pass over several pool threads from this many actors (default PARALLEL_PATHS_MIN_ACTORS);
   * `onParallel` is told the number of threads when it does (tests).
   */
  parallelPaths?: { minActors?: number; onParallel?: (workers: number) => void };
}

/** Below this many actors one thread finishes the path pass in well under a second: splitting gains nothing. */
export const PARALLEL_PATHS_MIN_ACTORS = 3000;

/**
 * Key-actor analysis of the actor network: the full metric panel (or the chosen metrics), on the one-mode
 * projection or the two-mode view, with the projection metadata and the metric registry. Unweighted unless
 * weight=strength: co-membership weights 1/(n−1) are a modelling choice, and the binary graph is what the
 * NetworkX oracles and key-player measures assume.
 */
const analysis: FastifyPluginAsyncTypebox<AnalysisRouteOptions> = async (app, opts) => {
  const minActors = opts.parallelPaths?.minActors ?? PARALLEL_PATHS_MIN_ACTORS;
  /** The exact path pass split over the pool's threads when the network is large enough (else undefined). */
  const pathsInParallel = async (input: WithSource<AnalysisInput>, signal: AbortSignal) => {
    const workers = Math.min(app.workThreads, PATH_SLICES);
    if (workers < 2 || (await app.networkSize()) < minActors) return undefined;
    const paths = await parallelAnalysisPaths(app.work, { ...input, minActors }, workers, signal);
    if (paths) opts.parallelPaths?.onParallel?.(workers);
    return paths;
  };
  app.get(
    '/api/analysis',
    {
      schema: {
        tags,
        summary: 'Key-actor metrics of the actor network',
        description:
          'Runs the metric panel on the actor projection (one-mode: organisations, ties from direct relations and shared networks with Newman weights 1/(n−1)) or on the two-mode view (organisations and networks). Unweighted unless weight=strength; path metrics then use distance = 1/strength.',
        querystring: Type.Object(
          {
            metrics: csv('Metric ids, comma-separated (default: the full panel); see `registry` in the answer'),
            relationTypes: csv(
              'Relation kinds of the projection, comma-separated (default: tie, membership and funding kinds)',
            ),
            asOf: Type.Optional(
              Type.String({ pattern: DATE, description: 'Only relations valid on this date (YYYY-MM-DD)' }),
            ),
            partition: Type.Optional(
              Type.String({
                maxLength: 100,
                pattern: '^[A-Za-z][A-Za-z0-9_]*$',
                description:
                  'Node attribute for brokerage roles, block density and E-I (e.g. orgType, municipality, helix, community)',
              }),
            ),
            weight: Type.Optional(
              Type.Union([Type.Literal('none'), Type.Literal('strength')], {
                description: 'none (default): every tie counts 1; strength: tie strengths',
              }),
            ),
            mode: Type.Optional(
              Type.Union([Type.Literal('one-mode'), Type.Literal('two-mode')], { description: 'Default one-mode' }),
            ),
            minEvidence: Type.Optional(
              Type.Union([Type.Literal('uncertain'), Type.Literal('probable'), Type.Literal('confirmed')], {
                description: 'Only relations with at least this evidence (default uncertain = all)',
              }),
            ),
            ...METRIC_QUERY,
          },
          { additionalProperties: false },
        ),
        response: { 200: AnalysisSchema, 202: JobSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const q = request.query;
      const metrics = splitCsv(q.metrics) ?? METRICS.map((m) => m.id);
      for (const m of metrics)
        if (!METRICS.some((x) => x.id === m))
          throw parameterProblem('metrics', 'unknown_metric', `Okänt mått "${m}".`, `Unknown metric "${m}".`);
      const relationTypes = [...(splitCsv(q.relationTypes) ?? DEFAULT_PROJECTION_TYPES)].sort();
      for (const t of relationTypes)
        if (!relationKind(t))
          throw parameterProblem(
            'relationTypes',
            'unknown_relation_type',
            `Okänd relationstyp "${t}".`,
            `Unknown relation type "${t}".`,
          );
      const mode = q.mode ?? 'one-mode';
      const weight = q.weight ?? 'none';
      const n = q as Record<string, number | undefined>;
      const seed = n.seed ?? DEFAULT_PANEL_OPTIONS.seed;
      const resolution = n.resolution ?? DEFAULT_PANEL_OPTIONS.resolution;
      const restarts = n.restarts ?? DEFAULT_PANEL_OPTIONS.restarts;
      const alpha = n.alpha ?? DEFAULT_PANEL_OPTIONS.alpha;
      const partition = q.partition ?? null;
      const samples = n.samples ?? null;
      const minEvidence = q.minEvidence ?? 'uncertain';

      const params = { metrics, relationTypes, mode, weight, seed, resolution, restarts, alpha, partition, samples };
      const run = { ...params, minEvidence, ...(q.asOf ? { asOf: q.asOf } : {}) };
      return app.answerOrJob(request, reply, 'analysis', await app.networkSize(), async ({ signal, progress }) => {
        const snapshot = await app.snapshotSource();
        const input = { snapshot, params: run, limits: opts.limits };
        const exactPaths = await pathsInParallel(input, signal);
        const text = await app.work.run('analysis', { ...input, exactPaths }, { signal, onProgress: progress });
        return { kind: 'jsonText', text };
      });
    },
  );
};

export interface AnalysisParams {
  metrics: string[];
  relationTypes: string[];
  asOf?: string;
  mode: 'one-mode' | 'two-mode';
  weight: 'none' | 'strength';
  seed: number;
  resolution: number;
  restarts: number;
  alpha: number;
  partition: string | null;
  samples: number | null;
  minEvidence: Evidence;
}

export interface AnalysisInput {
  snapshot: Snapshot;
  params: AnalysisParams;
  limits?: Record<string, MetricLimit> | undefined;
}

/** The graph the panel runs on (evidence filter, projection), its weight attribute and the selected metrics' limits. */
export function analysisGraph(input: AnalysisInput) {
  const { params } = input;
  const snapshot = withEvidence(input.snapshot, params.minEvidence);
  const projectionOptions = { relationTypes: params.relationTypes, ...(params.asOf ? { asOf: params.asOf } : {}) };
  const { graph, meta } =
    params.mode === 'two-mode'
      ? projectTwoMode(snapshot, projectionOptions)
      : projectActors(snapshot, projectionOptions);
  const selected = new Set(params.metrics);
  const limits: Record<string, MetricLimit> = {};
  for (const m of METRICS) limits[m.id] = selected.has(m.id) ? (input.limits?.[m.id] ?? m.limit ?? {}) : {};
  const weightAttr = params.weight === 'strength' ? 'weight' : null;
  return { snapshot, graph, meta, limits, weightAttr };
}

/** The panel and the answer of GET /api/analysis, from a snapshot (runs in the worker pool, server/jobs). */
export function analysisAnswer(
  input: AnalysisInput & { exactPaths?: ExactPaths | undefined },
): Static<typeof AnalysisSchema> {
  const { params } = input;
  const { metrics, relationTypes, mode, weight, seed, resolution, restarts, alpha, partition, samples } = params;
  const { minEvidence } = params;
  const q = { asOf: params.asOf };
  const { snapshot, graph, meta, limits, weightAttr } = analysisGraph(input);
  const selected = new Set(metrics);
  const exactPaths = input.exactPaths;
  let result: PanelResult;
  try {
    if (partition === 'community') labelCommunities(graph, weightAttr, seed, resolution, restarts);
    const options = { weight: weightAttr, partition, seed, resolution, restarts, alpha, limits, samples };
    result = runPanel(graph, { ...options, ...(exactPaths ? { exactPaths } : {}) });
  } catch (error) {
    if (error instanceof AnalysisError)
      throw analysisErrorToProblem(error, {
        graph_too_large: 'metrics',
        unknown_partition_attribute: 'partition',
        unknown_weight_attribute: 'weight',
        invalid_weight: 'weight',
        invalid_parameter: 'seed',
      });
    throw error;
  }

  const nodeKeys = new Set(metrics.flatMap(NODE_KEYS));
  const nodes: Record<string, Static<typeof NodeEntrySchema>> = {};
  for (const [id, m] of Object.entries(result.nodes)) {
    const attrs = graph.getNodeAttributes(id);
    const entry: Record<string, unknown> = { name: String(attrs.name ?? id), kind: String(attrs.kind ?? '') };
    if (attrs.mode !== undefined) entry.mode = String(attrs.mode);
    for (const key of Object.keys(m) as (keyof NodeMetrics)[]) if (nodeKeys.has(key)) entry[key] = m[key];
    nodes[id] = entry as Static<typeof NodeEntrySchema>;
  }
  const gk = graphKeys(metrics);
  const graphOut = Object.fromEntries(Object.entries(result.graph).filter(([k]) => gk.has(k)));
  return {
    projection: meta,
    parameters: {
      metrics,
      relationTypes,
      asOf: q.asOf ?? null,
      partition,
      weight,
      seed,
      resolution,
      restarts,
      mode,
      samples,
      minEvidence,
    },
    paths: result.paths,
    graph: graphOut as typeof result.graph,
    nodes,
    articulationPoints: result.articulationPoints,
    bridges: result.bridges,
    communities: result.communities,
    groups: result.groups,
    warnings: result.warnings,
    keyActors:
      mode === 'one-mode' && selected.has('betweenness') && selected.has('degree')
        ? keyActors(result.nodes, snapshot, { relationTypes, asOf: q.asOf ?? null })
        : [],
    registry: METRICS as unknown as Static<typeof MetricDescriptorSchema>[],
  };
}

/** partition=community: Louvain labels (same seed, resolution and runs as the panel) as a node attribute. */
function labelCommunities(
  graph: AbstractGraph,
  weight: string | null,
  seed: number,
  resolution: number,
  restarts: number,
): void {
  const g = compactGraph(graph, { weight });
  const c = louvainCommunities(g, { seed, resolution, restarts });
  for (let v = 0; v < g.n; v++) graph.setNodeAttribute(g.ids[v], 'community', String(c.labels[v]));
}

export default analysis;
