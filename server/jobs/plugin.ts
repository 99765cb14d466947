import fp from 'fastify-plugin';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { WorkPool, type PoolOptions } from './pool.js';
import { JobRegistry, type JobContext, type JobResult, type JobView } from './jobs.js';
import type { StoreStats } from '../store/graph-store.js';
import type { Snapshot } from '../../core/model/records.js';
import { sqliteFile, type SnapshotSource } from './snapshot-source.js';

export interface JobsOptions extends PoolOptions {
  /** Work whose estimated cost (nodes + relations, or upload bytes / 100) is at least this runs as a job (202). */
  jobThreshold?: number;
}

declare module 'fastify' {
  interface FastifyInstance {
    /** The worker pool for CPU-heavy work (server/jobs/pool.ts). */
    work: Pick<WorkPool, 'run'>;
    /** Threads of the pool (the process's): work split over threads uses at most this many. */
    workThreads: number;
    jobs: JobRegistry;
    /** Answers directly, or with 202 and a job when the work is estimated to be long (or the client asks). */
    answerOrJob(
      request: FastifyRequest,
      reply: FastifyReply,
      task: string,
      cost: number,
      work: (ctx: JobContext) => Promise<JobResult>,
    ): Promise<FastifyReply>;
    /**
     * Everything the store holds, read once per store revision and shared by concurrent heavy requests (an analysis,
     * the gaps and an import's check each read the whole network; on SQLite that read holds the event loop).
     */
    fullSnapshot(): Promise<Snapshot>;
    /** The whole network for a worker task: a SQLite file the worker reads itself, else fullSnapshot(). */
    snapshotSource(): Promise<SnapshotSource>;
    /** Nodes + relations of the store (read at most once a second): the cost estimate of whole-network work. */
    networkSize(): Promise<number>;
  }
}

/** One pool per process, shared by the apps in it (tests build many), closed when the last app closes. */
let shared: { pool: WorkPool; users: number } | undefined;

function acquirePool(options: PoolOptions): WorkPool {
  // The budget is each app's own (withBudget); the threads and the queue are the process's.
  const { budgetMs: _budget, ...shape } = options;
  shared ??= { pool: new WorkPool(shape), users: 0 };
  shared.users++;
  return shared.pool;
}

async function releasePool(pool: WorkPool): Promise<void> {
  if (!shared || shared.pool !== pool) return;
  if (--shared.users > 0) return;
  shared = undefined;
  await pool.close();
}

/**
 * `Prefer: respond-async` (RFC 7240) asks for a job whatever the estimate; with `wait=N` it asks for a job only when
 * the work is estimated to be long (the browser's panels send that: they show a job's progress, else the answer).
 */
function preference(request: FastifyRequest): 'job' | 'when-long' | 'none' {
  const prefer = String(request.headers.prefer ?? '');
  if (!/(^|[,;\s])respond-async($|[,;\s])/i.test(prefer)) return 'none';
  return /(^|[,;\s])wait=\d+($|[,;\s])/i.test(prefer) ? 'when-long' : 'job';
}

export default fp<JobsOptions>(async function jobsPlugin(app: FastifyInstance, opts) {
  const pool = acquirePool(opts);
  const registry = new JobRegistry();
  const threshold = opts.jobThreshold ?? 20_000;
  app.decorate('work', pool.withBudget(opts.budgetMs));
  app.decorate('workThreads', pool.threads);
  app.decorate('jobs', registry);

  let stats: { value: StoreStats; until: number } | undefined;
  app.decorate('networkSize', async () => {
    const now = Date.now();
    if (!stats || stats.until <= now) stats = { value: await app.store.stats(), until: now + 1_000 };
    return stats.value.nodes + stats.value.relations;
  });

  let latest: { revision: string; snapshot: Promise<Snapshot> } | undefined;
  app.decorate('fullSnapshot', async () => {
    const revision = await app.store.revision();
    if (latest?.revision === revision) return latest.snapshot;
    const snapshot = app.store.snapshot({});
    const entry = { revision, snapshot };
    latest = entry;
    snapshot.catch(() => {
      if (latest === entry) latest = undefined;
    });
    return snapshot;
  });

  app.decorate('snapshotSource', async (): Promise<SnapshotSource> => {
    const file = sqliteFile(app.store);
    if (file) return { kind: 'sqlite', file, revision: await app.store.revision() };
    return { kind: 'value', snapshot: await app.fullSnapshot() };
  });

  app.decorate(
    'answerOrJob',
    async (
      request: FastifyRequest,
      reply: FastifyReply,
      task: string,
      cost: number,
      work: (ctx: JobContext) => Promise<JobResult>,
    ) => {
      // A browser (it sends Sec-Fetch-Mode) gets a job only when it asks: a plain download link expects the answer
      // itself, and the work runs in the pool either way.
      const prefers = preference(request);
      const long = cost >= threshold && (prefers === 'when-long' || request.headers['sec-fetch-mode'] === undefined);
      if (prefers !== 'job' && !long) {
        const result = await work({ signal: new AbortController().signal, progress: () => undefined });
        return sendResult(reply, result);
      }
      const job: JobView = registry.start(task, request.actor, work);
      return reply
        .code(202)
        .header('location', `/api/jobs/${job.id}`)
        .header('preference-applied', 'respond-async')
        .send(job);
    },
  );

  // A warm worker before the first request: the first analysis or import does not pay for loading the modules.
  app.addHook('onReady', async () => {
    await pool.run('ping', null, { budgetMs: 300_000 });
  });

  app.addHook('onClose', async () => {
    latest = undefined;
    registry.cancelAll();
    await releasePool(pool);
  });
});

/** A job's or a direct answer: JSON, JSON text made by a worker, or a file. */
export function sendResult(reply: FastifyReply, result: JobResult) {
  if (result.kind === 'json') return reply.send(result.value);
  if (result.kind === 'jsonText') return reply.type('application/json; charset=utf-8').send(result.text);
  return sendFile(reply, result);
}

/** A file answer: its type, an attachment name (safe characters only) and its bytes. */
export function sendFile(reply: FastifyReply, file: Extract<JobResult, { kind: 'file' }>) {
  const body =
    typeof file.body === 'string'
      ? file.body
      : Buffer.from(file.body.buffer, file.body.byteOffset, file.body.byteLength);
  return reply
    .type(file.contentType)
    .header('content-disposition', `attachment; filename="${file.fileName.replace(/[^A-Za-z0-9._-]/g, '_')}"`)
    .send(body);
}
