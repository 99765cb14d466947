/**
 * Key actors: the top N organisations by betweenness and the top N by degree in the unweighted actor projection
 * (ties at the cut-off included, only values above 0), the same definition as the platform-link gap. On graphs
 * over 1,000 actors betweenness is estimated from 100 seeded pivots, enough to rank the top ten.
 */
import { projectActors, DEFAULT_PROJECTION_TYPES } from '../../graph/projection.js';
import type { Snapshot } from '../../model/records.js';
import { compactGraph } from '../compact.js';
import { degrees } from '../centrality/degree.js';
import { shortestPathMetrics } from '../centrality/paths.js';

const EXACT_LIMIT = 1000;
const SAMPLES = 100;

export interface KeyActorScore {
  id: string;
  betweenness: number;
  degree: number;
  betweennessRank?: number;
  degreeRank?: number;
}

function top(values: ArrayLike<number>, n: number, ids: string[]): number[] {
  const order = Array.from({ length: values.length }, (_, i) => i)
    .filter((i) => values[i] > 0)
    .sort((a, b) => values[b] - values[a] || ids[a].localeCompare(ids[b]));
  if (order.length <= n) return order;
  const cutoff = values[order[n - 1]];
  return order.filter((i, rank) => rank < n || values[i] === cutoff);
}

/** `snapshot` is already filtered by evidence and date. */
export function keyActors(snapshot: Snapshot, topN: number): KeyActorScore[] {
  const { graph } = projectActors(snapshot, { relationTypes: [...DEFAULT_PROJECTION_TYPES] });
  const g = compactGraph(graph, { weight: null, directed: false });
  if (g.n === 0) return [];
  // Exact up to EXACT_LIMIT actors (the county has about 110); beyond, Brandes–Pich source sampling, seeded.
  const betweenness = shortestPathMetrics(g, g.n > EXACT_LIMIT ? { samples: SAMPLES, sampleSeed: 1 } : {}).betweenness;
  const degree = degrees(g).degree;
  const byB = top(betweenness, topN, g.ids);
  const byD = top(degree, topN, g.ids);
  const rankB = new Map(byB.map((v, i) => [v, i + 1]));
  const rankD = new Map(byD.map((v, i) => [v, i + 1]));
  const chosen = [...new Set([...byB, ...byD])];
  chosen.sort((a, b) => (rankB.get(a) ?? Infinity) - (rankB.get(b) ?? Infinity) || degree[b] - degree[a]);
  return chosen.map((v) => ({
    id: g.ids[v],
    betweenness: betweenness[v],
    degree: degree[v],
    ...(rankB.has(v) ? { betweennessRank: rankB.get(v)! } : {}),
    ...(rankD.has(v) ? { degreeRank: rankD.get(v)! } : {}),
  }));
}
