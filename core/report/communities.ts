import type { PanelResult } from '../analysis/panel.js';
import type { Lang } from '../model/labels.js';
import type { NodeRecord } from '../model/records.js';
import { nameIn, num } from './format.js';
import type { ReportSection } from './model.js';
import { rt } from './strings.js';

const FOLD = {
  others: { sv: 'Övriga ({n} små grupper)', en: 'Others ({n} small groups)' },
  isolates: { sv: 'Isolerade aktörer ({n})', en: 'Isolated actors ({n})' },
  note: {
    sv: 'En aktör utan band till andra är ingen grupp: de isolerade aktörerna räknas en gång. Grupper med färre än {min} aktörer samlas under övriga.',
    en: 'An actor without ties to others is not a group: isolated actors are counted once. Groups with fewer than {min} actors are gathered under others.',
  },
} as const;

/**
 * The Louvain communities, largest first, each with its most connected members. Singletons are isolated actors,
 * counted once; communities below `minSize` are folded into one "övriga" row.
 */
export function communitiesSection(
  panel: PanelResult,
  nodes: Map<string, NodeRecord>,
  lang: Lang,
  perGroup = 6,
  minSize = 3,
): ReportSection {
  const groups = new Map<number, string[]>();
  for (const [id, m] of Object.entries(panel.nodes)) groups.set(m.community, [...(groups.get(m.community) ?? []), id]);
  const ordered = [...groups.entries()].sort(([a, x], [b, y]) => y.length - x.length || a - b);
  const degree = (id: string) => panel.nodes[id]?.degree ?? 0;
  const top = (ids: string[]) =>
    [...ids]
      .sort((a, b) => degree(b) - degree(a) || (a < b ? -1 : 1))
      .slice(0, perGroup)
      .map((id) => nameIn(nodes.get(id), id, lang))
      .join('; ') + (ids.length > perGroup ? ' …' : '');
  const big = ordered.filter(([, ids]) => ids.length >= minSize);
  const small = ordered.filter(([, ids]) => ids.length > 1 && ids.length < minSize);
  const isolates = ordered.filter(([, ids]) => ids.length === 1).flatMap(([, ids]) => ids);
  const rows = big.map(([, ids], i) => [String(i + 1), String(ids.length), top(ids)]);
  if (small.length > 0) {
    const ids = small.flatMap(([, x]) => x);
    rows.push([FOLD.others[lang].replace('{n}', String(small.length)), String(ids.length), top(ids)]);
  }
  if (isolates.length > 0)
    rows.push([FOLD.isolates[lang].replace('{n}', String(isolates.length)), String(isolates.length), top(isolates)]);
  return {
    heading: rt('communitiesHeading', lang),
    paragraphs: [
      `${rt('communitiesIntro', lang)} ${rt('modularity', lang)} Q = ${num(panel.communities.modularity, lang)}.`,
      FOLD.note[lang].replace('{min}', String(minSize)),
    ],
    table: { columns: [rt('community', lang), rt('size', lang), rt('members', lang)], widths: [1.6, 0.8, 6.4], rows },
  };
}
