/**
 * Derived, read-only facts about nodes: the actor group used for the default colour, the label in the current
 * language, and indexes of municipality and sector per node (from props and from LOCATED_IN / ACTIVE_IN ties).
 * Nothing here writes to the graph.
 */
import type { Attributes } from 'graphology-types';
import { tk, type Lang } from '../i18n/i18n.js';
import { NONE } from '../state/types.js';
import type { AtlasGraph } from './load.js';

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

const KIND_GROUP: Record<string, string> = {
  Network: 'network',
  Municipality: 'municipality',
  Sector: 'sector',
  Occupation: 'occupation',
  Skill: 'skill',
  EducationProgramme: 'programme',
  Action: 'action',
};

/** Actor groups in legend order, with their locale keys. */
export const ACTOR_GROUPS: readonly { id: string; key: string }[] = [
  { id: 'education', key: tk('group.education') },
  { id: 'employer', key: tk('group.employer') },
  { id: 'business', key: tk('group.business') },
  { id: 'public', key: tk('group.public') },
  { id: 'union', key: tk('group.union') },
  { id: 'funder', key: tk('group.funder') },
  { id: 'research', key: tk('group.research') },
  { id: 'civil', key: tk('group.civil') },
  { id: 'organisation', key: tk('group.organisation') },
  { id: 'network', key: tk('group.network') },
  { id: 'programme', key: tk('group.programme') },
  { id: 'occupation', key: tk('group.occupation') },
  { id: 'skill', key: tk('group.skill') },
  { id: 'sector', key: tk('group.sector') },
  { id: 'municipality', key: tk('group.municipality') },
  { id: 'action', key: tk('group.action') },
  { id: 'other', key: tk('group.other') },
];

export function actorGroup(attrs: Attributes): string {
  const kind = String(attrs.kind ?? '');
  if (kind === 'Organisation') return ORG_GROUP[String(attrs.orgType ?? '')] ?? 'organisation';
  return KIND_GROUP[kind] ?? 'other';
}

/** The node's display name in a language (nameEn when English and present). */
export function nodeName(attrs: Attributes, lang: Lang): string {
  const en = attrs.nameEn;
  if (lang === 'en' && typeof en === 'string' && en !== '') return en;
  return typeof attrs.name === 'string' ? attrs.name : '';
}

export interface NodeIndex {
  municipalities: Map<string, Set<string>>;
  sectors: Map<string, Set<string>>;
}

function add(map: Map<string, Set<string>>, node: string, value: string): void {
  let s = map.get(node);
  if (!s) map.set(node, (s = new Set()));
  s.add(value);
}

/** Municipality and sector per node: from props, from the kind itself, and from LOCATED_IN / ACTIVE_IN ties. */
export function buildIndex(graph: AtlasGraph): NodeIndex {
  const municipalities = new Map<string, Set<string>>();
  const sectors = new Map<string, Set<string>>();
  graph.forEachNode((node, a) => {
    if (a.kind === 'Municipality') add(municipalities, node, node);
    if (typeof a.municipality === 'string') add(municipalities, node, a.municipality);
    else if (a.kind === 'Organisation' && a.orgType === 'kommun' && typeof a.kommunkod === 'string')
      add(municipalities, node, `kommun:${a.kommunkod}`);
    if (a.kind === 'Sector') add(sectors, node, node);
    if (typeof a.primarySni === 'string') add(sectors, node, `sni:${a.primarySni}`);
  });
  graph.forEachEdge((_e, a, source, target) => {
    if (a.type === 'LOCATED_IN') add(municipalities, source, target);
    if (a.type === 'ACTIVE_IN') add(sectors, source, target);
  });
  return { municipalities, sectors };
}

/** The values of a node for a multi-valued facet, or [NONE] when it has none. */
export function facetValues(index: Map<string, Set<string>>, node: string): string[] {
  const s = index.get(node);
  return s && s.size > 0 ? [...s] : [NONE];
}
