import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type, type Static, type TSchema } from 'typebox';
import { AnalysisError } from '../../core/analysis/errors.js';
import {
  FindingSchema,
  GAP_KIND_IDS,
  GapDescriptorSchema,
  runGaps,
  SummaryItemSchema,
  type GapOptions,
  type GapParameter,
} from '../../core/analysis/gaps/index.js';
import { GAP_PARAMETERS } from '../../core/analysis/gaps/registry.js';
import type { Snapshot } from '../../core/model/records.js';
import { JobSchema } from '../jobs/schema.js';
import { csv, errorResponses, splitCsv } from '../schemas/common.js';
import { ProjectionMetaSchema, analysisErrorToProblem, parameterProblem } from './analysis.js';

const tags = ['gaps'];

const GapsSchema = Type.Object({
  projection: ProjectionMetaSchema,
  parameters: Type.Record(Type.String(), Type.Unknown()),
  findings: Type.Array(FindingSchema),
  summary: Type.Array(SummaryItemSchema, {
    maxItems: 10,
    description: 'At most 10 findings to read first, ranked by impact × confidence, each in one plain sentence',
  }),
  gapKinds: Type.Array(GapDescriptorSchema),
});

/** The query schema of one gap parameter, from its registry descriptor (the one place parameters are declared). */
function querySchema(p: GapParameter): TSchema {
  const description = p.description?.en ?? p.label.en;
  const range = {
    ...(p.min !== undefined ? { minimum: p.min } : {}),
    ...(p.max !== undefined ? { maximum: p.max } : {}),
  };
  switch (p.type) {
    case 'integer':
      return Type.Optional(Type.Integer({ ...range, description }));
    case 'number':
      return Type.Optional(Type.Number({ ...range, description }));
    case 'boolean':
      return Type.Optional(Type.Boolean({ description }));
    case 'enum':
      return Type.Optional(
        Type.Union(
          (p.options ?? []).map((o) => Type.Literal(o)),
          { description },
        ),
      );
    case 'string[]':
      return csv(`${description} (comma-separated)`);
    case 'string':
      return Type.Optional(
        Type.String({ maxLength: p.maxLength ?? 410, ...(p.pattern ? { pattern: p.pattern } : {}), description }),
      );
  }
}

const Query = Type.Object(Object.fromEntries(GAP_PARAMETERS.map((p) => [p.id, querySchema(p)])), {
  additionalProperties: false,
});

/** The query as engine options: lists split at commas, everything else as validated. */
function toOptions(query: Record<string, unknown>): GapOptions {
  const options: Record<string, unknown> = {};
  for (const p of GAP_PARAMETERS) {
    const value = query[p.id];
    if (value === undefined) continue;
    const v = p.type === 'string[]' ? splitCsv(value as string) : value;
    if (v !== undefined) options[p.id] = v;
  }
  return options as GapOptions;
}

/** Coordination gaps: findings with bilingual explanations, the missing ties, and the gap-kind descriptors. */
const gaps: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/gaps',
    {
      schema: {
        tags,
        summary: 'Coordination gaps of the network',
        description:
          'Each finding names the actors, the ties whose existence would close the gap, its metrics, its basis (observed ties, or ties absent from a register that may be incomplete), its confidence and whether it holds on confirmed ties only (robust); `summary` lists at most 10 to read first. Each gap kind comes with its definition, parameters and references (gapKinds). Findings with kind "no-data" say that an analysis cannot be made with the data.',
        querystring: Query,
        response: { 200: GapsSchema, 202: JobSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const options = toOptions(request.query as Record<string, unknown>);
      for (const k of options.kinds ?? [])
        if (!(GAP_KIND_IDS as readonly string[]).includes(k))
          throw parameterProblem('kinds', 'unknown_gap_kind', `Okänd typ av glapp "${k}".`, `Unknown gap kind "${k}".`);
      return app.answerOrJob(request, reply, 'gaps', await app.networkSize(), async ({ signal, progress }) => {
        const snapshot = await app.snapshotSource();
        return {
          kind: 'json',
          value: await app.work.run('gaps', { snapshot, options }, { signal, onProgress: progress }),
        };
      });
    },
  );
};

/** The gap report from a snapshot (runs in the worker pool, server/jobs), with engine errors as problems. */
export function gapsAnswer(input: { snapshot: Snapshot; options: GapOptions }): Static<typeof GapsSchema> {
  try {
    const report = runGaps(input.snapshot, input.options);
    return report satisfies Omit<Static<typeof GapsSchema>, 'parameters' | 'gapKinds'> as Static<typeof GapsSchema>;
  } catch (error) {
    if (error instanceof AnalysisError)
      throw analysisErrorToProblem(error, { unknown_partition_attribute: 'partitions', graph_too_large: 'kinds' });
    throw error;
  }
}

export default gaps;
