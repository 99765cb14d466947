/** The comparison of two survey rounds as a report section: the change read aloud, the figures, new and lost ties. */
import type { Lang } from '../model/labels.js';
import type { RoundComparison } from '../survey/schemas.js';
import type { ReportSection } from './model.js';

const T = {
  heading: { sv: 'Enkätomgångar jämförda', en: 'Survey rounds compared' },
  measure: { sv: 'Mått', en: 'Measure' },
  ties: { sv: 'Relationer (omgångens relationstyper)', en: 'Ties (the rounds’ relation kinds)' },
  actors: { sv: 'Aktörer', en: 'Actors' },
  density: { sv: 'Täthet', en: 'Density' },
  reach: { sv: 'Aktörer inom räckvidd', en: 'Actors within reach' },
  municipalities: { sv: 'Kommuner inom räckvidd', en: 'Municipalities within reach' },
  newTie: { sv: 'Ny relation', en: 'New tie' },
  lostTie: { sv: 'Rapporteras inte längre', en: 'No longer reported' },
  rank: { sv: 'Rangordning som nyckelaktör', en: 'Key-actor rank' },
  unanswered: { sv: 'ingen part svarade', en: 'no end answered' },
} as const;

const MAX_ROWS = 20;

export function roundsSection(c: RoundComparison, lang: Lang): ReportSection {
  const row = (label: string, a: string | number, b: string | number) => [label, String(a), String(b)];
  const tie = (t: RoundComparison['newTies'][number]) => `${t.fromName} – ${t.toName}`;
  const rank = (r: number | null) => (r === null ? '–' : String(r));
  const changed = c.keyActors.filter((k) => k.rankFrom !== k.rankTo).slice(0, MAX_ROWS);
  return {
    heading: T.heading[lang],
    newPage: true,
    paragraphs: c.text.map((t) => t[lang]),
    table: {
      columns: [T.measure[lang], c.from.title, c.to.title],
      rows: [
        row(T.ties[lang], c.from.ties, c.to.ties),
        row(T.actors[lang], c.from.actors, c.to.actors),
        row(T.density[lang], c.from.density.toFixed(3), c.to.density.toFixed(3)),
        row(T.reach[lang], c.from.reach.actors, c.to.reach.actors),
        row(T.municipalities[lang], c.from.reach.municipalities, c.to.reach.municipalities),
        ...changed.map((k) => row(`${T.rank[lang]}: ${k.name}`, rank(k.rankFrom), rank(k.rankTo))),
      ],
      widths: [0.5, 0.25, 0.25],
    },
    items: [
      ...c.newTies.slice(0, MAX_ROWS).map((t) => ({ title: T.newTie[lang], text: tie(t) })),
      ...c.lostTies.slice(0, MAX_ROWS).map((t) => ({
        title: T.lostTie[lang],
        text: t.basis === 'unanswered' ? `${tie(t)} (${T.unanswered[lang]})` : tie(t),
      })),
    ],
  };
}
