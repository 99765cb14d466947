import { Type, type TSchema } from 'typebox';
import type { Bilingual } from '../labels.js';

/** An option of an enumerated property (value stored, labels shown). */
export interface EnumOption {
  value: string;
  label: Bilingual;
}

export interface NodeKindDef {
  id: string;
  label: Bilingual;
  plural: Bilingual;
  /** Prefix of stable ids, e.g. `org` in `org:jonkoping-university`. */
  idPrefix: string;
  /** Is this kind an actor in the one-mode actor network? */
  actor: boolean;
  /** Is this kind an affiliation (a network, council, project) in the two-mode view? */
  affiliation: boolean;
  /** JSON schema (TypeBox) of `props`. */
  props: TSchema;
  /** Labels of the props, for forms, tables and legends. */
  propLabels: Record<string, Bilingual>;
  /** Enumerations used by props (for forms and legends). */
  enums?: Record<string, EnumOption[]>;
}

const opt = (value: string, sv: string, en: string): EnumOption => ({ value, label: { sv, en } });

export const ORGANISATION_TYPES: EnumOption[] = [
  opt('region', 'Region', 'Region'),
  opt('kommun', 'Kommun', 'Municipality'),
  opt('statlig_myndighet', 'Statlig myndighet', 'State agency'),
  opt('kommunalforbund', 'Kommunalförbund', 'Federation of municipalities'),
  opt('samordningsforbund', 'Samordningsförbund', 'Financial coordination association'),
  opt('larosate', 'Lärosäte', 'Higher education institution'),
  opt('organisationsenhet', 'Organisationsenhet', 'Organisational unit'),
  opt('yh_anordnare', 'YH-anordnare', 'Higher vocational education provider'),
  opt('gymnasieskola', 'Gymnasieskola', 'Upper secondary school'),
  opt('komvux', 'Komvux', 'Municipal adult education'),
  opt('folkhogskola', 'Folkhögskola', 'Folk high school'),
  opt('naringslivsorganisation', 'Näringslivsorganisation', 'Business organisation'),
  opt('fackforbund', 'Fackförbund', 'Trade union'),
  opt('arbetsgivare', 'Arbetsgivare', 'Employer'),
  opt('science_park', 'Science park', 'Science park'),
  opt('finansiar', 'Finansiär', 'Funder'),
  opt('forskningsinstitut', 'Forskningsinstitut', 'Research institute'),
  opt('ideell', 'Ideell organisation', 'Non-profit organisation'),
];

export const NETWORK_TYPES: EnumOption[] = [
  opt('kompetensplattform', 'Kompetensplattform', 'Skills platform'),
  opt('kompetensrad', 'Kompetensråd', 'Skills council'),
  opt('branschrad', 'Branschråd', 'Sector council'),
  opt('college', 'College', 'College (certified cooperation)'),
  opt('integrationsrad', 'Integrationsråd', 'Integration council'),
  opt('forum', 'Forum', 'Forum'),
  opt('projekt', 'Projekt', 'Project'),
  opt('samverkan', 'Samverkan', 'Cooperation body'),
];

export const HELIX: EnumOption[] = [
  opt('offentlig', 'Offentlig sektor', 'Public sector'),
  opt('akademi', 'Akademi', 'Academia'),
  opt('naringsliv', 'Näringsliv', 'Business'),
  opt('civilsamhalle', 'Civilsamhälle', 'Civil society'),
];

export const LEVELS: EnumOption[] = [
  opt('lokal', 'Lokal', 'Local'),
  opt('delregional', 'Delregional', 'Sub-regional'),
  opt('regional', 'Regional', 'Regional'),
  opt('nationell', 'Nationell', 'National'),
];

export const WORKS_WITH: EnumOption[] = [
  opt('nyanlanda', 'Nyanlända', 'Newcomers'),
  opt('sfi', 'SFI', 'Swedish for immigrants'),
  opt('validering', 'Validering', 'Validation of prior learning'),
  opt('unga', 'Unga', 'Young people'),
  opt('funktionsnedsattning', 'Funktionsnedsättning', 'Disability'),
  opt('jamstalldhet', 'Jämställdhet', 'Gender equality'),
];

export const ACTION_STATUS: EnumOption[] = [
  opt('planned', 'Planerad', 'Planned'),
  opt('in_progress', 'Pågående', 'In progress'),
  opt('done', 'Klar', 'Done'),
  opt('cancelled', 'Avbruten', 'Cancelled'),
];

export const PROGRAMME_FORMS: EnumOption[] = [
  opt('gymnasium', 'Gymnasieutbildning', 'Upper secondary'),
  opt('yh', 'Yrkeshögskola', 'Higher vocational'),
  opt('hogskola', 'Högskoleutbildning', 'Higher education'),
  opt('komvux', 'Komvux', 'Adult education'),
  opt('folkhogskola', 'Folkhögskola', 'Folk high school'),
  opt('uppdragsutbildning', 'Uppdragsutbildning', 'Contract education'),
];

