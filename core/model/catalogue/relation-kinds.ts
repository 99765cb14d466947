import { Type, type TSchema } from 'typebox';
import type { Bilingual } from '../labels.js';

/**
 * How a relation kind enters the analysis.
 * - tie: a direct actor–actor tie
 * - membership: an affiliation of an actor with a network (two-mode)
 * - supply / demand: education for, or demand of, an occupation, skill or sector
 * - funding: money flows (a tie when both ends are actors, an affiliation when the target is a network)
 * - structure: organisational structure (parts, succession, geography)
 * - plan: the action plan (actions, who owns them, what they concern)
 * Weight always means strength; path metrics use distance = 1/weight.
 */
export type AnalysisRole = 'tie' | 'membership' | 'supply' | 'demand' | 'funding' | 'structure' | 'plan';

export interface RelationKindDef {
  id: string;
  label: Bilingual;
  /** The reading from the target's side, e.g. "har medlem". */
  inverseLabel: Bilingual;
  from: readonly string[];
  to: readonly string[];
  directed: boolean;
  role: AnalysisRole;
  props: TSchema;
  propLabels: Record<string, Bilingual>;
}

const ACTORS = ['Organisation'] as const;
const GROUPS = ['Network'] as const;
const TARGETS = ['Occupation', 'Skill', 'Sector'] as const;
const none = Type.Object({}, { additionalProperties: false });
const count = Type.Integer({ minimum: 0, maximum: 100000 });

