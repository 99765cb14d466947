/** Messages between the main thread and the analysis worker. */
import type { PanelResult } from '../../../core/analysis/panel.js';
import type { ProjectionMeta } from '../../../core/graph/projection.js';
import type { Evidence } from '../../../core/model/records.js';

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
    evidence: Evidence;
  }[];
}

export interface RunRequest {
  type: 'run';
  id: number;
  graph: LeanGraph;
  /** Only relations valid on this date (as GET /api/analysis?asOf=…). */
  asOf: string | null;
  /** Louvain seed (DEFAULT_PANEL_OPTIONS.seed, as the server). */
  seed: number;
  /** Only relations with at least this evidence (as GET /api/analysis?minEvidence=…). */
  minEvidence: Evidence;
}

export type WorkerMessage =
  | { type: 'started'; id: number }
  | { type: 'progress'; id: number; fraction: number }
  | { type: 'result'; id: number; result: PanelResult; projection: ProjectionMeta; ms: number }
  | { type: 'error'; id: number; code: string; message: string };
