import type { CutStructure } from './cut-points.js';

/**
 * Borgatti's (2006) fragmentation F = 1 − Σ_k s_k(s_k − 1) / (n(n − 1)) over the (weak) components of sizes
 * s_k: the share of ordered pairs of nodes that cannot reach each other. Null when n < 2.
 */
export function fragmentationOfSizes(sizes: readonly number[], n: number): number | null {
  if (n < 2) return null;
  let s = 0;
  for (const k of sizes) s += k * (k - 1);
  return 1 - s / (n * (n - 1));
}

export interface RemovalImpact {
  /** Components of the graph without the node. */
  componentsAfter: Int32Array;
  /** componentsAfter − components (−1 for an isolate, 0 for most nodes, > 0 for cut points). */
  deltaComponents: Int32Array;
  /** Fragmentation of the graph without the node (n − 1 nodes); NaN when n − 1 < 2. */
  fragmentationAfter: Float64Array;
  /** fragmentationAfter − fragmentation of the whole graph; NaN when either is undefined. */
  deltaFragmentation: Float64Array;
}

/**
 * "What if this actor left": for every node, the components and the fragmentation of the graph without it,
 * from the block structure found by `cutStructure` (O(n + m) in all, no graph is rebuilt).
 */
export function removalImpact(cut: CutStructure, n: number): RemovalImpact {
  const components = cut.componentSizes.length;
  let pairSum = 0;
  for (const k of cut.componentSizes) pairSum += k * (k - 1);
  const base = n >= 2 ? 1 - pairSum / (n * (n - 1)) : Number.NaN;
  const componentsAfter = new Int32Array(n);
  const deltaComponents = new Int32Array(n);
  const fragmentationAfter = new Float64Array(n);
  const deltaFragmentation = new Float64Array(n);
  const m = n - 1;
  for (let v = 0; v < n; v++) {
    const size = cut.componentSizes[cut.componentOf[v]];
    const pieces = cut.piecesAfterRemoval[v];
    componentsAfter[v] = components - 1 + pieces;
    deltaComponents[v] = pieces - 1;
    const s = pairSum - size * (size - 1) + cut.pairsAfterRemoval[v];
    fragmentationAfter[v] = m >= 2 ? 1 - s / (m * (m - 1)) : Number.NaN;
    deltaFragmentation[v] = fragmentationAfter[v] - base;
  }
  return { componentsAfter, deltaComponents, fragmentationAfter, deltaFragmentation };
}
