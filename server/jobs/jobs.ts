import { randomUUID } from 'node:crypto';
import { ApiProblem } from '../problems.js';
import { StoreError } from '../store/errors.js';

export type JobState = 'queued' | 'running' | 'done' | 'failed' | 'cancelled';

/**
 * What a finished job hands back: a JSON value, JSON text (serialised in the worker thread: a big answer is neither
 * serialised on the event loop nor cloned into it as objects), or a file (bytes with a type and a name).
 */
export type JobResult =
  | { kind: 'json'; value: unknown }
  | { kind: 'jsonText'; text: string }
  | { kind: 'file'; body: string | Uint8Array; contentType: string; fileName: string };

export interface JobView {
  id: string;
  task: string;
  state: JobState;
  progress: number;
  stage: string;
  createdAt: string;
  finishedAt: string | null;
  /** Where the result is fetched once the state is done. */
  result: string | null;
  error: { status: number; code: string; detail: string } | null;
}

interface Job extends JobView {
  owner: string;
  controller: AbortController;
  value?: JobResult;
  failure?: ApiProblem;
  listeners: Set<(view: JobView) => void>;
  expires: number;
}

export interface JobContext {
  signal: AbortSignal;
  progress: (share: number, stage: string) => void;
}

/**
 * Long work as jobs: started at once, run in the background (the heavy part in the worker pool), watched through
 * GET /api/jobs/{id} or its event stream, fetched when done, cancelled with DELETE. Bounded: at most `maxJobs` are
 * kept; finished ones are forgotten after `keepMs`; only their creator may see them.
 */
export class JobRegistry {
  private readonly jobs = new Map<string, Job>();

  constructor(
    private readonly maxJobs = 100,
    private readonly keepMs = 15 * 60_000,
  ) {}

  start(task: string, owner: string, work: (ctx: JobContext) => Promise<JobResult>): JobView {
    this.sweep();
    if (this.jobs.size >= this.maxJobs)
      throw new ApiProblem(503, 'busy', 'Too many jobs are kept; wait for some to finish', [], { retryAfter: 10 });
    const job: Job = {
      id: randomUUID(),
      task,
      owner,
      state: 'queued',
      progress: 0,
      stage: 'queued',
      createdAt: new Date().toISOString(),
      finishedAt: null,
      result: null,
      error: null,
      controller: new AbortController(),
      listeners: new Set(),
      expires: Number.POSITIVE_INFINITY,
    };
    this.jobs.set(job.id, job);
    const ctx: JobContext = {
      signal: job.controller.signal,
      progress: (share, stage) => {
        if (job.state !== 'queued' && job.state !== 'running') return;
        job.state = 'running';
        job.progress = Math.max(job.progress, Math.min(0.99, share));
        job.stage = stage;
        this.emit(job);
      },
    };
    void work(ctx).then(
      (value) => this.finish(job, 'done', value),
      (err: unknown) => this.finish(job, job.controller.signal.aborted ? 'cancelled' : 'failed', undefined, err),
    );
    return view(job);
  }

  /** The job of this owner, or 404 (another user's job is as unknown as a missing one). */
  get(id: string, owner: string): JobView {
    return view(this.find(id, owner));
  }

  result(id: string, owner: string): JobResult {
    const job = this.find(id, owner);
    if (job.state === 'done' && job.value) return job.value;
    if (job.state === 'failed' && job.failure) throw job.failure;
    throw new ApiProblem(409, 'job_not_done', `The job is ${job.state}; fetch its result when it is done`, [], {
      state: job.state,
    });
  }

  cancel(id: string, owner: string): JobView {
    const job = this.find(id, owner);
    if (job.state === 'queued' || job.state === 'running') job.controller.abort();
    return view(job);
  }

  /** Calls `listener` on every change until the job ends; returns the unsubscribe function. */
  watch(id: string, owner: string, listener: (view: JobView) => void): () => void {
    const job = this.find(id, owner);
    job.listeners.add(listener);
    return () => job.listeners.delete(listener);
  }

  /** Cancels every running job (at shutdown). */
  cancelAll(): void {
    for (const job of this.jobs.values()) job.controller.abort();
  }

  private find(id: string, owner: string): Job {
    this.sweep();
    const job = this.jobs.get(id);
    if (!job || job.owner !== owner) throw new ApiProblem(404, 'job_not_found', `No job "${id}"`);
    return job;
  }

  private finish(job: Job, state: JobState, value?: JobResult, err?: unknown): void {
    if (job.state === 'cancelled') return;
    job.state = state;
    job.finishedAt = new Date().toISOString();
    job.expires = Date.now() + this.keepMs;
    if (state === 'done' && value) {
      job.value = value;
      job.progress = 1;
      job.stage = 'done';
      job.result = `/api/jobs/${job.id}/result`;
    } else {
      job.stage = state;
      const problem =
        err instanceof ApiProblem
          ? err
          : err instanceof StoreError && err.code === 'store_unavailable'
            ? new ApiProblem(503, 'store_unavailable', 'The database is unavailable')
            : new ApiProblem(500, 'internal_error', 'The job failed unexpectedly');
      job.failure = state === 'failed' ? problem : undefined;
      job.error =
        state === 'cancelled'
          ? { status: 409, code: 'job_cancelled', detail: 'The job was cancelled' }
          : { status: problem.status, code: problem.code, detail: problem.message };
    }
    this.emit(job);
    job.listeners.clear();
  }

  private emit(job: Job): void {
    const v = view(job);
    for (const l of job.listeners) l(v);
  }

  private sweep(): void {
    const now = Date.now();
    for (const [id, job] of this.jobs) if (job.expires <= now) this.jobs.delete(id);
  }
}

const view = (job: Job): JobView => ({
  id: job.id,
  task: job.task,
  state: job.state,
  progress: job.progress,
  stage: job.stage,
  createdAt: job.createdAt,
  finishedAt: job.finishedAt,
  result: job.result,
  error: job.error,
});
