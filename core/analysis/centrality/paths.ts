import type { CompactGraph } from '../compact.js';
import { checkCancel, type RunControl } from '../errors.js';
import { mulberry32 } from '../rng.js';
import { wasmPathEngine } from '../kernel/path-engine.js';
import { MinHeap } from '../heap.js';

/**
 * One shortest-path pass from every source (Brandes 2001) that yields, together:
 * betweenness, closeness, harmonic closeness, and the diameter and average path length of one component.
 *
 * Unweighted: BFS. Weighted: Dijkstra on distance = 1/strength (binary heap). Equal-length paths are detected
 * with exact floating-point equality of dist[v] + d(v, w) and dist[w], exactly as NetworkX does, so the counts
 * of shortest paths agree with `betweenness_centrality(G, weight='dist')`.
 */
export interface PathResults {
  /** Normalised like NetworkX `betweenness_centrality(normalized=True)`: raw / ((n-1)(n-2)) over ordered pairs. */
  betweenness: Float64Array;
  /** Raw betweenness: pairs counted once in undirected graphs (NetworkX `normalized=False`). */
  betweennessRaw: Float64Array;
  /** NetworkX `closeness_centrality` (Wasserman–Faust; incoming distances in directed graphs). */
  closeness: Float64Array;
  /** NetworkX `harmonic_centrality`: Σ_u 1/d(u, v) (incoming distances in directed graphs). */
  harmonic: Float64Array;
  /** Diameter of the marked component (max finite distance between its nodes); null if it has no node. */
  diameter: number | null;
  /** Average distance over ordered pairs of distinct nodes of the marked component; 0 for a single node. */
  averagePathLength: number | null;
  /** Number of source nodes the pass ran from: n when exact, k when sampled. */
  sources: number;
}

export interface PathOptions extends RunControl {
  /** Nodes of the component for diameter and average path length (component id per node, and which one). */
  componentOf?: Int32Array;
  component?: number;
  /** Progress is reported as [from, to] of the whole run. */
  progressSpan?: [number, number];
  /**
   * Source sampling (Brandes & Pich 2007): run from k pivots drawn uniformly without replacement and scale up,
   * as NetworkX `betweenness_centrality(k=…)` does (× n/k). Closeness and harmonic are then estimates from the
   * same pivots, diameter a lower bound and the average path length a sample mean. Undefined, null or ≥ n: exact.
   */
  samples?: number | null;
  /** Seed of the pivot draw (mulberry32). */
  sampleSeed?: number;
  /** Which kernel runs the unweighted pass: WebAssembly when it loads (auto), or always JS. Results are equal. */
  kernel?: 'auto' | 'js' | 'wasm';
}

/** k distinct sources out of n, by a seeded partial Fisher–Yates shuffle (sorted, for cache-friendly order). */
export function samplePivots(n: number, k: number, seed: number): Int32Array {
  const perm = new Int32Array(n);
  for (let i = 0; i < n; i++) perm[i] = i;
  const rnd = mulberry32(seed);
  for (let i = 0; i < k; i++) {
    const j = i + Math.floor(rnd() * (n - i));
    const t = perm[i];
    perm[i] = perm[j];
    perm[j] = t;
  }
  return perm.slice(0, k).sort();
}

/**
 * Sources are cut into PATH_SLICES fixed slices; every sum starts from zero in each slice and the slice sums are
 * added in slice order (addSums). The result then depends on neither the kernel (JS or WebAssembly) nor how many
 * workers ran the slices: a parallel run equals the serial one bit for bit.
 */
export const PATH_SLICES = 16;

/** Sources [from, to) of slice k out of nSources. */
export function sliceBounds(nSources: number, k: number): [number, number] {
  return [Math.floor((k * nSources) / PATH_SLICES), Math.floor(((k + 1) * nSources) / PATH_SLICES)];
}

/** What the pass needs to know before it runs: the sources and the marked component. */
export interface PathSetup {
  readonly g: CompactGraph;
  /** The sources in run order, or null for all n nodes. */
  readonly sources: Int32Array | null;
  readonly nSources: number;
  readonly compOf: Int32Array | undefined;
  readonly comp: number;
  readonly compSize: number;
}

