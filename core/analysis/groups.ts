import type { AbstractGraph as Graph } from 'graphology-types';
import type { CompactGraph } from './compact.js';
import { AnalysisError } from './errors.js';

export interface Partition {
  /** Group index per node. */
  labels: Int32Array;
  /** Group names, index = label. */
  names: string[];
}

/** Name of the group of nodes that lack the partition attribute. */
export const MISSING_GROUP = '(missing)';

function groupName(value: unknown): string {
  if (typeof value === 'string') return value;
  if (typeof value === 'number' || typeof value === 'boolean') return String(value);
  return JSON.stringify(value);
}

/**
 * A partition of the nodes by a node attribute (e.g. organisation type, municipality, sector). Nodes without
 * the attribute form the group "(missing)". Throws `unknown_partition_attribute` if no node has it.
 */
export function partitionByAttribute(graph: Graph, ids: readonly string[], attribute: string): Partition {
  const labels = new Int32Array(ids.length);
  const names: string[] = [];
  const index = new Map<string, number>();
  let found = false;
  for (let v = 0; v < ids.length; v++) {
    const value: unknown = graph.getNodeAttribute(ids[v], attribute);
    const present = value !== undefined && value !== null && value !== '';
    if (present) found = true;
    const name = present ? groupName(value) : MISSING_GROUP;
    let k = index.get(name);
    if (k === undefined) {
      k = names.length;
      index.set(name, k);
      names.push(name);
    }
    labels[v] = k;
  }
  if (!found && ids.length > 0)
    throw new AnalysisError('unknown_partition_attribute', `No node has the partition attribute "${attribute}".`, {
      attribute,
    });
  return { labels, names };
}

/** Everyone in one group (the brokerage default without a partition). */
export function singleGroup(n: number, name = 'all'): Partition {
  return { labels: new Int32Array(n), names: [name] };
}

export interface GroupStructure {
  names: string[];
  sizes: number[];
  /** Ties between groups: undirected e[A][B] = e[B][A] (each tie once); directed arcs A → B. */
  ties: number[][];
  /**
   * Block density (White, Boorman & Breiger 1976): d_AB = e_AB / (n_A n_B); d_AA = e_AA / (n_A(n_A − 1)/2)
   * undirected, e_AA / (n_A(n_A − 1)) directed. Null when the block has no possible tie.
   */
  density: (number | null)[][];
  /** Krackhardt & Stern's E-I index per group: (E − I) / (E + I), E ties leaving the group, I inside. */
  ei: (number | null)[];
  /** E-I index of the whole partition: (between − within) / all ties. */
  globalEI: number | null;
  external: number[];
  internal: number[];
}

export function groupStructure(g: CompactGraph, p: Partition): GroupStructure {
  const k = p.names.length;
  const sizes = new Array<number>(k).fill(0);
  for (let v = 0; v < g.n; v++) sizes[p.labels[v]]++;
  const ties = Array.from({ length: k }, () => new Array<number>(k).fill(0));
  const internal = new Array<number>(k).fill(0);
  const external = new Array<number>(k).fill(0);
  let within = 0;
  let between = 0;
  for (let e = 0; e < g.edgeU.length; e++) {
    const a = p.labels[g.edgeU[e]];
    const b = p.labels[g.edgeV[e]];
    if (a === b) {
      ties[a][a]++;
      internal[a]++;
      within++;
    } else {
      ties[a][b]++;
      if (!g.directed) ties[b][a]++;
      external[a]++;
      external[b]++;
      between++;
    }
  }
  const density = ties.map((row, a) =>
    row.map((e, b) => {
      const possible =
        a === b ? (g.directed ? sizes[a] * (sizes[a] - 1) : (sizes[a] * (sizes[a] - 1)) / 2) : sizes[a] * sizes[b];
      return possible > 0 ? e / possible : null;
    }),
  );
  const ei = internal.map((i, a) => (i + external[a] > 0 ? (external[a] - i) / (external[a] + i) : null));
  const globalEI = within + between > 0 ? (between - within) / (between + within) : null;
  return { names: p.names, sizes, ties, density, ei, globalEI, external, internal };
}
