import type { PathEngine, PathSetup } from '../centrality/paths.js';
import { kernelInstance, placeArrays } from './wasm.js';

/** The unweighted path pass on the WebAssembly kernel; null when the kernel does not load here. */
export function wasmPathEngine(st: PathSetup): PathEngine | null {
  const k = kernelInstance();
  if (!k) return null;
  // The pass reads out-rows only (successors), in directed graphs too.
  const { n, outOff, outAdj } = st.g;
  const { sources, compOf } = st;
  const sizes = [
    4 * (n + 1), // outOff
    4 * outAdj.length,
    sources ? 4 * sources.length : 0,
    compOf ? 4 * n : 0,
    4 * n, // dist
    16 * n, // sd
    4 * n, // order
    8 * n, // bc
    8 * n, // harm
    8 * n, // inSum
    4 * n, // inCnt
    24, // stats
    4 * outAdj.length, // succ
    4 * (n + 1), // sOff
  ];
  const p = placeArrays(k, sizes);
  if (!p) return null;
  const buf = k.memory.buffer;
  new Int32Array(buf, p[0], n + 1).set(outOff);
  new Int32Array(buf, p[1], outAdj.length).set(outAdj);
  if (sources) new Int32Array(buf, p[2], sources.length).set(sources);
  if (compOf) new Int32Array(buf, p[3], n).set(compOf);
  k.pathInit(...[n, p[0], p[1], sources ? p[2] : 0, compOf ? p[3] : 0, st.comp, st.compSize], ...p.slice(4));
  return {
    bc: new Float64Array(buf, p[7], n),
    harm: new Float64Array(buf, p[8], n),
    inSum: new Float64Array(buf, p[9], n),
    inCnt: new Int32Array(buf, p[10], n),
    stats: new Float64Array(buf, p[11], 3),
    run: (si0, si1) => k.pathRange(si0, si1),
  };
}
