// One Louvain run: a line-by-line mirror of core/analysis/kernel/louvain-js.ts (itself a port of
// graphology-communities-louvain), with the same order of floating-point operations, so both agree exactly.
import { alloc, allocFailed, f64At, i32At, setF64, setI32 } from './memory';

let directed = false;
let res: f64 = 1;
let C: i32 = 0;
let M: f64 = 0;
let U: i32 = 0;
let N: i32 = 0;
let nb: usize = 0;
let w: usize = 0;
let starts: usize = 0;
let offsets: usize = 0;
let loops: usize = 0;
let belong: usize = 0;
let counts: usize = 0;
let unused: usize = 0;
let totIn: usize = 0;
let totOut: usize = 0;
let mapping: usize = 0;
let queue: usize = 0;
let inQueue: usize = 0;
let mapKeys: usize = 0;
let mapVals: usize = 0;
let mapPos: usize = 0;
// Scratch of zoomOut.
let relabel: usize = 0;
let newIn: usize = 0;
let newOut: usize = 0;
let first: usize = 0;
let members: usize = 0;
let internal: usize = 0;
let eKey: usize = 0;
let eCj: usize = 0;
let eW: usize = 0;
let order1: usize = 0;
let order2: usize = 0;
let countPos: usize = 0;
let mapSize: i32 = 0;
let gInDeg: f64 = 0;
let gOutDeg: f64 = 0;
let rngState: u32 = 0;

function rng(): f64 {
  rngState += 0x6d2b79f5;
  let t = rngState;
  t = (t ^ (t >>> 15)) * (t | 1);
  t ^= t + (t ^ (t >>> 7)) * (t | 61);
  return <f64>(t ^ (t >>> 14)) / 4294967296.0;
}

/**
 * Runs Louvain on n nodes and m distinct ties (edgeU[e] → edgeV[e], weight edgeW[e]; rows of outOff/inOff give the
 * node degrees). Returns a pointer to the community of each node (i32[n]), or 0 when memory cannot grow.
 */
export function louvainRun(
  n: i32,
  m: i32,
  edgeU: usize,
  edgeV: usize,
  edgeW: usize,
  outOff: usize,
  inOff: usize,
  isDirected: i32,
  weighted: i32,
  resolution: f64,
  seed: u32,
): usize {
  directed = isDirected != 0;
  res = resolution;
  rngState = seed;
  if (!allocate(n, 2 * m)) return 0;
  build(n, m, edgeU, edgeV, edgeW, outOff, inOff, weighted != 0);
  for (;;) {
    const moved = directed ? localMovesDirected() : localMovesUndirected();
    if (!moved) break;
    zoomOut();
  }
  return mapping;
}

function allocate(n: i32, size: i32): bool {
  const n4 = (<usize>n) << 2;
  const n8 = (<usize>n) << 3;
  const e4 = (<usize>size) << 2;
  const e8 = (<usize>size) << 3;
  nb = alloc(e4);
  w = alloc(e8);
  starts = alloc(n4 + 4);
  offsets = alloc(n4);
  loops = alloc(n8);
  belong = alloc(n4);
  counts = alloc(n4);
  unused = alloc(n4);
  totIn = alloc(n8);
  totOut = directed ? alloc(n8) : totIn;
  mapping = alloc(n4);
  queue = alloc(n4);
  inQueue = alloc(n4);
  mapKeys = alloc(n4);
  mapVals = alloc(n8);
  mapPos = alloc(n4);
  relabel = alloc(n4);
  newIn = alloc(n8);
  newOut = directed ? alloc(n8) : newIn;
  first = alloc(n4 + 4);
  members = alloc(n4);
  internal = alloc(n8);
  eKey = alloc(e4);
  eCj = alloc(e4);
  eW = alloc(e8);
  order1 = alloc(e4);
  order2 = alloc(e4);
  countPos = alloc(2 * n4 + 4);
  return !allocFailed();
}

