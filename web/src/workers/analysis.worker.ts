/**
 * The analysis Web Worker: rebuilds the records it is sent, projects them onto the actor network with core's
 * projectActors and runs the full key-actor panel of core/analysis with the defaults of GET /api/analysis
 * (default relation kinds, unweighted, no partition, DEFAULT_PANEL_OPTIONS), on the chosen evidence, so a number in the browser is
 * the number of the API and the CLI. Cancelling is done by the main thread terminating this worker, so a long
 * synchronous run never blocks the page.
 */
import { runPanel } from '../../../core/analysis/panel.js';
import { AnalysisError } from '../../../core/analysis/errors.js';
import { projectActors } from '../../../core/graph/projection.js';
import { keyActors, withEvidence } from '../../../core/analysis/key-actors.js';
import { DEFAULT_PANEL_OPTIONS } from '../../../core/analysis/registry.js';
import { leanToSnapshot } from './lean.js';
import type { RunRequest, WorkerMessage } from './protocol.js';

interface WorkerScope {
  postMessage(message: WorkerMessage): void;
  addEventListener(type: 'message', listener: (ev: MessageEvent<RunRequest>) => void): void;
}

const scope = self as unknown as WorkerScope;

function run(req: RunRequest): void {
  const started = performance.now();
  scope.postMessage({ type: 'started', id: req.id });
  const snapshot = withEvidence(leanToSnapshot(req.graph), req.minEvidence);
  const { graph, meta } = projectActors(snapshot, req.asOf ? { asOf: req.asOf } : {});
  let last = -1;
  let lastAt = 0;
  const result = runPanel(graph, {
    weight: null,
    partition: null,
    seed: req.seed,
    resolution: DEFAULT_PANEL_OPTIONS.resolution,
    restarts: DEFAULT_PANEL_OPTIONS.restarts,
    onProgress: (fraction) => {
      const now = performance.now();
      if (fraction >= 1 || fraction - last >= 0.01 || now - lastAt > 200) {
        last = fraction;
        lastAt = now;
        scope.postMessage({ type: 'progress', id: req.id, fraction });
      }
    },
  });
  result.keyActors = keyActors(result.nodes, snapshot, req.asOf ? { asOf: req.asOf } : {});
  scope.postMessage({ type: 'result', id: req.id, result, projection: meta, ms: performance.now() - started });
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
