/** Messages between the main thread and the analysis worker. */
import type { PanelResult } from '../../../core/analysis/panel.js';

export interface LeanGraph {
  nodes: { key: string; group: string }[];
  edges: { source: string; target: string; undirected: boolean; weight: number }[];
}

export interface RunRequest {
  type: 'run';
  id: number;
  graph: LeanGraph;
  directed: boolean;
  partition: boolean;
  seed: number;
}

export type WorkerMessage =
  | { type: 'started'; id: number }
  | { type: 'progress'; id: number; fraction: number }
  | { type: 'result'; id: number; result: PanelResult; ms: number }
  | { type: 'error'; id: number; code: string; message: string };
