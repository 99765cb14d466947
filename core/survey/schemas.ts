/**
 * The wire contract of survey rounds (issue #22): what editors send to create a round, what a respondent's
 * questionnaire holds, the answers it sends back, the review queue, the summary and the comparison of two rounds.
 * Types are derived from these schemas (`Static`), so the routes, the stores and the browser cannot drift apart.
 */
import { Type, type Static } from 'typebox';

const nodeId = Type.String({ minLength: 3, maxLength: 170 });
const bilingual = Type.Object({ sv: Type.String(), en: Type.String() });

/** Relation kinds a round may ask about: ties between actors, memberships, supply and demand. */
export const SURVEY_RELATION_TYPES = [
  'COLLABORATES_WITH',
  'MEMBER_OF',
  'COORDINATES',
  'FUNDS',
  'EDUCATES_FOR',
  'DEMANDS',
] as const;

export const FREQUENCIES = ['monthly', 'quarterly', 'yearly'] as const;
const RelationTypeSchema = Type.Union([
  Type.Literal('COLLABORATES_WITH'),
  Type.Literal('MEMBER_OF'),
  Type.Literal('COORDINATES'),
  Type.Literal('FUNDS'),
  Type.Literal('EDUCATES_FOR'),
  Type.Literal('DEMANDS'),
]);
export const MAX_RESPONDENTS = 500;
export const MAX_TIES_PER_ANSWER = 200;
export const MAX_NEW_TIES = 50;
export const MAX_TOPICS = 20;

/** A respondent: an organisation, the role to address (a role, never a person's name), optionally a mail address. */
export const RespondentInputSchema = Type.Object(
  {
    nodeId,
    role: Type.Optional(Type.String({ maxLength: 100, description: 'The role to address, e.g. "Rektor"' })),
    email: Type.Optional(
      Type.String({ format: 'email', maxLength: 254, description: 'Used only for sending; erased when closed' }),
    ),
  },
  { additionalProperties: false },
);

export const SurveyCreateSchema = Type.Object(
  {
    title: Type.String({ minLength: 1, maxLength: 200 }),
    relationTypes: Type.Array(RelationTypeSchema, {
      minItems: 1,
      maxItems: SURVEY_RELATION_TYPES.length,
      uniqueItems: true,
    }),
    /** Node ids, or objects with the role to address. */
    respondents: Type.Array(Type.Union([nodeId, RespondentInputSchema]), {
      minItems: 1,
      maxItems: MAX_RESPONDENTS,
    }),
    closesAt: Type.String({ format: 'date', description: 'Last day to answer (YYYY-MM-DD, inclusive)' }),
  },
  { additionalProperties: false },
);
export type SurveyCreate = Static<typeof SurveyCreateSchema>;

export const SurveyStatusSchema = Type.Union([Type.Literal('open'), Type.Literal('closed')]);

export const SurveySchema = Type.Object({
  id: Type.String(),
  title: Type.String(),
  relationTypes: Type.Array(Type.String()),
  closesAt: Type.String(),
  status: SurveyStatusSchema,
  createdAt: Type.String(),
  createdBy: Type.String(),
  closedAt: Type.Union([Type.String(), Type.Null()]),
  respondents: Type.Array(
    Type.Object({
      nodeId: Type.String(),
      name: Type.String(),
      role: Type.Union([Type.String(), Type.Null()]),
      invitedAt: Type.Union([Type.String(), Type.Null()]),
      submittedAt: Type.Union([Type.String(), Type.Null()]),
      draftAt: Type.Union([Type.String(), Type.Null()]),
    }),
  ),
});
export type SurveyView = Static<typeof SurveySchema>;

export const InvitationsRequestSchema = Type.Object(
  { nodeIds: Type.Optional(Type.Array(nodeId, { minItems: 1, maxItems: MAX_RESPONDENTS })) },
  { additionalProperties: false },
);
export const InvitationSchema = Type.Object({ nodeId: Type.String(), url: Type.String() });

/** How often the tie is used, and how valuable it is (1 = little, 4 = very). */
const tieAnswerFields = {
  frequency: Type.Optional(Type.Union([Type.Literal('monthly'), Type.Literal('quarterly'), Type.Literal('yearly')])),
  value: Type.Optional(Type.Integer({ minimum: 1, maximum: 4 })),
  /** Occupation or skill ids from the register that the tie concerns. */
  topics: Type.Optional(Type.Array(nodeId, { maxItems: MAX_TOPICS, uniqueItems: true })),
};

