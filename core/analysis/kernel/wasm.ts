import { KERNEL_WASM_BASE64 } from './wasm-bytes.js';

/** The kernel's exports (core/analysis/kernel/assembly/index.ts); pointers are byte offsets into `memory`. */
export interface KernelExports {
  memory: { readonly buffer: ArrayBuffer };
  reset(): void;
  alloc(bytes: number): number;
  mark(): number;
  release(top: number): void;
  pathInit(...args: number[]): void;
  pathRange(si0: number, si1: number): void;
  louvainRun(...args: number[]): number;
}

const ALPHABET = 'ABCDEFGHIJKLMNOPQRSTUVWXYZabcdefghijklmnopqrstuvwxyz0123456789+/';

/** Base64 → bytes, without atob or Buffer (core runs in Node and in the browser alike). */
export function decodeBase64(text: string): Uint8Array<ArrayBuffer> {
  const value = new Int16Array(128).fill(-1);
  for (let i = 0; i < ALPHABET.length; i++) value[ALPHABET.charCodeAt(i)] = i;
  const clean = text.replace(/=+$/, '');
  const out = new Uint8Array(Math.floor((clean.length * 3) / 4));
  let bits = 0;
  let acc = 0;
  let o = 0;
  for (let i = 0; i < clean.length; i++) {
    const v = value[clean.charCodeAt(i)];
    if (v < 0) throw new Error(`Invalid base64 character at ${i}.`);
    acc = ((acc << 6) | v) & 0xffffff;
    bits += 6;
    if (bits >= 8) {
      bits -= 8;
      out[o++] = (acc >> bits) & 0xff;
    }
  }
  return out;
}

/** The part of the WebAssembly global the kernel uses (a JS global in Node and browsers; typed here, since
 * core's type configuration has neither the DOM's nor Node's declarations of it). */
interface WasmApi {
  Module: new (bytes: Uint8Array<ArrayBuffer>) => object;
  Instance: new (module: object, imports: object) => { readonly exports: object };
}

let compiled: object | null | undefined;

/**
 * A fresh instance of the kernel (its own memory), or null where WebAssembly is missing or refuses a synchronous
 * compile (a browser's main thread allows only small modules; the analysis worker allows any): callers then
 * run the JS reference, which gives the same results.
 */
export function kernelInstance(): KernelExports | null {
  const api = (globalThis as { WebAssembly?: WasmApi }).WebAssembly;
  if (!api) return null;
  if (compiled === undefined) {
    try {
      compiled = new api.Module(decodeBase64(KERNEL_WASM_BASE64));
    } catch {
      compiled = null;
    }
  }
  if (compiled === null) return null;
  return new api.Instance(compiled, {}).exports as KernelExports;
}

/** Copies typed arrays into a fresh kernel's memory; null if the memory cannot grow that far. */
export function placeArrays(k: KernelExports, bytes: number[]): number[] | null {
  k.reset();
  const ptrs: number[] = [];
  for (const b of bytes) {
    const p = k.alloc(Math.max(8, b));
    if (p === 0) return null;
    ptrs.push(p);
  }
  return ptrs;
}
