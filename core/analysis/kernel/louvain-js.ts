import type { CompactGraph } from '../compact.js';
import { mulberry32 } from '../rng.js';

/**
 * One Louvain run on typed arrays: a step-for-step port of graphology-communities-louvain 2.0 (fast local
 * moves, random walk, its tie-breaker and its induced-graph order), so that it yields the same partition as that
 * package for the same rng while skipping the graphology copy. It is the reference and fallback of the
 * WebAssembly kernel (kernel/assembly/louvain.ts), which mirrors it line by line; both must agree exactly.
 *
 * Returns the community of each node (not renumbered).
 */
export function louvainRunJs(g: CompactGraph, resolution: number, seed: number): Int32Array {
  const ix = buildIndex(g, resolution);
  const rng = mulberry32(seed);
  for (;;) {
    const moved = ix.directed ? localMovesDirected(ix, rng) : localMovesUndirected(ix, rng);
    if (!moved) break;
    zoomOut(ix);
  }
  return ix.mapping;
}

/** graphology-indices' Louvain index, in typed arrays. Directed rows hold the out-entries, then the in-entries. */
interface Index {
  directed: boolean;
  res: number;
  /** Communities (= nodes of the current level), total weight, unused community ids on the stack. */
  C: number;
  M: number;
  U: number;
  nb: Int32Array;
  w: Float64Array;
  starts: Int32Array;
  offsets: Int32Array;
  loops: Float64Array;
  belong: Int32Array;
  counts: Int32Array;
  unused: Int32Array;
  totIn: Float64Array;
  /** Undirected: the only total (totOut === totIn). */
  totOut: Float64Array;
  mapping: Int32Array;
  /** FIFO set of nodes to visit, and the sparse map community → weight towards it. */
  queue: Int32Array;
  inQueue: Uint8Array;
  mapKeys: Int32Array;
  mapVals: Float64Array;
  mapPos: Int32Array;
}

function buildIndex(g: CompactGraph, res: number): Index {
  const { n, edgeU, edgeV, edgeW, directed, weighted } = g;
  const size = 2 * edgeU.length;
  const totIn = new Float64Array(n);
  const ix: Index = {
    directed,
    res,
    C: n,
    M: 0,
    U: 0,
    nb: new Int32Array(size),
    w: new Float64Array(size),
    starts: new Int32Array(n + 1),
    offsets: new Int32Array(n),
    loops: new Float64Array(n),
    belong: new Int32Array(n),
    counts: new Int32Array(n).fill(1),
    unused: new Int32Array(n),
    totIn,
    totOut: directed ? new Float64Array(n) : totIn,
    mapping: new Int32Array(n),
    queue: new Int32Array(n),
    inQueue: new Uint8Array(n),
    mapKeys: new Int32Array(n),
    mapVals: new Float64Array(n),
    mapPos: new Int32Array(n),
  };
  // Row ends first; each edge then fills its rows from the back (graphology's single sweep over the edges).
  let acc = 0;
  for (let i = 0; i < n; i++) {
    ix.belong[i] = i;
    ix.mapping[i] = i;
    acc += g.outOff[i + 1] - g.outOff[i];
    ix.starts[i] = acc;
    if (directed) {
      acc += g.inOff[i + 1] - g.inOff[i];
      ix.offsets[i] = acc;
    }
  }
  ix.starts[n] = size;
  const backs = directed ? ix.offsets : ix.starts;
  for (let e = 0; e < edgeU.length; e++) {
    const u = edgeU[e];
    const v = edgeV[e];
    const wt = weighted ? edgeW[e] : 1;
    ix.M += wt;
    ix.totOut[u] += wt;
    ix.totIn[v] += wt;
    const a = --ix.starts[u];
    const b = --backs[v];
    ix.nb[a] = v;
    ix.nb[b] = u;
    ix.w[a] = wt;
    ix.w[b] = wt;
  }
  return ix;
}

/** Gathers the weight from node i to each neighbouring community (first-seen order); out = [in, out, count]. */
function gather(ix: Index, i: number, out: Float64Array): void {
  const { nb, w, belong, mapKeys, mapVals, mapPos } = ix;
  let size = 0;
  let inDeg = 0;
  let outDeg = 0;
  // Undirected: every entry counts as "in" (the one degree); directed rows hold out-entries first.
  const off = ix.directed ? ix.offsets[i] : ix.starts[i];
  for (let p = ix.starts[i], end = ix.starts[i + 1]; p < end; p++) {
    const wt = w[p];
    const c = belong[nb[p]];
    if (p < off) outDeg += wt;
    else inDeg += wt;
    const at = mapPos[c];
    if (at < size && mapKeys[at] === c) mapVals[at] += wt;
    else {
      mapPos[c] = size;
      mapKeys[size] = c;
      mapVals[size++] = wt;
    }
  }
  out[0] = inDeg;
  out[1] = outDeg;
  out[2] = size;
}

