/**
 * What a finding rests on. Basis (observed or absent), register completeness behind an absent basis, confidence
 * from the evidence runs, and the ranked summary. The rules are in docs/decisions.md ("Findings that know their
 * basis").
 */
import type { Evidence } from '../../model/records.js';
import type { GapContext } from './context.js';
import type { FindingCompleteness, SummaryItem } from './schema.js';
import { both, list, type Lang } from './text.js';
import type { DraftFinding, Finding } from './types.js';

export type Level = 'high' | 'medium' | 'low';

/** Organisation types that educate (a provider with no EDUCATES_FOR tie of any kind is unknown, not a non-provider). */
export const PROVIDER_TYPES = ['larosate', 'yh_anordnare', 'gymnasieskola', 'komvux', 'folkhogskola'] as const;

const PROVIDES = new Set(['OFFERS', 'OPERATES']);

/** Does the actor have a tie of `relationType` (EDUCATES_FOR also through a programme it offers or operates)? */
function hasRelation(ctx: GapContext, actor: string, relationType: string): boolean {
  if (ctx.out(actor, relationType).length > 0) return true;
  if (relationType !== 'EDUCATES_FOR') return false;
  return ctx.out(actor, PROVIDES).some((r) => ctx.out(r.to, 'EDUCATES_FOR').length > 0);
}

/** How many registered actors of `orgTypes` have any tie of the relation kind (whatever its evidence or time). */
export function registerCompleteness(
  ctx: GapContext,
  relationTypes: readonly string[],
  orgTypes: readonly string[],
): FindingCompleteness {
  const types = new Set(orgTypes);
  const actors = ctx.nodes
    .filter((n) => n.kind === 'Organisation' && types.has(String(n.props.orgType ?? '')))
    .map((n) => n.id)
    .sort();
  const known = actors.filter((a) => relationTypes.some((t) => hasRelation(ctx, a, t)));
  return {
    relationType: relationTypes.join(','),
    orgTypes: [...orgTypes].sort(),
    registered: actors.length,
    withRelation: known.length,
    unknown: actors.filter((a) => !known.includes(a)),
  };
}

const RANK: Record<Level, number> = { low: 0, medium: 1, high: 2 };
const min = (a: Level, b: Level): Level => (RANK[a] <= RANK[b] ? a : b);

/** The register's share with the relation: ≥ 80 % high, ≥ 50 % medium, otherwise low (nothing registered: low). */
export function completenessLevel(c: FindingCompleteness): Level {
  if (c.registered === 0) return 'low';
  const share = c.withRelation / c.registered;
  return share >= 0.8 ? 'high' : share >= 0.5 ? 'medium' : 'low';
}

const FROM_EVIDENCE: Record<Evidence, Level> = { confirmed: 'high', probable: 'medium', uncertain: 'low' };

/**
 * Confidence and robustness of a draft: `holdsAt` is the strongest evidence level at which the finding still
 * appears (the weakest tie it rests on). An absent basis is capped by register completeness.
 */
export function settle(draft: DraftFinding, holdsAt: Evidence): Finding {
  let confidence = FROM_EVIDENCE[holdsAt];
  if (draft.basis === 'absent' && draft.completeness)
    confidence = min(confidence, completenessLevel(draft.completeness));
  return { ...draft, confidence, robust: holdsAt === 'confirmed' };
}

/** The "se registrets fullständighet" sentence of a finding with an absent basis. */
export function unknownSentence(ctx: GapContext, c: FindingCompleteness, what: string, l: Lang): string {
  if (c.unknown.length === 0) return '';
  const names = list(
    c.unknown.map((a) => ctx.name(a, l)),
    l,
    4,
  );
  return l === 'sv'
    ? ` Registret saknar ${what} för ${names} (${c.withRelation} av ${c.registered} har någon), så uppgiften är ofullständig; se registrets fullständighet.`
    : ` The register lacks ${what} for ${names} (${c.withRelation} of ${c.registered} have any), so this is incomplete; see register completeness.`;
}

const WEIGHT: Record<Level, number> = { high: 1, medium: 0.6, low: 0.3 };

/** impact × confidence weight, rounded for stable ordering. */
export const score = (f: Finding): number => Math.round(f.impact * WEIGHT[f.confidence] * 1000) / 1000;

const LEVEL_SV: Record<Level, string> = { high: 'hög', medium: 'medel', low: 'låg' };

/** One plain sentence: the title, how many like it, and for an absent basis what it rests on. */
function sentence(f: Finding, alike: number): SummaryItem['sentence'] {
  return both((l) => {
    const title = f.title[l].replace(/[.:]$/, '');
    const more = alike > 0 ? (l === 'sv' ? ` (och ${alike} liknande fynd)` : ` (and ${alike} similar findings)`) : '';
    if (f.basis === 'observed') return `${title}${more}.`;
    return l === 'sv'
      ? `${title}${more} – enligt registret, som kan sakna uppgifter (säkerhet: ${LEVEL_SV[f.confidence]}).`
      : `${title}${more} – according to the register, which may lack data (confidence: ${f.confidence}).`;
  });
}

/** A finding that touches less than a fifth of what its kind can touch is detail, not a headline. */
export const MIN_IMPACT = 0.2;

/**
 * At most `max` findings to read first, ranked by impact × confidence. "No data" notes are not findings. Findings
 * of one gap kind whose basis is absent share a cause (the register lacks that kind of tie): the best of them
 * stands for the rest, which it lists in `alike`.
 */
export function summarise(findings: readonly Finding[], max = 10): SummaryItem[] {
  const ranked = findings
    .filter((f) => f.kind !== 'no-data' && f.impact >= MIN_IMPACT)
    .map((f) => ({ f, s: score(f) }))
    .sort((a, b) => b.s - a.s || a.f.id.localeCompare(b.f.id));
  const lead = new Map<string, string[]>();
  const out: Array<{ f: Finding; s: number }> = [];
  for (const x of ranked) {
    const group = x.f.basis === 'absent' ? x.f.gapKind : null;
    if (group !== null && lead.has(group)) {
      lead.get(group)!.push(x.f.id);
      continue;
    }
    if (group !== null) lead.set(group, []);
    out.push(x);
  }
  return out.slice(0, max).map(({ f, s }) => {
    const alike = f.basis === 'absent' ? (lead.get(f.gapKind) ?? []) : [];
    return { id: f.id, sentence: sentence(f, alike.length), score: s, ...(alike.length > 0 ? { alike } : {}) };
  });
}

/** Clamp to [0, 1]. */
export const unit = (x: number): number => (Number.isFinite(x) ? Math.max(0, Math.min(1, x)) : 0);
