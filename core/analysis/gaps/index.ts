/**
 * Coordination gaps of a competence-supply network. Pure computation on a snapshot (no I/O): runs in Node and
 * in a browser Web Worker. Each finding names the actors and the missing ties; each gap kind has a descriptor
 * (definition, parameters, references) in `registry.ts`.
 */
import { DEFAULT_PROJECTION_TYPES } from '../../graph/projection.js';
import { EVIDENCE_LEVELS, type Evidence, type Snapshot } from '../../model/records.js';
import { relationKind } from '../../model/catalogue/relation-kinds.js';
import { AnalysisError } from '../errors.js';
import { metricDescriptor } from '../registry.js';
import { closedGroups } from './closed-groups.js';
import { settle, summarise } from './basis.js';
import { EVIDENCE_RANK, GapContext } from './context.js';
import { coverage, defaultCoverageNetworks } from './coverage.js';
import { fragility } from './fragility.js';
import { platformLink } from './platform-link.js';
import { GAP_KINDS, PLATFORM_ID } from './registry.js';
import { seatBalance } from './seats.js';
import { supplyNone, supplyReach, supplyVolume } from './supply.js';
import {
  GAP_KIND_IDS,
  type DraftFinding,
  type GapKindId,
  type GapOptions,
  type GapReport,
  type ResolvedGapOptions,
} from './types.js';
import { unlinkedDemand } from './unlinked-demand.js';

export * from './types.js';
export * from './schema.js';
export { summarise, score } from './basis.js';
export { GAP_KINDS, gapDescriptor, isGapKind, PLATFORM_ID } from './registry.js';

const RUNNERS: Record<GapKindId, (ctx: GapContext) => DraftFinding[]> = {
  'supply-none': supplyNone,
  'supply-reach': supplyReach,
  'supply-volume': supplyVolume,
  coverage,
  'closed-groups': closedGroups,
  fragility,
  'unlinked-demand': unlinkedDemand,
  'platform-link': platformLink,
  'seat-balance': seatBalance,
};

/** Which gap kinds need path metrics (and so respect the path-metric limit). */
const PATH_KINDS: ReadonlySet<GapKindId> = new Set(['platform-link', 'supply-reach']);

const bad = (parameter: string, message: string, extra: Record<string, unknown> = {}) =>
  new AnalysisError('invalid_parameter', message, { parameter, ...extra });

function checkInteger(parameter: string, value: number, min: number, max: number): void {
  if (!Number.isInteger(value) || value < min || value > max)
    throw bad(parameter, `${parameter} must be an integer from ${min} to ${max}, got ${value}.`);
}

function checkNumber(parameter: string, value: number, min: number, max: number): void {
  if (!Number.isFinite(value) || value < min || value > max)
    throw bad(parameter, `${parameter} must be a number from ${min} to ${max}, got ${value}.`);
}

/** Options with their defaults, checked against the snapshot. Throws AnalysisError naming the parameter. */
export function resolveGapOptions(snapshot: Snapshot, options: GapOptions = {}): ResolvedGapOptions {
  const ids = new Map(snapshot.nodes.map((n) => [n.id, n]));
  const isNetwork = (id: string) => ids.get(id)?.kind === 'Network';
  const kinds = options.kinds ?? [...GAP_KIND_IDS];
  for (const k of kinds)
    if (!(GAP_KIND_IDS as readonly string[]).includes(k)) throw bad('kinds', `Unknown gap kind "${k}".`, { value: k });
  const relationTypes = [...(options.relationTypes ?? DEFAULT_PROJECTION_TYPES)].sort();
  for (const t of relationTypes)
    if (!relationKind(t)) throw bad('relationTypes', `Unknown relation type "${t}".`, { value: t });
  if (options.asOf !== undefined && !/^\d{4}-\d{2}-\d{2}$/.test(options.asOf))
    throw bad('asOf', `asOf must be a date YYYY-MM-DD, got "${options.asOf}".`);
  const minEvidence = options.minEvidence ?? 'uncertain';
  if (!EVIDENCE_LEVELS.includes(minEvidence))
    throw bad('minEvidence', `Unknown evidence level "${String(minEvidence)}".`);
  const k = options.k ?? 2;
  checkInteger('k', k, 1, 6);
  const seed = options.seed ?? 1;
  checkInteger('seed', seed, 0, 4294967295);
  const topN = options.topN ?? 10;
  checkInteger('topN', topN, 1, 1000);
  const minGroupSize = options.minGroupSize ?? 3;
  checkInteger('minGroupSize', minGroupSize, 1, 1000);
  const maxPairs = options.maxPairs ?? 10;
  checkInteger('maxPairs', maxPairs, 0, 1000);
  const densityThreshold = options.densityThreshold ?? 0.05;
  checkNumber('densityThreshold', densityThreshold, 0, 1);
  const eiThreshold = options.eiThreshold ?? -0.5;
  checkNumber('eiThreshold', eiThreshold, -1, 1);
  const seatShareLow = options.seatShareLow ?? 0.4;
  const seatShareHigh = options.seatShareHigh ?? 0.6;
  checkNumber('seatShareLow', seatShareLow, 0, 1);
  checkNumber('seatShareHigh', seatShareHigh, 0, 1);
  if (seatShareLow > seatShareHigh) throw bad('seatShareLow', 'seatShareLow must not exceed seatShareHigh.');
  const coverCandidates = options.coverCandidates ?? 'auto';
  if (!['auto', 'organisations', 'all'].includes(coverCandidates))
    throw bad('coverCandidates', `Unknown value "${String(coverCandidates)}".`);

  let platform: string | null;
  if (options.platform !== undefined) {
    if (!isNetwork(options.platform))
      throw bad('platform', `"${options.platform}" is not a network in the register.`, { value: options.platform });
    platform = options.platform;
  } else if (isNetwork(PLATFORM_ID)) platform = PLATFORM_ID;
  else
    platform =
      snapshot.nodes
        .filter((n) => n.kind === 'Network' && n.props.networkType === 'kompetensplattform')
        .map((n) => n.id)
        .sort()[0] ?? null;
  for (const n of options.network ?? [])
    if (!isNetwork(n)) throw bad('network', `"${n}" is not a network in the register.`, { value: n });

  // Explicit partitions must exist; default ones that the data lacks are skipped.
  const known = (p: string) =>
    p === 'community' ||
    p === 'kind' ||
    p === 'name' ||
    snapshot.nodes.some(
      (n) => n.kind === 'Organisation' && n.props[p] !== undefined && n.props[p] !== null && n.props[p] !== '',
    );
  let partitions: string[];
  if (options.partitions) {
    partitions = options.partitions;
    for (const p of partitions)
      if (!known(p))
        throw new AnalysisError('unknown_partition_attribute', `No actor has the partition attribute "${p}".`, {
          parameter: 'partitions',
          attribute: p,
        });
  } else partitions = ['orgType', 'municipality', 'helix', 'community'].filter(known);
  const resolved: ResolvedGapOptions = {
    kinds,
    asOf: options.asOf ?? null,
    includeNational: options.includeNational === true,
    sensitivity: options.sensitivity !== false,
    minEvidence,
    relationTypes,
    seed,
    k,
    network: [],
    platform,
    jointBodyTypes: options.jointBodyTypes ?? ['kommunalforbund', 'samordningsforbund'],
    coverCandidates,
    partitions,
    densityThreshold,
    eiThreshold,
    minGroupSize,
    maxPairs,
    topN,
    seatShareLow,
    seatShareHigh,
  };
  return resolved;
}