function build(
  n: i32,
  m: i32,
  edgeU: usize,
  edgeV: usize,
  edgeW: usize,
  outOff: usize,
  inOff: usize,
  weighted: bool,
): void {
  N = n;
  C = n;
  M = 0;
  U = 0;
  const size = 2 * m;
  let acc = 0;
  for (let i = 0; i < n; i++) {
    setI32(belong, i, i);
    setI32(mapping, i, i);
    setI32(counts, i, 1);
    setF64(loops, i, 0);
    setF64(totIn, i, 0);
    setF64(totOut, i, 0);
    setI32(inQueue, i, 0);
    setI32(mapPos, i, 0);
    acc += i32At(outOff, i + 1) - i32At(outOff, i);
    setI32(starts, i, acc);
    if (directed) {
      acc += i32At(inOff, i + 1) - i32At(inOff, i);
      setI32(offsets, i, acc);
    }
  }
  setI32(starts, n, size);
  const backs = directed ? offsets : starts;
  for (let e = 0; e < m; e++) {
    const u = i32At(edgeU, e);
    const v = i32At(edgeV, e);
    const wt = weighted ? f64At(edgeW, e) : 1.0;
    M += wt;
    setF64(totOut, u, f64At(totOut, u) + wt);
    setF64(totIn, v, f64At(totIn, v) + wt);
    const a = i32At(starts, u) - 1;
    setI32(starts, u, a);
    const b = i32At(backs, v) - 1;
    setI32(backs, v, b);
    setI32(nb, a, v);
    setI32(nb, b, u);
    setF64(w, a, wt);
    setF64(w, b, wt);
  }
}

function gather(i: i32): void {
  let size = 0;
  let inDeg: f64 = 0;
  let outDeg: f64 = 0;
  const off = directed ? i32At(offsets, i) : i32At(starts, i);
  const end = i32At(starts, i + 1);
  for (let p = i32At(starts, i); p < end; p++) {
    const wt = f64At(w, p);
    const c = i32At(belong, i32At(nb, p));
    if (p < off) outDeg += wt;
    else inDeg += wt;
    const at = i32At(mapPos, c);
    if (at < size && i32At(mapKeys, at) == c) setF64(mapVals, at, f64At(mapVals, at) + wt);
    else {
      setI32(mapPos, c, size);
      setI32(mapKeys, size, c);
      setF64(mapVals, size++, wt);
    }
  }
  gInDeg = inDeg;
  gOutDeg = outDeg;
  mapSize = size;
}

function better(best: i32, current: i32, target: i32, delta: f64, bestDelta: f64): bool {
  if (Math.abs(delta - bestDelta) < 1e-10) return best == current ? false : target > best;
  return delta > bestDelta;
}

function weightTo(c: i32): f64 {
  const at = i32At(mapPos, c);
  return at < mapSize && i32At(mapKeys, at) == c ? f64At(mapVals, at) : 0;
}

function place(i: i32, inDeg: f64, outDeg: f64, best: i32, bestDelta: f64): i32 {
  const current = i32At(belong, i);
  const lp = f64At(loops, i);
  let target = best;
  if (bestDelta < 0) {
    if (i32At(counts, current) == 1) return -1;
    target = i32At(unused, --U);
  } else if (best == current) return -1;
  setF64(totIn, current, f64At(totIn, current) - (inDeg + lp));
  setF64(totIn, target, f64At(totIn, target) + (inDeg + lp));
  if (directed) {
    setF64(totOut, current, f64At(totOut, current) - (outDeg + lp));
    setF64(totOut, target, f64At(totOut, target) + (outDeg + lp));
  }
  setI32(belong, i, target);
  const cc = i32At(counts, current);
  setI32(counts, current, cc - 1);
  setI32(counts, target, i32At(counts, target) + 1);
  if (cc == 1) setI32(unused, U++, current);
  return target;
}

