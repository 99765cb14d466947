import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { AnalysisError } from '../../core/analysis/errors.js';
import type { Snapshot } from '../../core/model/records.js';
import { JobSchema } from '../jobs/schema.js';
import { GAP_KIND_IDS, runGaps, type GapKindId, type GapOptions } from '../../core/analysis/gaps/index.js';
import { csv, errorResponses, splitCsv } from '../schemas/common.js';
import { ProjectionMetaSchema, analysisErrorToProblem, parameterProblem } from './analysis.js';

const tags = ['gaps'];
const Bilingual = Type.Object({ sv: Type.String(), en: Type.String() });
const Severity = Type.Union([Type.Literal('high'), Type.Literal('medium'), Type.Literal('low')]);

const FindingSchema = Type.Object({
  id: Type.String({ description: 'Stable id, e.g. supply:ssyk:2221' }),
  kind: Type.String({ description: 'The gap kind, or no-data when the analysis cannot be made with the data' }),
  gapKind: Type.String(),
  severity: Severity,
  title: Bilingual,
  explanation: Bilingual,
  nodeIds: Type.Array(Type.String()),
  missingTies: Type.Optional(Type.Array(Type.Object({ from: Type.String(), to: Type.String(), type: Type.String() }))),
  metrics: Type.Optional(Type.Record(Type.String(), Type.Number())),
  details: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
});

const GapDescriptorSchema = Type.Object({
  id: Type.String(),
  label: Bilingual,
  definition: Bilingual,
  severity: Bilingual,
  parameters: Type.Array(
    Type.Object({
      id: Type.String(),
      label: Bilingual,
      type: Type.String(),
      default: Type.Unknown(),
      min: Type.Optional(Type.Number()),
      max: Type.Optional(Type.Number()),
      options: Type.Optional(Type.Array(Type.String())),
      description: Type.Optional(Bilingual),
    }),
  ),
  reference: Type.String(),
  notes: Type.Optional(Bilingual),
});

const GapsSchema = Type.Object({
  projection: ProjectionMetaSchema,
  parameters: Type.Record(Type.String(), Type.Unknown()),
  findings: Type.Array(FindingSchema),
  gapKinds: Type.Array(GapDescriptorSchema),
});

const Query = Type.Object(
  {
    kinds: csv(`Gap kinds, comma-separated (default: all): ${GAP_KIND_IDS.join(', ')}`),
    network: csv('coverage: networks to check, comma-separated (default: the platform and every top-level college)'),
    platform: Type.Optional(
      Type.String({
        maxLength: 410,
        description: 'The skills platform network (default nw:kompetensplattform-jonkopings-lan)',
      }),
    ),
    k: Type.Optional(
      Type.Integer({ minimum: 1, maximum: 6, description: 'supply-reach: largest number of steps (default 2)' }),
    ),
    asOf: Type.Optional(
      Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'Only relations valid on this date (YYYY-MM-DD)' }),
    ),
    seed: Type.Optional(Type.Integer({ minimum: 0, maximum: 4294967295, description: 'Louvain seed (default 1)' })),
    minEvidence: Type.Optional(
      Type.Union([Type.Literal('uncertain'), Type.Literal('probable'), Type.Literal('confirmed')]),
    ),
    relationTypes: csv('Relation kinds of the actor projection, comma-separated'),
    partitions: csv('closed-groups: node attributes, comma-separated (default orgType,municipality,helix,community)'),
    densityThreshold: Type.Optional(
      Type.Number({ minimum: 0, maximum: 1, description: 'closed-groups: block density threshold (default 0.05)' }),
    ),
    eiThreshold: Type.Optional(
      Type.Number({ minimum: -1, maximum: 1, description: 'closed-groups: E-I threshold (default −0.5)' }),
    ),
    minGroupSize: Type.Optional(
      Type.Integer({ minimum: 1, maximum: 1000, description: 'closed-groups: smallest group (default 3)' }),
    ),
    maxPairs: Type.Optional(
      Type.Integer({ minimum: 0, maximum: 1000, description: 'closed-groups: most pairs per partition (default 10)' }),
    ),
    topN: Type.Optional(
      Type.Integer({ minimum: 1, maximum: 1000, description: 'fragility and platform-link: top N (default 10)' }),
    ),
    seatShareLow: Type.Optional(
      Type.Number({ minimum: 0, maximum: 1, description: 'seat-balance: lowest share of women (default 0.4)' }),
    ),
    seatShareHigh: Type.Optional(
      Type.Number({ minimum: 0, maximum: 1, description: 'seat-balance: highest share of women (default 0.6)' }),
    ),
    coverCandidates: Type.Optional(
      Type.Union([Type.Literal('auto'), Type.Literal('organisations'), Type.Literal('all')]),
    ),
    jointBodyTypes: csv('coverage: organisation types that represent the municipalities that own them'),
  },
  { additionalProperties: false },
);

