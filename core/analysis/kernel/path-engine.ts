import type { PathEngine, PathSetup } from '../centrality/paths.js';
import { kernelInstance, placeArrays } from './wasm.js';

/** The unweighted path pass on the WebAssembly kernel; null when the kernel does not load here. */
export function wasmPathEngine(st: PathSetup): PathEngine | null {
  const k = kernelInstance();
  if (!k) return null;
  const { n, outOff, outAdj, inOff, inAdj, directed } = st.g;
  const { sources, compOf } = st;
  const sizes = [
    4 * (n + 1), // outOff
    4 * outAdj.length,
    directed ? 4 * (n + 1) : 0, // inOff
    directed ? 4 * inAdj.length : 0,
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
  if (directed) {
    new Int32Array(buf, p[2], n + 1).set(inOff);
    new Int32Array(buf, p[3], inAdj.length).set(inAdj);
  }
  if (sources) new Int32Array(buf, p[4], sources.length).set(sources);
  if (compOf) new Int32Array(buf, p[5], n).set(compOf);
  const [pIn, pInAdj] = directed ? [p[2], p[3]] : [p[0], p[1]];
  k.pathInit(
    ...[n, p[0], p[1], pIn, pInAdj, sources ? p[4] : 0, compOf ? p[5] : 0, st.comp, st.compSize],
    ...p.slice(6),
  );
  return {
    bc: new Float64Array(buf, p[9], n),
    harm: new Float64Array(buf, p[10], n),
    inSum: new Float64Array(buf, p[11], n),
    inCnt: new Int32Array(buf, p[12], n),
    stats: new Float64Array(buf, p[13], 3),
    run: (si0, si1) => k.pathRange(si0, si1),
  };
}
