/**
 * The shape of a finding, declared once: core builds findings of this type, the server serialises them with this
 * schema, and the web app reads them as this type.
 */
import { Type, type Static } from 'typebox';

const Bilingual = Type.Object({ sv: Type.String(), en: Type.String() });
const Level = Type.Union([Type.Literal('high'), Type.Literal('medium'), Type.Literal('low')]);

export const MissingTieSchema = Type.Object(
  { from: Type.String(), to: Type.String(), type: Type.String() },
  { description: 'A tie whose existence would close the gap (a proposal, not data)' },
);

/** How complete the register is for the relation a finding's missing ties belong to (GET /api/completeness). */
export const FindingCompletenessSchema = Type.Object(
  {
    relationType: Type.String(),
    /** Organisation types whose ties were counted. */
    orgTypes: Type.Array(Type.String()),
    /** Actors of those types in the register. */
    registered: Type.Integer(),
    /** Of those, actors with at least one tie of the relation kind. */
    withRelation: Type.Integer(),
    /** Registered actors of those types without any tie of the kind: for them the register says nothing. */
    unknown: Type.Array(Type.String()),
  },
  { description: 'Register completeness behind a finding whose basis is absent; see GET /api/completeness' },
);

export const FindingSchema = Type.Object({
  id: Type.String({ description: 'Stable across runs on the same data, e.g. supply:ssyk:2221' }),
  kind: Type.String({ description: 'The gap kind, or no-data when the analysis cannot be made with the data' }),
  gapKind: Type.String({ description: 'The gap kind (registry id)' }),
  severity: Level,
  basis: Type.Union([Type.Literal('observed'), Type.Literal('absent')], {
    description:
      'observed: the ties that show the gap are in the register; absent: the gap is the lack of a tie, and the register is not known to be complete for it',
  }),
  confidence: Level,
  robust: Type.Boolean({ description: 'The finding holds when only confirmed ties count' }),
  impact: Type.Number({ minimum: 0, maximum: 1, description: 'How much of the network the gap touches (0–1)' }),
  title: Bilingual,
  explanation: Bilingual,
  nodeIds: Type.Array(Type.String(), { description: 'What to focus on the map' }),
  missingTies: Type.Optional(Type.Array(MissingTieSchema)),
  metrics: Type.Optional(Type.Record(Type.String(), Type.Number())),
  details: Type.Optional(Type.Record(Type.String(), Type.Unknown())),
  completeness: Type.Optional(FindingCompletenessSchema),
});

export const SummaryItemSchema = Type.Object({
  id: Type.String({ description: 'The id of a finding in `findings`' }),
  sentence: Bilingual,
  score: Type.Number({ description: 'impact × confidence weight (high 1, medium 0.6, low 0.3)' }),
  alike: Type.Optional(
    Type.Array(Type.String(), { description: 'Ids of findings of the same kind and cause that this one stands for' }),
  ),
});

export const GapParameterSchema = Type.Object({
  id: Type.String(),
  label: Bilingual,
  type: Type.String(),
  default: Type.Unknown(),
  min: Type.Optional(Type.Number()),
  max: Type.Optional(Type.Number()),
  options: Type.Optional(Type.Array(Type.String())),
  description: Type.Optional(Bilingual),
});

export const GapDescriptorSchema = Type.Object({
  id: Type.String(),
  label: Bilingual,
  definition: Bilingual,
  severity: Bilingual,
  parameters: Type.Array(GapParameterSchema),
  reference: Type.String(),
  notes: Type.Optional(Bilingual),
});

export type FindingShape = Static<typeof FindingSchema>;
export type FindingCompleteness = Static<typeof FindingCompletenessSchema>;
export type SummaryItem = Static<typeof SummaryItemSchema>;
export type MissingTie = Static<typeof MissingTieSchema>;
