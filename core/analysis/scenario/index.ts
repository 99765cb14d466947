/**
 * "Tänk om": a draft of added and removed records, analysed in memory. The same key-actor panel, gaps (and
 * platform reach) run before and after; the answer holds only the differences. Pure: nothing is written.
 */
import type { Bilingual } from '../../model/labels.js';
import type { Snapshot } from '../../model/records.js';
import { applyScenario, scenarioProblems } from './apply.js';
import { compareAll } from './measures.js';
import type { ScenarioDraft, ScenarioOptions, ScenarioOutcome, ScenarioState } from './types.js';

export * from './types.js';
export { applyScenario, scenarioProblems } from './apply.js';
export { MEASURES, rankKeyActors, KEY_ACTOR_ORDER } from './measures.js';

function state(snapshot: Snapshot): ScenarioState {
  const names = new Map<string, Bilingual>();
  for (const n of snapshot.nodes) names.set(n.id, { sv: n.name, en: n.nameEn ?? n.name });
  return { snapshot, names };
}

/** Validates the draft against the snapshot, then compares every measure before and after it. */
export function runScenario(snapshot: Snapshot, draft: ScenarioDraft, options: ScenarioOptions = {}): ScenarioOutcome {
  const problems = scenarioProblems(snapshot, draft);
  if (problems.length > 0) return { ok: false, problems };
  const applied = applyScenario(snapshot, draft);
  const resolved = { seed: options.seed ?? 1, top: options.top ?? 15 };
  return { ok: true, summary: applied.summary, diff: compareAll(state(snapshot), state(applied.snapshot), resolved) };
}
