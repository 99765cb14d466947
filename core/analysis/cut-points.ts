import type { CompactGraph } from './compact.js';

export interface CutStructure {
  /** 1 if the node is an articulation point (its removal disconnects its component). */
  articulation: Uint8Array;
  /** Bridges as node-index pairs [u, v] with u < v, sorted. */
  bridges: Array<[number, number]>;
  /**
   * For each node, the number of pieces its component falls into when the node is removed (0 for an isolate,
   * 1 for a node that is not a cut point) and Σ s(s − 1) over the sizes s of those pieces.
   */
  piecesAfterRemoval: Int32Array;
  pairsAfterRemoval: Float64Array;
  /** Component id per node and component sizes (undirected view). */
  componentOf: Int32Array;
  componentSizes: number[];
}

/**
 * Articulation points, bridges (Hopcroft & Tarjan 1973) and what removing each node does to its component,
 * in one iterative depth-first search of the undirected view (directed graphs: the underlying undirected
 * graph, as NetworkX needs `G.to_undirected()` for these). O(n + m), no recursion.
 */
export function cutStructure(g: CompactGraph): CutStructure {
  const { n, nbOff, nbAdj } = g;
  const disc = new Int32Array(n).fill(-1);
  const low = new Int32Array(n);
  const parent = new Int32Array(n).fill(-1);
  const subtree = new Int32Array(n);
  const nextEdge = new Int32Array(n);
  const stack = new Int32Array(n);
  const articulation = new Uint8Array(n);
  const componentOf = new Int32Array(n).fill(-1);
  const componentSizes: number[] = [];
  const bridges: Array<[number, number]> = [];
  const sepCount = new Int32Array(n);
  const sepSum = new Float64Array(n);
  const sepPairs = new Float64Array(n);
  let time = 0;
  for (let root = 0; root < n; root++) {
    if (disc[root] !== -1) continue;
    const comp = componentSizes.length;
    let sp = 0;
    stack[sp++] = root;
    disc[root] = low[root] = time++;
    subtree[root] = 1;
    nextEdge[root] = nbOff[root];
    componentOf[root] = comp;
    let rootChildren = 0;
    while (sp > 0) {
      const v = stack[sp - 1];
      const p = nextEdge[v];
      if (p < nbOff[v + 1]) {
        nextEdge[v] = p + 1;
        const w = nbAdj[p];
        if (disc[w] === -1) {
          parent[w] = v;
          disc[w] = low[w] = time++;
          subtree[w] = 1;
          nextEdge[w] = nbOff[w];
          componentOf[w] = comp;
          stack[sp++] = w;
          if (v === root) rootChildren++;
        } else if (w !== parent[v] && disc[w] < low[v]) low[v] = disc[w];
      } else {
        sp--;
        const u = parent[v];
        if (u >= 0) {
          subtree[u] += subtree[v];
          if (low[v] < low[u]) low[u] = low[v];
          if (low[v] >= disc[u]) {
            // v's subtree is cut off when u is removed.
            sepCount[u]++;
            sepSum[u] += subtree[v];
            sepPairs[u] += subtree[v] * (subtree[v] - 1);
            if (u !== root) articulation[u] = 1;
          }
          if (low[v] > disc[u]) bridges.push(u < v ? [u, v] : [v, u]);
        }
      }
    }
    if (rootChildren >= 2) articulation[root] = 1;
    componentSizes.push(subtree[root]);
  }
  const piecesAfterRemoval = new Int32Array(n);
  const pairsAfterRemoval = new Float64Array(n);
  for (let v = 0; v < n; v++) {
    const rest = componentSizes[componentOf[v]] - 1 - sepSum[v];
    piecesAfterRemoval[v] = sepCount[v] + (rest > 0 ? 1 : 0);
    pairsAfterRemoval[v] = sepPairs[v] + rest * (rest - 1);
  }
  bridges.sort((x, y) => x[0] - y[0] || x[1] - y[1]);
  return { articulation, bridges, piecesAfterRemoval, pairsAfterRemoval, componentOf, componentSizes };
}
