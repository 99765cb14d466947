import type { AbstractGraph } from 'graphology-types';

export type GraphFormat = 'graphml' | 'gexf' | 'csv' | 'snapshot';

export interface ReadResult {
  /** A graphology multigraph (parallel edges kept; the analysis merges them), attributes kept. */
  graph: AbstractGraph;
  /** True only when the file says so (GraphML edgedefault, GEXF defaultedgetype). */
  directed: boolean;
  format: GraphFormat;
}

export interface ReadOptions {
  /** Maximum input size in characters (default 50 MB). */
  maxChars?: number;
  /** Most XML elements and deepest nesting (defaults: the import limits in limits.ts). */
  maxXmlElements?: number;
  maxXmlDepth?: number;
}
