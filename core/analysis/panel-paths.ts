import type { PathResults } from './centrality/paths.js';
import type { CompactGraph } from './compact.js';
import { connectedComponents, largestComponent, stronglyConnectedComponents, type Components } from './components.js';
import { exceedsPathBudget } from './sampling/plan.js';

/** An exact path pass computed elsewhere (e.g. over several pool threads) for the graph with this fingerprint. */
export interface ExactPaths {
  paths: PathResults;
  fingerprint: string;
}

/** The components the panel's path pass reads: strong ones in a directed graph (for the marked component). */
export function panelComponents(g: CompactGraph): {
  weak: Components;
  strong: Components | null;
  pathComponents: Components;
  lcc: number;
} {
  const weak = connectedComponents(g);
  const strong = g.directed ? stronglyConnectedComponents(g) : null;
  const pathComponents = strong ?? weak;
  return { weak, strong, pathComponents, lcc: largestComponent(pathComponents) };
}

/** True when the panel runs the exact pass from every source (no `samples` given, within the budget). */
export function panelPathsExact(g: CompactGraph, samples: number | null | undefined, pathBudget?: number): boolean {
  return (samples === null || samples === undefined) && !exceedsPathBudget(g, pathBudget);
}

/**
 * FNV-1a over what the path pass reads (ids, adjacency, weights): a pass computed from another read of the same
 * network is used only when this matches, so a write between two reads can never mix two graphs.
 */
export function graphFingerprint(g: CompactGraph): string {
  let h = 0x811c9dc5;
  const mix = (x: number) => {
    h = Math.imul(h ^ (x & 0xffff), 0x01000193);
    h = Math.imul(h ^ (x >>> 16), 0x01000193);
  };
  mix(g.n);
  mix(g.directed ? 1 : 0);
  mix(g.weighted ? 1 : 0);
  for (const id of g.ids) {
    for (let i = 0; i < id.length; i++) mix(id.charCodeAt(i));
    mix(0xffff);
  }
  for (const x of g.outOff) mix(x);
  for (const x of g.outAdj) mix(x);
  if (g.weighted) for (const x of new Uint32Array(g.outW.buffer, g.outW.byteOffset, g.outW.length * 2)) mix(x);
  return `${g.n}:${g.outAdj.length}:${(h >>> 0).toString(16)}`;
}
