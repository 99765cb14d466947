import { EVIDENCE_LINES } from '../look/lines.js';
import type { Lang } from '../model/labels.js';
import { EVIDENCE_LEVELS, type Snapshot } from '../model/records.js';
import type { ReportSection } from './model.js';
import { rt } from './strings.js';

/** The appendix: relations by evidence level, and the sources with how many relations cite each. */
export function provenanceSection(snapshot: Snapshot, lang: Lang, maxSources = 200): ReportSection[] {
  const sources = new Map<string, { title: string; date: string; count: number }>();
  for (const r of snapshot.relations)
    for (const s of r.sources) {
      const known = sources.get(s.url);
      if (known) known.count++;
      else sources.set(s.url, { title: s.title, date: s.date ?? '', count: 1 });
    }
  const ordered = [...sources.entries()].sort(([a, x], [b, y]) => y.count - x.count || (a < b ? -1 : 1));
  return [
    {
      heading: rt('provenanceHeading', lang),
      newPage: true,
      paragraphs: [
        rt('provenanceIntro', lang, { nodes: snapshot.nodes.length, relations: snapshot.relations.length }),
        `${rt('asOf', lang)}: ${snapshot.asOf ?? rt('asOfNone', lang)}.`,
      ],
      table: {
        columns: [rt('evidence', lang), rt('relations', lang)],
        widths: [3, 1],
        rows: EVIDENCE_LEVELS.map((e) => [
          EVIDENCE_LINES[e].label[lang],
          String(snapshot.relations.filter((r) => r.evidence === e).length),
        ]),
      },
    },
    {
      heading: rt('source', lang),
      level: 2,
      table: {
        columns: [rt('source', lang), rt('date', lang), rt('relations', lang)],
        widths: [7, 1.4, 1],
        rows: ordered.slice(0, maxSources).map(([url, s]) => [`${s.title}\n${url}`, s.date || '–', String(s.count)]),
      },
      ...(ordered.length > maxSources ? { after: `${ordered.length - maxSources} ${rt('sourcesMore', lang)}` } : {}),
    },
  ];
}
