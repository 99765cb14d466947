/**
 * Actor groups: the default colour key of the map. Organisations fall in a group by their organisation type,
 * every other node kind is its own group. The order here is the legend's order.
 */
import type { Bilingual } from '../model/labels.js';

export interface ActorGroup {
  id: string;
  label: Bilingual;
  /** The node kind whose shape the group's legend entry shows. */
  kind: string;
}

const org = (id: string, sv: string, en: string): ActorGroup => ({ id, label: { sv, en }, kind: 'Organisation' });

/** Actor groups in legend order. */
export const ACTOR_GROUPS: readonly ActorGroup[] = [
  org('education', 'Utbildningsanordnare', 'Education provider'),
  org('employer', 'Arbetsgivare', 'Employer'),
  org('business', 'Näringslivsorganisation', 'Business organisation'),
  org('public', 'Offentlig aktör', 'Public body'),
  org('union', 'Fackförbund', 'Trade union'),
  org('funder', 'Finansiär', 'Funder'),
  org('research', 'Forskningsinstitut', 'Research institute'),
  org('civil', 'Ideell organisation', 'Non-profit organisation'),
  org('organisation', 'Annan organisation', 'Other organisation'),
  { id: 'network', label: { sv: 'Nätverk och råd', en: 'Network or council' }, kind: 'Network' },
  { id: 'programme', label: { sv: 'Utbildning', en: 'Education programme' }, kind: 'EducationProgramme' },
  { id: 'occupation', label: { sv: 'Yrke', en: 'Occupation' }, kind: 'Occupation' },
  { id: 'skill', label: { sv: 'Kompetens', en: 'Skill' }, kind: 'Skill' },
  { id: 'sector', label: { sv: 'Bransch', en: 'Sector' }, kind: 'Sector' },
  { id: 'municipality', label: { sv: 'Kommun (geografi)', en: 'Municipality (geography)' }, kind: 'Municipality' },
  { id: 'action', label: { sv: 'Åtgärd', en: 'Action' }, kind: 'Action' },
  { id: 'other', label: { sv: 'Övrigt', en: 'Other' }, kind: 'Organisation' },
];

const ORG_GROUP: Record<string, string> = {
  larosate: 'education',
  yh_anordnare: 'education',
  gymnasieskola: 'education',
  komvux: 'education',
  folkhogskola: 'education',
  arbetsgivare: 'employer',
  naringslivsorganisation: 'business',
  science_park: 'business',
  region: 'public',
  kommun: 'public',
  statlig_myndighet: 'public',
  kommunalforbund: 'public',
  samordningsforbund: 'public',
  organisationsenhet: 'public',
  fackforbund: 'union',
  finansiar: 'funder',
  forskningsinstitut: 'research',
  ideell: 'civil',
};

const KIND_GROUP: Record<string, string> = Object.fromEntries(
  ACTOR_GROUPS.filter((g) => g.kind !== 'Organisation').map((g) => [g.kind, g.id]),
);

/** The actor group of a node from its kind and (for organisations) its organisation type. */
export function actorGroupOf(kind: unknown, orgType: unknown): string {
  const k = String(kind ?? '');
  if (k === 'Organisation') return ORG_GROUP[String(orgType ?? '')] ?? 'organisation';
  return KIND_GROUP[k] ?? 'other';
}

export const actorGroup = (id: string): ActorGroup | undefined => ACTOR_GROUPS.find((g) => g.id === id);
