import type { CompactGraph } from '../compact.js';

export interface DegreeResults {
  /** Undirected: number of neighbours. Directed: in + out (NetworkX `G.degree`). */
  degree: Int32Array;
  inDegree: Int32Array;
  outDegree: Int32Array;
  /** Weighted degree (sum of tie strengths; directed: in + out). Equals `degree` when unweighted. */
  strength: Float64Array;
  /** NetworkX `degree_centrality`: degree / (n − 1); 1 for every node when n ≤ 1. */
  degreeCentrality: Float64Array;
}

export function degrees(g: CompactGraph): DegreeResults {
  const { n, outOff, inOff, outW, inW, directed } = g;
  const degree = new Int32Array(n);
  const inDegree = new Int32Array(n);
  const outDegree = new Int32Array(n);
  const strength = new Float64Array(n);
  const degreeCentrality = new Float64Array(n);
  for (let v = 0; v < n; v++) {
    outDegree[v] = outOff[v + 1] - outOff[v];
    inDegree[v] = inOff[v + 1] - inOff[v];
    degree[v] = directed ? inDegree[v] + outDegree[v] : outDegree[v];
    let s = 0;
    for (let p = outOff[v]; p < outOff[v + 1]; p++) s += outW[p];
    if (directed) for (let p = inOff[v]; p < inOff[v + 1]; p++) s += inW[p];
    strength[v] = s;
    degreeCentrality[v] = n <= 1 ? 1 : degree[v] / (n - 1);
  }
  return { degree, inDegree, outDegree, strength, degreeCentrality };
}

/**
 * Freeman's degree centralisation: Σ_i (max C_D − C_D(i)) divided by its maximum over graphs of the same size
 * (a star): n − 2 for undirected graphs; 2(n − 2) for directed graphs, where C_D is NetworkX's total-degree
 * centrality (in + out)/(n − 1). Null when n < 3.
 */
export function degreeCentralisation(g: CompactGraph, degreeCentrality: Float64Array): number | null {
  const n = g.n;
  if (n < 3) return null;
  let max = 0;
  for (let v = 0; v < n; v++) if (degreeCentrality[v] > max) max = degreeCentrality[v];
  let sum = 0;
  for (let v = 0; v < n; v++) sum += max - degreeCentrality[v];
  return sum / ((g.directed ? 2 : 1) * (n - 2));
}
