/**
 * Supervises the analysis worker: start (on the actor projection of the loaded graph), progress, result, cancel
 * (terminate and respawn on the next run). The main thread only copies the records and receives results.
 */
import type { AppContext } from '../app/context.js';
import type { RunRequest, WorkerMessage } from '../workers/protocol.js';
import { leanGraph } from './lean.js';
import { DEFAULT_PANEL_OPTIONS } from '../../../core/analysis/registry.js';
import type { Evidence } from '../../../core/model/records.js';

/** The evidence filter as a minimum level: confirmed only, probable and up, or everything. */
export function weakestAllowed(levels: readonly string[] | null): Evidence {
  if (!levels || levels.length === 0 || levels.includes('uncertain')) return 'uncertain';
  return levels.includes('probable') ? 'probable' : 'confirmed';
}

export class AnalysisRunner {
  private worker: Worker | null = null;
  private runId = 0;
  private progressEvents = 0;
  private running = false;

  constructor(private readonly ctx: AppContext) {}

  isRunning(): boolean {
    return this.running;
  }

  private spawn(): Worker {
    const w = new Worker(new URL('../workers/analysis.worker.ts', import.meta.url), {
      type: 'module',
      name: 'aktorsatlas-analysis',
    });
    w.addEventListener('message', (ev: MessageEvent<WorkerMessage>) => this.onMessage(ev.data));
    w.addEventListener('error', (ev) => this.finish('error', ev.message || 'worker error'));
    return w;
  }

  start(): void {
    if (!this.ctx.graph) return;
    if (this.running) this.cancel();
    this.worker ??= this.spawn();
    const id = ++this.runId;
    this.running = true;
    this.progressEvents = 0;
    document.body.dataset.analysis = 'running';
    document.body.dataset.analysisProgressEvents = '0';
    document.body.dataset.analysisStartedAt = String(Math.round(performance.now()));
    this.ctx.bus.emit('analysis', { status: 'running', progress: 0 });
    // The projection's own asOf follows the time filter, as GET /api/analysis?asOf=… would.
    const asOf = this.ctx.store.get().filters.asOf;
    // Evidence: the weakest level the evidence filter lets through (all when the filter is off).
    const minEvidence = weakestAllowed(this.ctx.store.get().filters.evidence);
    const req: RunRequest = {
      type: 'run',
      id,
      graph: leanGraph(this.ctx.graph),
      asOf,
      seed: DEFAULT_PANEL_OPTIONS.seed,
      minEvidence,
    };
    this.worker.postMessage(req);
  }

  cancel(): void {
    if (!this.running) return;
    this.worker?.terminate();
    this.worker = null;
    this.runId++;
    this.finish('cancelled');
  }

  private finish(status: 'cancelled' | 'error', error?: string): void {
    this.running = false;
    document.body.dataset.analysis = status;
    this.ctx.bus.emit('analysis', { status, ...(error ? { error } : {}) });
  }

  private onMessage(msg: WorkerMessage): void {
    if (msg.id !== this.runId) return;
    if (msg.type === 'progress') {
      this.progressEvents++;
      document.body.dataset.analysisProgressEvents = String(this.progressEvents);
      this.ctx.bus.emit('analysis', { status: 'running', progress: msg.fraction });
    } else if (msg.type === 'result') {
      this.running = false;
      this.ctx.analysis = msg.result;
      document.body.dataset.analysis = 'done';
      document.body.dataset.analysisDoneAt = String(Math.round(performance.now()));
      document.body.dataset.analysisMs = String(Math.round(msg.ms));
      document.body.dataset.analysisNodes = String(Object.keys(msg.result.nodes).length);
      document.body.dataset.analysisTies = String(msg.projection.ties);
      this.ctx.bus.emit('analysis', { status: 'done', result: msg.result });
    } else if (msg.type === 'error') {
      this.finish('error', `${msg.code}: ${msg.message}`);
    }
  }
}
