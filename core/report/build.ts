import { runGaps } from '../analysis/gaps/index.js';
import { runPanel } from '../analysis/panel.js';
import { mapModel } from '../render/map-model.js';
import type { SvgMapInput } from '../render/svg.js';
import type { ExportView } from '../render/view.js';
import { projectActors } from '../graph/projection.js';
import type { Lang } from '../model/labels.js';
import type { Snapshot } from '../model/records.js';
import { actionsSection } from './actions.js';
import { communitiesSection } from './communities.js';
import { gapsSection } from './gaps.js';
import { keyActorsSection } from './key-actors.js';
import { methodSections } from './method.js';
import type { ReportModel } from './model.js';
import { provenanceSection } from './provenance.js';
import { rt } from './strings.js';

export interface ReportOptions {
  lang?: Lang;
  /** Positions, colours and sizes of a saved view, and its name for the title page. */
  view?: ExportView;
  viewName?: string;
  title?: string;
  /** ISO timestamp of the report (default now). */
  createdAt?: string;
  /** Louvain and gap-analysis seed (default 1, as the API). */
  seed?: number;
  /** The map, when the caller drew it (the exports draw one map model for SVG, PNG and PDF). */
  map?: SvgMapInput;
}

/**
 * The report of a (filtered) snapshot as data: the map, key actors, communities, gaps, the action plan, method
 * notes and the provenance appendix. Runs the analysis itself so the numbers match the API's defaults.
 */
export function buildReport(snapshot: Snapshot, options: ReportOptions = {}): ReportModel {
  const lang = options.lang ?? 'sv';
  const seed = options.seed ?? 1;
  const date = (options.createdAt ?? new Date().toISOString()).slice(0, 10);
  const nodes = new Map(snapshot.nodes.map((n) => [n.id, n]));
  const { graph, meta } = projectActors(snapshot, snapshot.asOf ? { asOf: snapshot.asOf } : {});
  const panel = runPanel(graph, { weight: null, seed, restarts: 10 });
  const gaps = runGaps(snapshot, { seed });
  const title = options.title ?? rt('title', lang);
  return {
    lang,
    title,
    subtitle: rt('subtitle', lang),
    meta: [
      `${rt('view', lang)}: ${options.viewName ?? rt('allData', lang)}`,
      `${rt('createdOn', lang)}: ${date}`,
      `${rt('asOf', lang)}: ${snapshot.asOf ?? rt('asOfNone', lang)}`,
    ],
    map:
      options.map ??
      mapModel(snapshot, {
        lang,
        date,
        width: 1600,
        height: 1150,
        ...(options.view ? { view: options.view } : {}),
        ...(options.viewName ? { subtitle: `${rt('view', lang)}: ${options.viewName}` } : {}),
      }),
    mapHeading: rt('mapHeading', lang),
    mapIntro: rt('mapIntro', lang),
    sections: [
      keyActorsSection(panel, nodes, lang),
      communitiesSection(panel, nodes, lang),
      gapsSection(gaps, lang),
      actionsSection(snapshot, nodes, lang),
      ...methodSections(meta, panel, gaps, lang),
      ...provenanceSection(snapshot, lang),
    ],
    pageLabel: rt('page', lang),
  };
}