/** A finding "holds" at another evidence level when the same statement is made: same id, same title. */
const claim = (f: DraftFinding): string => `${f.id}\u0000${f.title.en}`;

/** The drafts of one run at the resolved options (one evidence level). */
function runOnce(snapshot: Snapshot, resolved: ResolvedGapOptions): DraftFinding[] {
  const ctx = new GapContext(snapshot, resolved);
  const limit = metricDescriptor('betweenness')?.limit;
  if (limit && resolved.kinds.some((k) => PATH_KINDS.has(k))) {
    const g = ctx.compact;
    if (
      (limit.maxNodes !== undefined && g.n > limit.maxNodes) ||
      (limit.maxEdges !== undefined && g.edgeCount > limit.maxEdges)
    )
      throw new AnalysisError(
        'graph_too_large',
        `The actor network (${g.n} actors, ${g.edgeCount} ties) is too large for path-based gap kinds.`,
        {
          parameter: 'kinds',
          metric: 'betweenness',
        },
      );
  }
  const findings: DraftFinding[] = [];
  for (const kind of GAP_KIND_IDS) if (resolved.kinds.includes(kind)) findings.push(...RUNNERS[kind](ctx));
  // Metrics go to JSON: drop non-finite values rather than writing NaN.
  for (const f of findings)
    if (f.metrics)
      for (const [key, value] of Object.entries(f.metrics)) if (!Number.isFinite(value)) delete f.metrics[key];
  return findings;
}

/**
 * Runs the chosen gap kinds on a snapshot. With `sensitivity` (the default) the same analysis runs again on
 * probable-or-better and on confirmed ties only: a finding's confidence comes from the strongest level at which it
 * still appears, and `robust` says it holds at confirmed.
 */
export function runGaps(snapshot: Snapshot, options: GapOptions = {}): GapReport {
  const resolved = resolveGapOptions(snapshot, options);
  const ctx = new GapContext(snapshot, resolved);
  resolved.network =
    options.network && options.network.length > 0
      ? [...options.network]
      : defaultCoverageNetworks(ctx, resolved.includeNational);
  const drafts = runOnce(snapshot, resolved);
  const holds = new Map<string, Evidence>(drafts.map((f) => [f.id, resolved.minEvidence]));
  if (resolved.sensitivity)
    for (const level of EVIDENCE_LEVELS) {
      if (EVIDENCE_RANK[level] <= EVIDENCE_RANK[resolved.minEvidence]) continue;
      const claims = new Set(runOnce(snapshot, { ...resolved, minEvidence: level }).map(claim));
      for (const f of drafts)
        if (claims.has(claim(f)) && EVIDENCE_RANK[level] > EVIDENCE_RANK[holds.get(f.id)!]) holds.set(f.id, level);
    }
  const findings = drafts.map((f) => settle(f, holds.get(f.id)!));
  return {
    projection: ctx.projection.meta,
    parameters: resolved,
    findings,
    summary: summarise(findings),
    gapKinds: GAP_KINDS.filter((d) => resolved.kinds.includes(d.id)),
  };
}
