/**
 * Ego networks and shortest paths over the visible graph, ignoring direction (who is connected to whom).
 */
import type { AbstractGraph } from 'graphology-types';
import type { Visibility } from './view-filters.js';

export interface Highlight {
  nodes: Set<string>;
  edges: Set<string>;
}

/** The nodes within `depth` steps of `center`, and the visible edges among them. */
export function egoNetwork(graph: AbstractGraph, center: string, depth: number, vis: Visibility): Highlight {
  const nodes = new Set<string>([center]);
  let frontier = [center];
  for (let d = 0; d < depth; d++) {
    const next: string[] = [];
    for (const n of frontier) {
      graph.forEachEdge(n, (edge, _a, source, target) => {
        if (vis.hiddenEdges.has(edge)) return;
        const other = source === n ? target : source;
        if (!nodes.has(other)) {
          nodes.add(other);
          next.push(other);
        }
      });
    }
    frontier = next;
  }
  const edges = new Set<string>();
  for (const n of nodes) {
    graph.forEachEdge(n, (edge, _a, source, target) => {
      if (!vis.hiddenEdges.has(edge) && nodes.has(source) && nodes.has(target)) edges.add(edge);
    });
  }
  return { nodes, edges };
}

/** One shortest path (fewest ties) between two nodes over visible edges, or null when none exists. */
export function shortestPath(graph: AbstractGraph, from: string, to: string, vis: Visibility): Highlight | null {
  if (!graph.hasNode(from) || !graph.hasNode(to)) return null;
  const prev = new Map<string, { node: string; edge: string }>();
  const seen = new Set<string>([from]);
  let frontier = [from];
  while (frontier.length > 0 && !seen.has(to)) {
    const next: string[] = [];
    for (const n of frontier) {
      graph.forEachEdge(n, (edge, _a, source, target) => {
        if (vis.hiddenEdges.has(edge)) return;
        const other = source === n ? target : source;
        if (seen.has(other)) return;
        seen.add(other);
        prev.set(other, { node: n, edge });
        next.push(other);
      });
    }
    frontier = next;
  }
  if (!seen.has(to)) return null;
  const nodes = new Set<string>([to]);
  const edges = new Set<string>();
  let cur = to;
  while (cur !== from) {
    const step = prev.get(cur);
    if (!step) break;
    edges.add(step.edge);
    nodes.add(step.node);
    cur = step.node;
  }
  return { nodes, edges };
}
