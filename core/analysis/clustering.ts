import type { CompactGraph } from './compact.js';
import { checkCancel, type RunControl } from './errors.js';

/**
 * Local clustering coefficient, as NetworkX `clustering(G, weight=…)`:
 * - undirected, unweighted: 2T / (k(k − 1));
 * - undirected, weighted (Onnela et al. 2005): Σ over triangles of the cube root of the product of the three
 *   strengths, each divided by the largest strength in the graph, × 2 / (k(k − 1));
 * - directed (Fagiolo 2007): T / (2(k_tot(k_tot − 1) − 2 k_↔)), T counting all directed triangles
 *   (weighted: cube roots of normalised strengths).
 * Nodes with fewer than two neighbours (and nodes in no triangle) get 0.
 */
export function clustering(g: CompactGraph, control?: RunControl): Float64Array {
  return g.directed ? directedClustering(g, control) : undirectedClustering(g, control);
}

function maxWeight(g: CompactGraph): number {
  let max = 0;
  for (let e = 0; e < g.edgeW.length; e++) if (g.edgeW[e] > max) max = g.edgeW[e];
  return max || 1;
}

function undirectedClustering(g: CompactGraph, control?: RunControl): Float64Array {
  const { n, outOff, outAdj, outW, weighted } = g;
  const out = new Float64Array(n);
  const mark = new Float64Array(n); // normalised weight of the tie i–k, 0 when absent
  const maxW = weighted ? maxWeight(g) : 1;
  for (let i = 0; i < n; i++) {
    if ((i & 1023) === 0) checkCancel(control);
    const d = outOff[i + 1] - outOff[i];
    if (d < 2) continue;
    for (let p = outOff[i]; p < outOff[i + 1]; p++) mark[outAdj[p]] = outW[p] / maxW;
    let t = 0;
    for (let p = outOff[i]; p < outOff[i + 1]; p++) {
      const j = outAdj[p];
      const wij = outW[p] / maxW;
      for (let q = outOff[j]; q < outOff[j + 1]; q++) {
        const wik = mark[outAdj[q]];
        if (wik === 0) continue;
        t += weighted ? Math.cbrt(wij * (outW[q] / maxW) * wik) : 1;
      }
    }
    for (let p = outOff[i]; p < outOff[i + 1]; p++) mark[outAdj[p]] = 0;
    out[i] = t === 0 ? 0 : t / (d * (d - 1));
  }
  return out;
}

function directedClustering(g: CompactGraph, control?: RunControl): Float64Array {
  const { n, outOff, outAdj, outW, inOff, inAdj, inW, weighted } = g;
  const out = new Float64Array(n);
  const maxW = weighted ? maxWeight(g) : 1;
  const predW = new Float64Array(n); // w(k, i) / max
  const succW = new Float64Array(n); // w(i, k) / max
  // Adds the triangles closed through the arc i–j (weight wij) over the neighbours k of j.
  const overJ = (j: number, wij: number): number => {
    let t = 0;
    // k in pred(j): third factor w(k, j)
    for (let q = inOff[j]; q < inOff[j + 1]; q++) {
      const k = inAdj[q];
      const wkj = inW[q] / maxW;
      if (predW[k] > 0) t += weighted ? Math.cbrt(wij * predW[k] * wkj) : 1;
      if (succW[k] > 0) t += weighted ? Math.cbrt(wij * succW[k] * wkj) : 1;
    }
    // k in succ(j): third factor w(j, k)
    for (let q = outOff[j]; q < outOff[j + 1]; q++) {
      const k = outAdj[q];
      const wjk = outW[q] / maxW;
      if (predW[k] > 0) t += weighted ? Math.cbrt(wij * predW[k] * wjk) : 1;
      if (succW[k] > 0) t += weighted ? Math.cbrt(wij * succW[k] * wjk) : 1;
    }
    return t;
  };
  for (let i = 0; i < n; i++) {
    if ((i & 1023) === 0) checkCancel(control);
    for (let p = inOff[i]; p < inOff[i + 1]; p++) predW[inAdj[p]] = inW[p] / maxW;
    for (let p = outOff[i]; p < outOff[i + 1]; p++) succW[outAdj[p]] = outW[p] / maxW;
    let t = 0;
    for (let p = inOff[i]; p < inOff[i + 1]; p++) t += overJ(inAdj[p], inW[p] / maxW);
    for (let p = outOff[i]; p < outOff[i + 1]; p++) t += overJ(outAdj[p], outW[p] / maxW);
    const dIn = inOff[i + 1] - inOff[i];
    const dOut = outOff[i + 1] - outOff[i];
    let dBi = 0;
    for (let p = inOff[i]; p < inOff[i + 1]; p++) if (succW[inAdj[p]] > 0) dBi++;
    const dt = dIn + dOut;
    for (let p = inOff[i]; p < inOff[i + 1]; p++) predW[inAdj[p]] = 0;
    for (let p = outOff[i]; p < outOff[i + 1]; p++) succW[outAdj[p]] = 0;
    out[i] = t === 0 ? 0 : t / ((dt * (dt - 1) - 2 * dBi) * 2);
  }
  return out;
}
