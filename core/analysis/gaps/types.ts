import type { Bilingual } from '../../model/labels.js';
import type { Evidence, JsonValue } from '../../model/records.js';
import type { ProjectionMeta } from '../../graph/projection.js';

/** The gap kinds, one descriptor each in `registry.ts`. */
export const GAP_KIND_IDS = [
  'supply-none',
  'supply-reach',
  'supply-volume',
  'coverage',
  'closed-groups',
  'fragility',
  'unlinked-demand',
  'platform-link',
  'seat-balance',
] as const;
export type GapKindId = (typeof GAP_KIND_IDS)[number];

export type Severity = 'high' | 'medium' | 'low';

/** A tie whose existence would close the gap (a proposal, not data). */
export interface MissingTie {
  from: string;
  to: string;
  type: string;
}

/**
 * One coordination gap, written so that an analyst can paste `explanation` into a report.
 *
 * `kind` is the gap kind, except for findings that say an analysis cannot be made because the data is
 * missing: those have `kind: 'no-data'`. `gapKind` always names the gap kind (the registry id).
 */
export interface Finding {
  /** Stable across runs on the same data, e.g. "supply:ssyk:2221". */
  id: string;
  kind: GapKindId | 'no-data';
  gapKind: GapKindId;
  severity: Severity;
  title: Bilingual;
  explanation: Bilingual;
  /** What to focus on the map. */
  nodeIds: string[];
  missingTies?: MissingTie[];
  metrics?: Record<string, number>;
  /** Structured detail (chains, group names…) for tables and the UI. */
  details?: Record<string, JsonValue>;
}

export interface GapParameter {
  id: string;
  label: Bilingual;
  type: 'integer' | 'number' | 'string' | 'string[]' | 'enum';
  default: JsonValue;
  min?: number;
  max?: number;
  options?: string[];
  description?: Bilingual;
}

/** The method note of a gap kind: reports and the UI generate their text from it. */
export interface GapDescriptor {
  id: GapKindId;
  label: Bilingual;
  definition: Bilingual;
  /** How severity is assigned. */
  severity: Bilingual;
  parameters: GapParameter[];
  reference: string;
  notes?: Bilingual;
}

export type CoverCandidates = 'auto' | 'organisations' | 'all';

export interface GapOptions {
  /** Gap kinds to run (default: all). */
  kinds?: GapKindId[];
  /** Only relations valid on this date (ISO). Default: every relation, whatever its valid time. */
  asOf?: string;
  /** Only relations with at least this evidence (default 'uncertain' = all). */
  minEvidence?: Evidence;
  /** Relation kinds of the actor projection (default: the projection's default, tie + membership + funding). */
  relationTypes?: string[];
  /** Louvain seed (closed groups by community). Default 1. */
  seed?: number;
  /** supply-reach: largest number of steps (1–6). Default 2. */
  k?: number;
  /** coverage: the networks to check. Default: the platform and every top-level college network. */
  network?: string[];
  /** The kompetensplattform (platform-link, unlinked-demand). Default: nw:kompetensplattform-jonkopings-lan, or the first network of type kompetensplattform. */
  platform?: string;
  /** coverage: organisation types that represent the municipalities that own them. */
  jointBodyTypes?: string[];
  /** coverage: which actors the set cover may propose. */
  coverCandidates?: CoverCandidates;
  /** closed-groups: node attributes to partition by ('community' = Louvain). */
  partitions?: string[];
  densityThreshold?: number;
  eiThreshold?: number;
  minGroupSize?: number;
  maxPairs?: number;
  /** fragility and platform-link: how many actors to report. Default 10. */
  topN?: number;
  /** seat-balance: the accepted band of the share of women. Default 0.4–0.6. */
  seatShareLow?: number;
  seatShareHigh?: number;
}

export type ResolvedGapOptions = Required<Omit<GapOptions, 'asOf' | 'platform' | 'network'>> & {
  asOf: string | null;
  platform: string | null;
  network: string[];
};

export interface GapReport {
  projection: ProjectionMeta;
  parameters: ResolvedGapOptions;
  findings: Finding[];
  gapKinds: GapDescriptor[];
}