export function pathSetup(g: CompactGraph, options: PathOptions): PathSetup {
  const n = g.n;
  const compOf = options.componentOf;
  const comp = options.component ?? -1;
  let compSize = 0;
  if (compOf) for (let i = 0; i < n; i++) if (compOf[i] === comp) compSize++;
  const k = options.samples;
  const sampled = k !== undefined && k !== null && k < n;
  const sources = sampled ? samplePivots(n, Math.max(1, Math.floor(k)), options.sampleSeed ?? 42) : null;
  return { g, sources, nSources: sources ? sources.length : n, compOf, comp, compSize };
}

/** Sums over sources: betweenness, harmonic, closeness distance and count; [diameter, path sum, pairs]. */
export interface PathSums {
  bc: Float64Array;
  harm: Float64Array;
  inSum: Float64Array;
  inCnt: Int32Array;
  stats: Float64Array;
}

export function emptySums(n: number): PathSums {
  return {
    bc: new Float64Array(n),
    harm: new Float64Array(n),
    inSum: new Float64Array(n),
    inCnt: new Int32Array(n),
    stats: new Float64Array(3),
  };
}

/** Adds one slice's sums into the totals: the one place where slices meet, serial or parallel. */
export function addSums(total: PathSums, slice: PathSums): void {
  for (let v = 0; v < total.bc.length; v++) {
    total.bc[v] += slice.bc[v];
    total.harm[v] += slice.harm[v];
    total.inSum[v] += slice.inSum[v];
    total.inCnt[v] += slice.inCnt[v];
  }
  total.stats[0] = Math.max(total.stats[0], slice.stats[0]);
  total.stats[1] += slice.stats[1];
  total.stats[2] += slice.stats[2];
}

/** A kernel that runs sources, adding into its sums (the driver zeroes them before each slice). */
export interface PathEngine extends PathSums {
  run(si0: number, si1: number): void;
}

/** The JS engines (the reference; WebAssembly mirrors the unweighted one). */
export function jsPathEngine(st: PathSetup): PathEngine {
  const acc = emptySums(st.g.n);
  const run = st.g.weighted ? weightedRange(st, acc) : unweightedRange(st, acc);
  return { ...acc, run };
}

type Sums = PathSums;

/**
 * Runs slices [k0, k1) on the engine, reporting progress and checking for cancellation every hundredth of them;
 * hands each finished slice's sums to onSlice.
 */
export function runSlices(
  st: PathSetup,
  engine: PathEngine,
  [k0, k1]: [number, number],
  control: PathOptions,
  onSlice: (k: number, sums: PathSums) => void,
): void {
  const [p0, p1] = control.progressSpan ?? [0, 1];
  const from = sliceBounds(st.nSources, k0)[0];
  const total = Math.max(1, sliceBounds(st.nSources, k1 - 1)[1] - from);
  const step = Math.max(1, Math.floor(total / 100));
  for (let k = k0; k < k1; k++) {
    const [a, b] = sliceBounds(st.nSources, k);
    engine.bc.fill(0);
    engine.harm.fill(0);
    engine.inSum.fill(0);
    engine.inCnt.fill(0);
    engine.stats.fill(0);
    for (let c = a; c < b; c += step) {
      checkCancel(control);
      control.onProgress?.(p0 + ((p1 - p0) * (c - from)) / total);
      engine.run(c, Math.min(b, c + step));
    }
    onSlice(k, engine);
  }
}

/**
 * Unweighted: one BFS per source that also lists each node's successors on shortest paths (in BFS order, so the
 * list of order[i] is succ[sOff[i] .. sOff[i + 1])); then the dependencies backwards, each node pulling from its
 * successors only: δ(v) = σ(v) · Σ_w c(w) with c(w) = (1 + δ(w)) / σ(w) (Brandes 2001, eq. 6).
 */