const EPSILON = 1e-10;

function better(best: number, current: number, target: number, delta: number, bestDelta: number): boolean {
  if (Math.abs(delta - bestDelta) < EPSILON) return best === current ? false : target > best;
  return delta > bestDelta;
}

function weightTo(ix: Index, c: number, size: number): number {
  const at = ix.mapPos[c];
  return at < size && ix.mapKeys[at] === c ? ix.mapVals[at] : 0;
}

/** Moves node i (or isolates it); returns the community it ends in, or -1 when it stays. */
function place(ix: Index, i: number, inDeg: number, outDeg: number, best: number, bestDelta: number): number {
  const current = ix.belong[i];
  const lp = ix.loops[i];
  let target = best;
  if (bestDelta < 0) {
    if (ix.counts[current] === 1) return -1;
    target = ix.unused[--ix.U];
  } else if (best === current) return -1;
  ix.totIn[current] -= inDeg + lp;
  ix.totIn[target] += inDeg + lp;
  if (ix.directed) {
    ix.totOut[current] -= outDeg + lp;
    ix.totOut[target] += outDeg + lp;
  }
  ix.belong[i] = target;
  const nowEmpty = ix.counts[current]-- === 1;
  ix.counts[target]++;
  if (nowEmpty) ix.unused[ix.U++] = current;
  return target;
}

/** Queues every node from a random start, then visits until no node is queued; true if any node moved. */
function sweep(ix: Index, rng: () => number, visit: (i: number) => number): boolean {
  const { queue, inQueue, nb, belong } = ix;
  const cap = queue.length;
  const l = ix.C;
  let head = 0;
  let size = 0;
  const ri = Math.floor(rng() * l);
  for (let s = 0; s < l; s++) {
    const i = (ri + s) % l;
    queue[size++] = i;
    inQueue[i] = 1;
  }
  let moved = false;
  while (size > 0) {
    const i = queue[head];
    head = head + 1 === cap ? 0 : head + 1;
    size--;
    inQueue[i] = 0;
    const target = visit(i);
    if (target < 0) continue;
    moved = true;
    for (let p = ix.starts[i], end = ix.starts[i + 1]; p < end; p++) {
      const j = nb[p];
      if (belong[j] !== target && inQueue[j] === 0) {
        inQueue[j] = 1;
        queue[(head + size++) % cap] = j;
      }
    }
  }
  return moved;
}

function localMovesUndirected(ix: Index, rng: () => number): boolean {
  const deg = new Float64Array(3);
  const twoM = 2 * ix.M;
  return sweep(ix, rng, (i) => {
    gather(ix, i, deg);
    const degree = deg[0] + ix.loops[i];
    const size = deg[2];
    const current = ix.belong[i];
    const tot = ix.totIn;
    let bestDelta = weightTo(ix, current, size) - (degree * (tot[current] - degree) * ix.res) / twoM;
    let best = current;
    for (let k = 0; k < size; k++) {
      const t = ix.mapKeys[k];
      if (t === current) continue;
      const delta = ix.mapVals[k] - (degree * tot[t] * ix.res) / twoM;
      if (better(best, current, t, delta, bestDelta)) {
        bestDelta = delta;
        best = t;
      }
    }
    return place(ix, i, deg[0], 0, best, bestDelta);
  });
}

function localMovesDirected(ix: Index, rng: () => number): boolean {
  const deg = new Float64Array(3);
  const { M } = ix;
  const MM = M * M;
  return sweep(ix, rng, (i) => {
    gather(ix, i, deg);
    const lp = ix.loops[i];
    const inD = deg[0] + lp;
    const outD = deg[1] + lp;
    const size = deg[2];
    const current = ix.belong[i];
    const { totIn, totOut } = ix;
    let bestDelta =
      weightTo(ix, current, size) / M -
      ((outD * (totIn[current] - inD) + inD * (totOut[current] - outD)) * ix.res) / MM;
    let best = current;
    for (let k = 0; k < size; k++) {
      const t = ix.mapKeys[k];
      if (t === current) continue;
      const delta = ix.mapVals[k] / M - ((outD * totIn[t] + inD * totOut[t]) * ix.res) / MM;
      if (better(best, current, t, delta, bestDelta)) {
        bestDelta = delta;
        best = t;
      }
    }
    return place(ix, i, deg[0], deg[1], best, bestDelta);
  });
}

/**
 * Replaces the graph by its communities (graphology's zoomOut): communities renumbered by first member, the
 * ties between two communities summed in member order, each row sorted by neighbour (out-entries, then in).
 */
