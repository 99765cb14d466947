import type { Bilingual } from '../../model/labels.js';
import type { Evidence, JsonValue } from '../../model/records.js';
import type { ProjectionMeta } from '../../graph/projection.js';
import type { FindingShape, SummaryItem } from './schema.js';

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

import type { MissingTie } from './schema.js';
export type { MissingTie };

/**
 * One coordination gap (the shape is declared once, as a TypeBox schema in `schema.ts`), written so that an
 * analyst can paste `explanation` into a report. `kind` is the gap kind, except for findings that say an analysis
 * cannot be made because the data is missing: those have `kind: 'no-data'`. `gapKind` always names the gap kind.
 */
export type Finding = FindingShape;

/** What a gap kind's runner returns: confidence and robustness are settled afterwards, from the evidence runs. */
export type DraftFinding = Omit<Finding, 'confidence' | 'robust'>;

export interface GapParameter {
  id: string;
  label: Bilingual;
  type: 'integer' | 'number' | 'string' | 'string[]' | 'enum' | 'boolean';
  /** string: a pattern the value must match. */
  pattern?: string;
  maxLength?: number;
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
  /** coverage: include nationwide bodies (level nationell) among the default networks. Default false. */
  includeNational?: boolean;
  /** Re-run at probable and confirmed evidence to settle confidence and robustness (default true). */
  sensitivity?: boolean;
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
  /** At most 10 finding ids, ranked by impact × confidence, each with one plain sentence. */
  summary: SummaryItem[];
  gapKinds: GapDescriptor[];
}
