import type { Snapshot } from '../../core/model/records.js';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type, type Static } from 'typebox';
import { AnalysisError } from '../../core/analysis/errors.js';
import { proposeCouncil } from '../../core/analysis/council/index.js';
import { errorResponses } from '../schemas/common.js';
import { focusProblem, NodeRefSchema, nodeRefFields } from './platform.js';

const tags = ['analysis'];
const Bilingual = Type.Object({ sv: Type.String(), en: Type.String() });
const Evidence = Type.Union([Type.Literal('confirmed'), Type.Literal('probable'), Type.Literal('uncertain')]);
const Requirement = Type.Object({ id: Type.String(), name: Type.String(), nameEn: Type.Optional(Type.String()) });
const Ids = Type.Array(Type.String());

export const CouncilSchema = Type.Object({
  network: NodeRefSchema,
  parameters: Type.Object({
    network: Type.String(),
    minEvidence: Evidence,
    asOf: Type.Union([Type.String(), Type.Null()]),
    shareLow: Type.Number(),
    shareHigh: Type.Number(),
  }),
  requirements: Type.Object({
    municipalities: Type.Array(Requirement),
    helix: Type.Array(Requirement),
    sectors: Type.Array(Requirement),
  }),
  seats: Type.Array(
    Type.Object({
      ...nodeRefFields,
      member: Type.Boolean(),
      covers: Type.Object({ municipalities: Ids, helix: Ids, sectors: Ids }),
      seats: Type.Union([Type.Object({ women: Type.Integer(), men: Type.Integer() }), Type.Null()]),
    }),
  ),
  size: Type.Integer(),
  exact: Type.Boolean({ description: 'true: no smaller set covers what can be covered' }),
  alternatives: Type.Integer({ description: 'Equally small sets found (at most 500)' }),
  alternativesTruncated: Type.Boolean(),
  constraints: Type.Array(
    Type.Object({
      id: Type.Union([
        Type.Literal('municipalities'),
        Type.Literal('helix'),
        Type.Literal('sectors'),
        Type.Literal('gender'),
      ]),
      status: Type.Union([Type.Literal('met'), Type.Literal('not-met'), Type.Literal('not-assessable')]),
      required: Type.Integer(),
      covered: Type.Integer(),
      missing: Ids,
      shareWomen: Type.Optional(Type.Number()),
      explanation: Bilingual,
    }),
  ),
  method: Bilingual,
});

const Query = Type.Object(
  {
    network: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 410,
        description: 'The network the council serves (default: the kompetensplattform)',
      }),
    ),
    minEvidence: Type.Optional(Evidence),
    asOf: Type.Optional(
      Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'Only relations valid on this date (YYYY-MM-DD)' }),
    ),
    shareLow: Type.Optional(Type.Number({ minimum: 0, maximum: 1, description: 'Lowest share of women (0.4)' })),
    shareHigh: Type.Optional(Type.Number({ minimum: 0, maximum: 1, description: 'Highest share of women (0.6)' })),
  },
  { additionalProperties: false },
);

/** A kompetensråd proposal: the smallest set of organisations covering municipalities, helix and sectors. */
const council: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/council',
    {
      schema: {
        tags,
        summary: 'A proposal for a kompetensråd: the smallest set of seats that represents the county',
        description:
          'Exact minimum set cover of every municipality (its own organisation or a kommunalförbund it owns or belongs to), every helix group and every sector with demand; among equally small sets the one nearest a 40–60 % share of women where seats by sex exist. Each constraint says whether it is met, and if not, why.',
        querystring: Query,
        response: { 200: CouncilSchema, ...errorResponses },
      },
    },
    async (request) => {
      const snapshot = await app.snapshotSource();
      return app.work.run('council', { snapshot, query: request.query });
    },
  );
};

/** The council proposal from a snapshot (runs in the worker pool, server/jobs), with engine errors as problems. */
export function councilAnswer(input: {
  snapshot: Snapshot;
  query: Parameters<typeof proposeCouncil>[1];
}): Static<typeof CouncilSchema> {
  try {
    return proposeCouncil(input.snapshot, input.query) satisfies Static<typeof CouncilSchema>;
  } catch (error) {
    if (error instanceof AnalysisError) throw focusProblem(error, String(error.details?.parameter ?? 'network'));
    throw error;
  }
}

export default council;
