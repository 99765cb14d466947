import { EVIDENCE_LINES } from '../look/lines.js';
import type { Lang } from '../model/labels.js';
import { EVIDENCE_LEVELS, type Snapshot } from '../model/records.js';
import type { ReportSection } from './model.js';
import { rt } from './strings.js';

const PRIVATE_HOST = [
  /^localhost$/,
  /\.localhost$/,
  /\.local$/,
  /^127\./,
  /^10\./,
  /^192\.168\./,
  /^172\.(1[6-9]|2\d|3[01])\./,
  /^169\.254\./,
  /^0\.0\.0\.0$/,
  /^\[(::1?|f[cd][0-9a-f:]*|fe80:[0-9a-f:]*)\]$/,
];

/**
 * A source a reader can open: http(s) on a public host. The app's own address (an action saved from a finding
 * cites `http://127.0.0.1:…/api/gaps`) and private networks are not sources a council member can follow.
 */
export function isPublicSourceUrl(url: string): boolean {
  const m = /^https?:\/\/([^/?#@]*@)?(\[[^\]]*\]|[^/?#:]+)/i.exec(url.trim());
  if (!m) return false;
  const host = m[2].toLowerCase();
  return !PRIVATE_HOST.some((re) => re.test(host));
}

/** The appendix: relations by evidence level, and the public sources with how many relations cite each. */
export function provenanceSection(snapshot: Snapshot, lang: Lang, maxSources = 200): ReportSection[] {
  const sources = new Map<string, { title: string; date: string; count: number }>();
  let internal = 0;
  for (const r of snapshot.relations) {
    if (!r.sources.some((s) => isPublicSourceUrl(s.url))) internal++;
    for (const s of r.sources.filter((x) => isPublicSourceUrl(x.url))) {
      const known = sources.get(s.url);
      if (known) known.count++;
      else sources.set(s.url, { title: s.title, date: s.date ?? '', count: 1 });
    }
  }
  const after = [
    ...(sources.size > maxSources ? [`${sources.size - maxSources} ${rt('sourcesMore', lang)}`] : []),
    ...(internal > 0 ? [rt('sourcesInternal', lang, { count: internal })] : []),
  ];
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
      ...(after.length > 0 ? { after: after.join(' ') } : {}),
    },
  ];
}
