/**
 * Node positions: read, write and seed. A node without a position gets one next to its placed neighbours, or
 * on a deterministic spiral, so a map never breaks on missing coordinates and the same input gives the same
 * starting layout.
 */
import type { AtlasGraph } from '../graph/load.js';
import type { Positions } from '../state/types.js';

export type { Positions };

const hasPos = (a: Record<string, unknown>): boolean => Number.isFinite(a.x) && Number.isFinite(a.y);

/** A stable pseudo-random number in [0, 1) from a string. */
export function hash01(s: string): number {
  let h = 2166136261;
  for (let i = 0; i < s.length; i++) {
    h ^= s.charCodeAt(i);
    h = Math.imul(h, 16777619);
  }
  return ((h >>> 0) % 100000) / 100000;
}

export function readPositions(graph: AtlasGraph): Positions {
  const out: Positions = {};
  graph.forEachNode((node, a) => {
    if (hasPos(a)) out[node] = [Math.round((a.x as number) * 100) / 100, Math.round((a.y as number) * 100) / 100];
  });
  return out;
}

/** Applies stored positions to the nodes that exist; returns how many nodes got one. */
export function applyPositions(graph: AtlasGraph, positions: Positions | undefined): number {
  if (!positions) return 0;
  let n = 0;
  for (const [node, p] of Object.entries(positions)) {
    if (!graph.hasNode(node) || !Array.isArray(p) || !Number.isFinite(p[0]) || !Number.isFinite(p[1])) continue;
    graph.mergeNodeAttributes(node, { x: p[0], y: p[1] });
    n++;
  }
  return n;
}

/** Gives every node without a position one: near its placed neighbours, else on a spiral. Returns the count. */
export function seedMissingPositions(graph: AtlasGraph): number {
  const missing = graph.filterNodes((_n, a) => !hasPos(a)).sort();
  if (missing.length === 0) return 0;
  const placed = graph.order - missing.length;
  const scale = Math.max(10, Math.sqrt(graph.order) * 10);
  let i = placed;
  for (const node of missing) {
    let sx = 0;
    let sy = 0;
    let k = 0;
    graph.forEachNeighbor(node, (_m, a) => {
      if (hasPos(a)) {
        sx += a.x as number;
        sy += a.y as number;
        k++;
      }
    });
    const angle = hash01(node) * Math.PI * 2;
    if (k > 0) {
      graph.mergeNodeAttributes(node, {
        x: sx / k + Math.cos(angle) * scale * 0.05,
        y: sy / k + Math.sin(angle) * scale * 0.05,
      });
    } else {
      const r = scale * Math.sqrt(i + 1) * 0.1;
      const a = i * 2.399963229728653; // golden angle
      graph.mergeNodeAttributes(node, { x: r * Math.cos(a), y: r * Math.sin(a) });
    }
    i++;
  }
  return missing.length;
}
