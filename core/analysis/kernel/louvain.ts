import type { CompactGraph } from '../compact.js';
import { louvainRunJs } from './louvain-js.js';
import { kernelInstance, placeArrays, type KernelExports } from './wasm.js';

export type KernelChoice = 'auto' | 'js' | 'wasm';

/** Louvain runs on one graph: each run(seed) gives the community of each node (not renumbered). */
export interface LouvainRunner {
  readonly kernel: 'js' | 'wasm';
  run(seed: number): Int32Array;
}

/** The WebAssembly kernel with the graph placed once for all runs; null when it does not load. */
function wasmRunner(g: CompactGraph, resolution: number): LouvainRunner | null {
  const k: KernelExports | null = kernelInstance();
  if (!k) return null;
  const { n, edgeU, edgeV, edgeW, outOff, inOff } = g;
  const m = edgeU.length;
  const p = placeArrays(k, [4 * m, 4 * m, 8 * m, 4 * (n + 1), 4 * (n + 1)]);
  if (!p) return null;
  const buf = k.memory.buffer;
  new Int32Array(buf, p[0], m).set(edgeU);
  new Int32Array(buf, p[1], m).set(edgeV);
  new Float64Array(buf, p[2], m).set(edgeW);
  new Int32Array(buf, p[3], n + 1).set(outOff);
  new Int32Array(buf, p[4], n + 1).set(inOff);
  const inputsEnd = k.mark();
  return {
    kernel: 'wasm',
    run: (seed) => {
      k.release(inputsEnd);
      const at = k.louvainRun(n, m, ...p, g.directed ? 1 : 0, g.weighted ? 1 : 0, resolution, seed >>> 0);
      if (at === 0) return louvainRunJs(g, resolution, seed);
      return new Int32Array(k.memory.buffer, at, n).slice();
    },
  };
}

/** Louvain on the WebAssembly kernel when it loads (auto), else the JS port; both give the same partition. */
export function louvainRunner(g: CompactGraph, resolution: number, kernel: KernelChoice = 'auto'): LouvainRunner {
  if (kernel !== 'js') {
    const wasm = wasmRunner(g, resolution);
    if (wasm) return wasm;
    if (kernel === 'wasm') throw new Error('The WebAssembly Louvain kernel is not available here.');
  }
  return { kernel: 'js', run: (seed) => louvainRunJs(g, resolution, seed) };
}
