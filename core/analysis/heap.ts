/**
 * A binary min-heap of (distance, node) on preallocated typed arrays, shared by the exact weighted path pass and the
 * sampling; stale entries are skipped by the caller.
 */
export class MinHeap {
  private readonly d: Float64Array;
  private readonly v: Int32Array;
  size = 0;

  constructor(capacity: number) {
    this.d = new Float64Array(capacity);
    this.v = new Int32Array(capacity);
  }

  /** The smallest distance (the heap must not be empty). */
  top(): number {
    return this.d[0];
  }

  push(d: number, v: number): void {
    const { d: hd, v: hv } = this;
    let i = this.size++;
    while (i > 0) {
      const parent = (i - 1) >> 1;
      if (hd[parent] <= d) break;
      hd[i] = hd[parent];
      hv[i] = hv[parent];
      i = parent;
    }
    hd[i] = d;
    hv[i] = v;
  }

  /** Removes the entry with the smallest distance and returns its node. */
  pop(): number {
    const { d: hd, v: hv } = this;
    const top = hv[0];
    const size = --this.size;
    if (size > 0) {
      const d = hd[size];
      const v = hv[size];
      let i = 0;
      for (;;) {
        let c = 2 * i + 1;
        if (c >= size) break;
        if (c + 1 < size && hd[c + 1] < hd[c]) c++;
        if (hd[c] >= d) break;
        hd[i] = hd[c];
        hv[i] = hv[c];
        i = c;
      }
      hd[i] = d;
      hv[i] = v;
    }
    return top;
  }
}
