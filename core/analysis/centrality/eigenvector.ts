import type { CompactGraph } from '../compact.js';
import type { Components } from '../components.js';
import { checkCancel, type RunControl } from '../errors.js';

export interface EigenvectorResult {
  /** NaN where undefined (see below). */
  values: Float64Array;
  /** Components whose power iteration hit the iteration cap (values are then the last iterate). */
  unconverged: number;
}

/**
 * Eigenvector centrality (Bonacich 1972), L2-normalised, as NetworkX `eigenvector_centrality(_numpy)` on a
 * connected graph: x = Aᵀx (in-ties in directed graphs), weights as strengths.
 *
 * Disconnected graphs — our convention: the principal eigenvector of a disconnected graph is zero outside the
 * component with the largest eigenvalue and is not unique when components tie, so it says nothing about most
 * actors. We therefore compute it **per connected component** (weak component in directed graphs), each
 * L2-normalised within its component; this equals `eigenvector_centrality(G.subgraph(component))`. Isolates
 * get 0. Values are comparable within a component, not across components. In a directed graph, a component
 * that is not strongly connected has no positive eigenvector (Perron–Frobenius needs irreducibility); its nodes
 * get NaN (null in output) — use PageRank there.
 *
 * Method: power iteration on A + I (the shift NetworkX uses; it also converges on bipartite graphs), starting
 * from the uniform vector, until Σ|x_k − x_{k−1}| < size · 1e-13.
 */
export function eigenvectorCentrality(
  g: CompactGraph,
  weak: Components,
  strong: Components | null,
  control?: RunControl,
): EigenvectorResult {
  const { n, inOff, inAdj, inW, directed } = g;
  const values = new Float64Array(n);
  let unconverged = 0;
  // Group nodes by component.
  const k = weak.sizes.length;
  const start = new Int32Array(k + 1);
  for (let v = 0; v < n; v++) start[weak.of[v] + 1]++;
  for (let c = 0; c < k; c++) start[c + 1] += start[c];
  const members = new Int32Array(n);
  const fill = start.slice(0, k);
  for (let v = 0; v < n; v++) members[fill[weak.of[v]]++] = v;
  const x = new Float64Array(n);
  const y = new Float64Array(n);
  const tol = 1e-13;
  for (let c = 0; c < k; c++) {
    const size = weak.sizes[c];
    const a = start[c];
    const b = start[c + 1];
    if (size === 1) {
      values[members[a]] = 0;
      continue;
    }
    if (directed && strong) {
      const s0 = strong.of[members[a]];
      let sc = true;
      for (let i = a + 1; i < b; i++) if (strong.of[members[i]] !== s0) sc = false;
      if (!sc) {
        for (let i = a; i < b; i++) values[members[i]] = Number.NaN;
        continue;
      }
    }
    let edges = 0;
    for (let i = a; i < b; i++) edges += inOff[members[i] + 1] - inOff[members[i]];
    const maxIter = Math.max(2000, Math.min(200000, Math.floor(4e8 / (edges + size))));
    for (let i = a; i < b; i++) x[members[i]] = 1 / size;
    let converged = false;
    for (let iter = 0; iter < maxIter; iter++) {
      if ((iter & 63) === 0) checkCancel(control);
      let norm = 0;
      for (let i = a; i < b; i++) {
        const v = members[i];
        let s = x[v];
        for (let p = inOff[v]; p < inOff[v + 1]; p++) s += x[inAdj[p]] * inW[p];
        y[v] = s;
        norm += s * s;
      }
      norm = Math.sqrt(norm) || 1;
      let diff = 0;
      for (let i = a; i < b; i++) {
        const v = members[i];
        const nv = y[v] / norm;
        diff += Math.abs(nv - x[v]);
        x[v] = nv;
      }
      if (diff < size * tol) {
        converged = true;
        break;
      }
    }
    if (!converged) unconverged++;
    for (let i = a; i < b; i++) values[members[i]] = x[members[i]];
  }
  return { values, unconverged };
}