const values = (options: EnumOption[]) => Type.Union(options.map((o) => Type.Literal(o.value)));
const isoDate = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD' });
const text = (maxLength = 500) => Type.String({ maxLength });

export const NODE_KINDS: readonly NodeKindDef[] = [
  {
    id: 'Organisation',
    label: { sv: 'Organisation', en: 'Organisation' },
    plural: { sv: 'Organisationer', en: 'Organisations' },
    idPrefix: 'org',
    actor: true,
    affiliation: false,
    props: Type.Object(
      {
        orgType: values(ORGANISATION_TYPES),
        orgnr: Type.Optional(Type.String({ pattern: '^\\d{6}-?\\d{4}$' })),
        kommunkod: Type.Optional(Type.String({ pattern: '^\\d{4}$' })),
        municipality: Type.Optional(Type.String({ pattern: '^kommun:\\d{4}$' })),
        helix: Type.Optional(values(HELIX)),
        level: Type.Optional(values(LEVELS)),
        primarySni: Type.Optional(Type.String({ pattern: '^[A-U]$|^\\d{2,5}$' })),
        website: Type.Optional(Type.String({ format: 'uri', maxLength: 500 })),
        worksWith: Type.Optional(Type.Array(values(WORKS_WITH), { maxItems: 10 })),
        description: Type.Optional(text(2000)),
        active: Type.Optional(Type.Boolean()),
      },
      { additionalProperties: false },
    ),
    propLabels: {
      orgType: { sv: 'Organisationstyp', en: 'Organisation type' },
      orgnr: { sv: 'Organisationsnummer', en: 'Organisation number' },
      kommunkod: { sv: 'Kommunkod', en: 'Municipality code' },
      municipality: { sv: 'Kommun', en: 'Municipality' },
      helix: { sv: 'Helix', en: 'Helix' },
      level: { sv: 'Nivå', en: 'Level' },
      primarySni: { sv: 'Huvudbransch (SNI)', en: 'Main sector (SNI)' },
      website: { sv: 'Webbplats', en: 'Website' },
      worksWith: { sv: 'Arbetar med', en: 'Works with' },
      description: { sv: 'Beskrivning', en: 'Description' },
      active: { sv: 'Aktiv', en: 'Active' },
    },
    enums: { orgType: ORGANISATION_TYPES, helix: HELIX, level: LEVELS, worksWith: WORKS_WITH },
  },
  {
    id: 'Network',
    label: { sv: 'Nätverk', en: 'Network' },
    plural: { sv: 'Nätverk', en: 'Networks' },
    idPrefix: 'nw',
    actor: false,
    affiliation: true,
    props: Type.Object(
      {
        networkType: values(NETWORK_TYPES),
        level: Type.Optional(values(LEVELS)),
        formalisation: Type.Optional(text(100)),
        certifiedFrom: Type.Optional(isoDate),
        fundingProgramme: Type.Optional(text(200)),
        website: Type.Optional(Type.String({ format: 'uri', maxLength: 500 })),
        description: Type.Optional(text(2000)),
        existence: Type.Optional(
          Type.Union([Type.Literal('confirmed'), Type.Literal('probable'), Type.Literal('uncertain')]),
        ),
      },
      { additionalProperties: false },
    ),
    propLabels: {
      networkType: { sv: 'Nätverkstyp', en: 'Network type' },
      level: { sv: 'Nivå', en: 'Level' },
      formalisation: { sv: 'Formalisering', en: 'Formalisation' },
      certifiedFrom: { sv: 'Certifierad från', en: 'Certified from' },
      fundingProgramme: { sv: 'Finansieringsprogram', en: 'Funding programme' },
      website: { sv: 'Webbplats', en: 'Website' },
      description: { sv: 'Beskrivning', en: 'Description' },
      existence: { sv: 'Belagd existens', en: 'Evidence of existence' },
    },
    enums: { networkType: NETWORK_TYPES, level: LEVELS },
  },
  {
    id: 'Municipality',
    label: { sv: 'Kommun (geografi)', en: 'Municipality (geography)' },
    plural: { sv: 'Kommuner', en: 'Municipalities' },
    idPrefix: 'kommun',
    actor: false,
    affiliation: false,
    props: Type.Object(
      { kommunkod: Type.String({ pattern: '^\\d{4}$' }), lanskod: Type.Optional(Type.String({ pattern: '^\\d{2}$' })) },
      { additionalProperties: false },
    ),
    propLabels: {
      kommunkod: { sv: 'Kommunkod', en: 'Municipality code' },
      lanskod: { sv: 'Länskod', en: 'County code' },
    },
  },
  {
    id: 'Sector',
    label: { sv: 'Bransch (SNI)', en: 'Sector (SNI)' },
    plural: { sv: 'Branscher', en: 'Sectors' },
    idPrefix: 'sni',
    actor: false,
    affiliation: false,
    props: Type.Object(
      {
        sni: Type.String({ pattern: '^[A-U]$|^\\d{2,5}$' }),
        employmentShare: Type.Optional(Type.Number({ minimum: 0, maximum: 1 })),
        employedWomen: Type.Optional(Type.Integer({ minimum: 0 })),
        employedMen: Type.Optional(Type.Integer({ minimum: 0 })),
      },
      { additionalProperties: false },
    ),
    propLabels: {
      sni: { sv: 'SNI-kod', en: 'SNI code' },
      employmentShare: { sv: 'Andel av sysselsättningen', en: 'Share of employment' },
      employedWomen: { sv: 'Sysselsatta kvinnor', en: 'Employed women' },
      employedMen: { sv: 'Sysselsatta män', en: 'Employed men' },
    },
  },
  {
    id: 'Occupation',
    label: { sv: 'Yrke (SSYK)', en: 'Occupation (SSYK)' },
    plural: { sv: 'Yrken', en: 'Occupations' },
    idPrefix: 'ssyk',
    actor: false,
    affiliation: false,
    props: Type.Object(
      {
        ssyk: Type.String({ pattern: '^\\d{1,4}$' }),
        jobtechId: Type.Optional(Type.String({ maxLength: 40 })),
        shortage: Type.Optional(Type.Union([Type.Literal('brist'), Type.Literal('balans'), Type.Literal('overskott')])),
        shareWomen: Type.Optional(Type.Number({ minimum: 0, maximum: 1 })),
      },
      { additionalProperties: false },
    ),
    propLabels: {
      ssyk: { sv: 'SSYK 2012', en: 'SSYK 2012' },
      jobtechId: { sv: 'JobTech-id', en: 'JobTech id' },
      shortage: { sv: 'Bristbedömning', en: 'Shortage assessment' },
      shareWomen: { sv: 'Andel kvinnor', en: 'Share of women' },
    },
  },
  {
    id: 'Skill',
    label: { sv: 'Kompetens', en: 'Skill' },
    plural: { sv: 'Kompetenser', en: 'Skills' },
    idPrefix: 'skill',
    actor: false,
    affiliation: false,
    props: Type.Object(
      {
        jobtechId: Type.Optional(Type.String({ maxLength: 40 })),
        escoUri: Type.Optional(Type.String({ format: 'uri', maxLength: 300 })),
        green: Type.Optional(Type.Boolean()),
        digital: Type.Optional(Type.Boolean()),
      },
      { additionalProperties: false },
    ),
    propLabels: {
      jobtechId: { sv: 'JobTech-id', en: 'JobTech id' },
      escoUri: { sv: 'ESCO-URI', en: 'ESCO URI' },
      green: { sv: 'Grön kompetens', en: 'Green skill' },
      digital: { sv: 'Digital kompetens', en: 'Digital skill' },
    },
  },
  {
    id: 'EducationProgramme',
    label: { sv: 'Utbildning', en: 'Education programme' },
    plural: { sv: 'Utbildningar', en: 'Education programmes' },
    idPrefix: 'edu',
    actor: false,
    affiliation: false,
    props: Type.Object(
      {
        form: values(PROGRAMME_FORMS),
        nativeCode: Type.Optional(Type.String({ maxLength: 40 })),
        sunLevel: Type.Optional(Type.String({ maxLength: 10 })),
        sunField: Type.Optional(Type.String({ maxLength: 10 })),
        places: Type.Optional(Type.Integer({ minimum: 0 })),
        municipality: Type.Optional(Type.String({ pattern: '^kommun:\\d{4}$' })),
      },
      { additionalProperties: false },
    ),
    propLabels: {
      form: { sv: 'Utbildningsform', en: 'Form' },
      nativeCode: { sv: 'Programkod', en: 'Programme code' },
      sunLevel: { sv: 'SUN-nivå', en: 'SUN level' },
      sunField: { sv: 'SUN-inriktning', en: 'SUN field' },
      places: { sv: 'Platser', en: 'Places' },
      municipality: { sv: 'Kommun', en: 'Municipality' },
    },
    enums: { form: PROGRAMME_FORMS },
  },
  {
    id: 'Action',
    label: { sv: 'Åtgärd', en: 'Action' },
    plural: { sv: 'Åtgärder', en: 'Actions' },
    idPrefix: 'action',
    actor: false,
    affiliation: false,
    props: Type.Object(
      {
        status: values(ACTION_STATUS),
        dueDate: Type.Optional(isoDate),
        gapKind: Type.Optional(Type.String({ maxLength: 60 })),
        gapKey: Type.Optional(Type.String({ maxLength: 200 })),
        description: Type.Optional(text(4000)),
      },
      { additionalProperties: false },
    ),
    propLabels: {
      status: { sv: 'Status', en: 'Status' },
      dueDate: { sv: 'Klart senast', en: 'Due date' },
      gapKind: { sv: 'Typ av glapp', en: 'Gap kind' },
      gapKey: { sv: 'Glapp', en: 'Gap' },
      description: { sv: 'Beskrivning', en: 'Description' },
    },
    enums: { status: ACTION_STATUS },
  },
];

export const NODE_KIND_IDS = NODE_KINDS.map((k) => k.id);

export function nodeKind(id: string): NodeKindDef | undefined {
  return NODE_KINDS.find((k) => k.id === id);
}
