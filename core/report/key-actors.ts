import type { KeyActor } from '../analysis/key-actors.js';
import type { PanelResult } from '../analysis/panel.js';
import type { Lang } from '../model/labels.js';
import type { NodeRecord } from '../model/records.js';
import { metricDescriptor } from '../analysis/registry.js';
import { nameIn, num } from './format.js';
import type { ReportSection } from './model.js';
import { rt } from './strings.js';

/** Metrics shown in the key-actor table (ids in the registry), in column order. */
export const KEY_ACTOR_METRICS = ['betweenness', 'degree', 'eigenvector', 'pagerank'] as const;

const ROBUST = {
  column: { sv: 'Robust', en: 'Robust' },
  intro: {
    sv: 'Ordningen följer räckvidd: medelvärdet av grad och mellanhet, vart och ett i förhållande till den mest centrala aktören, så att en aktör med två band inte blir nyckelaktör bara för att den står mellan två små grupper. Robust: aktören är nyckelaktör även när bara bekräftade band räknas.',
    en: 'The order follows impact: the mean of degree and betweenness, each relative to the most central actor, so an actor with two ties is not a key actor just because it sits between two small groups. Robust: the actor is a key actor when only confirmed ties count too.',
  },
} as const;

/** The key actors ranked by impact, with a few measures and whether each holds on confirmed ties. */
export function keyActorsSection(
  panel: PanelResult,
  keyActors: readonly KeyActor[],
  nodes: Map<string, NodeRecord>,
  lang: Lang,
): ReportSection {
  // The output's label is the short one ("Betweenness (normalised)"), fit for a column head.
  const label = (id: string) => metricDescriptor(id)?.outputs.find((o) => o.id === id)?.label[lang] ?? id;
  return {
    heading: rt('keyActorsHeading', lang),
    newPage: true,
    paragraphs: [rt('keyActorsIntro', lang), ROBUST.intro[lang]],
    table: {
      columns: [
        rt('rank', lang),
        rt('actor', lang),
        ...KEY_ACTOR_METRICS.map(label),
        rt('cutPoint', lang),
        ROBUST.column[lang],
      ],
      widths: [0.45, 2.4, 1.9, 0.6, 1.1, 1, 0.9, 0.8],
      rows: keyActors.map((k) => {
        const m = panel.nodes[k.id];
        return [
          String(k.rank),
          nameIn(nodes.get(k.id), k.id, lang),
          num(m?.betweenness, lang),
          num(m?.degree, lang),
          num(m?.eigenvector, lang),
          num(m?.pagerank, lang),
          m?.articulationPoint ? rt('yes', lang) : rt('no', lang),
          k.robust ? rt('yes', lang) : rt('no', lang),
        ];
      }),
    },
  };
}
