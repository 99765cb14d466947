import type { Snapshot } from '../../core/model/records.js';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type, type Static } from 'typebox';
import { AnalysisError } from '../../core/analysis/errors.js';
import { runScenario, type ScenarioDraft } from '../../core/analysis/scenario/index.js';
import { problem } from '../../core/model/problems.js';
import { errorResponses } from '../schemas/common.js';
import { ApiProblem } from '../problems.js';
import { analysisErrorToProblem } from './analysis.js';

const tags = ['analysis'];

/** Limits decided up front: a draft is a planner's handful of records, never an import. */
export const SCENARIO_LIMITS = { bodyBytes: 256 * 1024, nodes: 100, relations: 500, removals: 500 } as const;

const Bilingual = Type.Object({ sv: Type.String(), en: Type.String() });
const Rank = Type.Union([Type.Integer(), Type.Null()]);
const BeforeAfter = <T extends ReturnType<typeof Type.Number> | ReturnType<typeof Type.Union>>(t: T) =>
  Type.Object({ before: t, after: t });

// Items are checked by the catalogue (core/model validateBatch), so every problem is listed with its path.
const Draft = Type.Object(
  {
    add: Type.Optional(
      Type.Object(
        {
          nodes: Type.Optional(Type.Array(Type.Unknown(), { maxItems: SCENARIO_LIMITS.nodes })),
          relations: Type.Optional(Type.Array(Type.Unknown(), { maxItems: SCENARIO_LIMITS.relations })),
        },
        { additionalProperties: false },
      ),
    ),
    remove: Type.Optional(
      Type.Object(
        {
          nodes: Type.Optional(
            Type.Array(Type.String({ minLength: 1, maxLength: 170 }), { maxItems: SCENARIO_LIMITS.removals }),
          ),
          relations: Type.Optional(
            Type.Array(Type.String({ minLength: 1, maxLength: 410 }), { maxItems: SCENARIO_LIMITS.removals }),
          ),
        },
        { additionalProperties: false },
      ),
    ),
    seed: Type.Optional(Type.Integer({ minimum: 0, maximum: 4294967295, description: 'Louvain seed (default 1)' })),
    top: Type.Optional(
      Type.Integer({ minimum: 1, maximum: 100, description: 'Length of the key-actor list compared (default 15)' }),
    ),
  },
  { additionalProperties: false },
);

const FindingRef = Type.Object({
  id: Type.String(),
  gapKind: Type.String(),
  severity: Type.String(),
  title: Bilingual,
});

const Named = Type.Object({ id: Type.String(), name: Bilingual });
const ReachChange = {
  before: Type.Integer(),
  after: Type.Integer(),
  gained: Type.Array(Named),
  lost: Type.Array(Named),
};

const ReachDiff = Type.Union([
  Type.Object({
    focus: Named,
    steps: Type.Integer(),
    actors: Type.Object(ReachChange),
    municipalities: Type.Object({ ...ReachChange, total: Type.Integer() }),
    helix: Type.Object({ gained: Type.Array(Named), lost: Type.Array(Named) }),
  }),
  Type.Null(),
]);

const ScenarioAnswer = Type.Object({
  summary: Type.Object({
    nodesAdded: Type.Integer(),
    relationsAdded: Type.Integer(),
    nodesRemoved: Type.Integer(),
    relationsRemoved: Type.Integer(),
  }),
  keyActors: Type.Object({
    top: Type.Integer(),
    rankedBy: Type.Array(Type.String()),
    changes: Type.Array(Type.Object({ id: Type.String(), name: Bilingual, before: Rank, after: Rank })),
    network: Type.Object({
      components: BeforeAfter(Type.Number()),
      fragmentation: BeforeAfter(Type.Union([Type.Number(), Type.Null()])),
    }),
  }),
  findings: Type.Object({
    resolved: Type.Array(FindingRef),
    new: Type.Array(FindingRef),
    unchanged: Type.Integer(),
  }),
  reach: ReachDiff,
});

/** "Tänk om": the differences a draft would make, computed in memory; the store is only read. */
const scenarios: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/api/scenarios',
    {
      bodyLimit: SCENARIO_LIMITS.bodyBytes,
      // Computes, never writes: anyone who may read the graph may ask.
      config: { access: 'read' },
      schema: {
        tags,
        summary: 'What if: the differences a draft of added and removed records would make',
        description:
          'Applies the draft to the register in memory (removing a node removes its relations), validated by the catalogue as an import is, and compares the key-actor panel, the coordination gaps and the platform’s reach before and after. Answers only the differences: rank changes among the key actors, findings resolved and new, actors, municipalities and helix groups that come within (or fall out of) K steps of the platform. Nothing is written.',
        body: Draft,
        response: { 200: ScenarioAnswer, ...errorResponses },
      },
    },
    async (request) => {
      const { seed, top, ...draft } = request.body;
      const d = draft as ScenarioDraft;
      const size =
        (d.add?.nodes?.length ?? 0) +
        (d.add?.relations?.length ?? 0) +
        (d.remove?.nodes?.length ?? 0) +
        (d.remove?.relations?.length ?? 0);
      if (size === 0)
        throw new ApiProblem(400, 'empty_scenario', 'The scenario adds and removes nothing', [
          problem(
            '',
            'empty_scenario',
            'Utkastet lägger inte till och tar inte bort något',
            'The draft adds and removes nothing',
          ),
        ]);
      const snapshot = await app.snapshotSource();
      const options = { ...(seed !== undefined ? { seed } : {}), ...(top !== undefined ? { top } : {}) };
      return app.work.run('scenario', { snapshot, draft: d, options });
    },
  );
};

/** A scenario's differences from a snapshot (runs in the worker pool, server/jobs); 400 lists each problem. */
export function scenarioAnswer(input: {
  snapshot: Snapshot;
  draft: ScenarioDraft;
  options: Parameters<typeof runScenario>[2];
}): Static<typeof ScenarioAnswer> {
  let outcome;
  try {
    outcome = runScenario(input.snapshot, input.draft, input.options);
  } catch (error) {
    if (error instanceof AnalysisError) throw analysisErrorToProblem(error, { graph_too_large: 'body' });
    throw error;
  }
  if (!outcome.ok)
    throw new ApiProblem(
      400,
      'invalid_scenario',
      'The scenario refers to unknown records or is not valid',
      outcome.problems,
    );
  return { summary: outcome.summary, ...outcome.diff } satisfies Static<typeof ScenarioAnswer>;
}

export default scenarios;
