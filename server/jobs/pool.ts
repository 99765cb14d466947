import { availableParallelism } from 'node:os';
import { MessageChannel } from 'node:worker_threads';
import { Piscina } from 'piscina';
import { ApiProblem } from '../problems.js';
import { reviveError, type TaskMessage, type TaskName, type TaskInput, type TaskOutput } from './protocol.js';

export interface PoolOptions {
  /** Worker threads (default: the machine's cores minus one for the event loop, at least one). */
  threads?: number;
  /** Tasks waiting beyond the running ones; more get 503 `busy` (default 8 per thread). */
  maxQueue?: number;
  /** Time budget of one task in ms (default 120 s); past it the worker is stopped and the request gets 422. */
  budgetMs?: number;
  /** Heap of one worker in MiB (default 1536). */
  heapMb?: number;
}

export interface RunOptions {
  signal?: AbortSignal;
  onProgress?: (progress: number, stage: string) => void;
  budgetMs?: number;
}

/**
 * The worker pool (piscina) where CPU-heavy work runs: the analysis panel, gaps, import parsing and validation,
 * exports. The event loop only routes and does I/O. Sized to the machine, with a bounded queue and a time budget per
 * task, decided before the work starts.
 */
export class WorkPool {
  private readonly pool: Piscina;
  readonly threads: number;
  readonly maxQueue: number;
  readonly budgetMs: number;

  constructor(options: PoolOptions = {}) {
    this.threads = options.threads ?? Math.max(1, availableParallelism() - 1);
    this.maxQueue = options.maxQueue ?? this.threads * 8;
    this.budgetMs = options.budgetMs ?? 120_000;
    this.pool = new Piscina({
      filename: new URL('./worker.mjs', import.meta.url).href,
      // One thread stays loaded (tsx and the core modules take seconds to load on a busy machine).
      minThreads: 1,
      maxThreads: this.threads,
      maxQueue: this.maxQueue,
      idleTimeout: 60_000,
      resourceLimits: { maxOldGenerationSizeMb: options.heapMb ?? 1536 },
    });
  }

  /** Tasks waiting for a thread. */
  get queued(): number {
    return this.pool.queueSize;
  }

  async run<N extends TaskName>(name: N, input: TaskInput<N>, options: RunOptions = {}): Promise<TaskOutput<N>> {
    if (this.pool.queueSize >= this.maxQueue) throw busy();
    const budget = options.budgetMs ?? this.budgetMs;
    // The budget counts from when a thread takes the task (its first message), not while it waits in the queue.
    const timeout = new AbortController();
    let timer: NodeJS.Timeout | undefined;
    const signal = options.signal ? AbortSignal.any([options.signal, timeout.signal]) : timeout.signal;
    const { port1, port2 } = new MessageChannel();
    port1.on('message', (m: { progress: number; stage: string }) => {
      timer ??= setTimeout(() => timeout.abort(), budget);
      if (m.stage !== 'start') options.onProgress?.(m.progress, m.stage);
    });
    try {
      const message = (await this.pool.run(
        { name, input, port: port2 },
        { signal, transferList: [port2] },
      )) as TaskMessage<TaskOutput<N>>;
      if (!message.ok) throw reviveError(message.error);
      return message.value;
    } catch (err) {
      if (timeout.signal.aborted) throw overBudget(budget);
      if (options.signal?.aborted) throw new ApiProblem(409, 'job_cancelled', 'The work was cancelled');
      if ((err as Error).message === 'Task queue is at limit') throw busy();
      throw err;
    } finally {
      clearTimeout(timer);
      port1.close();
    }
  }

  /** The pool with another default time budget (each app has its own; the threads are shared). */
  withBudget(budgetMs: number | undefined): Pick<WorkPool, 'run'> {
    if (budgetMs === undefined) return this;
    return { run: (name, input, options = {}) => this.run(name, input, { budgetMs, ...options }) };
  }

  async close(): Promise<void> {
    await this.pool.destroy();
  }
}

const busy = () =>
  new ApiProblem(503, 'busy', 'The server is busy with other heavy work; try again shortly', [], { retryAfter: 5 });

const overBudget = (ms: number) => {
  const s = Math.max(1, Math.round(ms / 1000));
  return new ApiProblem(
    422,
    'over_time_budget',
    `The work took longer than its budget of ${s} s and was stopped; filter the network (kinds, relation types, a date) and try again`,
    [
      {
        path: '',
        code: 'over_time_budget',
        message: {
          sv: `Beräkningen tog längre tid än ${s} s och avbröts; filtrera nätverket (typer, relationer, datum) och försök igen`,
          en: `The work took longer than ${s} s and was stopped; filter the network (kinds, relation types, a date) and try again`,
        },
      },
    ],
  );
};
