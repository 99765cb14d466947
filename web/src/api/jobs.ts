/**
 * Long work on the server as jobs (issue 18): a request sent with `Prefer: respond-async, wait=5` is answered at
 * once when the work is small, and with 202 and a job when it is estimated to be long. Then the job's progress comes
 * as server-sent events (GET /api/jobs/{id}/events), DELETE cancels it, and the result is fetched when it is done.
 */
import { currentSession } from './session.js';
import { ApiError } from './client.js';
import type { ProblemBody } from './types.js';

/** Asks for a job only when the server estimates the work to be long. */
export const PREFER_JOB_WHEN_LONG = 'respond-async, wait=5';

export interface JobView {
  id: string;
  task: string;
  state: 'queued' | 'running' | 'done' | 'failed' | 'cancelled';
  progress: number;
  stage: string;
  result: string | null;
  error: { status: number; code: string; detail: string } | null;
}

/** Hears a job's start and each progress step; gets the function that cancels it. */
export interface JobWatcher {
  started(job: JobView, cancel: () => Promise<void>): void;
  progress(job: JobView): void;
  ended(job: JobView): void;
}

/** The job was cancelled (by the user); there is no answer. */
export class JobCancelled extends Error {
  constructor() {
    super('cancelled');
    this.name = 'JobCancelled';
  }
}

const ended = (v: JobView) => v.state === 'done' || v.state === 'failed' || v.state === 'cancelled';

export async function cancelJob(id: string): Promise<void> {
  const headers: Record<string, string> = { accept: 'application/json' };
  const token = currentSession().csrfToken;
  if (token) headers['x-csrf-token'] = token;
  await fetch(`/api/jobs/${encodeURIComponent(id)}`, { method: 'DELETE', headers, credentials: 'same-origin' });
}

async function poll(id: string): Promise<JobView> {
  const res = await fetch(`/api/jobs/${encodeURIComponent(id)}`, { credentials: 'same-origin' });
  return (await res.json()) as JobView;
}

/** Follows a job until it ends: its event stream, or polling once a second when the stream breaks. */
export function followJob(job: JobView, onProgress: (v: JobView) => void): Promise<JobView> {
  return new Promise((resolve) => {
    const source = new EventSource(`/api/jobs/${encodeURIComponent(job.id)}/events`, { withCredentials: true });
    let last = job;
    const seen = (ev: MessageEvent<string>) => {
      last = JSON.parse(ev.data) as JobView;
      onProgress(last);
      if (ended(last)) {
        source.close();
        resolve(last);
      }
    };
    source.addEventListener('progress', seen as EventListener);
    source.addEventListener('done', seen as EventListener);
    source.onerror = () => {
      if (ended(last)) return;
      source.close();
      void (async () => {
        for (;;) {
          last = await poll(job.id);
          onProgress(last);
          if (ended(last)) return resolve(last);
          await new Promise((r) => setTimeout(r, 1000));
        }
      })();
    };
  });
}

/**
 * The answer of a request that may have become a job: the response itself, or, after a 202, the job's result
 * (a file, JSON, or the problem+json of a failed job) once it has ended. A cancelled job throws JobCancelled.
 */
export async function answerOf(res: Response, watcher: JobWatcher): Promise<Response> {
  if (res.status !== 202) return res;
  const job = (await res.json()) as JobView;
  watcher.started(job, () => cancelJob(job.id));
  const end = await followJob(job, (v) => watcher.progress(v));
  watcher.ended(end);
  if (end.state === 'cancelled') throw new JobCancelled();
  return fetch(`/api/jobs/${encodeURIComponent(job.id)}/result`, { credentials: 'same-origin' });
}

/** GET of a JSON answer that may become a job (the gaps): the answer, or ApiError as the client throws it. */
export async function jobJson<T>(path: string, watcher: JobWatcher): Promise<T> {
  const headers = { accept: 'application/json', prefer: PREFER_JOB_WHEN_LONG };
  const res = await answerOf(await fetch(path, { headers, credentials: 'same-origin' }), watcher);
  const data = (await res.json().catch(() => null)) as unknown;
  if (res.ok) return data as T;
  const body = (data && typeof data === 'object' ? data : {}) as Partial<ProblemBody>;
  throw new ApiError(res.status, {
    ...body,
    status: res.status,
    code: body.code ?? `http_${res.status}`,
  } as ProblemBody);
}
