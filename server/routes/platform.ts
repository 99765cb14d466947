import type { Snapshot } from '../../core/model/records.js';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type, type Static } from 'typebox';
import { AnalysisError } from '../../core/analysis/errors.js';
import { platformReach } from '../../core/analysis/platform/index.js';
import { problem } from '../../core/model/problems.js';
import { ApiProblem } from '../problems.js';
import { errorResponses } from '../schemas/common.js';
import { parameterProblem } from './analysis.js';

const tags = ['analysis'];
const Bilingual = Type.Object({ sv: Type.String(), en: Type.String() });
const Evidence = Type.Union([Type.Literal('confirmed'), Type.Literal('probable'), Type.Literal('uncertain')]);
const Nullable = <T extends Parameters<typeof Type.Union>[0][number]>(t: T) => Type.Union([t, Type.Null()]);

export const nodeRefFields = {
  id: Type.String(),
  name: Type.String(),
  nameEn: Type.Optional(Type.String()),
  kind: Type.String(),
  type: Type.Optional(Type.String({ description: 'orgType of an organisation, networkType of a network' })),
  helix: Type.Optional(Type.String()),
  municipality: Type.Optional(Type.String()),
};
export const NodeRefSchema = Type.Object(nodeRefFields);
const Reached = Type.Object({
  ...nodeRefFields,
  step: Type.Integer(),
  evidence: Evidence,
  via: Type.Array(Type.String(), { description: 'Nodes between the focus and this one, nearest the focus first' }),
});
const StepCount = Type.Object({ step: Type.Integer(), count: Type.Integer(), share: Nullable(Type.Number()) });
const KeyActor = Type.Object({
  ...nodeRefFields,
  step: Nullable(Type.Integer()),
  betweenness: Type.Number(),
  degree: Type.Number(),
  betweennessRank: Type.Optional(Type.Integer()),
  degreeRank: Type.Optional(Type.Integer()),
});
const Targets = {
  municipalities: Type.Array(Type.String()),
  helix: Type.Array(Type.String()),
  keyActors: Type.Array(Type.String()),
};

const seatShare = {
  memberships: Type.Integer(),
  withSeatData: Type.Integer(),
  women: Nullable(Type.Integer()),
  men: Nullable(Type.Integer()),
  shareWomen: Nullable(Type.Number({ description: 'null: no data (never 0 % for missing data)' })),
};

const PerspectivesSchema = Type.Object({
  gender: Type.Object({
    networks: Type.Array(Type.Object({ ...nodeRefFields, ...seatShare })),
    roles: Type.Array(Type.Object({ role: Type.String(), ...seatShare })),
    sectors: Type.Array(
      Type.Object({
        ...nodeRefFields,
        employedWomen: Nullable(Type.Integer()),
        employedMen: Nullable(Type.Integer()),
        shareWomen: Nullable(Type.Number()),
      }),
    ),
    note: Bilingual,
  }),
  integration: Type.Object({
    actors: Type.Array(
      Type.Object({ ...nodeRefFields, worksWith: Type.Array(Type.String()), step: Nullable(Type.Integer()) }),
    ),
    municipalities: Type.Array(
      Type.Object({
        id: Type.String(),
        name: Type.String(),
        nameEn: Type.Optional(Type.String()),
        nearest: Nullable(Type.Object({ id: Type.String(), steps: Type.Integer() })),
        located: Type.Array(Type.String()),
      }),
    ),
    without: Type.Array(Type.String()),
    note: Bilingual,
  }),
});