/** Coordination gaps: findings with bilingual explanations, the missing ties, and the gap-kind descriptors. */
const gaps: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/gaps',
    {
      schema: {
        tags,
        summary: 'Coordination gaps of the network',
        description:
          'Each finding names the actors, the ties whose existence would close the gap, and its metrics; each gap kind comes with its definition, parameters and references (gapKinds). Findings with kind "no-data" say that an analysis cannot be made with the data.',
        querystring: Query,
        response: { 200: GapsSchema, 202: JobSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const q = request.query;
      const kinds = splitCsv(q.kinds);
      for (const k of kinds ?? [])
        if (!(GAP_KIND_IDS as readonly string[]).includes(k))
          throw parameterProblem('kinds', 'unknown_gap_kind', `Okänd typ av glapp "${k}".`, `Unknown gap kind "${k}".`);
      const options: GapOptions = {
        ...(kinds ? { kinds: kinds as GapKindId[] } : {}),
        ...(splitCsv(q.network) ? { network: splitCsv(q.network) } : {}),
        ...(q.platform !== undefined ? { platform: q.platform } : {}),
        ...(q.k !== undefined ? { k: q.k } : {}),
        ...(q.asOf !== undefined ? { asOf: q.asOf } : {}),
        ...(q.seed !== undefined ? { seed: q.seed } : {}),
        ...(q.minEvidence !== undefined ? { minEvidence: q.minEvidence } : {}),
        ...(splitCsv(q.relationTypes) ? { relationTypes: splitCsv(q.relationTypes) } : {}),
        ...(splitCsv(q.partitions) ? { partitions: splitCsv(q.partitions) } : {}),
        ...(q.densityThreshold !== undefined ? { densityThreshold: q.densityThreshold } : {}),
        ...(q.eiThreshold !== undefined ? { eiThreshold: q.eiThreshold } : {}),
        ...(q.minGroupSize !== undefined ? { minGroupSize: q.minGroupSize } : {}),
        ...(q.maxPairs !== undefined ? { maxPairs: q.maxPairs } : {}),
        ...(q.topN !== undefined ? { topN: q.topN } : {}),
        ...(q.seatShareLow !== undefined ? { seatShareLow: q.seatShareLow } : {}),
        ...(q.seatShareHigh !== undefined ? { seatShareHigh: q.seatShareHigh } : {}),
        ...(q.coverCandidates !== undefined ? { coverCandidates: q.coverCandidates } : {}),
        ...(splitCsv(q.jointBodyTypes) ? { jointBodyTypes: splitCsv(q.jointBodyTypes) } : {}),
      };
      return app.answerOrJob(request, reply, 'gaps', await app.networkSize(), async ({ signal, progress }) => {
        const snapshot = await app.fullSnapshot();
        return {
          kind: 'json',
          value: await app.work.run('gaps', { snapshot, options }, { signal, onProgress: progress }),
        };
      });
    },
  );
};

/** The gap report from a snapshot (runs in the worker pool, server/jobs), with engine errors as problems. */
export function gapsAnswer(input: { snapshot: Snapshot; options: GapOptions }) {
  try {
    return runGaps(input.snapshot, input.options);
  } catch (error) {
    if (error instanceof AnalysisError)
      throw analysisErrorToProblem(error, { unknown_partition_attribute: 'partitions', graph_too_large: 'kinds' });
    throw error;
  }
}

export default gaps;
