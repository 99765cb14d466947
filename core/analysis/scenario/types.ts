import type { Bilingual } from '../../model/labels.js';
import type { Problem } from '../../model/problems.js';
import type { NodeInput, RelationInput, Snapshot } from '../../model/records.js';
import type { Severity } from '../gaps/types.js';

/** A draft of changes, analysed in memory only: records to add and ids of records to remove. */
export interface ScenarioDraft {
  add?: { nodes?: NodeInput[]; relations?: RelationInput[] };
  remove?: { nodes?: string[]; relations?: string[] };
}

/** A named record in an answer: the id for the map, the name for people. */
export interface NamedRef {
  id: string;
  name: Bilingual;
}

/** One actor whose place among the key actors changed; a null rank means outside the top list (or absent). */
export interface RankChange extends NamedRef {
  before: number | null;
  after: number | null;
}

export interface KeyActorDiff {
  /** How many places the key-actor list holds (ranks beyond it count as "outside"). */
  top: number;
  /** What the ranking is by (metric ids, in tie-break order). */
  rankedBy: string[];
  changes: RankChange[];
  /** "If these actors left": components and Borgatti's fragmentation of the actor network, before and after. */
  network: {
    components: { before: number; after: number };
    fragmentation: { before: number | null; after: number | null };
  };
}

export interface FindingRef {
  id: string;
  gapKind: string;
  severity: Severity;
  title: Bilingual;
}

export interface FindingDiff {
  resolved: FindingRef[];
  new: FindingRef[];
  /** Findings present before and after (not listed, only counted). */
  unchanged: number;
}

/** A count within K steps of the platform, before and after, and who came within reach or fell out of it. */
export interface ReachChange {
  before: number;
  after: number;
  gained: NamedRef[];
  lost: NamedRef[];
}

export interface ReachDiff {
  /** The platform (the focal node of core/analysis/platform). */
  focus: NamedRef;
  /** K: the steps that count as within reach. */
  steps: number;
  actors: ReachChange;
  municipalities: ReachChange & { total: number };
  helix: { gained: NamedRef[]; lost: NamedRef[] };
}

/** What every measure's answer has in common: the differences only. */
export interface MeasureDiffs {
  keyActors: KeyActorDiff;
  findings: FindingDiff;
  /** null when the register has no kompetensplattform. */
  reach: ReachDiff | null;
}

export type MeasureId = keyof MeasureDiffs;

/** The analysis options a scenario passes on to the measures (the API's defaults otherwise). */
export interface ScenarioOptions {
  /** Louvain and gap-analysis seed (default 1, as GET /api/gaps and GET /api/analysis). */
  seed?: number;
  /** Length of the key-actor list whose ranks are compared (default 15, as the report). */
  top?: number;
}

/** One measure computed before and after a draft, answering only the difference. */
export interface Measure<K extends MeasureId> {
  id: K;
  compare(before: ScenarioState, after: ScenarioState, options: Required<ScenarioOptions>): MeasureDiffs[K];
}

/** A snapshot with an index by id, shared by the measures of one side. */
export interface ScenarioState {
  snapshot: Snapshot;
  names: Map<string, Bilingual>;
}

export interface ScenarioSummary {
  nodesAdded: number;
  relationsAdded: number;
  nodesRemoved: number;
  /** Relations removed by id plus those that went with a removed node. */
  relationsRemoved: number;
}

export type ScenarioOutcome =
  { ok: true; summary: ScenarioSummary; diff: MeasureDiffs } | { ok: false; problems: Problem[] };

/** The answer of POST /api/scenarios: what the draft touched and the differences of every measure. */
export type ScenarioAnswer = MeasureDiffs & { summary: ScenarioSummary };
