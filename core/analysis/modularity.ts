import type { CompactGraph } from './compact.js';

/**
 * Newman–Girvan modularity of a partition, as NetworkX `community.modularity(G, communities, weight,
 * resolution)`:
 *   undirected Q = Σ_c [ L_c / m − γ (K_c / 2m)² ],  directed Q = Σ_c [ L_c / m − γ K_c^out K_c^in / m² ],
 * with L_c the (weighted) ties inside c, K_c the summed strengths and m the total strength. Null without ties.
 */
export function modularity(g: CompactGraph, labels: Int32Array, resolution = 1): number | null {
  const { n, edgeU, edgeV, edgeW, directed } = g;
  let k = 0;
  for (let v = 0; v < n; v++) if (labels[v] + 1 > k) k = labels[v] + 1;
  const inside = new Float64Array(k);
  const kOut = new Float64Array(k);
  const kIn = new Float64Array(k);
  let m = 0;
  for (let e = 0; e < edgeU.length; e++) {
    const cu = labels[edgeU[e]];
    const cv = labels[edgeV[e]];
    const w = edgeW[e];
    m += w;
    if (cu === cv) inside[cu] += w;
    kOut[cu] += w;
    kIn[cv] += w;
  }
  if (m === 0) return null;
  let q = 0;
  for (let c = 0; c < k; c++) {
    if (directed) q += inside[c] / m - (resolution * kOut[c] * kIn[c]) / (m * m);
    else {
      const kc = kOut[c] + kIn[c];
      q += inside[c] / m - (resolution * kc * kc) / (4 * m * m);
    }
  }
  return q;
}
