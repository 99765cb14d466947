import type { CompactGraph } from './compact.js';

export interface Components {
  /** Component index of each node; components are numbered in order of their first node. */
  of: Int32Array;
  sizes: number[];
}

/** Connected components of the undirected view (weak components of a directed graph). Iterative BFS. */
export function connectedComponents(g: CompactGraph): Components {
  const { n, nbOff, nbAdj } = g;
  const of = new Int32Array(n).fill(-1);
  const sizes: number[] = [];
  const queue = new Int32Array(n);
  for (let s = 0; s < n; s++) {
    if (of[s] !== -1) continue;
    const c = sizes.length;
    of[s] = c;
    let head = 0;
    let tail = 0;
    queue[tail++] = s;
    while (head < tail) {
      const v = queue[head++];
      for (let p = nbOff[v]; p < nbOff[v + 1]; p++) {
        const w = nbAdj[p];
        if (of[w] === -1) {
          of[w] = c;
          queue[tail++] = w;
        }
      }
    }
    sizes.push(tail);
  }
  return { of, sizes };
}

/**
 * Strongly connected components of a directed graph (iterative Tarjan). Numbered in order of their first
 * node (lowest index), like `connectedComponents`.
 */
export function stronglyConnectedComponents(g: CompactGraph): Components {
  const { n, outOff, outAdj } = g;
  const index = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const onStack = new Uint8Array(n);
  const stack = new Int32Array(n);
  let sp = 0;
  const callNode = new Int32Array(n);
  const callEdge = new Int32Array(n);
  const raw = new Int32Array(n).fill(-1);
  let counter = 0;
  let rawCount = 0;
  for (let root = 0; root < n; root++) {
    if (index[root] !== -1) continue;
    let depth = 0;
    callNode[0] = root;
    callEdge[0] = outOff[root];
    index[root] = low[root] = counter++;
    stack[sp++] = root;
    onStack[root] = 1;
    while (depth >= 0) {
      const v = callNode[depth];
      const p = callEdge[depth];
      if (p < outOff[v + 1]) {
        callEdge[depth] = p + 1;
        const w = outAdj[p];
        if (index[w] === -1) {
          index[w] = low[w] = counter++;
          stack[sp++] = w;
          onStack[w] = 1;
          depth++;
          callNode[depth] = w;
          callEdge[depth] = outOff[w];
        } else if (onStack[w] && index[w] < low[v]) low[v] = index[w];
      } else {
        if (low[v] === index[v]) {
          let w: number;
          do {
            w = stack[--sp];
            onStack[w] = 0;
            raw[w] = rawCount;
          } while (w !== v);
          rawCount++;
        }
        depth--;
        if (depth >= 0) {
          const u = callNode[depth];
          if (low[v] < low[u]) low[u] = low[v];
        }
      }
    }
  }
  // Renumber by first node.
  const map = new Int32Array(rawCount).fill(-1);
  const of = new Int32Array(n);
  const sizes: number[] = [];
  for (let v = 0; v < n; v++) {
    const r = raw[v];
    if (map[r] === -1) {
      map[r] = sizes.length;
      sizes.push(0);
    }
    of[v] = map[r];
    sizes[map[r]]++;
  }
  return { of, sizes };
}

/** Index of the largest component; ties go to the one whose first node comes first. -1 if there is none. */
export function largestComponent(c: Components): number {
  let best = -1;
  for (let i = 0; i < c.sizes.length; i++) if (best === -1 || c.sizes[i] > c.sizes[best]) best = i;
  return best;
}
