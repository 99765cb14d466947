import type { AbstractGraph as Graph } from 'graphology-types';
import { AnalysisError } from './errors.js';

/**
 * An index-based, read-only copy of a graphology graph that all metrics run on (typed arrays, CSR adjacency).
 *
 * Conventions, applied once here so every metric agrees:
 * - Self-loops are dropped (counted in `selfLoopsDropped`): none of the panel's metrics is defined with them
 *   (NetworkX's `core_number` refuses them).
 * - Parallel edges are merged into one tie whose strength is the sum of their weights (unweighted: one tie).
 * - An undirected edge in a mixed graph counts as two arcs of a directed analysis.
 * - Weights are tie strengths (higher = stronger). They must be finite and > 0, because path metrics use
 *   distance = 1/weight.
 */
export interface CompactGraph {
  n: number;
  /** Node keys in the graph's insertion order; index i is node i. */
  ids: string[];
  directed: boolean;
  weighted: boolean;
  /** Number of distinct ties: arcs in a directed graph, edges in an undirected one (NetworkX `number_of_edges`). */
  edgeCount: number;
  /** Distinct ties: undirected with u < v; directed as arcs u → v. Sorted by (u, v). */
  edgeU: Int32Array;
  edgeV: Int32Array;
  edgeW: Float64Array;
  /** Out-adjacency (undirected: all neighbours), rows sorted by target index. */
  outOff: Int32Array;
  outAdj: Int32Array;
  outW: Float64Array;
  /** In-adjacency (undirected: the same arrays as out). */
  inOff: Int32Array;
  inAdj: Int32Array;
  inW: Float64Array;
  /** Union neighbourhood N(i) = in ∪ out, sorted; `nbOutW` = a_ij, `nbInW` = a_ji (0 if absent). */
  nbOff: Int32Array;
  nbAdj: Int32Array;
  nbOutW: Float64Array;
  nbInW: Float64Array;
  selfLoopsDropped: number;
}

export interface CompactOptions {
  /** Edge attribute holding the tie strength; null/undefined = unweighted (every tie 1). */
  weight?: string | null;
  /** Force the analysis direction; default: the graph's own type (mixed counts as directed). */
  directed?: boolean;
}

/** Sorts entries [a, b) of a row by target index, carrying the weights along (insertion sort for short rows). */
function sortRow(v: Int32Array, w: Float64Array, a: number, b: number): void {
  if (b - a <= 32) {
    for (let i = a + 1; i < b; i++) {
      const x = v[i];
      const y = w[i];
      let j = i - 1;
      while (j >= a && v[j] > x) {
        v[j + 1] = v[j];
        w[j + 1] = w[j];
        j--;
      }
      v[j + 1] = x;
      w[j + 1] = y;
    }
    return;
  }
  const order = Array.from({ length: b - a }, (_, i) => a + i).sort((i, j) => v[i] - v[j]);
  const sv = order.map((i) => v[i]);
  const sw = order.map((i) => w[i]);
  for (let i = 0; i < sv.length; i++) {
    v[a + i] = sv[i];
    w[a + i] = sw[i];
  }
}

function readWeight(value: unknown): number {
  if (typeof value === 'number') return value;
  if (typeof value === 'string' && value.trim() !== '') return Number(value);
  return Number.NaN;
}

/** A weighted analysis needs at least one edge that carries the attribute (else it is a misspelt name). */
function checkWeightAttribute(graph: Graph, weightAttr: string | null): void {
  if (weightAttr === null || graph.size === 0) return;
  let seen = false;
  graph.someEdge((_e, attrs) => {
    if (attrs[weightAttr] !== undefined) seen = true;
    return seen;
  });
  if (!seen)
    throw new AnalysisError('unknown_weight_attribute', `No edge has the weight attribute "${weightAttr}".`, {
      attribute: weightAttr,
    });
}

