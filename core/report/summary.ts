/**
 * The report's first section: the answers before the method. The top findings (GET /api/gaps `summary`), the key
 * actors that hold on confirmed ties only, and two slots other analyses fill: the platform's reach and the council
 * proposal. A slot without input says so plainly.
 */
import type { GapReport } from '../analysis/gaps/types.js';
import type { KeyActor } from '../analysis/key-actors.js';
import type { Bilingual, Lang } from '../model/labels.js';
import type { NodeRecord } from '../model/records.js';
import { nameIn } from './format.js';
import type { ReportItem, ReportSection } from './model.js';

/** The platform's reach (who is within 1, 2, 3 steps; coverage by municipality and helix), in short lines. */
export interface PlatformReachSummary {
  lines: Bilingual[];
}

/** The proposed kompetensråd and the constraints it could not meet, in short lines. */
export interface CouncilProposalSummary {
  lines: Bilingual[];
}

export interface SummaryInputs {
  reach?: PlatformReachSummary;
  council?: CouncilProposalSummary;
}

const T = {
  heading: { sv: 'Sammanfattning', en: 'Summary' },
  intro: {
    sv: 'Det här är svaren först: de fynd som bör läsas först (ordnade efter räckvidd gånger säkerhet), de nyckelaktörer som håller även när bara bekräftade band räknas, plattformens räckvidd och förslaget till kompetensråd. Metoden kommer sist.',
    en: 'The answers first: the findings to read first (ordered by reach times confidence), the key actors that hold when only confirmed ties count, the platform’s reach and the council proposal. The method comes last.',
  },
  findings: { sv: 'Fynd att läsa först', en: 'Findings to read first' },
  noFindings: { sv: 'Analysen fann inga glapp att lyfta fram.', en: 'The analysis found no gaps to highlight.' },
  robust: { sv: 'Robusta nyckelaktörer (håller på bekräftade band)', en: 'Robust key actors (hold on confirmed ties)' },
  notRobust: {
    sv: 'Bygger delvis på troliga eller osäkra band: {names}.',
    en: 'Rest partly on probable or uncertain ties: {names}.',
  },
  noRobust: {
    sv: 'Ingen nyckelaktör håller när bara bekräftade band räknas.',
    en: 'No key actor holds when only confirmed ties count.',
  },
  reach: { sv: 'Plattformens räckvidd', en: 'The platform’s reach' },
  council: { sv: 'Förslag till kompetensråd', en: 'Council proposal' },
  notComputed: {
    sv: 'Ingår inte i den här rapporten.',
    en: 'Not part of this report.',
  },
} as const satisfies Record<string, Bilingual>;

const join = (names: string[], lang: Lang) =>
  names.length <= 1
    ? (names[0] ?? '')
    : `${names.slice(0, -1).join(', ')} ${lang === 'sv' ? 'och' : 'and'} ${names[names.length - 1]}`;

function slot(title: Bilingual, input: { lines: Bilingual[] } | undefined, lang: Lang): ReportItem {
  const lines = input?.lines ?? [];
  return { title: title[lang], text: lines.length > 0 ? lines.map((l) => l[lang]).join(' ') : T.notComputed[lang] };
}

/** The summary section (the report's first). */
export function summarySection(
  gaps: GapReport,
  keyActors: readonly KeyActor[],
  nodes: Map<string, NodeRecord>,
  lang: Lang,
  inputs: SummaryInputs = {},
): ReportSection {
  const name = (id: string) => nameIn(nodes.get(id), id, lang);
  const robust = keyActors.filter((k) => k.robust).map((k) => name(k.id));
  const fragile = keyActors.filter((k) => !k.robust).map((k) => name(k.id));
  const findings: ReportItem[] =
    gaps.summary.length > 0
      ? gaps.summary.map((s, i) => ({ title: `${i + 1}.`, text: s.sentence[lang] }))
      : [{ title: T.findings[lang], text: T.noFindings[lang] }];
  const actors: ReportItem = {
    title: T.robust[lang],
    text:
      (robust.length > 0 ? `${join(robust, lang)}.` : T.noRobust[lang]) +
      (fragile.length > 0 ? ` ${T.notRobust[lang].replace('{names}', join(fragile, lang))}` : ''),
  };
  return {
    heading: T.heading[lang],
    newPage: true,
    paragraphs: [T.intro[lang], T.findings[lang]],
    items: [...findings, actors, slot(T.reach, inputs.reach, lang), slot(T.council, inputs.council, lang)],
  };
}
