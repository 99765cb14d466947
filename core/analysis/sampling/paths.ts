import type { CompactGraph } from '../compact.js';
import { MinHeap } from '../heap.js';

/**
 * Draws one shortest path between s and t uniformly at random among all of them and adds 1 to `counts` of each of
 * its interior nodes (nothing when t is unreachable). `rnd` is the seeded generator of the whole run.
 */
export interface PathSampler {
  sample(s: number, t: number, rnd: () => number, counts: Float64Array): void;
}

/**
 * Unweighted: a balanced bidirectional BFS (the side whose frontier has fewer ties to scan grows by one level), as
 * in KADABRA (Borassi & Natale 2019). When the frontiers meet after whole levels, every shortest path crosses the
 * newest level exactly once, so σ_st = Σ σ_s(w)·σ_t(w) over the meeting nodes w; one w is drawn in proportion and
 * the path is walked back to s and on to t, each step choosing a predecessor in proportion to its path count.
 */
export class BfsSampler implements PathSampler {
  private readonly distS: Int32Array;
  private readonly distT: Int32Array;
  private readonly sigS: Float64Array;
  private readonly sigT: Float64Array;
  private readonly listS: Int32Array;
  private readonly listT: Int32Array;

  constructor(private readonly g: CompactGraph) {
    this.distS = new Int32Array(g.n).fill(-1);
    this.distT = new Int32Array(g.n).fill(-1);
    this.sigS = new Float64Array(g.n);
    this.sigT = new Float64Array(g.n);
    this.listS = new Int32Array(g.n);
    this.listT = new Int32Array(g.n);
  }

  sample(s: number, t: number, rnd: () => number, counts: Float64Array): void {
    const { g, distS, distT, sigS, sigT, listS, listT } = this;
    distS[s] = 0;
    sigS[s] = 1;
    listS[0] = s;
    distT[t] = 0;
    sigT[t] = 1;
    listT[0] = t;
    // Frontiers are listS[s0, s1) and listT[t0, t1); degS, degT: ties their expansion would scan.
    let [s0, s1, t0, t1] = [0, 1, 0, 1];
    let degS = g.outOff[s + 1] - g.outOff[s];
    let degT = g.inOff[t + 1] - g.inOff[t];
    let met = false;
    let forward = true;
    while (!met && s0 < s1 && t0 < t1) {
      forward = degS <= degT;
      if (forward) {
        const r = expand(distS, sigS, listS, s0, s1, g.outOff, g.outAdj, distT);
        [s0, s1, degS, met] = [s1, r.end, degreeOf(listS, s1, r.end, g.outOff), r.met];
      } else {
        const r = expand(distT, sigT, listT, t0, t1, g.inOff, g.inAdj, distS);
        [t0, t1, degT, met] = [t1, r.end, degreeOf(listT, t1, r.end, g.inOff), r.met];
      }
    }
    if (met) {
      const w = forward
        ? pickMeeting(listS, s0, s1, distT, sigS, sigT, rnd)
        : pickMeeting(listT, t0, t1, distS, sigS, sigT, rnd);
      if (w !== s && w !== t) counts[w] += 1;
      this.walk(w, distS, sigS, g.inOff, g.inAdj, s, t, rnd, counts);
      this.walk(w, distT, sigT, g.outOff, g.outAdj, s, t, rnd, counts);
    }
    reset(distS, sigS, listS, s1);
    reset(distT, sigT, listT, t1);
  }

  /** From w towards the side's root (distance 0), each step to a neighbour one level nearer, by path count. */
  private walk(
    w: number,
    dist: Int32Array,
    sig: Float64Array,
    off: Int32Array,
    adj: Int32Array,
    s: number,
    t: number,
    rnd: () => number,
    counts: Float64Array,
  ): void {
    let x = w;
    while (dist[x] > 0) {
      const want = dist[x] - 1;
      let r = rnd() * sig[x];
      let next = -1;
      for (let p = off[x]; p < off[x + 1]; p++) {
        const y = adj[p];
        if (dist[y] !== want) continue;
        next = y;
        r -= sig[y];
        if (r < 0) break;
      }
      x = next;
      if (x !== s && x !== t) counts[x] += 1;
    }
  }
}

/** Grows one side by a whole level; `met` when a newly reached node is already on the other side. */
function expand(
  dist: Int32Array,
  sig: Float64Array,
  list: Int32Array,
  from: number,
  to: number,
  off: Int32Array,
  adj: Int32Array,
  other: Int32Array,
): { end: number; met: boolean } {
  let end = to;
  let met = false;
  for (let i = from; i < to; i++) {
    const v = list[i];
    const dv = dist[v] + 1;
    const sv = sig[v];
    for (let p = off[v]; p < off[v + 1]; p++) {
      const w = adj[p];
      const dw = dist[w];
      if (dw < 0) {
        dist[w] = dv;
        sig[w] = sv;
        list[end++] = w;
        if (other[w] >= 0) met = true;
      } else if (dw === dv) sig[w] += sv;
    }
  }
  return { end, met };
}