function visitUndirected(i: i32, twoM: f64): i32 {
  gather(i);
  const degree = gInDeg + f64At(loops, i);
  const current = i32At(belong, i);
  let bestDelta = weightTo(current) - (degree * (f64At(totIn, current) - degree) * res) / twoM;
  let best = current;
  for (let k = 0; k < mapSize; k++) {
    const t = i32At(mapKeys, k);
    if (t == current) continue;
    const delta = f64At(mapVals, k) - (degree * f64At(totIn, t) * res) / twoM;
    if (better(best, current, t, delta, bestDelta)) {
      bestDelta = delta;
      best = t;
    }
  }
  return place(i, gInDeg, 0, best, bestDelta);
}

function visitDirected(i: i32, MM: f64): i32 {
  gather(i);
  const lp = f64At(loops, i);
  const inD = gInDeg + lp;
  const outD = gOutDeg + lp;
  const current = i32At(belong, i);
  let bestDelta =
    weightTo(current) / M - ((outD * (f64At(totIn, current) - inD) + inD * (f64At(totOut, current) - outD)) * res) / MM;
  let best = current;
  for (let k = 0; k < mapSize; k++) {
    const t = i32At(mapKeys, k);
    if (t == current) continue;
    const delta = f64At(mapVals, k) / M - ((outD * f64At(totIn, t) + inD * f64At(totOut, t)) * res) / MM;
    if (better(best, current, t, delta, bestDelta)) {
      bestDelta = delta;
      best = t;
    }
  }
  return place(i, gInDeg, gOutDeg, best, bestDelta);
}

function localMovesUndirected(): bool {
  return sweep(false, 2 * M);
}

function localMovesDirected(): bool {
  return sweep(true, M * M);
}

function sweep(dir: bool, k: f64): bool {
  const cap = N;
  const l = C;
  let head = 0;
  let size = 0;
  const ri = <i32>Math.floor(rng() * <f64>l);
  for (let s = 0; s < l; s++) {
    const i = (ri + s) % l;
    setI32(queue, size++, i);
    setI32(inQueue, i, 1);
  }
  let moved = false;
  while (size > 0) {
    const i = i32At(queue, head);
    head = head + 1 == cap ? 0 : head + 1;
    size--;
    setI32(inQueue, i, 0);
    const target = dir ? visitDirected(i, k) : visitUndirected(i, k);
    if (target < 0) continue;
    moved = true;
    const end = i32At(starts, i + 1);
    for (let p = i32At(starts, i); p < end; p++) {
      const j = i32At(nb, p);
      if (i32At(belong, j) != target && i32At(inQueue, j) == 0) {
        setI32(inQueue, j, 1);
        setI32(queue, (head + size++) % cap, j);
      }
    }
  }
  return moved;
}

function zoomOut(): void {
  for (let c = 0; c < C; c++) setI32(relabel, c, -1);
  let C2 = 0;
  for (let i = 0; i < C; i++) {
    const c = i32At(belong, i);
    if (i32At(relabel, c) < 0) {
      setI32(relabel, c, C2);
      setF64(newIn, C2, f64At(totIn, c));
      if (directed) setF64(newOut, C2, f64At(totOut, c));
      C2++;
    }
    setI32(belong, i, i32At(relabel, c));
  }
  for (let i = 0; i < N; i++) setI32(mapping, i, i32At(belong, i32At(mapping, i)));
  const count = inducedEntries(C2);
  writeRows(count, C2);
  C = C2;
  U = 0;
  for (let c = 0; c < C2; c++) {
    setF64(totIn, c, f64At(newIn, c));
    if (directed) setF64(totOut, c, f64At(newOut, c));
    setF64(loops, c, f64At(internal, c));
    setI32(counts, c, 1);
    setI32(belong, c, c);
  }
}

