import type { CompletenessReport } from '../analysis/completeness/index.js';
import type { Lang } from '../model/labels.js';
import type { ReportSection } from './model.js';

const T = {
  heading: { sv: 'Registrets fullständighet', en: 'Completeness of the register' },
  intro: {
    sv: 'Ett fynd som bygger på att ett band saknas säger något om registret tills någon har kontrollerat det. Tabellen visar hur många aktörer av varje typ registret har, mot en publicerad siffra där en sådan finns, och hur många av dem som har minst en utbildningskoppling eller ett medlemskap.',
    en: 'A finding that rests on a missing tie says something about the register until someone has checked it. The table shows how many actors of each type the register holds, against a published count where there is one, and how many of them have at least one education tie or membership.',
  },
  kind: { sv: 'Aktörstyp', en: 'Actor type' },
  registered: { sv: 'I registret', en: 'Registered' },
  reference: { sv: 'Publicerat antal', en: 'Published count' },
  educates: { sv: 'Med utbildningskoppling', en: 'With education tie' },
  member: { sv: 'Med medlemskap', en: 'With membership' },
  none: { sv: '–', en: '–' },
  atLeast: { sv: 'minst', en: 'at least' },
  municipalities: { sv: 'Kommuner', en: 'Municipalities' },
  sources: { sv: 'Källor', en: 'Sources' },
} as const;

/** The completeness table of the report, with the sources of the reference counts. */
export function completenessSection(c: CompletenessReport, lang: Lang): ReportSection {
  const ref = (r: CompletenessReport['kinds'][number]['reference']) =>
    r ? `${r.atLeast ? `${T.atLeast[lang]} ` : ''}${r.count}` : T.none[lang];
  const rows = [
    [T.municipalities[lang], String(c.municipalities.registered), ref(c.municipalities.reference), '', ''],
    ...c.kinds.map((k) => [
      k.label[lang],
      String(k.registered),
      ref(k.reference),
      String(k.withRelation.EDUCATES_FOR ?? 0),
      String(k.withRelation.MEMBER_OF ?? 0),
    ]),
  ];
  const sources = [c.municipalities.reference, ...c.kinds.map((k) => k.reference)]
    .filter((r) => r !== null)
    .map((r) => `${r.source.title}: ${r.source.url}${r.source.date ? ` (${r.source.date})` : ''}`);
  return {
    heading: T.heading[lang],
    newPage: true,
    paragraphs: [T.intro[lang]],
    table: {
      columns: [T.kind[lang], T.registered[lang], T.reference[lang], T.educates[lang], T.member[lang]],
      widths: [3, 1.2, 1.4, 1.6, 1.4],
      rows,
    },
    ...(sources.length > 0 ? { after: `${T.sources[lang]}: ${[...new Set(sources)].join('; ')}` } : {}),
  };
}
