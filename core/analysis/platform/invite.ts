/**
 * Whom to invite: greedy maximum coverage. Each round picks the candidate whose one new tie to the focus brings
 * the most municipalities, helix groups and key actors not yet within K steps (equal weights), ties broken by the
 * number of organisations brought within K, then organisations before networks, then id. When every municipality,
 * group and key actor is within reach, the rounds go on by the organisations brought within K alone. Greedy maximum coverage
 * is within (1 − 1/e) of the best set of the same size (Nemhauser, Wolsey & Fisher 1978).
 *
 * A new tie c–focus gives every node v the distance min(d(v), 1 + d_c(v)) with d_c the distance from c in the
 * graph without new ties: a shorter path through an earlier new tie would pass the focus twice.
 */
import type { ReachGraph } from './graph.js';
import { nearest, type Places } from './places.js';

/** On large graphs only the best-connected candidates are weighed, so one answer stays well under a second. */
export const MAX_CANDIDATES = 400;

export interface Coverage {
  municipalities: Set<string>;
  helix: Set<string>;
  keyActors: Set<string>;
  actors: number;
}

export function coverageWithin(g: ReachGraph, p: Places, keys: number[], dist: Int32Array, k: number): Coverage {
  const within = (v: number) => dist[v] >= 0 && dist[v] <= k;
  const municipalities = new Set<string>();
  for (const [m, vs] of p.kommun) {
    const n = nearest(dist, vs);
    if (n && n.step <= k) municipalities.add(m);
  }
  const helix = new Set<string>();
  for (const [h, vs] of p.helix) if (vs.some(within)) helix.add(h);
  const keyActors = new Set(keys.filter(within).map((v) => g.ids[v]));
  let actors = 0;
  g.nodes.forEach((n, v) => {
    if (n.kind === 'Organisation' && within(v)) actors++;
  });
  return { municipalities, helix, keyActors, actors };
}

export interface Pick {
  v: number;
  municipalities: string[];
  helix: string[];
  keyActors: string[];
  actors: number;
  score: number;
}

export interface InviteInput {
  g: ReachGraph;
  places: Places;
  keys: number[];
  focus: number;
  dist: Int32Array;
  k: number;
  limit: number;
}

function isCandidate(g: ReachGraph, v: number, focus: number, dist: Int32Array): boolean {
  if (v === focus || dist[v] === 0 || dist[v] === 1) return false;
  const n = g.nodes[v];
  // National bodies are context, not members of a county platform.
  return n.kind === 'Organisation' || (n.kind === 'Network' && n.props.level !== 'nationell');
}

const diff = (after: Set<string>, before: Set<string>) => [...after].filter((x) => !before.has(x)).sort();

export function invite(input: InviteInput): { picks: Pick[]; after: Coverage } {
  const { g, places: p, keys, focus, k, limit } = input;
  let cur: Int32Array = Int32Array.from(input.dist);
  let covered = coverageWithin(g, p, keys, cur, k);
  const candidates = g.ids
    .map((_, v) => v)
    .filter((v) => isCandidate(g, v, focus, input.dist))
    .sort((a, b) => g.adj[b].length - g.adj[a].length || a - b)
    .slice(0, MAX_CANDIDATES)
    .sort((a, b) => a - b);
  const from = new Map(candidates.map((c) => [c, g.distances(c, k - 1).dist]));
  const picks: Pick[] = [];
  const merged = (c: number) => {
    const dc = from.get(c)!;
    return cur.map((d, v) => (dc[v] >= 0 && (d < 0 || dc[v] + 1 < d) ? dc[v] + 1 : d));
  };
  while (picks.length < limit) {
    let best: { pick: Pick; dist: Int32Array; cov: Coverage } | null = null;
    for (const c of candidates) {
      if (picks.some((x) => x.v === c)) continue;
      const dist = merged(c);
      const cov = coverageWithin(g, p, keys, dist, k);
      const pick: Pick = {
        v: c,
        municipalities: diff(cov.municipalities, covered.municipalities),
        helix: diff(cov.helix, covered.helix),
        keyActors: diff(cov.keyActors, covered.keyActors),
        actors: cov.actors - covered.actors,
        score: 0,
      };
      pick.score = pick.municipalities.length + pick.helix.length + pick.keyActors.length;
      if ((pick.score > 0 || pick.actors > 0) && (best === null || better(g, pick, best.pick)))
        best = { pick, dist, cov };
    }
    if (best === null) break;
    picks.push(best.pick);
    cur = best.dist;
    covered = best.cov;
  }
  return { picks, after: covered };
}

function better(g: ReachGraph, a: Pick, b: Pick): boolean {
  if (a.score !== b.score) return a.score > b.score;
  if (a.actors !== b.actors) return a.actors > b.actors;
  const oa = g.nodes[a.v].kind === 'Organisation' ? 0 : 1;
  const ob = g.nodes[b.v].kind === 'Organisation' ? 0 : 1;
  if (oa !== ob) return oa < ob;
  return g.ids[a.v] < g.ids[b.v];
}