export const TieAnswerSchema = Type.Object(
  {
    relationId: Type.String({ minLength: 3, maxLength: 410 }),
    status: Type.Union([Type.Literal('confirm'), Type.Literal('deny')]),
    ...tieAnswerFields,
  },
  { additionalProperties: false },
);

export const NewOrganisationSchema = Type.Object(
  {
    name: Type.String({ minLength: 2, maxLength: 200 }),
    orgType: Type.Optional(Type.String({ maxLength: 60 })),
    municipality: Type.Optional(Type.String({ pattern: '^kommun:\\d{4}$' })),
  },
  { additionalProperties: false },
);

/**
 * A tie the respondent adds: to a node of the register (`counterpartId`) or to an organisation that is missing
 * (`newOrganisation`). `direction` out = the respondent is the relation's `from` (the default), in = its `to`.
 */
export const NewTieSchema = Type.Object(
  {
    type: Type.String({ minLength: 1, maxLength: 60 }),
    counterpartId: Type.Optional(nodeId),
    newOrganisation: Type.Optional(NewOrganisationSchema),
    direction: Type.Optional(Type.Union([Type.Literal('out'), Type.Literal('in')])),
    ...tieAnswerFields,
  },
  { additionalProperties: false },
);

export const AnswersSchema = Type.Object(
  {
    ties: Type.Array(TieAnswerSchema, { maxItems: MAX_TIES_PER_ANSWER }),
    newTies: Type.Array(NewTieSchema, { maxItems: MAX_NEW_TIES }),
  },
  { additionalProperties: false },
);
export type Answers = Static<typeof AnswersSchema>;
export type TieAnswer = Static<typeof TieAnswerSchema>;
export type NewTie = Static<typeof NewTieSchema>;

const counterpart = Type.Object({
  id: Type.String(),
  kind: Type.String(),
  name: Type.String(),
  nameEn: Type.Optional(Type.String()),
});

/** The questionnaire of one token: the organisation, its registered ties of the round's kinds, the choices. */
export const QuestionnaireSchema = Type.Object({
  survey: Type.Object({ id: Type.String(), title: Type.String(), closesAt: Type.String(), status: SurveyStatusSchema }),
  organisation: Type.Object({ id: Type.String(), name: Type.String(), nameEn: Type.Optional(Type.String()) }),
  role: Type.Union([Type.String(), Type.Null()]),
  ties: Type.Array(
    Type.Object({
      relationId: Type.String(),
      type: Type.String(),
      /** out: the organisation is the relation's `from`. */
      direction: Type.Union([Type.Literal('out'), Type.Literal('in')]),
      counterpart,
      /** "Vi har er registrerade som medlem i … — stämmer det?" */
      question: bilingual,
      evidence: Type.String(),
    }),
  ),
  answers: AnswersSchema,
  submittedAt: Type.Union([Type.String(), Type.Null()]),
  updatedAt: Type.Union([Type.String(), Type.Null()]),
  choices: Type.Object({
    relationTypes: Type.Array(
      Type.Object({
        id: Type.String(),
        label: bilingual,
        inverseLabel: bilingual,
        directed: Type.Boolean(),
        from: Type.Array(Type.String()),
        to: Type.Array(Type.String()),
      }),
    ),
    frequencies: Type.Array(Type.Object({ value: Type.String(), label: bilingual })),
    values: Type.Array(Type.Object({ value: Type.Integer(), label: bilingual })),
    orgTypes: Type.Array(Type.Object({ value: Type.String(), label: bilingual })),
  }),
});
export type Questionnaire = Static<typeof QuestionnaireSchema>;

export const ReviewKindSchema = Type.Union([
  Type.Literal('confirm'),
  Type.Literal('deny'),
  Type.Literal('new_tie'),
  Type.Literal('new_organisation'),
]);

