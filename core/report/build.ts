import { runGaps } from '../analysis/gaps/index.js';
import { registerCompletenessReport, type ReferenceCount } from '../analysis/completeness/index.js';
import { keyActors, withEvidence } from '../analysis/key-actors.js';
import { runPanel } from '../analysis/panel.js';
import { DEFAULT_PANEL_OPTIONS } from '../analysis/registry.js';
import { completenessSection } from './completeness.js';
import { summarySection, type SummaryInputs } from './summary.js';
import { platformAnswers } from './reach.js';
import { mapModel } from '../render/map-model.js';
import type { SvgMapInput } from '../render/svg.js';
import type { ExportView } from '../render/view.js';
import { projectActors } from '../graph/projection.js';
import type { Lang } from '../model/labels.js';
import type { Evidence, Snapshot } from '../model/records.js';
import { actionsSection } from './actions.js';
import { communitiesSection } from './communities.js';
import { gapsSection } from './gaps.js';
import { keyActorsSection } from './key-actors.js';
import { methodSections } from './method.js';
import type { ReportModel } from './model.js';
import { provenanceSection } from './provenance.js';
import { rt } from './strings.js';
import { roundsSection } from './rounds.js';
import type { RoundComparison } from '../survey/schemas.js';

export interface ReportOptions {
  lang?: Lang;
  /** Positions, colours and sizes of a saved view, and its name for the title page. */
  view?: ExportView;
  viewName?: string;
  title?: string;
  /** ISO timestamp of the report (default now). */
  createdAt?: string;
  /** Louvain and gap-analysis seed (default DEFAULT_PANEL_OPTIONS.seed, as the API). */
  seed?: number;
  /** Only relations with at least this evidence (default uncertain = all), as GET /api/analysis and /api/gaps. */
  minEvidence?: Evidence;
  /** Published counts the register's completeness is measured against (e.g. fixtures/reference-counts.ts). */
  references?: readonly ReferenceCount[];
  /** The platform's reach and the council proposal for the summary, when computed. */
  summary?: SummaryInputs;
  /** The map, when the caller drew it (the exports draw one map model for SVG, PNG and PDF). */
  map?: SvgMapInput;
  /** Two survey rounds compared (GET /api/surveys/compare), as a section after the platform's reach. */
  rounds?: RoundComparison;
}

/**
 * The report of a (filtered) snapshot as data: the map, key actors, communities, gaps, the action plan, method
 * notes and the provenance appendix. Runs the analysis itself so the numbers match the API's defaults.
 */
export function buildReport(snapshot: Snapshot, options: ReportOptions = {}): ReportModel {
  const lang = options.lang ?? 'sv';
  const seed = options.seed ?? DEFAULT_PANEL_OPTIONS.seed;
  const minEvidence = options.minEvidence ?? 'uncertain';
  const date = (options.createdAt ?? new Date().toISOString()).slice(0, 10);
  const nodes = new Map(snapshot.nodes.map((n) => [n.id, n]));
  const analysed = withEvidence(snapshot, minEvidence);
  const { graph, meta } = projectActors(analysed, snapshot.asOf ? { asOf: snapshot.asOf } : {});
  const panel = runPanel(graph, { weight: null, seed, restarts: DEFAULT_PANEL_OPTIONS.restarts });
  const gaps = runGaps(snapshot, { seed, minEvidence });
  const actors = keyActors(panel.nodes, analysed, { asOf: snapshot.asOf ?? null, top: 15 });
  const completeness = registerCompletenessReport(snapshot, options.references ?? []);
  const answers = platformAnswers(snapshot, minEvidence, nodes, lang);
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
      summarySection(gaps, actors.slice(0, 10), nodes, lang, options.summary ?? answers.summary),
      keyActorsSection(panel, actors, nodes, lang),
      communitiesSection(panel, nodes, lang),
      gapsSection(gaps, lang),
      ...answers.sections,
      ...(options.rounds ? [roundsSection(options.rounds, lang)] : []),
      completenessSection(completeness, lang),
      actionsSection(snapshot, nodes, lang),
      ...methodSections(meta, panel, gaps, lang),
      ...provenanceSection(snapshot, lang),
    ],
    leadSections: 1,
    pageLabel: rt('page', lang),
  };
}
