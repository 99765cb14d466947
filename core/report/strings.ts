import type { Bilingual, Lang } from '../model/labels.js';

/** Every fixed text of the PDF report, in both languages (a test checks that none is empty). */
export const REPORT_TEXT = {
  title: { sv: 'Aktörsatlas – rapport', en: 'Aktörsatlas – report' },
  subtitle: {
    sv: 'Aktörer och samordning i kompetensförsörjningen',
    en: 'Actors and coordination in skills supply',
  },
  view: { sv: 'Vy', en: 'View' },
  allData: { sv: 'hela registret', en: 'the whole register' },
  createdOn: { sv: 'Skapad', en: 'Created' },
  asOf: { sv: 'Per datum', en: 'As of' },
  asOfNone: { sv: 'alla relationer oavsett giltighetstid', en: 'every relation, whatever its valid time' },
  page: { sv: 'Sida', en: 'Page' },
  mapHeading: { sv: 'Kartan', en: 'The map' },
  mapIntro: {
    sv: 'Kartan visar vyns noder och relationer med vyns positioner, färger och storlekar. Linjens stil anger belägg.',
    en: "The map shows the view's nodes and relations with the view's positions, colours and sizes. Line style shows evidence.",
  },
  mapCount: {
    sv: 'Kartan visar {nodes} noder och {relations} relationer.',
    en: 'The map shows {nodes} nodes and {relations} relations.',
  },
  keyActorsHeading: { sv: 'Nyckelaktörer', en: 'Key actors' },
  keyActorsIntro: {
    sv: 'Aktörerna med högst mellanhetscentralitet i aktörsnätverket (enmodsprojektionen), med fler mått för jämförelse. En snittpunkt är en aktör utan vilken nätverket faller isär.',
    en: 'The actors with the highest betweenness in the actor network (the one-mode projection), with more measures for comparison. A cut point is an actor without whom the network falls apart.',
  },
  rank: { sv: 'Nr', en: 'No.' },
  actor: { sv: 'Aktör', en: 'Actor' },
  cutPoint: { sv: 'Snittpunkt', en: 'Cut point' },
  yes: { sv: 'ja', en: 'yes' },
  no: { sv: 'nej', en: 'no' },
  communitiesHeading: { sv: 'Grupperingar', en: 'Communities' },
  communitiesIntro: {
    sv: 'Grupper av aktörer som har fler band inom gruppen än mellan grupperna (Louvain).',
    en: 'Groups of actors with more ties within than between groups (Louvain).',
  },
  community: { sv: 'Grupp', en: 'Community' },
  size: { sv: 'Storlek', en: 'Size' },
  members: { sv: 'Mest centrala medlemmar', en: 'Most central members' },
  modularity: { sv: 'Modularitet', en: 'Modularity' },
  gapsHeading: { sv: 'Glapp i samordningen', en: 'Coordination gaps' },
  gapsIntro: {
    sv: 'Varje glapp förklaras med de aktörer och band som saknas. Allvarligast först.',
    en: 'Each gap is explained by the actors and ties that are missing. Most severe first.',
  },
  gapsNone: { sv: 'Analysen fann inga glapp.', en: 'The analysis found no gaps.' },
  gapsMore: { sv: 'ytterligare glapp finns i appen och i exporten.', en: 'more gaps are in the app and the export.' },
  severity: { sv: 'Allvar', en: 'Severity' },
  high: { sv: 'hög', en: 'high' },
  medium: { sv: 'medel', en: 'medium' },
  low: { sv: 'låg', en: 'low' },
  actionsHeading: { sv: 'Handlingsplan', en: 'Action plan' },
  actionsIntro: {
    sv: 'Åtgärder i registret, med ansvarig, status och de aktörer de gäller.',
    en: 'Actions in the register, with owner, status and the actors they concern.',
  },
  actionsNone: { sv: 'Inga åtgärder är registrerade.', en: 'No actions are recorded.' },
  action: { sv: 'Åtgärd', en: 'Action' },
  owner: { sv: 'Ansvarig', en: 'Owner' },
  status: { sv: 'Status', en: 'Status' },
  due: { sv: 'Klart senast', en: 'Due' },
  concerns: { sv: 'Gäller', en: 'Concerns' },
  answers: { sv: 'Svarar på glapp', en: 'Answers gap' },
  methodHeading: { sv: 'Metod', en: 'Method' },
  projection: { sv: 'Projektion', en: 'Projection' },
  projectionText: {
    sv: 'Måtten beräknas på enmodsprojektionen: organisationer är noder; en direkt relation ger ett band, och ett nätverk med n medlemmar ger varje par av medlemmar bandstyrkan 1/(n−1) (Newman 2001). Relationstyper: {types}. {actors} aktörer, {ties} band.',
    en: 'Measures are computed on the one-mode projection: organisations are nodes; a direct relation gives a tie, and a network with n members gives each pair of members a tie of strength 1/(n−1) (Newman 2001). Relation kinds: {types}. {actors} actors, {ties} ties.',
  },
  weightsText: {
    sv: 'Nyckelaktörsmåtten är oviktade (varje band räknas 1). Louvain-frö {seed}, upplösning {resolution}, {restarts} körningar; glappanalysens frö {gapSeed}.',
    en: 'The key-actor measures are unweighted (every tie counts 1). Louvain seed {seed}, resolution {resolution}, {restarts} runs; seed of the gap analysis {gapSeed}.',
  },
  pathsGuaranteed: {
    sv: 'Nätverket är för stort för exakta vägmått inom tidsbudgeten. Mellanheten är därför skattad från {samples} slumpvis dragna kortaste vägar (Riondato–Kornaropoulos): med sannolikhet minst {confidence} ligger varje aktörs normerade mellanhet inom ±{epsilon} från det exakta värdet (ε = {epsilon}, δ = {delta}). Närhet och harmonisk närhet är skattade från {sources} av {actors} källnoder.',
    en: "The network is too large for exact path measures within the time budget. Betweenness is therefore estimated from {samples} randomly drawn shortest paths (Riondato–Kornaropoulos): with probability at least {confidence} every actor's normalised betweenness is within ±{epsilon} of the exact value (ε = {epsilon}, δ = {delta}). Closeness and harmonic closeness are estimated from {sources} of {actors} source nodes.",
  },
  pathsSampled: {
    sv: 'Vägmåtten (mellanhet, närhet, harmonisk närhet) är skattade från {sources} av {actors} källnoder (Brandes–Pich), utan angiven felgräns.',
    en: 'The path measures (betweenness, closeness, harmonic closeness) are estimated from {sources} of {actors} source nodes (Brandes–Pich), without a stated error bound.',
  },
  formula: { sv: 'Formel', en: 'Formula' },
  reference: { sv: 'Referens', en: 'Reference' },
  weightMeaning: { sv: 'Vikter', en: 'Weights' },
  weight_strength: {
    sv: 'används som styrka (högre = starkare band)',
    en: 'used as strengths (higher = stronger tie)',
  },
  weight_distance: {
    sv: 'vägmått: avstånd = 1/styrka',
    en: 'path measure: distance = 1/strength',
  },
  weight_none: { sv: 'ignoreras', en: 'ignored' },
  gapMethodHeading: { sv: 'Glappens definitioner', en: 'Definitions of the gaps' },
  provenanceHeading: { sv: 'Bilaga: källor och belägg', en: 'Appendix: sources and evidence' },
  provenanceIntro: {
    sv: '{nodes} noder och {relations} relationer. Varje relation har minst en källa och en beläggsnivå.',
    en: '{nodes} nodes and {relations} relations. Every relation has at least one source and an evidence level.',
  },
  evidence: { sv: 'Belägg', en: 'Evidence' },
  relations: { sv: 'Relationer', en: 'Relations' },
  source: { sv: 'Källa', en: 'Source' },
  date: { sv: 'Datum', en: 'Date' },
  sourcesMore: { sv: 'ytterligare källor finns i exporten.', en: 'more sources are in the export.' },
  sourcesInternal: {
    sv: '{count} relationer är registrerade direkt i Aktörsatlas (till exempel åtgärder) och har ingen offentlig källa att hänvisa till.',
    en: '{count} relations were recorded directly in Aktörsatlas (actions, for example) and have no public source to cite.',
  },
} as const satisfies Record<string, Bilingual>;

export type ReportKey = keyof typeof REPORT_TEXT;

/** A report text in `lang`, with {name} placeholders filled in. */
export function rt(key: ReportKey, lang: Lang, values: Record<string, string | number> = {}): string {
  return REPORT_TEXT[key][lang].replace(/\{(\w+)\}/g, (m, k: string) => (k in values ? String(values[k]) : m));
}
