// A bump allocator over the module's own memory: the host resets it before each job and lays out its arrays.
let top: usize = 0;
/** Set when an alloc could not grow the memory (until the next reset). */
let failed = false;

export function allocFailed(): bool {
  return failed;
}

export function heapBase(): usize {
  return (__heap_base + 15) & ~15;
}

export function reset(): void {
  failed = false;
  top = heapBase();
}

/** bytes from the current top, 16-aligned; grows the memory when needed; returns 0 when it cannot grow. */
export function alloc(bytes: usize): usize {
  const p = (top + 15) & ~15;
  const end = p + bytes;
  const need = <i32>((end + 0xffff) >>> 16);
  const have = memory.size();
  if (need > have && memory.grow(need - have) < 0) {
    failed = true;
    return 0;
  }
  top = end;
  return p;
}

// Typed access by element index (no bounds checks: the host sized every array).
export function i32At(base: usize, i: i32): i32 {
  return load<i32>(base + ((<usize>i) << 2));
}
export function setI32(base: usize, i: i32, v: i32): void {
  store<i32>(base + ((<usize>i) << 2), v);
}
export function f64At(base: usize, i: i32): f64 {
  return load<f64>(base + ((<usize>i) << 3));
}
export function setF64(base: usize, i: i32, v: f64): void {
  store<f64>(base + ((<usize>i) << 3), v);
}

/** The current top, to come back to with release (inputs stay, a run's scratch goes). */
export function mark(): usize {
  return top;
}

export function release(p: usize): void {
  top = p;
}
