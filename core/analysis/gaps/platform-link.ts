/**
 * Key actors not linked to the platform: the top-N actors by betweenness and by degree (actor projection,
 * unweighted) that have no affiliation of their own (a relation of the projection's kinds) with the platform
 * network or any of its sub-networks.
 */
import { degrees } from '../centrality/degree.js';
import { shortestPathMetrics } from '../centrality/paths.js';
import { registerCompleteness, unit } from './basis.js';
import { GapContext, MEMBERSHIP_TYPES, uniq } from './context.js';
import { both, byName, list, num, type Lang } from './text.js';
import type { DraftFinding } from './types.js';

/** The platform and every network that is part of it or a member of it, at any depth. */
export function platformNetworks(ctx: GapContext, platform: string): Set<string> {
  const inside = new Set([platform]);
  const queue = [platform];
  for (let h = 0; h < queue.length; h++) {
    for (const r of ctx.in(queue[h], new Set(['PART_OF', 'MEMBER_OF']))) {
      if (!ctx.isNetwork(r.from) || inside.has(r.from)) continue;
      inside.add(r.from);
      queue.push(r.from);
    }
  }
  return inside;
}

/** Indices of the top n by value (ties at the cut-off included), only values > 0, best first. */
function top(values: ArrayLike<number>, n: number, ids: string[]): number[] {
  const order = Array.from({ length: values.length }, (_, i) => i)
    .filter((i) => values[i] > 0)
    .sort((a, b) => values[b] - values[a] || ids[a].localeCompare(ids[b]));
  if (order.length <= n) return order;
  const cutoff = values[order[n - 1]];
  return order.filter((i, rank) => rank < n || values[i] === cutoff);
}

/**
 * Organisation types with a mandate in skills supply: the platform should reach them whatever their centrality
 * in a register that is still incomplete (Arbetsförmedlingen, business organisations, unions, universities…).
 */
export const MANDATE_TYPES: ReadonlySet<string> = new Set([
  'statlig_myndighet',
  'naringslivsorganisation',
  'fackforbund',
  'larosate',
  'region',
  'kommunalforbund',
  'samordningsforbund',
]);

const noPlatform = (): DraftFinding => ({
  id: 'platform-link:no-data',
  kind: 'no-data',
  gapKind: 'platform-link',
  severity: 'low',
  basis: 'absent',
  impact: 0,
  title: both((l) => (l === 'sv' ? 'Ingen kompetensplattform i registret' : 'No skills platform in the register')),
  explanation: both((l) =>
    l === 'sv'
      ? 'Registret har inget nätverk av typen kompetensplattform, så nyckelaktörernas koppling till plattformen kan inte bedömas.'
      : 'The register has no network of type skills platform, so the link of key actors to the platform cannot be assessed.',
  ),
  nodeIds: [],
});

const level = (impact: number) => (impact >= 0.5 ? 'high' : impact >= 0.25 ? 'medium' : 'low');

export function platformLink(ctx: GapContext): DraftFinding[] {
  const platform = ctx.options.platform;
  if (!platform) return [noPlatform()];
  const g = ctx.compact;
  const networks = platformNetworks(ctx, platform);
  const types = new Set(ctx.options.relationTypes);
  const linked = (a: string) => ctx.out(a, types).some((r) => networks.has(r.to));
  const paths = shortestPathMetrics(g);
  const deg = degrees(g).degree;
  const n = ctx.options.topN;
  const byBetweenness = top(paths.betweenness, n, g.ids);
  const byDegree = top(deg, n, g.ids);
  const rankB = new Map(byBetweenness.map((v, i) => [v, i + 1]));
  const rankD = new Map(byDegree.map((v, i) => [v, i + 1]));
  const mandate = (a: string) => MANDATE_TYPES.has(String(ctx.prop(a, 'orgType') ?? ''));
  const candidates = uniq([
    ...[...byBetweenness, ...byDegree].map((v) => g.ids[v]),
    ...g.ids.filter((a, v) => mandate(a) && deg[v] > 0),
  ]).filter((a) => !linked(a));
  const index = new Map(g.ids.map((id, i) => [id, i]));
  const maxB = Math.max(1e-12, ...Array.from(paths.betweenness));
  const maxD = Math.max(1, ...Array.from(deg));
  // Impact: reach (degree) and brokerage (betweenness) relative to the most central actor, plus the mandate.
  const impactOf = (v: number) =>
    unit(0.5 * (deg[v] / maxD) + 0.5 * (paths.betweenness[v] / maxB) + (mandate(g.ids[v]) ? 0.2 : 0));
  const ranked = candidates
    .map((a) => ({ a, v: index.get(a)!, impact: impactOf(index.get(a)!) }))
    .sort((x, y) => y.impact - x.impact || x.a.localeCompare(y.a))
    .slice(0, n);
  return ranked.map(({ a, v, impact }) =>
    linkFinding(ctx, { a, v, impact, platform, rb: rankB.get(v), rd: rankD.get(v), n, linked }, paths.betweenness, deg),
  );
}