function unweightedRange(st: PathSetup, acc: Sums): (si0: number, si1: number) => void {
  const { n, outOff, outAdj } = st.g;
  const { sources, compOf, comp, compSize } = st;
  const { bc, inSum, inCnt, harm, stats } = acc;
  const order = new Int32Array(n);
  const succ = new Int32Array(outAdj.length);
  const sOff = new Int32Array(n + 1);
  // Compact Int32 distances (most neighbour checks read only these); σ(v) and c(v) interleaved at sd[2v],
  // sd[2v + 1], so a successor's pull touches one cache line.
  const dist = new Int32Array(n).fill(-1);
  const sd = new Float64Array(2 * n);
  return (si0, si1) => {
    // Locals in the hot loop; written back once at the end.
    let [diameter, pathSum, pairsSeen] = stats;
    for (let si = si0; si < si1; si++) {
      const s = sources ? sources[si] : si;
      dist[s] = 0;
      sd[2 * s] = 1;
      let head = 0;
      let tail = 0;
      let ns = 0;
      order[tail++] = s;
      while (head < tail) {
        const v = order[head];
        sOff[head++] = ns;
        const dv = dist[v] + 1;
        const sv = sd[2 * v];
        const end = outOff[v + 1];
        for (let p = outOff[v]; p < end; p++) {
          const w = outAdj[p];
          const dw = dist[w];
          if (dw < 0) {
            dist[w] = dv;
            sd[2 * w] = sv;
            order[tail++] = w;
            succ[ns++] = w;
          } else if (dw === dv) {
            sd[2 * w] += sv;
            succ[ns++] = w;
          }
        }
      }
      sOff[tail] = ns;
      const inComp = compOf !== undefined && compOf[s] === comp;
      if (inComp) pairsSeen += compSize - 1;
      // Backward, with the closeness sums of the same nodes; w's distance is no longer read once w is done.
      for (let i = tail - 1; i > 0; i--) {
        const w = order[i];
        const d = dist[w];
        inSum[w] += d;
        inCnt[w]++;
        harm[w] += 1 / d;
        if (inComp && compOf![w] === comp) {
          pathSum += d;
          if (d > diameter) diameter = d;
        }
        let pull = 0;
        const end = sOff[i + 1];
        for (let q = sOff[i]; q < end; q++) pull += sd[2 * succ[q] + 1];
        const sw = sd[2 * w];
        const dw = sw * pull;
        sd[2 * w + 1] = (1 + dw) / sw;
        bc[w] += dw;
        dist[w] = -1;
      }
      dist[s] = -1;
    }
    stats[0] = diameter;
    stats[1] = pathSum;
    stats[2] = pairsSeen;
  };
}

/** Weighted: Dijkstra on distance = 1/strength from each source, then the dependency accumulation backwards. */
function weightedRange(st: PathSetup, acc: Sums): (si0: number, si1: number) => void {
  const { g, sources, compOf, comp, compSize } = st;
  const { n, outOff, outAdj, inOff, inAdj, directed } = g;
  const { bc, inSum, inCnt, harm, stats } = acc;
  const outD = new Float64Array(g.outW.length);
  for (let p = 0; p < outD.length; p++) outD[p] = 1 / g.outW[p];
  const inD = directed ? new Float64Array(g.inW.length) : outD;
  if (directed) for (let p = 0; p < inD.length; p++) inD[p] = 1 / g.inW[p];
  const order = new Int32Array(n);
  const dist = new Float64Array(n).fill(Infinity);
  const sigma = new Float64Array(n);
  const delta = new Float64Array(n);
  const settled = new Uint8Array(n);
  const heap = new MinHeap(outAdj.length + n + 1);
  return (si0, si1) => {
    let [diameter, pathSum, pairsSeen] = stats;
    for (let si = si0; si < si1; si++) {
      const s = sources ? sources[si] : si;
      dist[s] = 0;
      sigma[s] = 1;
      heap.push(0, s);
      let tail = 0;
      while (heap.size > 0) {
        const d0 = heap.top();
        const v = heap.pop();
        if (settled[v] || d0 > dist[v]) continue;
        settled[v] = 1;
        order[tail++] = v;
        const dv = dist[v];
        const sv = sigma[v];
        for (let p = outOff[v]; p < outOff[v + 1]; p++) {
          const w = outAdj[p];
          if (settled[w]) continue;
          const nd = dv + outD[p];
          if (nd < dist[w]) {
            dist[w] = nd;
            sigma[w] = sv;
            heap.push(nd, w);
          } else if (nd === dist[w]) sigma[w] += sv;
        }
      }
      const inComp = compOf !== undefined && compOf[s] === comp;
      if (inComp) pairsSeen += compSize - 1;
      for (let i = 1; i < tail; i++) {
        const t = order[i];
        const d = dist[t];
        inSum[t] += d;
        inCnt[t]++;
        harm[t] += 1 / d;
        if (inComp && compOf![t] === comp) {
          pathSum += d;
          if (d > diameter) diameter = d;
        }
      }
      for (let i = tail - 1; i > 0; i--) {
        const w = order[i];
        const coeff = (1 + delta[w]) / sigma[w];
        const dw = dist[w];
        for (let p = inOff[w]; p < inOff[w + 1]; p++) {
          const v = inAdj[p];
          if (settled[v] && dist[v] + inD[p] === dw && dist[v] < dw) delta[v] += sigma[v] * coeff;
        }
        bc[w] += delta[w];
      }
      for (let i = 0; i < tail; i++) {
        const v = order[i];
        dist[v] = Infinity;
        sigma[v] = 0;
        delta[v] = 0;
        settled[v] = 0;
      }
    }
    stats[0] = diameter;
    stats[1] = pathSum;
    stats[2] = pairsSeen;
  };
}

