/**
 * Supervises the analysis worker: start (on the actor projection of the loaded graph), progress, result, cancel
 * (terminate and respawn on the next run). The main thread only copies the records and receives results.
 */
import type { PanelResult } from '../../../core/analysis/panel.js';
import type { AtlasGraph } from '../graph/load.js';
import type { RunRequest, WorkerMessage } from '../workers/protocol.js';
import { leanGraph } from '../workers/lean.js';
import { DEFAULT_PANEL_OPTIONS } from '../../../core/analysis/registry.js';
import type { Evidence } from '../../../core/model/records.js';

/** The evidence filter as a minimum level: confirmed only, probable and up, or everything. */
export function weakestAllowed(levels: readonly string[] | null): Evidence {
  if (!levels || levels.length === 0 || levels.includes('uncertain')) return 'uncertain';
  return levels.includes('probable') ? 'probable' : 'confirmed';
}

/** Where a run stands, as the app's bus carries it. */
export interface AnalysisState {
  status: 'idle' | 'running' | 'done' | 'cancelled' | 'error';
  progress?: number;
  result?: PanelResult | null;
  error?: string;
}

/** What the runner needs from the app: the graph, the time filter and where to report (no app import). */
export interface AnalysisHost {
  graph: () => AtlasGraph | null;
  asOf: () => string | null;
  report: (state: AnalysisState) => void;
  /** The weakest evidence the analysis counts (default all); the evidence filter as a minimum level. */
  minEvidence?: () => Evidence;
}

export class AnalysisRunner {
  private worker: Worker | null = null;
  private runId = 0;
  private progressEvents = 0;
  private running = false;

  constructor(private readonly host: AnalysisHost) {}

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
    const graph = this.host.graph();
    if (!graph) return;
    if (this.running) this.cancel();
    this.worker ??= this.spawn();
    const id = ++this.runId;
    this.running = true;
    this.progressEvents = 0;
    document.body.dataset.analysis = 'running';
    document.body.dataset.analysisProgressEvents = '0';
    document.body.dataset.analysisStartedAt = String(Math.round(performance.now()));
    this.host.report({ status: 'running', progress: 0 });
    // The projection's own asOf follows the time filter, as GET /api/analysis?asOf=… would.
    const req: RunRequest = {
      type: 'run',
      id,
      graph: leanGraph(graph),
      asOf: this.host.asOf(),
      seed: DEFAULT_PANEL_OPTIONS.seed,
      minEvidence: this.host.minEvidence?.() ?? 'uncertain',
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
    this.host.report({ status, ...(error ? { error } : {}) });
  }

  private onMessage(msg: WorkerMessage): void {
    if (msg.id !== this.runId) return;
    if (msg.type === 'progress') {
      this.progressEvents++;
      document.body.dataset.analysisProgressEvents = String(this.progressEvents);
      this.host.report({ status: 'running', progress: msg.fraction });
    } else if (msg.type === 'result') {
      this.running = false;
      document.body.dataset.analysis = 'done';
      document.body.dataset.analysisDoneAt = String(Math.round(performance.now()));
      document.body.dataset.analysisMs = String(Math.round(msg.ms));
      document.body.dataset.analysisNodes = String(Object.keys(msg.result.nodes).length);
      document.body.dataset.analysisTies = String(msg.projection.ties);
      this.host.report({ status: 'done', result: msg.result });
    } else if (msg.type === 'error') {
      this.finish('error', `${msg.code}: ${msg.message}`);
    }
  }
}