/** Arcs as parallel arrays (u < v when undirected), before merging; self-loops only counted. */
interface Arcs {
  u: Int32Array;
  v: Int32Array;
  w: Float64Array;
  count: number;
  selfLoops: number;
}

function edgeWeight(edge: string, attrs: Record<string, unknown>, source: string, target: string, attr: string) {
  const w = readWeight(attrs[attr]);
  if (Number.isFinite(w) && w > 0) return w;
  const shown = attrs[attr] === undefined ? 'no value' : JSON.stringify(attrs[attr]);
  throw new AnalysisError(
    'invalid_weight',
    `Edge ${source} – ${target} has ${attr} = ${shown}; weights are tie strengths and must be positive numbers (path metrics use distance = 1/weight).`,
    { edge, source, target, value: attrs[attr] },
  );
}

function collectArcs(graph: Graph, index: Map<string, number>, directed: boolean, weightAttr: string | null): Arcs {
  let cap = Math.max(16, graph.size * (directed ? 2 : 1));
  const arcs: Arcs = {
    u: new Int32Array(cap),
    v: new Int32Array(cap),
    w: new Float64Array(cap),
    count: 0,
    selfLoops: 0,
  };
  const grow = () => {
    cap *= 2;
    const nu = new Int32Array(cap);
    nu.set(arcs.u);
    arcs.u = nu;
    const nv = new Int32Array(cap);
    nv.set(arcs.v);
    arcs.v = nv;
    const nw = new Float64Array(cap);
    nw.set(arcs.w);
    arcs.w = nw;
  };
  const add = (u: number, v: number, w: number) => {
    if (arcs.count === cap) grow();
    arcs.u[arcs.count] = u;
    arcs.v[arcs.count] = v;
    arcs.w[arcs.count] = w;
    arcs.count++;
  };
  graph.forEachEdge((edge, attrs, source, target, _sa, _ta, undirected) => {
    const u = index.get(source)!;
    const v = index.get(target)!;
    if (u === v) {
      arcs.selfLoops++;
      return;
    }
    const w = weightAttr === null ? 1 : edgeWeight(edge, attrs, source, target, weightAttr);
    if (!directed) add(Math.min(u, v), Math.max(u, v), w);
    else {
      add(u, v, w);
      if (undirected) add(v, u, w);
    }
  });
  return arcs;
}

/** Buckets the arcs by u, sorts each bucket by v and merges duplicates (weights summed): the distinct ties. */
function mergeTies(arcs: Arcs, n: number, weighted: boolean) {
  const { u: rawU, v: rawV, w: rawW, count } = arcs;
  const bucketOff = new Int32Array(n + 1);
  for (let e = 0; e < count; e++) bucketOff[rawU[e] + 1]++;
  for (let i = 0; i < n; i++) bucketOff[i + 1] += bucketOff[i];
  const fillPos = bucketOff.slice(0, n);
  const bV = new Int32Array(count);
  const bW = new Float64Array(count);
  for (let e = 0; e < count; e++) {
    const p = fillPos[rawU[e]]++;
    bV[p] = rawV[e];
    bW[p] = rawW[e];
  }
  const mergedU: number[] = [];
  const mergedV: number[] = [];
  const mergedW: number[] = [];
  for (let u = 0; u < n; u++) {
    const a = bucketOff[u];
    const b = bucketOff[u + 1];
    if (b - a > 1) sortRow(bV, bW, a, b);
    for (let p = a; p < b; p++) {
      const last = mergedV.length - 1;
      if (p > a && bV[p] === bV[p - 1]) {
        if (weighted) mergedW[last] += bW[p];
      } else {
        mergedU.push(u);
        mergedV.push(bV[p]);
        mergedW.push(weighted ? bW[p] : 1);
      }
    }
  }
  return { edgeU: Int32Array.from(mergedU), edgeV: Int32Array.from(mergedV), edgeW: Float64Array.from(mergedW) };
}

type Ties = ReturnType<typeof mergeTies>;

