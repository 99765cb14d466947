import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type, type Static } from 'typebox';
import { registerCompletenessReport } from '../../core/analysis/completeness/index.js';
import { JONKOPING_REFERENCE_COUNTS } from '../../fixtures/reference-counts.js';
import { errorResponses } from '../schemas/common.js';

const Bilingual = Type.Object({ sv: Type.String(), en: Type.String() });
const Counts = Type.Record(Type.String(), Type.Integer());
const Reference = Type.Object({
  kind: Type.String(),
  count: Type.Integer(),
  atLeast: Type.Optional(Type.Boolean()),
  source: Type.Object({ url: Type.String(), title: Type.String(), date: Type.Optional(Type.String()) }),
  note: Type.Optional(Bilingual),
});

const CompletenessSchema = Type.Object({
  relationTypes: Type.Array(Type.String()),
  municipalities: Type.Object({
    registered: Type.Integer(),
    reference: Type.Union([Reference, Type.Null()]),
    rows: Type.Array(
      Type.Object({
        id: Type.String(),
        name: Type.String(),
        actors: Type.Integer(),
        byType: Counts,
        withRelation: Counts,
      }),
    ),
  }),
  kinds: Type.Array(
    Type.Object({
      kind: Type.String(),
      label: Bilingual,
      registered: Type.Integer(),
      inCounty: Type.Integer(),
      reference: Type.Union([Reference, Type.Null()]),
      share: Type.Union([Type.Number(), Type.Null()]),
      withRelation: Counts,
    }),
  ),
});

/** Register completeness: what the register holds against published counts, and which ties its actors have. */
const completeness: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/completeness',
    {
      schema: {
        tags: ['gaps'],
        summary: 'How complete the register is',
        description:
          'For each actor type and each municipality: how many actors are registered, against a published reference count with its source where one exists, and how many of them have ties of each relation kind. Findings whose basis is absent (GET /api/gaps) rest on these numbers.',
        response: { 200: CompletenessSchema, ...errorResponses },
      },
    },
    async () => {
      const snapshot = await app.store.snapshot({});
      return registerCompletenessReport(snapshot, JONKOPING_REFERENCE_COUNTS) satisfies Static<
        typeof CompletenessSchema
      >;
    },
  );
};

export default completeness;
