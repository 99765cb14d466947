/**
 * The texts of an exported map's legend, in both languages (the screen's legend has the same wording in the
 * locale files, web/src/i18n). Functions take the values they fill in.
 */
import type { Bilingual, Lang } from '../model/labels.js';

const T = {
  color: { sv: 'Färg', en: 'Colour' },
  actorGroup: { sv: 'Typ av aktör', en: 'Type of actor' },
  kind: { sv: 'Nodtyp', en: 'Node kind' },
  municipality: { sv: 'Kommun', en: 'Municipality' },
  sector: { sv: 'Bransch', en: 'Sector' },
  community: { sv: 'Gemenskap (Louvain)', en: 'Community (Louvain)' },
  otherValues: { sv: 'Övriga värden', en: 'Other values' },
  missing: { sv: 'Uppgift saknas', en: 'Not stated' },
  shape: { sv: 'Form: nodtyp', en: 'Shape: node kind' },
  size: { sv: 'Storlek', en: 'Size' },
  sizeNone: { sv: 'Lika stora', en: 'Same size' },
  edges: { sv: 'Band', en: 'Ties' },
  evidence: { sv: 'Belägg (linjestil)', en: 'Evidence (line style)' },
  highlight: { sv: 'Markering', en: 'Highlight' },
  title: { sv: 'Aktörer i kompetensförsörjningen', en: 'Actors in skills supply' },
} satisfies Record<string, Bilingual>;

export type LegendKey = keyof typeof T;

export const lt = (key: LegendKey, lang: Lang): string => T[key][lang];

export const communityName = (n: number, lang: Lang): string => (lang === 'sv' ? `Gemenskap ${n}` : `Community ${n}`);

export const sizeRange = (what: string, min: string, max: string, lang: Lang): string =>
  lang === 'sv' ? `${what}: ${min}–${max} (minst–störst)` : `${what}: ${min}–${max} (smallest–largest)`;

export const sizeMissing = (n: number, lang: Lang): string =>
  lang === 'sv' ? `${n} noder saknar värde och visas minst` : `${n} nodes have no value and are shown smallest`;

export const focusNote = (name: string, depth: number, lang: Lang): string =>
  lang === 'sv'
    ? `Fokus på ${name} och grannar i ${depth} steg; övriga tonade`
    : `Focus on ${name} and neighbours within ${depth} steps; the rest faded`;

export const sourceLine = (
  counts: { nodes: number; relations: number; sources: number; asOf?: string },
  lang: Lang,
): string =>
  lang === 'sv'
    ? `Källa: Aktörsatlas (${counts.nodes} noder, ${counts.relations} relationer, ${counts.sources} källor)${counts.asOf ? `, per ${counts.asOf}` : ''}`
    : `Source: Aktörsatlas (${counts.nodes} nodes, ${counts.relations} relations, ${counts.sources} sources)${counts.asOf ? `, as of ${counts.asOf}` : ''}`;
