import type { PanelResult } from '../analysis/panel.js';
import type { Lang } from '../model/labels.js';
import type { NodeRecord } from '../model/records.js';
import { metricDescriptor } from '../analysis/registry.js';
import { nameIn, num } from './format.js';
import type { ReportSection } from './model.js';
import { rt } from './strings.js';

/** Metrics shown in the key-actor table (ids in the registry), in column order. */
export const KEY_ACTOR_METRICS = ['betweenness', 'degree', 'eigenvector', 'pagerank'] as const;

/** The top actors by betweenness (ties broken by degree, then id) with a few more measures. */
export function keyActorsSection(
  panel: PanelResult,
  nodes: Map<string, NodeRecord>,
  lang: Lang,
  top = 15,
): ReportSection {
  const ranked = Object.entries(panel.nodes)
    .sort(([a, x], [b, y]) => y.betweenness - x.betweenness || y.degree - x.degree || (a < b ? -1 : 1))
    .slice(0, top);
  // The output's label is the short one ("Betweenness (normalised)"), fit for a column head.
  const label = (id: string) => metricDescriptor(id)?.outputs.find((o) => o.id === id)?.label[lang] ?? id;
  return {
    heading: rt('keyActorsHeading', lang),
    newPage: true,
    paragraphs: [rt('keyActorsIntro', lang)],
    table: {
      columns: [rt('rank', lang), rt('actor', lang), ...KEY_ACTOR_METRICS.map(label), rt('cutPoint', lang)],
      widths: [0.5, 3.2, 1.4, 0.8, 1.2, 1.1, 1],
      rows: ranked.map(([id, m], i) => [
        String(i + 1),
        nameIn(nodes.get(id), id, lang),
        num(m.betweenness, lang),
        num(m.degree, lang),
        num(m.eigenvector, lang),
        num(m.pagerank, lang),
        m.articulationPoint ? rt('yes', lang) : rt('no', lang),
      ]),
    },
  };
}