interface Candidate {
  a: string;
  v: number;
  impact: number;
  platform: string;
  rb: number | undefined;
  rd: number | undefined;
  n: number;
  linked: (a: string) => boolean;
}

function linkFinding(
  ctx: GapContext,
  c: Candidate,
  betweenness: ArrayLike<number>,
  deg: ArrayLike<number>,
): DraftFinding {
  const g = ctx.compact;
  const { a, v, rb, rd, platform } = c;
  const neighbours = Array.from(g.nbAdj.subarray(g.nbOff[v], g.nbOff[v + 1]))
    .filter((w) => c.linked(g.ids[w]))
    .sort((x, y) => deg[y] - deg[x] || g.ids[x].localeCompare(g.ids[y]))
    .slice(0, 3)
    .map((w) => g.ids[w]);
  const orgType = String(ctx.prop(a, 'orgType') ?? '');
  const pname = (l: Lang) => ctx.name(platform, l);
  return {
    id: `platform-link:${a}`,
    kind: 'platform-link',
    gapKind: 'platform-link',
    severity: level(c.impact),
    basis: 'absent',
    impact: c.impact,
    completeness: registerCompleteness(ctx, [...MEMBERSHIP_TYPES], orgType ? [orgType] : []),
    title: both((l) =>
      l === 'sv'
        ? `Ingen registrerad koppling till plattformen: ${ctx.name(a, l)}`
        : `No recorded link to the platform: ${ctx.name(a, l)}`,
    ),
    explanation: both((l) => {
      const ranks =
        l === 'sv'
          ? [
              rb !== undefined ? `plats ${rb} på mellanhet (${num(betweenness[v], l)})` : null,
              rd !== undefined ? `plats ${rd} på grad` : null,
              `${deg[v]} band`,
            ]
          : [
              rb !== undefined ? `rank ${rb} by betweenness (${num(betweenness[v], l)})` : null,
              rd !== undefined ? `rank ${rd} by degree` : null,
              `${deg[v]} ties`,
            ];
      const why = list(
        ranks.filter((x): x is string => x !== null),
        l,
      );
      const near =
        neighbours.length > 0
          ? l === 'sv'
            ? ` Närmaste kontakter som är med: ${list(neighbours.map((x) => ctx.name(x, l)).sort(byName), l)}.`
            : ` Nearest contacts who are in: ${list(neighbours.map((x) => ctx.name(x, l)).sort(byName), l)}.`
          : '';
      return l === 'sv'
        ? `${ctx.name(a, l)} (${why}) har ingen registrerad anknytning till ${pname(l)} eller dess delnätverk.${near}`
        : `${ctx.name(a, l)} (${why}) has no recorded affiliation with ${pname(l)} or its sub-networks.${near}`;
    }),
    nodeIds: [a, platform, ...neighbours],
    missingTies: [{ from: a, to: platform, type: 'MEMBER_OF' }],
    metrics: {
      betweenness: betweenness[v],
      degree: deg[v],
      ...(rb !== undefined ? { betweennessRank: rb } : {}),
      ...(rd !== undefined ? { degreeRank: rd } : {}),
    },
  };
}
