/**
 * The analysis Web Worker: builds a graphology graph from the lean copy it is sent and runs the full key-actor
 * panel of core/analysis (the metric registry's implementation), posting progress as it goes. Cancelling is
 * done by the main thread terminating this worker, so a long synchronous run never blocks the page.
 */
import { MultiGraph } from 'graphology';
import { runPanel } from '../../../core/analysis/panel.js';
import { AnalysisError } from '../../../core/analysis/errors.js';
import type { RunRequest, WorkerMessage } from './protocol.js';

interface WorkerScope {
  postMessage(message: WorkerMessage): void;
  addEventListener(type: 'message', listener: (ev: MessageEvent<RunRequest>) => void): void;
}

const scope = self as unknown as WorkerScope;

function run(req: RunRequest): void {
  const started = performance.now();
  scope.postMessage({ type: 'started', id: req.id });
  const graph = new MultiGraph({ type: 'mixed', allowSelfLoops: true });
  for (const n of req.graph.nodes) graph.addNode(n.key, { group: n.group });
  for (const e of req.graph.edges) {
    if (!graph.hasNode(e.source) || !graph.hasNode(e.target)) continue;
    if (e.undirected) graph.addUndirectedEdge(e.source, e.target, { weight: e.weight });
    else graph.addDirectedEdge(e.source, e.target, { weight: e.weight });
  }
  let last = -1;
  let lastAt = 0;
  const result = runPanel(graph, {
    weight: 'weight',
    directed: req.directed,
    partition: req.partition ? 'group' : null,
    seed: req.seed,
    onProgress: (fraction) => {
      const now = performance.now();
      if (fraction >= 1 || fraction - last >= 0.01 || now - lastAt > 200) {
        last = fraction;
        lastAt = now;
        scope.postMessage({ type: 'progress', id: req.id, fraction });
      }
    },
  });
  scope.postMessage({ type: 'result', id: req.id, result, ms: performance.now() - started });
}

scope.addEventListener('message', (ev) => {
  const req = ev.data;
  if (req?.type !== 'run') return;
  try {
    run(req);
  } catch (err) {
    const code = err instanceof AnalysisError ? err.code : 'internal';
    scope.postMessage({ type: 'error', id: req.id, code, message: (err as Error).message });
  }
});
