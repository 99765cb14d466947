/**
 * Key actors not linked to the platform: the top-N actors by betweenness and by degree (actor projection,
 * unweighted) that have no affiliation of their own (a relation of the projection's kinds) with the platform
 * network or any of its sub-networks.
 */
import { degrees } from '../centrality/degree.js';
import { shortestPathMetrics } from '../centrality/paths.js';
import { GapContext, uniq } from './context.js';
import { both, byName, list, num, type Lang } from './text.js';
import type { Finding } from './types.js';

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

export function platformLink(ctx: GapContext): Finding[] {
  const platform = ctx.options.platform;
  if (!platform) {
    return [
      {
        id: 'platform-link:no-data',
        kind: 'no-data',
        gapKind: 'platform-link',
        severity: 'low',
        title: both((l) =>
          l === 'sv' ? 'Ingen kompetensplattform i registret' : 'No skills platform in the register',
        ),
        explanation: both((l) =>
          l === 'sv'
            ? 'Registret har inget nätverk av typen kompetensplattform, så nyckelaktörernas koppling till plattformen kan inte bedömas.'
            : 'The register has no network of type skills platform, so the link of key actors to the platform cannot be assessed.',
        ),
        nodeIds: [],
      },
    ];
  }
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
  const candidates = uniq([...byBetweenness, ...byDegree].map((v) => g.ids[v]));
  const index = new Map(g.ids.map((id, i) => [id, i]));
  const findings: Finding[] = [];
  for (const a of candidates) {
    if (linked(a)) continue;
    const v = index.get(a)!;
    const neighbours = Array.from(g.nbAdj.subarray(g.nbOff[v], g.nbOff[v + 1]))
      .filter((w) => linked(g.ids[w]))
      .sort((x, y) => deg[y] - deg[x] || g.ids[x].localeCompare(g.ids[y]))
      .slice(0, 3)
      .map((w) => g.ids[w]);
    const rb = rankB.get(v);
    const rd = rankD.get(v);
    const pname = (l: Lang) => ctx.name(platform, l);
    findings.push({
      id: `platform-link:${a}`,
      kind: 'platform-link',
      gapKind: 'platform-link',
      severity: rb !== undefined ? 'high' : 'medium',
      title: both((l) =>
        l === 'sv'
          ? `Nyckelaktör utanför plattformen: ${ctx.name(a, l)}`
          : `Key actor outside the platform: ${ctx.name(a, l)}`,
      ),
      explanation: both((l) => {
        const ranks =
          l === 'sv'
            ? [
                rb !== undefined ? `plats ${rb} på mellanhet (${num(paths.betweenness[v], l)})` : null,
                rd !== undefined ? `plats ${rd} på grad (${deg[v]})` : null,
              ]
            : [
                rb !== undefined ? `rank ${rb} by betweenness (${num(paths.betweenness[v], l)})` : null,
                rd !== undefined ? `rank ${rd} by degree (${deg[v]})` : null,
              ];
        const near =
          neighbours.length > 0
            ? l === 'sv'
              ? ` Närmaste kontakter som är med: ${list(neighbours.map((x) => ctx.name(x, l)).sort(byName), l)}.`
              : ` Nearest contacts who are in: ${list(neighbours.map((x) => ctx.name(x, l)).sort(byName), l)}.`
            : '';
        return l === 'sv'
          ? `${ctx.name(a, l)} är en av de ${n} mest centrala aktörerna (${list(
              ranks.filter((x): x is string => x !== null),
              l,
            )}) men har ingen egen anknytning till ${pname(l)} eller dess delnätverk.${near}`
          : `${ctx.name(a, l)} is among the ${n} most central actors (${list(
              ranks.filter((x): x is string => x !== null),
              l,
            )}) but has no affiliation of its own with ${pname(l)} or its sub-networks.${near}`;
      }),
      nodeIds: [a, platform, ...neighbours],
      missingTies: [{ from: a, to: platform, type: 'MEMBER_OF' }],
      metrics: {
        betweenness: paths.betweenness[v],
        degree: deg[v],
        ...(rb !== undefined ? { betweennessRank: rb } : {}),
        ...(rd !== undefined ? { degreeRank: rd } : {}),
      },
    });
  }
  return findings;
}
