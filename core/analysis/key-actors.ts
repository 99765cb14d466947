/**
 * Key actors and their robustness. Priority reflects impact: reach (degree) and brokerage (betweenness), each
 * relative to the most central actor, averaged; so an actor with two ties that happens to sit between two small
 * groups is not a key actor. An actor is robust when it is still a key actor on confirmed ties only.
 */
import { EVIDENCE_LEVELS, type Evidence, type Snapshot } from '../model/records.js';
import { projectActors } from '../graph/projection.js';
import { degrees } from './centrality/degree.js';
import { shortestPathMetrics } from './centrality/paths.js';
import { compactGraph } from './compact.js';

const RANK: Record<Evidence, number> = { uncertain: 1, probable: 2, confirmed: 3 };

/** The snapshot with only relations of at least `min` evidence. */
export function withEvidence(snapshot: Snapshot, min: Evidence): Snapshot {
  if (min === 'uncertain') return snapshot;
  return { ...snapshot, relations: snapshot.relations.filter((r) => RANK[r.evidence] >= RANK[min]) };
}

export const isEvidence = (x: unknown): x is Evidence => (EVIDENCE_LEVELS as readonly unknown[]).includes(x);

export interface KeyActor {
  id: string;
  rank: number;
  /** Mean of degree and betweenness, each divided by its maximum (0–1). */
  impact: number;
  /** Still among the key actors when only confirmed ties count. */
  robust: boolean;
}

/** Ids ranked by impact (ties by id), best first. */
export function rankByImpact(nodes: Record<string, { degree: number; betweenness: number }>): Array<[string, number]> {
  const entries = Object.entries(nodes);
  const maxD = Math.max(1, ...entries.map(([, m]) => m.degree));
  const maxB = Math.max(1e-12, ...entries.map(([, m]) => m.betweenness));
  return entries
    .map(([id, m]): [string, number] => [id, 0.5 * (m.degree / maxD) + 0.5 * (m.betweenness / maxB)])
    .filter(([, s]) => s > 0)
    .sort((a, b) => b[1] - a[1] || (a[0] < b[0] ? -1 : 1));
}

/** Degree and betweenness of the unweighted actor projection of a snapshot. */
function centralities(
  snapshot: Snapshot,
  options: { relationTypes?: string[]; asOf?: string | null },
): Record<string, { degree: number; betweenness: number }> {
  const { graph } = projectActors(snapshot, {
    ...(options.relationTypes ? { relationTypes: options.relationTypes } : {}),
    ...(options.asOf ? { asOf: options.asOf } : {}),
  });
  const g = compactGraph(graph, { weight: null, directed: false });
  const paths = shortestPathMetrics(g);
  const deg = degrees(g).degree;
  return Object.fromEntries(g.ids.map((id, v) => [id, { degree: deg[v], betweenness: paths.betweenness[v] }]));
}

/**
 * The top key actors of a panel (its degree and betweenness), each marked robust when it is also among the top on
 * the confirmed ties of the same snapshot.
 */
export function keyActors(
  nodes: Record<string, { degree: number; betweenness: number }>,
  snapshot: Snapshot,
  options: { relationTypes?: string[]; asOf?: string | null; top?: number } = {},
): KeyActor[] {
  const top = options.top ?? 10;
  const ranked = rankByImpact(nodes).slice(0, top);
  const confirmed = new Set(
    rankByImpact(centralities(withEvidence(snapshot, 'confirmed'), options))
      .slice(0, top)
      .map(([id]) => id),
  );
  return ranked.map(([id, impact], i) => ({ id, rank: i + 1, impact, robust: confirmed.has(id) }));
}