export const PlatformSchema = Type.Object({
  focus: NodeRefSchema,
  parameters: Type.Object({
    focus: Type.String(),
    steps: Type.Integer(),
    minEvidence: Evidence,
    asOf: Nullable(Type.String()),
    topN: Type.Integer(),
    invite: Type.Integer(),
  }),
  rings: Type.Array(Type.Object({ step: Type.Integer(), actors: Type.Array(Reached), networks: Type.Array(Reached) })),
  beyond: Type.Object({ actors: Type.Integer(), networks: Type.Integer() }),
  municipalities: Type.Object({
    total: Type.Integer(),
    rows: Type.Array(
      Type.Object({
        id: Type.String(),
        name: Type.String(),
        nameEn: Type.Optional(Type.String()),
        step: Nullable(Type.Integer()),
        evidence: Nullable(Evidence),
        path: Type.Array(Type.String()),
        presenceStep: Nullable(Type.Integer()),
        presenceActor: Nullable(Type.String()),
        hasKommunOrg: Type.Boolean(),
      }),
    ),
    byStep: Type.Array(StepCount),
    presenceByStep: Type.Array(StepCount),
  }),
  helix: Type.Object({
    groups: Type.Array(
      Type.Object({ id: Type.String(), label: Bilingual, total: Type.Integer(), byStep: Type.Array(StepCount) }),
    ),
    withoutHelix: Type.Integer(),
  }),
  keyActors: Type.Object({ all: Type.Array(KeyActor), outside: Type.Array(KeyActor) }),
  invite: Type.Object({
    picks: Type.Array(
      Type.Object({
        ...nodeRefFields,
        rank: Type.Integer(),
        stepBefore: Nullable(Type.Integer()),
        tie: Type.Object({
          from: Type.String(),
          to: Type.String(),
          type: Type.Union([Type.Literal('MEMBER_OF'), Type.Literal('PART_OF')]),
        }),
        gain: Type.Object({ ...Targets, actors: Type.Integer() }),
        score: Type.Integer(),
      }),
    ),
    remaining: Type.Object(Targets),
  }),
  perspectives: PerspectivesSchema,
});

const Query = Type.Object(
  {
    focus: Type.Optional(
      Type.String({
        minLength: 1,
        maxLength: 410,
        description: 'The focal node (default: the kompetensplattform nw:kompetensplattform-jonkopings-lan)',
      }),
    ),
    steps: Type.Optional(
      Type.Integer({ minimum: 1, maximum: 6, description: 'K: the reach for key actors and invitations (default 2)' }),
    ),
    minEvidence: Type.Optional(Evidence),
    asOf: Type.Optional(
      Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'Only relations valid on this date (YYYY-MM-DD)' }),
    ),
    topN: Type.Optional(
      Type.Integer({ minimum: 1, maximum: 100, description: 'Key actors: top N by betweenness and by degree (10)' }),
    ),
    invite: Type.Optional(Type.Integer({ minimum: 0, maximum: 50, description: 'The most invitations (default 10)' })),
  },
  { additionalProperties: false },
);

/** 404 naming an unknown id, 400 naming the parameter otherwise. */
export function focusProblem(error: AnalysisError, parameter: string): ApiProblem {
  const id = String(error.details?.id ?? '');
  if (error.details?.notFound === true) {
    const sv = `Det finns ingen post med id "${id}".`;
    const en = `There is no record with id "${id}".`;
    return new ApiProblem(
      404,
      `unknown_${parameter}`,
      en,
      [problem(`/querystring/${parameter}`, 'not_found', sv, en)],
      {
        parameter,
        id,
      },
    );
  }
  const svByParameter: Record<string, string> = {
    focus: `"${id}" är varken en organisation eller ett nätverk och kan inte stå i centrum.`,
    network: `"${id}" är inte ett nätverk.`,
    shareLow: 'Lägsta andel kvinnor får inte vara större än högsta andel; båda ligger mellan 0 och 1.',
  };
  const sv = svByParameter[parameter] ?? `Ogiltigt värde för "${parameter}".`;
  return parameterProblem(parameter, 'invalid_parameter', sv, error.message);
}

/** The platform at the centre: rings, coverage by municipality and helix, key actors outside, invitations. */
const platform: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/platform',
    {
      schema: {
        tags,
        summary: 'The reach of the skills platform (or another focus) by steps',
        description:
          'The focus as the centre of an ego network over typed ties (each tie one step; networks, kommunalförbund and colleges are nodes on the path): rings of who is within 1, 2, 3 steps, coverage of the municipalities (their own organisation reached) and the helix groups by step, key actors not within K steps, and a greedy list of invitations with the gain of each.',
        querystring: Query,
        response: { 200: PlatformSchema, ...errorResponses },
      },
    },
    async (request) => {
      const snapshot = await app.snapshotSource();
      return app.work.run('platform', { snapshot, query: request.query });
    },
  );
};

/** The platform's reach from a snapshot (runs in the worker pool, server/jobs), with engine errors as problems. */
export function platformAnswer(input: {
  snapshot: Snapshot;
  query: Parameters<typeof platformReach>[1];
}): Static<typeof PlatformSchema> {
  try {
    return platformReach(input.snapshot, input.query) satisfies Static<typeof PlatformSchema>;
  } catch (error) {
    if (error instanceof AnalysisError) throw focusProblem(error, String(error.details?.parameter ?? 'focus'));
    throw error;
  }
}

export default platform;