export const ReviewItemSchema = Type.Object({
  id: Type.String(),
  kind: ReviewKindSchema,
  type: Type.Union([Type.String(), Type.Null()]),
  from: Type.Union([Type.String(), Type.Null()]),
  to: Type.Union([Type.String(), Type.Null()]),
  relationId: Type.Union([Type.String(), Type.Null()]),
  /** A missing organisation's suggested name (new_organisation), or null. */
  name: Type.Union([Type.String(), Type.Null()]),
  /** Respondent organisations that reported this item. */
  reportedBy: Type.Array(Type.Object({ id: Type.String(), name: Type.String() })),
  /** Both ends reported the tie. */
  reciprocated: Type.Boolean(),
  evidence: Type.Union([Type.Literal('confirmed'), Type.Literal('probable'), Type.Null()]),
  frequency: Type.Array(Type.String()),
  value: Type.Array(Type.Integer()),
  topics: Type.Array(Type.String()),
  description: bilingual,
  decision: Type.Union([Type.Literal('accepted'), Type.Literal('rejected'), Type.Null()]),
  decidedAt: Type.Union([Type.String(), Type.Null()]),
  decidedBy: Type.Union([Type.String(), Type.Null()]),
});
export type ReviewItem = Static<typeof ReviewItemSchema>;

export const ReviewDecisionSchema = Type.Object(
  {
    accept: Type.Optional(Type.Array(Type.String({ maxLength: 900 }), { maxItems: 5000, uniqueItems: true })),
    reject: Type.Optional(Type.Array(Type.String({ maxLength: 900 }), { maxItems: 5000, uniqueItems: true })),
    /** Accept every reciprocated tie and confirmation not yet decided (bulk). */
    acceptReciprocated: Type.Optional(Type.Boolean()),
  },
  { additionalProperties: false },
);
export type ReviewDecisionInput = Static<typeof ReviewDecisionSchema>;

export const ReviewResultSchema = Type.Object({
  accepted: Type.Array(Type.String()),
  rejected: Type.Array(Type.String()),
  nodesCreated: Type.Integer(),
  relationsCreated: Type.Integer(),
  relationsUpdated: Type.Integer(),
});

const rate = Type.Object({
  key: Type.String(),
  label: bilingual,
  invited: Type.Integer(),
  answered: Type.Integer(),
  rate: Type.Union([Type.Number(), Type.Null()]),
});

export const SummarySchema = Type.Object({
  surveyId: Type.String(),
  overall: rate,
  byMunicipality: Type.Array(rate),
  byHelix: Type.Array(rate),
  nonRespondents: Type.Array(
    Type.Object({ id: Type.String(), name: Type.String(), role: Type.Union([Type.String(), Type.Null()]) }),
  ),
  reciprocity: Type.Object({
    /** Ties between two respondents that answered, reported by at least one of them. */
    ties: Type.Integer(),
    reciprocated: Type.Integer(),
    rate: Type.Union([Type.Number(), Type.Null()]),
  }),
  text: bilingual,
});
export type SurveySummary = Static<typeof SummarySchema>;

const tieRef = Type.Object({
  type: Type.String(),
  from: Type.String(),
  to: Type.String(),
  fromName: Type.String(),
  toName: Type.String(),
  /** observed: an end answered in the later round and did not report the tie; unanswered: no end answered. */
  basis: Type.Optional(Type.Union([Type.Literal('observed'), Type.Literal('unanswered')])),
});

const roundFigures = Type.Object({
  surveyId: Type.String(),
  title: Type.String(),
  actors: Type.Integer(),
  ties: Type.Integer(),
  density: Type.Number(),
  reach: Type.Object({
    focus: Type.String(),
    steps: Type.Integer(),
    actors: Type.Integer(),
    municipalities: Type.Integer(),
    municipalitiesTotal: Type.Integer(),
    helix: Type.Integer(),
  }),
});

export const CompareSchema = Type.Object({
  from: roundFigures,
  to: roundFigures,
  newTies: Type.Array(tieRef),
  lostTies: Type.Array(tieRef),
  keyActors: Type.Array(
    Type.Object({
      id: Type.String(),
      name: Type.String(),
      rankFrom: Type.Union([Type.Integer(), Type.Null()]),
      rankTo: Type.Union([Type.Integer(), Type.Null()]),
      change: Type.Union([Type.Integer(), Type.Null()]),
    }),
  ),
  text: Type.Array(bilingual),
});
export type RoundComparison = Static<typeof CompareSchema>;
