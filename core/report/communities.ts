import type { PanelResult } from '../analysis/panel.js';
import type { Lang } from '../model/labels.js';
import type { NodeRecord } from '../model/records.js';
import { nameIn, num } from './format.js';
import type { ReportSection } from './model.js';
import { rt } from './strings.js';

/** The Louvain communities, largest first, each with its most connected members. */
export function communitiesSection(
  panel: PanelResult,
  nodes: Map<string, NodeRecord>,
  lang: Lang,
  perGroup = 6,
): ReportSection {
  const groups = new Map<number, string[]>();
  for (const [id, m] of Object.entries(panel.nodes)) groups.set(m.community, [...(groups.get(m.community) ?? []), id]);
  const ordered = [...groups.entries()].sort(([a, x], [b, y]) => y.length - x.length || a - b);
  const degree = (id: string) => panel.nodes[id]?.degree ?? 0;
  return {
    heading: rt('communitiesHeading', lang),
    paragraphs: [
      `${rt('communitiesIntro', lang)} ${rt('modularity', lang)} Q = ${num(panel.communities.modularity, lang)}.`,
    ],
    table: {
      columns: [rt('community', lang), rt('size', lang), rt('members', lang)],
      widths: [1, 0.8, 7],
      rows: ordered.map(([, ids], i) => [
        String(i + 1),
        String(ids.length),
        [...ids]
          .sort((a, b) => degree(b) - degree(a) || (a < b ? -1 : 1))
          .slice(0, perGroup)
          .map((id) => nameIn(nodes.get(id), id, lang))
          .join('; ') + (ids.length > perGroup ? ' …' : ''),
      ]),
    },
  };
}
