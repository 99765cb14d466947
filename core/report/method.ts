import type { GapReport } from '../analysis/gaps/types.js';
import type { PanelResult } from '../analysis/panel.js';
import { metricDescriptor } from '../analysis/registry.js';
import type { ProjectionMeta } from '../graph/projection.js';
import { relationKind } from '../model/catalogue/relation-kinds.js';
import type { Lang } from '../model/labels.js';
import { num } from './format.js';
import { KEY_ACTOR_METRICS } from './key-actors.js';
import type { ReportSection } from './model.js';
import { rt } from './strings.js';

/** Metrics the report prints, whose method notes it carries (ids in the registry). */
export const REPORT_METRICS = [...KEY_ACTOR_METRICS, 'articulationPoint', 'community', 'modularity'];

/** How the path measures were computed, when not exactly: the stated guarantee or the plain source sampling. */
function pathsNote(panel: PanelResult, lang: Lang): string[] {
  const { paths } = panel;
  const actors = panel.graph.nodes;
  if (paths.guarantee) {
    const { samples, epsilon, delta } = paths.guarantee;
    const values = { samples, sources: paths.sources, actors, epsilon: num(epsilon, lang), delta: num(delta, lang) };
    return [rt('pathsGuaranteed', lang, { ...values, confidence: num(1 - delta, lang) })];
  }
  return paths.exact ? [] : [rt('pathsSampled', lang, { sources: paths.sources, actors })];
}

/**
 * Method notes generated from the metric and gap registries: definition, formula, reference and weight meaning of
 * each measure used, the projection the numbers were computed on, and the seeds.
 */
export function methodSections(meta: ProjectionMeta, panel: PanelResult, gaps: GapReport, lang: Lang): ReportSection[] {
  const types = meta.relationTypes.map((t) => relationKind(t)?.label[lang] ?? t).join(', ');
  const metrics = REPORT_METRICS.map((id) => metricDescriptor(id)).filter((m) => m !== undefined);
  const usedGapKinds = new Set(gaps.findings.map((f) => f.gapKind));
  return [
    {
      heading: rt('methodHeading', lang),
      newPage: true,
      paragraphs: [
        rt('projectionText', lang, { types, actors: meta.actors, ties: meta.ties }),
        rt('weightsText', lang, {
          seed: panel.communities.seed,
          resolution: num(panel.communities.resolution, lang),
          restarts: panel.communities.restarts,
          gapSeed: gaps.parameters.seed,
        }),
        ...pathsNote(panel, lang),
      ],
      items: metrics.map((m) => ({
        title: m.label[lang],
        text: m.description[lang] + (m.notes ? ` ${m.notes[lang]}` : ''),
        notes: [
          `${rt('formula', lang)}: ${m.formula}`,
          `${rt('reference', lang)}: ${m.reference}`,
          `${rt('weightMeaning', lang)}: ${rt(`weight_${m.weightMeaning}`, lang)}`,
        ],
      })),
    },
    {
      heading: rt('gapMethodHeading', lang),
      level: 2,
      items: gaps.gapKinds
        .filter((d) => usedGapKinds.has(d.id))
        .map((d) => ({
          title: d.label[lang],
          text: d.definition[lang],
          notes: [`${rt('severity', lang)}: ${d.severity[lang]}`, `${rt('reference', lang)}: ${d.reference}`],
        })),
    },
  ];
}
