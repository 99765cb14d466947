import type { CompactGraph } from '../compact.js';
import { checkCancel, type RunControl } from '../errors.js';

/**
 * PageRank (Brin & Page 1998) as NetworkX `pagerank(G, alpha)`: an undirected edge is two arcs; transition
 * probabilities are strength / out-strength; a dangling node (no out-ties, e.g. an isolate) spreads its rank
 * uniformly; teleport is uniform. The fixed point is unique for α < 1, so we iterate to a much tighter tolerance
 * than NetworkX's default (Σ|Δ| < n · 1e-15) and agree with it to its own accuracy.
 */
export function pagerank(g: CompactGraph, alpha = 0.85, control?: RunControl): Float64Array {
  const { n, outOff, outAdj, outW } = g;
  const x = new Float64Array(n);
  if (n === 0) return x;
  const outStrength = new Float64Array(n);
  for (let v = 0; v < n; v++) {
    let s = 0;
    for (let p = outOff[v]; p < outOff[v + 1]; p++) s += outW[p];
    outStrength[v] = s;
  }
  const next = new Float64Array(n);
  x.fill(1 / n);
  const tol = 1e-15;
  for (let iter = 0; iter < 10000; iter++) {
    if ((iter & 15) === 0) checkCancel(control);
    let dangling = 0;
    for (let v = 0; v < n; v++) if (outStrength[v] === 0) dangling += x[v];
    const base = (alpha * dangling) / n + (1 - alpha) / n;
    next.fill(base);
    for (let v = 0; v < n; v++) {
      const os = outStrength[v];
      if (os === 0) continue;
      const share = (alpha * x[v]) / os;
      for (let p = outOff[v]; p < outOff[v + 1]; p++) next[outAdj[p]] += share * outW[p];
    }
    let err = 0;
    for (let v = 0; v < n; v++) {
      err += Math.abs(next[v] - x[v]);
      x[v] = next[v];
    }
    if (err < n * tol) break;
  }
  return x;
}