export const RELATION_KINDS: readonly RelationKindDef[] = [
  {
    id: 'MEMBER_OF',
    label: { sv: 'medlem i', en: 'member of' },
    inverseLabel: { sv: 'har medlem', en: 'has member' },
    // An organisation can have members too: a kommunalförbund or samordningsförbund is an association.
    from: [...ACTORS, ...GROUPS],
    to: [...ACTORS, ...GROUPS],
    directed: true,
    role: 'membership',
    props: Type.Object(
      {
        role: Type.Optional(Type.String({ maxLength: 100 })),
        seats: Type.Optional(count),
        seatsWomen: Type.Optional(count),
        seatsMen: Type.Optional(count),
        via: Type.Optional(Type.String({ maxLength: 200 })),
      },
      { additionalProperties: false },
    ),
    propLabels: {
      role: { sv: 'Roll', en: 'Role' },
      seats: { sv: 'Platser', en: 'Seats' },
      seatsWomen: { sv: 'Platser, kvinnor', en: 'Seats, women' },
      seatsMen: { sv: 'Platser, män', en: 'Seats, men' },
      via: { sv: 'Via', en: 'Via' },
    },
  },
  {
    id: 'PART_OF',
    label: { sv: 'del av', en: 'part of' },
    inverseLabel: { sv: 'omfattar', en: 'comprises' },
    from: [...ACTORS, ...GROUPS],
    to: [...ACTORS, ...GROUPS],
    directed: true,
    role: 'structure',
    props: none,
    propLabels: {},
  },
  {
    id: 'OWNS',
    label: { sv: 'äger', en: 'owns' },
    inverseLabel: { sv: 'ägs av', en: 'owned by' },
    from: ACTORS,
    to: [...ACTORS, ...GROUPS],
    directed: true,
    role: 'tie',
    props: Type.Object(
      { share: Type.Optional(Type.Number({ minimum: 0, maximum: 1 })) },
      { additionalProperties: false },
    ),
    propLabels: { share: { sv: 'Ägarandel', en: 'Share' } },
  },
  {
    id: 'OPERATES',
    label: { sv: 'huvudman för', en: 'operates' },
    inverseLabel: { sv: 'drivs av', en: 'operated by' },
    from: ACTORS,
    to: [...ACTORS, ...GROUPS, 'EducationProgramme'],
    directed: true,
    role: 'tie',
    props: none,
    propLabels: {},
  },
  {
    id: 'COORDINATES',
    label: { sv: 'samordnar', en: 'coordinates' },
    inverseLabel: { sv: 'samordnas av', en: 'coordinated by' },
    from: [...ACTORS, ...GROUPS],
    to: GROUPS,
    directed: true,
    role: 'membership',
    props: none,
    propLabels: {},
  },
  {
    id: 'CHAIRS',
    label: { sv: 'leder', en: 'chairs' },
    inverseLabel: { sv: 'leds av', en: 'chaired by' },
    from: ACTORS,
    to: GROUPS,
    directed: true,
    role: 'membership',
    props: none,
    propLabels: {},
  },
  {
    id: 'FUNDS',
    label: { sv: 'finansierar', en: 'funds' },
    inverseLabel: { sv: 'finansieras av', en: 'funded by' },
    from: [...ACTORS, ...GROUPS],
    to: [...ACTORS, ...GROUPS, 'EducationProgramme'],
    directed: true,
    role: 'funding',
    props: Type.Object(
      {
        amountSek: Type.Optional(Type.Number({ minimum: 0 })),
        period: Type.Optional(Type.String({ maxLength: 40 })),
        instrument: Type.Optional(Type.String({ maxLength: 100 })),
      },
      { additionalProperties: false },
    ),
    propLabels: {
      amountSek: { sv: 'Belopp (kr)', en: 'Amount (SEK)' },
      period: { sv: 'Period', en: 'Period' },
      instrument: { sv: 'Instrument', en: 'Instrument' },
    },
  },
  {
    id: 'CERTIFIES',
    label: { sv: 'certifierar', en: 'certifies' },
    inverseLabel: { sv: 'certifieras av', en: 'certified by' },
    from: [...ACTORS, ...GROUPS],
    to: [...ACTORS, ...GROUPS, 'EducationProgramme'],
    directed: true,
    role: 'structure',
    props: none,
    propLabels: {},
  },
  {
    id: 'OFFERS',
    label: { sv: 'erbjuder', en: 'offers' },
    inverseLabel: { sv: 'erbjuds av', en: 'offered by' },
    from: ACTORS,
    to: ['EducationProgramme'],
    directed: true,
    role: 'supply',
    props: none,
    propLabels: {},
  },
  {
    id: 'EDUCATES_FOR',
    label: { sv: 'utbildar för', en: 'educates for' },
    inverseLabel: { sv: 'utbildas av', en: 'educated by' },
    from: [...ACTORS, 'EducationProgramme'],
    to: TARGETS,
    directed: true,
    role: 'supply',
    props: Type.Object(
      {
        volume: Type.Optional(Type.Integer({ minimum: 0 })),
        level: Type.Optional(Type.String({ maxLength: 40 })),
      },
      { additionalProperties: false },
    ),
    propLabels: {
      volume: { sv: 'Volym (platser/år)', en: 'Volume (places/year)' },
      level: { sv: 'Nivå', en: 'Level' },
    },
  },
  {
    id: 'DEMANDS',
    label: { sv: 'efterfrågar', en: 'demands' },
    inverseLabel: { sv: 'efterfrågas av', en: 'demanded by' },
    from: [...ACTORS, 'Sector'],
    to: ['Occupation', 'Skill'],
    directed: true,
    role: 'demand',
    props: Type.Object(
      {
        shortageLevel: Type.Optional(
          Type.Union([Type.Literal('brist'), Type.Literal('balans'), Type.Literal('overskott')]),
        ),
        horizon: Type.Optional(Type.String({ maxLength: 40 })),
        volume: Type.Optional(Type.Integer({ minimum: 0 })),
      },
      { additionalProperties: false },
    ),
    propLabels: {
      shortageLevel: { sv: 'Bristnivå', en: 'Shortage level' },
      horizon: { sv: 'Horisont', en: 'Horizon' },
      volume: { sv: 'Volym (personer)', en: 'Volume (people)' },
    },
  },
  {
    id: 'REPRESENTS',
    label: { sv: 'företräder', en: 'represents' },
    inverseLabel: { sv: 'företräds av', en: 'represented by' },
    from: ACTORS,
    to: [...ACTORS, 'Sector', 'Occupation'],
    directed: true,
    role: 'tie',
    props: none,
    propLabels: {},
  },
  {
    id: 'COLLABORATES_WITH',
    label: { sv: 'samverkar med', en: 'collaborates with' },
    inverseLabel: { sv: 'samverkar med', en: 'collaborates with' },
    from: ACTORS,
    to: ACTORS,
    directed: false,
    role: 'tie',
    props: Type.Object({ topic: Type.Optional(Type.String({ maxLength: 200 })) }, { additionalProperties: false }),
    propLabels: { topic: { sv: 'Ämne', en: 'Topic' } },
  },
  {
    id: 'LOCATED_IN',
    label: { sv: 'lokaliserad i', en: 'located in' },
    inverseLabel: { sv: 'har', en: 'hosts' },
    from: [...ACTORS, 'EducationProgramme'],
    to: ['Municipality'],
    directed: true,
    role: 'structure',
    props: Type.Object({ main: Type.Optional(Type.Boolean()) }, { additionalProperties: false }),
    propLabels: { main: { sv: 'Huvudsäte', en: 'Main seat' } },
  },
  {
    id: 'COVERS',
    label: { sv: 'täcker', en: 'covers' },
    inverseLabel: { sv: 'täcks av', en: 'covered by' },
    from: [...ACTORS, ...GROUPS],
    to: ['Municipality'],
    directed: true,
    role: 'structure',
    props: Type.Object({ via: Type.Optional(Type.String({ maxLength: 200 })) }, { additionalProperties: false }),
    propLabels: { via: { sv: 'Via', en: 'Via' } },
  },
  {
    id: 'ACTIVE_IN',
    label: { sv: 'verksam i', en: 'active in' },
    inverseLabel: { sv: 'har verksamma', en: 'has active' },
    from: ACTORS,
    to: ['Sector'],
    directed: true,
    role: 'structure',
    props: Type.Object({ primary: Type.Optional(Type.Boolean()) }, { additionalProperties: false }),
    propLabels: { primary: { sv: 'Huvudbransch', en: 'Primary' } },
  },
  {
    id: 'REQUIRES_SKILL',
    label: { sv: 'kräver kompetens', en: 'requires skill' },
    inverseLabel: { sv: 'krävs av', en: 'required by' },
    from: ['Occupation'],
    to: ['Skill'],
    directed: true,
    role: 'structure',
    props: none,
    propLabels: {},
  },
  {
    id: 'SUCCEEDED_BY',
    label: { sv: 'efterträddes av', en: 'succeeded by' },
    inverseLabel: { sv: 'efterträdde', en: 'succeeded' },
    from: [...ACTORS, ...GROUPS],
    to: [...ACTORS, ...GROUPS],
    directed: true,
    role: 'structure',
    props: none,
    propLabels: {},
  },
  {
    id: 'RESPONSIBLE_FOR',
    label: { sv: 'ansvarar för', en: 'responsible for' },
    inverseLabel: { sv: 'ansvarig', en: 'owner' },
    from: [...ACTORS, ...GROUPS],
    to: ['Action'],
    directed: true,
    role: 'plan',
    props: none,
    propLabels: {},
  },
  {
    id: 'CONCERNS',
    label: { sv: 'gäller', en: 'concerns' },
    inverseLabel: { sv: 'berörs av', en: 'concerned by' },
    from: ['Action'],
    to: [...ACTORS, ...GROUPS, 'Municipality', 'Sector', 'Occupation', 'Skill', 'EducationProgramme'],
    directed: true,
    role: 'plan',
    props: none,
    propLabels: {},
  },
];

export const RELATION_KIND_IDS = RELATION_KINDS.map((k) => k.id);

export function relationKind(id: string): RelationKindDef | undefined {
  return RELATION_KINDS.find((k) => k.id === id);
}