/** Normalises betweenness and closeness, and scales sampled counts up to all n sources. */
export function finishPaths(st: PathSetup, totals: PathSums): PathResults {
  const { n, directed } = st.g;
  const { bc, inSum, inCnt, harm } = totals;
  const { nSources, compSize } = st;
  const sampled = st.sources !== null;
  const isPivot = new Uint8Array(n);
  if (st.sources) for (const s of st.sources) isPivot[s] = 1;
  else isPivot.fill(1);
  const betweenness = new Float64Array(n);
  const betweennessRaw = new Float64Array(n);
  const up = n / nSources;
  const scale = (n > 2 ? 1 / ((n - 1) * (n - 2)) : 1) * up;
  for (let v = 0; v < n; v++) {
    betweenness[v] = bc[v] * scale;
    betweennessRaw[v] = (directed ? bc[v] : bc[v] / 2) * up;
  }
  const closeness = new Float64Array(n);
  for (let v = 0; v < n; v++) {
    // Sampled: v's counts come from the pivots other than v; scale them to all n − 1 other sources.
    const others = nSources - isPivot[v];
    const f = sampled ? (others > 0 ? (n - 1) / others : 0) : 1;
    const reached = inCnt[v] * f;
    const tot = inSum[v] * f;
    if (tot > 0 && n > 1) closeness[v] = (reached / tot) * (reached / (n - 1));
    if (sampled) harm[v] *= f;
  }
  const [diameter, pathSum, pairsSeen] = totals.stats;
  return {
    betweenness,
    betweennessRaw,
    closeness,
    harmonic: harm,
    diameter: compSize === 0 ? null : diameter,
    averagePathLength: compSize === 0 ? null : compSize === 1 || pairsSeen === 0 ? 0 : pathSum / pairsSeen,
    sources: nSources,
  };
}

/** The engine for this graph: WebAssembly for unweighted graphs when it loads (unless `kernel: 'js'`), else JS. */
function engineFor(st: PathSetup, options: PathOptions): PathEngine {
  const kernel = options.kernel ?? 'auto';
  if (kernel !== 'js' && !st.g.weighted) {
    const wasm = wasmPathEngine(st);
    if (wasm) return wasm;
  }
  if (kernel === 'wasm') throw new Error('The WebAssembly path kernel is not available here.');
  return jsPathEngine(st);
}

export function shortestPathMetrics(g: CompactGraph, options: PathOptions = {}): PathResults {
  const st = pathSetup(g, options);
  const engine = engineFor(st, options);
  const totals = emptySums(g.n);
  runSlices(st, engine, [0, PATH_SLICES], options, (_k, sums) => addSums(totals, sums));
  options.onProgress?.((options.progressSpan ?? [0, 1])[1]);
  return finishPaths(st, totals);
}