function degreeOf(list: Int32Array, from: number, to: number, off: Int32Array): number {
  let d = 0;
  for (let i = from; i < to; i++) d += off[list[i] + 1] - off[list[i]];
  return d;
}

/** A meeting node of the newest level, drawn in proportion to σ_s(w)·σ_t(w). */
function pickMeeting(
  list: Int32Array,
  from: number,
  to: number,
  other: Int32Array,
  sigS: Float64Array,
  sigT: Float64Array,
  rnd: () => number,
): number {
  let total = 0;
  for (let i = from; i < to; i++) if (other[list[i]] >= 0) total += sigS[list[i]] * sigT[list[i]];
  let r = rnd() * total;
  let pick = -1;
  for (let i = from; i < to; i++) {
    const w = list[i];
    if (other[w] < 0) continue;
    pick = w;
    r -= sigS[w] * sigT[w];
    if (r < 0) break;
  }
  return pick;
}

function reset(dist: Int32Array, sig: Float64Array, list: Int32Array, end: number): void {
  for (let i = 0; i < end; i++) {
    dist[list[i]] = -1;
    sig[list[i]] = 0;
  }
}

/**
 * Weighted (distance = 1/strength): Dijkstra from s, stopped once t is settled (then σ_st and every predecessor on
 * a shortest path are final), and the walk back from t. Equal lengths are detected with the same exact
 * floating-point equality as the exact pass, so both count the same shortest paths.
 */
export class DijkstraSampler implements PathSampler {
  private readonly dist: Float64Array;
  private readonly sigma: Float64Array;
  private readonly settled: Uint8Array;
  private readonly touched: Int32Array;
  private readonly outD: Float64Array;
  private readonly inD: Float64Array;
  private readonly heap: MinHeap;

  constructor(private readonly g: CompactGraph) {
    this.dist = new Float64Array(g.n).fill(Infinity);
    this.sigma = new Float64Array(g.n);
    this.settled = new Uint8Array(g.n);
    this.touched = new Int32Array(g.n);
    this.outD = g.outW.map((w) => 1 / w);
    this.inD = g.directed ? g.inW.map((w) => 1 / w) : this.outD;
    this.heap = new MinHeap(g.outAdj.length + g.n + 1);
  }

  sample(s: number, t: number, rnd: () => number, counts: Float64Array): void {
    const { g, dist, sigma, settled, touched, outD, heap } = this;
    let nTouched = 0;
    dist[s] = 0;
    sigma[s] = 1;
    touched[nTouched++] = s;
    heap.size = 0;
    heap.push(0, s);
    while (heap.size > 0) {
      const d0 = heap.top();
      const v = heap.pop();
      if (settled[v] || d0 > dist[v]) continue;
      settled[v] = 1;
      if (v === t) break;
      for (let p = g.outOff[v]; p < g.outOff[v + 1]; p++) {
        const w = g.outAdj[p];
        if (settled[w]) continue;
        const nd = d0 + outD[p];
        if (nd < dist[w]) {
          if (dist[w] === Infinity) touched[nTouched++] = w;
          dist[w] = nd;
          sigma[w] = sigma[v];
          heap.push(nd, w);
        } else if (nd === dist[w]) sigma[w] += sigma[v];
      }
    }
    if (settled[t]) this.walkBack(s, t, rnd, counts);
    for (let i = 0; i < nTouched; i++) {
      const v = touched[i];
      dist[v] = Infinity;
      sigma[v] = 0;
      settled[v] = 0;
    }
  }

  private walkBack(s: number, t: number, rnd: () => number, counts: Float64Array): void {
    const { g, dist, sigma, settled, inD } = this;
    let x = t;
    while (x !== s) {
      const dx = dist[x];
      let total = 0;
      for (let p = g.inOff[x]; p < g.inOff[x + 1]; p++) {
        const v = g.inAdj[p];
        if (settled[v] && dist[v] < dx && dist[v] + inD[p] === dx) total += sigma[v];
      }
      let r = rnd() * total;
      let next = -1;
      for (let p = g.inOff[x]; p < g.inOff[x + 1]; p++) {
        const v = g.inAdj[p];
        if (!(settled[v] && dist[v] < dx && dist[v] + inD[p] === dx)) continue;
        next = v;
        r -= sigma[v];
        if (r < 0) break;
      }
      x = next;
      if (x !== s) counts[x] += 1;
    }
  }
}
