import type { CompactGraph } from '../compact.js';
import { connectedComponents, type Components } from '../components.js';
import { MinHeap } from '../heap.js';

/**
 * An upper bound on the vertex diameter VD (the most nodes on any shortest path), which sets the sample size of
 * Riondato–Kornaropoulos betweenness sampling. Per weakly connected component:
 * - undirected, unweighted: one BFS from a node x gives eccentricity e; every shortest path has at most 2e ties
 *   (d(u, v) ≤ d(u, x) + d(x, v)), so at most 2e + 1 nodes;
 * - undirected, weighted: one Dijkstra gives the weighted eccentricity e_w; a shortest path of h ties is at least
 *   h · d_min long and at most 2e_w, so h ≤ 2e_w / d_min;
 * - directed: the component's size (no cheap bound holds across strongly connected components).
 * Every bound is capped by the component's size. Only log2(VD) enters the sample size, so a loose bound costs little.
 */
export function vertexDiameterBound(g: CompactGraph, comps: Components = connectedComponents(g)): number {
  const seen = new Uint8Array(comps.sizes.length);
  let bound = Math.min(g.n, 1);
  if (g.directed) return comps.sizes.reduce((a, b) => Math.max(a, b), bound);
  const dist = new Float64Array(g.n).fill(-1);
  let dMin = Infinity;
  if (g.weighted) for (let p = 0; p < g.outW.length; p++) dMin = Math.min(dMin, 1 / g.outW[p]);
  for (let v = 0; v < g.n; v++) {
    const c = comps.of[v];
    if (seen[c]) continue;
    seen[c] = 1;
    const size = comps.sizes[c];
    if (size <= 2) {
      bound = Math.max(bound, size);
      continue;
    }
    const ecc = g.weighted ? weightedEccentricity(g, v, dist) : eccentricity(g, v, dist);
    const hops = g.weighted ? Math.floor((2 * ecc) / dMin + 1e-9) : 2 * ecc;
    bound = Math.max(bound, Math.min(size, hops + 1));
  }
  return bound;
}

/** Largest BFS distance from x (dist: scratch filled with -1, left as found). */
function eccentricity(g: CompactGraph, x: number, dist: Float64Array): number {
  const queue = new Int32Array(g.n);
  let head = 0;
  let tail = 0;
  queue[tail++] = x;
  dist[x] = 0;
  let ecc = 0;
  while (head < tail) {
    const v = queue[head++];
    const dv = dist[v];
    if (dv > ecc) ecc = dv;
    for (let p = g.outOff[v]; p < g.outOff[v + 1]; p++) {
      const w = g.outAdj[p];
      if (dist[w] < 0) {
        dist[w] = dv + 1;
        queue[tail++] = w;
      }
    }
  }
  for (let i = 0; i < tail; i++) dist[queue[i]] = -1;
  return ecc;
}

/** Largest Dijkstra distance (distance = 1/strength) from x (dist: scratch filled with -1, left as found). */
function weightedEccentricity(g: CompactGraph, x: number, dist: Float64Array): number {
  const heap = new MinHeap(g.outAdj.length + 1);
  const touched: number[] = [x];
  dist[x] = 0;
  heap.push(0, x);
  let ecc = 0;
  while (heap.size > 0) {
    const d = heap.top();
    const v = heap.pop();
    if (d > dist[v]) continue;
    if (d > ecc) ecc = d;
    for (let p = g.outOff[v]; p < g.outOff[v + 1]; p++) {
      const w = g.outAdj[p];
      const nd = d + 1 / g.outW[p];
      if (dist[w] < 0 || nd < dist[w]) {
        if (dist[w] < 0) touched.push(w);
        dist[w] = nd;
        heap.push(nd, w);
      }
    }
  }
  for (const v of touched) dist[v] = -1;
  return ecc;
}