/** CSR. Filling rows while walking ties in (u, v) order keeps every row sorted (see the note on undirected rows). */
function adjacency({ edgeU, edgeV, edgeW }: Ties, n: number, directed: boolean) {
  const m = edgeU.length;
  const outOff = new Int32Array(n + 1);
  const inOff = directed ? new Int32Array(n + 1) : outOff;
  for (let e = 0; e < m; e++) {
    outOff[edgeU[e] + 1]++;
    if (directed) inOff[edgeV[e] + 1]++;
    else outOff[edgeV[e] + 1]++;
  }
  for (let i = 0; i < n; i++) {
    outOff[i + 1] += outOff[i];
    if (directed) inOff[i + 1] += inOff[i];
  }
  const outAdj = new Int32Array(outOff[n]);
  const outW = new Float64Array(outOff[n]);
  const inAdj = directed ? new Int32Array(inOff[n]) : outAdj;
  const inW = directed ? new Float64Array(inOff[n]) : outW;
  const outPos = outOff.slice(0, n);
  const inPos = directed ? inOff.slice(0, n) : outPos;
  for (let e = 0; e < m; e++) {
    const u = edgeU[e];
    const v = edgeV[e];
    const w = edgeW[e];
    // Undirected: row x receives all y < x (from ties (y, x), y increasing) before all y > x.
    let p = outPos[u]++;
    outAdj[p] = v;
    outW[p] = w;
    p = inPos[v]++;
    inAdj[p] = u;
    inW[p] = w;
  }
  return { outOff, outAdj, outW, inOff, inAdj, inW };
}

type Adjacency = ReturnType<typeof adjacency>;

/** The union neighbourhood in ∪ out of each node, merged from the two sorted rows (undirected: the out rows). */
function neighbourhoods(adj: Adjacency, n: number, directed: boolean) {
  const { outOff, outAdj, outW, inOff, inAdj, inW } = adj;
  if (!directed) return { nbOff: outOff, nbAdj: outAdj, nbOutW: outW, nbInW: outW };
  const nbOff = new Int32Array(n + 1);
  const nb: number[] = [];
  const ow: number[] = [];
  const iw: number[] = [];
  for (let i = 0; i < n; i++) {
    let a = outOff[i];
    const aEnd = outOff[i + 1];
    let b = inOff[i];
    const bEnd = inOff[i + 1];
    while (a < aEnd || b < bEnd) {
      const x = a < aEnd ? outAdj[a] : Infinity;
      const y = b < bEnd ? inAdj[b] : Infinity;
      if (x === y) {
        nb.push(x);
        ow.push(outW[a++]);
        iw.push(inW[b++]);
      } else if (x < y) {
        nb.push(x);
        ow.push(outW[a++]);
        iw.push(0);
      } else {
        nb.push(y);
        ow.push(0);
        iw.push(inW[b++]);
      }
    }
    nbOff[i + 1] = nb.length;
  }
  return { nbOff, nbAdj: Int32Array.from(nb), nbOutW: Float64Array.from(ow), nbInW: Float64Array.from(iw) };
}

export function compactGraph(graph: Graph, options: CompactOptions = {}): CompactGraph {
  const weightAttr = options.weight ?? null;
  const directed = options.directed ?? graph.type !== 'undirected';
  const ids = graph.nodes();
  const n = ids.length;
  const index = new Map<string, number>();
  for (let i = 0; i < n; i++) index.set(ids[i], i);
  checkWeightAttribute(graph, weightAttr);
  const arcs = collectArcs(graph, index, directed, weightAttr);
  const ties = mergeTies(arcs, n, weightAttr !== null);
  const adj = adjacency(ties, n, directed);
  return {
    n,
    ids,
    directed,
    weighted: weightAttr !== null,
    edgeCount: ties.edgeU.length,
    ...ties,
    ...adj,
    ...neighbourhoods(adj, n, directed),
    selfLoopsDropped: arcs.selfLoops,
  };
}