function zoomOut(ix: Index): void {
  const { C, belong, directed } = ix;
  const relabel = new Int32Array(C).fill(-1);
  const newIn = new Float64Array(C);
  const newOut = directed ? new Float64Array(C) : newIn;
  let C2 = 0;
  for (let i = 0; i < C; i++) {
    const c = belong[i];
    if (relabel[c] < 0) {
      relabel[c] = C2;
      newIn[C2] = ix.totIn[c];
      if (directed) newOut[C2] = ix.totOut[c];
      C2++;
    }
    belong[i] = relabel[c];
  }
  for (let i = 0; i < ix.mapping.length; i++) ix.mapping[i] = belong[ix.mapping[i]];
  const { entries, internal } = inducedEntries(ix, C2);
  writeRows(ix, entries, C2);
  ix.C = C2;
  ix.U = 0;
  ix.totIn.set(newIn.subarray(0, C2));
  if (directed) ix.totOut.set(newOut.subarray(0, C2));
  ix.loops.set(internal);
  ix.counts.fill(1, 0, C2);
  for (let c = 0; c < C2; c++) belong[c] = c;
}

/** The induced ties: key (2·row + [in-entry]), neighbour community and weight, in member order. */
interface Entries {
  key: Int32Array;
  cj: Int32Array;
  w: Float64Array;
  count: number;
}

function inducedEntries(ix: Index, C2: number): { entries: Entries; internal: Float64Array } {
  const { C, belong, nb, w, starts, directed, mapKeys, mapVals, mapPos } = ix;
  // Members of each community in increasing node order (counting sort).
  const first = new Int32Array(C2 + 1);
  for (let i = 0; i < C; i++) first[belong[i] + 1]++;
  for (let c = 0; c < C2; c++) first[c + 1] += first[c];
  const fill = first.slice(0, C2);
  const members = new Int32Array(C);
  for (let i = 0; i < C; i++) members[fill[belong[i]]++] = i;
  const internal = new Float64Array(C2);
  const E = starts[C];
  const entries: Entries = { key: new Int32Array(E), cj: new Int32Array(E), w: new Float64Array(E), count: 0 };
  for (let ci = 0; ci < C2; ci++) {
    for (let side = 0; side < (directed ? 2 : 1); side++) {
      let size = 0;
      for (let k = first[ci]; k < first[ci + 1]; k++) {
        const i = members[k];
        if (side === 0) internal[ci] += ix.loops[i];
        const off = directed ? ix.offsets[i] : starts[i + 1];
        const [a, b] = side === 0 ? [starts[i], off] : [off, starts[i + 1]];
        for (let p = a; p < b; p++) {
          const cj = belong[nb[p]];
          if (cj === ci) {
            if (side === 0) internal[ci] += w[p];
            continue;
          }
          const at = mapPos[cj];
          if (at < size && mapKeys[at] === cj) mapVals[at] += w[p];
          else {
            mapPos[cj] = size;
            mapKeys[size] = cj;
            mapVals[size++] = w[p];
          }
        }
      }
      for (let k = 0; k < size; k++) {
        const e = entries.count++;
        entries.key[e] = 2 * ci + side;
        entries.cj[e] = mapKeys[k];
        entries.w[e] = mapVals[k];
      }
    }
  }
  return { entries, internal };
}

/** Sorts the entries by (key, neighbour) with two stable counting sorts, and writes the new rows. */
function writeRows(ix: Index, entries: Entries, C2: number): void {
  const { key, cj, w, count } = entries;
  const byCj = countingOrder(cj, count, C2, null);
  const order = countingOrder(key, count, 2 * C2, byCj);
  for (let k = 0; k < count; k++) {
    const e = order[k];
    ix.nb[k] = cj[e];
    ix.w[k] = w[e];
  }
  // Row starts and (directed) the start of each row's in-entries.
  ix.starts.fill(0, 0, C2 + 1);
  ix.offsets.fill(0, 0, C2);
  for (let k = 0; k < count; k++) {
    const kk = key[k];
    if ((kk & 1) === 0) ix.offsets[kk >> 1]++;
    ix.starts[(kk >> 1) + 1]++;
  }
  for (let c = 0; c < C2; c++) {
    ix.starts[c + 1] += ix.starts[c];
    ix.offsets[c] += ix.starts[c];
  }
}

/** Stable counting sort of positions `within` (or 0..count−1) by values[·] ∈ [0, range). */
function countingOrder(values: Int32Array, count: number, range: number, within: Int32Array | null): Int32Array {
  const pos = new Int32Array(range + 1);
  for (let k = 0; k < count; k++) pos[values[k] + 1]++;
  for (let r = 0; r < range; r++) pos[r + 1] += pos[r];
  const out = new Int32Array(count);
  for (let k = 0; k < count; k++) {
    const e = within ? within[k] : k;
    out[pos[values[e]]++] = e;
  }
  return out;
}