function inducedEntries(C2: i32): i32 {
  for (let c = 0; c <= C2; c++) setI32(first, c, 0);
  for (let i = 0; i < C; i++) {
    const c = i32At(belong, i) + 1;
    setI32(first, c, i32At(first, c) + 1);
  }
  for (let c = 0; c < C2; c++) setI32(first, c + 1, i32At(first, c + 1) + i32At(first, c));
  // countPos as the fill positions of the members' counting sort.
  for (let c = 0; c < C2; c++) setI32(countPos, c, i32At(first, c));
  for (let i = 0; i < C; i++) {
    const c = i32At(belong, i);
    const at = i32At(countPos, c);
    setI32(countPos, c, at + 1);
    setI32(members, at, i);
  }
  let count = 0;
  const sides = directed ? 2 : 1;
  for (let ci = 0; ci < C2; ci++) {
    setF64(internal, ci, 0);
    for (let side = 0; side < sides; side++) {
      let size = 0;
      const kEnd = i32At(first, ci + 1);
      for (let k = i32At(first, ci); k < kEnd; k++) {
        const i = i32At(members, k);
        if (side == 0) setF64(internal, ci, f64At(internal, ci) + f64At(loops, i));
        const off = directed ? i32At(offsets, i) : i32At(starts, i + 1);
        const a = side == 0 ? i32At(starts, i) : off;
        const b = side == 0 ? off : i32At(starts, i + 1);
        for (let p = a; p < b; p++) {
          const cj = i32At(belong, i32At(nb, p));
          if (cj == ci) {
            if (side == 0) setF64(internal, ci, f64At(internal, ci) + f64At(w, p));
            continue;
          }
          const at = i32At(mapPos, cj);
          if (at < size && i32At(mapKeys, at) == cj) setF64(mapVals, at, f64At(mapVals, at) + f64At(w, p));
          else {
            setI32(mapPos, cj, size);
            setI32(mapKeys, size, cj);
            setF64(mapVals, size++, f64At(w, p));
          }
        }
      }
      for (let k = 0; k < size; k++) {
        setI32(eKey, count, 2 * ci + side);
        setI32(eCj, count, i32At(mapKeys, k));
        setF64(eW, count, f64At(mapVals, k));
        count++;
      }
    }
  }
  return count;
}

function countingOrder(values: usize, count: i32, range: i32, within: usize, out: usize): void {
  for (let r = 0; r <= range; r++) setI32(countPos, r, 0);
  for (let k = 0; k < count; k++) {
    const r = i32At(values, k) + 1;
    setI32(countPos, r, i32At(countPos, r) + 1);
  }
  for (let r = 0; r < range; r++) setI32(countPos, r + 1, i32At(countPos, r + 1) + i32At(countPos, r));
  for (let k = 0; k < count; k++) {
    const e = within ? i32At(within, k) : k;
    const r = i32At(values, e);
    const at = i32At(countPos, r);
    setI32(countPos, r, at + 1);
    setI32(out, at, e);
  }
}

function writeRows(count: i32, C2: i32): void {
  countingOrder(eCj, count, C2, 0, order1);
  countingOrder(eKey, count, 2 * C2, order1, order2);
  for (let k = 0; k < count; k++) {
    const e = i32At(order2, k);
    setI32(nb, k, i32At(eCj, e));
    setF64(w, k, f64At(eW, e));
  }
  for (let c = 0; c <= C2; c++) setI32(starts, c, 0);
  for (let c = 0; c < C2; c++) setI32(offsets, c, 0);
  for (let k = 0; k < count; k++) {
    const kk = i32At(eKey, k);
    if ((kk & 1) == 0) setI32(offsets, kk >> 1, i32At(offsets, kk >> 1) + 1);
    setI32(starts, (kk >> 1) + 1, i32At(starts, (kk >> 1) + 1) + 1);
  }
  for (let c = 0; c < C2; c++) {
    setI32(starts, c + 1, i32At(starts, c + 1) + i32At(starts, c));
    setI32(offsets, c, i32At(offsets, c) + i32At(starts, c));
  }
}
