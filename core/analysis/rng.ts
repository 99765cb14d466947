/**
 * mulberry32: a small, fast, seedable 32-bit PRNG (Tommy Ettinger, public domain). Returns floats in [0, 1).
 * Used to make Louvain runs reproducible: the same seed gives the same partition on every platform.
 */
export function mulberry32(seed: number): () => number {
  let a = seed >>> 0;
  return () => {
    a = (a + 0x6d2b79f5) >>> 0;
    let t = a;
    t = Math.imul(t ^ (t >>> 15), t | 1);
    t ^= t + Math.imul(t ^ (t >>> 7), t | 61);
    return ((t ^ (t >>> 14)) >>> 0) / 4294967296;
  };
}
