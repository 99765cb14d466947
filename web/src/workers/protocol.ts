/** Messages between the main thread and the analysis worker. */
import type { PanelResult } from '../../../core/analysis/panel.js';
import type { ProjectionMeta } from '../../../core/graph/projection.js';

/** The loaded records, reduced to what the actor projection reads. */
export interface LeanGraph {
  nodes: { key: string; kind: string; name: string }[];
  edges: {
    key: string;
    source: string;
    target: string;
    type: string;
    weight: number;
    validFrom: string | null;
    validTo: string | null;
  }[];
}

export interface RunRequest {
  type: 'run';
  id: number;
  graph: LeanGraph;
  /** Only relations valid on this date (as GET /api/analysis?asOf=…). */
  asOf: string | null;
  /** Louvain seed (the server's default is 1). */
  seed: number;
}

export type WorkerMessage =
  | { type: 'started'; id: number }
  | { type: 'progress'; id: number; fraction: number }
  | { type: 'result'; id: number; result: PanelResult; projection: ProjectionMeta; ms: number }
  | { type: 'error'; id: number; code: string; message: string };
