/**
 * The measures a scenario compares, each computed on the snapshot before and after the draft and answering only
 * the difference. A new measure (the platform's reach) is one more entry in MEASURES.
 */
import { projectActors } from '../../graph/projection.js';
import { runGaps, type Finding } from '../gaps/index.js';
import { runPanel, type PanelResult } from '../panel.js';
import { reach } from './reach.js';
import type {
  FindingRef,
  Measure,
  MeasureDiffs,
  MeasureId,
  RankChange,
  ScenarioOptions,
  ScenarioState,
} from './types.js';

/** The key-actor order of the report and the map: betweenness, then degree, then id. */
export const KEY_ACTOR_ORDER = ['betweenness', 'degree'] as const;

/** Actor ids of a panel, most central first. */
export function rankKeyActors(panel: PanelResult): string[] {
  return Object.entries(panel.nodes)
    .sort(([a, x], [b, y]) => y.betweenness - x.betweenness || y.degree - x.degree || (a < b ? -1 : 1))
    .map(([id]) => id);
}

/** The panel with the API's defaults (unweighted, seeded Louvain), as GET /api/analysis runs it. */
function panelOf(state: ScenarioState, seed: number): PanelResult {
  const { graph } = projectActors(state.snapshot, state.snapshot.asOf ? { asOf: state.snapshot.asOf } : {});
  return runPanel(graph, { weight: null, seed, restarts: 10 });
}

const nameOf = (before: ScenarioState, after: ScenarioState, id: string) =>
  after.names.get(id) ?? before.names.get(id) ?? { sv: id, en: id };

const keyActors: Measure<'keyActors'> = {
  id: 'keyActors',
  compare(before, after, { seed, top }) {
    const b = panelOf(before, seed);
    const a = panelOf(after, seed);
    const rankIn = (ranked: string[]) => {
      const m = new Map<string, number>();
      ranked.slice(0, top).forEach((id, i) => m.set(id, i + 1));
      return m;
    };
    const rb = rankIn(rankKeyActors(b));
    const ra = rankIn(rankKeyActors(a));
    const changes: RankChange[] = [];
    for (const id of new Set([...rb.keys(), ...ra.keys()])) {
      const was = rb.get(id) ?? null;
      const is = ra.get(id) ?? null;
      if (was !== is) changes.push({ id, name: nameOf(before, after, id), before: was, after: is });
    }
    changes.sort(
      (x, y) => (x.after ?? top + 1) - (y.after ?? top + 1) || (x.before ?? top + 1) - (y.before ?? top + 1),
    );
    return {
      top,
      rankedBy: [...KEY_ACTOR_ORDER],
      changes,
      network: {
        components: { before: b.graph.components, after: a.graph.components },
        fragmentation: { before: b.graph.fragmentation, after: a.graph.fragmentation },
      },
    };
  },
};

const ref = (f: Finding): FindingRef => ({ id: f.id, gapKind: f.gapKind, severity: f.severity, title: f.title });

const findings: Measure<'findings'> = {
  id: 'findings',
  compare(before, after, { seed }) {
    const b = runGaps(before.snapshot, { seed }).findings;
    const a = runGaps(after.snapshot, { seed }).findings;
    const ib = new Set(b.map((f) => f.id));
    const ia = new Set(a.map((f) => f.id));
    return {
      resolved: b.filter((f) => !ia.has(f.id)).map(ref),
      new: a.filter((f) => !ib.has(f.id)).map(ref),
      unchanged: b.filter((f) => ia.has(f.id)).length,
    };
  },
};

type MeasureTable = { [K in MeasureId]: Measure<K> };

/** Every measure of a scenario, in answer order. */
export const MEASURES: MeasureTable = { keyActors, findings, reach };

/** Runs every measure; the answer has one entry per measure. */
export function compareAll(
  before: ScenarioState,
  after: ScenarioState,
  options: Required<ScenarioOptions>,
): MeasureDiffs {
  const out: Partial<MeasureDiffs> = {};
  for (const id of Object.keys(MEASURES) as MeasureId[]) assign(out, id, MEASURES[id], before, after, options);
  return out as MeasureDiffs;
}

function assign<K extends MeasureId>(
  out: Partial<MeasureDiffs>,
  id: K,
  measure: Measure<K>,
  before: ScenarioState,
  after: ScenarioState,
  options: Required<ScenarioOptions>,
): void {
  out[id] = measure.compare(before, after, options);
}
