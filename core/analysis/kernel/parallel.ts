import type { CompactGraph } from '../compact.js';
import {
  PATH_SLICES,
  addSums,
  emptySums,
  finishPaths,
  jsPathEngine,
  pathSetup,
  runSlices,
  type PathOptions,
  type PathResults,
  type PathSetup,
  type PathSums,
} from '../centrality/paths.js';
import { wasmPathEngine } from './path-engine.js';

/**
 * The path pass split over workers: the graph's adjacency sits in one SharedArrayBuffer (where the platform has
 * it; else an ArrayBuffer that is copied once per worker), each worker runs a contiguous range of the fixed
 * source slices and returns each slice's sums, and the caller adds them in slice order, exactly as the serial
 * pass does: the result equals the serial one bit for bit, whatever the number of workers.
 */
export interface SharedPathGraph {
  n: number;
  directed: boolean;
  weighted: boolean;
  /** outOff, outAdj, inOff, inAdj, sources?, componentOf? as Int32 ranges of `ints` [offset, length]. */
  ints: ArrayBufferLike;
  intRanges: Array<[number, number]>;
  /** outW, inW (weighted only) as Float64 ranges of `floats`. */
  floats: ArrayBufferLike;
  floatRanges: Array<[number, number]>;
  comp: number;
  kernel: 'auto' | 'js' | 'wasm';
}

/** What one worker runs: slices [from, to) of the pass. */
export interface PathSliceTask {
  graph: SharedPathGraph;
  slices: [number, number];
}

/** One worker's sums, one entry per slice in order. */
export interface PathSliceResult {
  slices: [number, number];
  sums: PathSums[];
}

function newBuffer(bytes: number): ArrayBufferLike {
  return typeof SharedArrayBuffer === 'function' ? new SharedArrayBuffer(bytes) : new ArrayBuffer(bytes);
}

/** Packs what the pass reads into (shared) buffers; `sources` are the sampled pivots if any. */
export function shareGraph(g: CompactGraph, options: PathOptions = {}): SharedPathGraph {
  const st = pathSetup(g, options);
  const ints = [g.outOff, g.outAdj, g.inOff, g.inAdj, st.sources ?? new Int32Array(0), st.compOf ?? new Int32Array(0)];
  const floats = g.weighted ? [g.outW, g.inW] : [];
  const pack = <T extends Int32Array | Float64Array>(
    arrays: T[],
    bytesPer: number,
    make: (b: ArrayBufferLike, o: number, l: number) => T,
  ) => {
    const total = arrays.reduce((s, a) => s + a.length, 0);
    const buffer = newBuffer(Math.max(8, total * bytesPer));
    const ranges: Array<[number, number]> = [];
    let at = 0;
    for (const a of arrays) {
      make(buffer, at * bytesPer, a.length).set(a);
      ranges.push([at, a.length]);
      at += a.length;
    }
    return { buffer, ranges };
  };
  const i = pack(ints, 4, (b, o, l) => new Int32Array(b, o, l));
  const f = pack(floats, 8, (b, o, l) => new Float64Array(b, o, l));
  return {
    n: g.n,
    directed: g.directed,
    weighted: g.weighted,
    ints: i.buffer,
    intRanges: i.ranges,
    floats: f.buffer,
    floatRanges: f.ranges,
    comp: st.comp,
    kernel: options.kernel ?? 'auto',
  };
}

/** The pass's view of a shared graph (only what the engines read), with its sources and component. */
function setupOf(s: SharedPathGraph): PathSetup {
  const ints = s.intRanges.map(([o, l]) => new Int32Array(s.ints, o * 4, l));
  const floats = s.floatRanges.map(([o, l]) => new Float64Array(s.floats, o * 8, l));
  const [outOff, outAdj, inOff, inAdj, sources, compOf] = ints;
  const empty = new Float64Array(0);
  const g = {
    n: s.n,
    directed: s.directed,
    weighted: s.weighted,
    outOff,
    outAdj,
    inOff,
    inAdj,
    outW: floats[0] ?? empty,
    inW: floats[1] ?? empty,
  } as CompactGraph;
  let compSize = 0;
  for (let v = 0; v < compOf.length; v++) if (compOf[v] === s.comp) compSize++;
  const sampled = sources.length > 0;
  return {
    g,
    sources: sampled ? sources : null,
    nSources: sampled ? sources.length : s.n,
    compOf: compOf.length > 0 ? compOf : undefined,
    comp: s.comp,
    compSize,
  };
}

/** A worker's part: runs its slices on the kernel and returns their sums. */
export function runPathSlices(task: PathSliceTask): PathSliceResult {
  const st = setupOf(task.graph);
  const kernel = task.graph.kernel;
  const engine = (kernel !== 'js' && !st.g.weighted ? wasmPathEngine(st) : null) ?? jsPathEngine(st);
  const sums: PathSums[] = [];
  runSlices(st, engine, task.slices, {}, (_k, slice) =>
    sums.push({
      bc: slice.bc.slice(),
      harm: slice.harm.slice(),
      inSum: slice.inSum.slice(),
      inCnt: slice.inCnt.slice(),
      stats: slice.stats.slice(),
    }),
  );
  return { slices: task.slices, sums };
}

/** Contiguous slice ranges for `workers` workers (at most PATH_SLICES). */
export function sliceRanges(workers: number): Array<[number, number]> {
  const w = Math.max(1, Math.min(PATH_SLICES, Math.floor(workers)));
  return Array.from({ length: w }, (_, i) => [
    Math.floor((i * PATH_SLICES) / w),
    Math.floor(((i + 1) * PATH_SLICES) / w),
  ]);
}

/** Adds the workers' slice sums in slice order (as the serial pass does) and finishes the metrics. */
export function mergePathSlices(shared: SharedPathGraph, parts: PathSliceResult[]): PathResults {
  const st = setupOf(shared);
  const totals = emptySums(shared.n);
  const ordered = [...parts].sort((a, b) => a.slices[0] - b.slices[0]);
  for (const part of ordered) for (const slice of part.sums) addSums(totals, slice);
  return finishPaths(st, totals);
}
