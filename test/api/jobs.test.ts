import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../server/app.js';
import { SqliteStore } from '../../server/store/sqlite/sqlite-store.js';
import { seedIfEmpty } from '../../server/seed.js';
import { WorkPool } from '../../server/jobs/pool.js';
import { checkMapSize, MAP_LIMITS } from '../../server/jobs/export-task.js';
import { tempDbPath } from '../helpers/app.js';

/**
 * Issue 18, the worker pool and jobs: heavy work runs in worker threads; a request estimated to be long (or sent
 * with Prefer: respond-async) gets 202 and a job with state, progress events, a result and cancelling; the pool's
 * queue is bounded and every task has a time budget.
 */

const ASYNC = { prefer: 'respond-async' };
const until = async (app: FastifyInstance, id: string) => {
  for (let i = 0; i < 600; i++) {
    const v = (await app.inject({ method: 'GET', url: `/api/jobs/${id}` })).json();
    if (!['queued', 'running'].includes(v.state)) return v;
    await new Promise((r) => setTimeout(r, 100));
  }
  throw new Error('job did not end');
};

describe('jobs', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    const store = new SqliteStore(tempDbPath());
    await seedIfEmpty(store);
    app = await buildApp({ store });
  });
  afterAll(async () => app?.close());

  it('answers small work directly (200), and as a job (202) when asked, with the same result', async () => {
    const direct = await app.inject({ method: 'GET', url: '/api/analysis?metrics=degree,betweenness' });
    expect(direct.statusCode).toBe(200);
    const started = await app.inject({
      method: 'GET',
      url: '/api/analysis?metrics=degree,betweenness',
      headers: ASYNC,
    });
    expect(started.statusCode).toBe(202);
    const job = started.json();
    expect(started.headers.location).toBe(`/api/jobs/${job.id}`);
    expect(job).toMatchObject({ task: 'analysis', result: null });
    const done = await until(app, job.id);
    expect(done).toMatchObject({ state: 'done', progress: 1, result: `/api/jobs/${job.id}/result` });
    const result = await app.inject({ method: 'GET', url: done.result });
    expect(result.statusCode).toBe(200);
    expect(result.json().nodes).toEqual(direct.json().nodes);
    expect(result.json().projection).toEqual(direct.json().projection);
  });

  it('streams progress as server-sent events, ending with done', async () => {
    const job = (await app.inject({ method: 'GET', url: '/api/gaps', headers: ASYNC })).json();
    const events = await app.inject({ method: 'GET', url: `/api/jobs/${job.id}/events` });
    expect(events.statusCode).toBe(200);
    expect(events.headers['content-type']).toContain('text/event-stream');
    expect(events.headers['content-security-policy']).toBeDefined();
    const blocks = events.body.trim().split('\n\n');
    const last = blocks.at(-1)!;
    expect(last.startsWith('event: done')).toBe(true);
    expect(JSON.parse(last.split('data: ')[1]).state).toBe('done');
    expect((await app.inject({ method: 'GET', url: `/api/jobs/${job.id}/result` })).json().findings).toBeDefined();
  });

  it('runs an import as a job: a refused one fails with the 400 report as its result', async () => {
    const started = await app.inject({
      method: 'POST',
      url: '/api/import?dryRun=true',
      headers: ASYNC,
      payload: { nodes: [{ id: 'org:x', kind: 'NoSuchKind', name: 'X' }], relations: [] },
    });
    expect(started.statusCode).toBe(202);
    const done = await until(app, started.json().id);
    expect(done).toMatchObject({ state: 'failed', error: { status: 400, code: 'validation_failed' } });
    const result = await app.inject({ method: 'GET', url: `/api/jobs/${done.id}/result` });
    expect(result.statusCode).toBe(400);
    expect(result.headers['content-type']).toContain('application/problem+json');
  });

  it('cancels a running job with DELETE; its result is then a 409', async () => {
    const url = '/api/analysis?metrics=community,betweenness&restarts=1000&partition=community';
    const job = (await app.inject({ method: 'GET', url, headers: ASYNC })).json();
    const cancelled = await app.inject({ method: 'DELETE', url: `/api/jobs/${job.id}` });
    expect(cancelled.statusCode).toBe(200);
    const end = await until(app, job.id);
    expect(end.state).toBe('cancelled');
    const result = await app.inject({ method: 'GET', url: `/api/jobs/${job.id}/result` });
    expect(result.statusCode).toBe(409);
    expect(result.json().code).toBe('job_not_done');
  });

  it('runs an export as a job; the result is the file', async () => {
    const started = await app.inject({ method: 'GET', url: '/api/export?format=svg', headers: ASYNC });
    expect(started.statusCode).toBe(202);
    const done = await until(app, started.json().id);
    expect(done.state).toBe('done');
    const file = await app.inject({ method: 'GET', url: done.result });
    expect(file.statusCode).toBe(200);
    expect(file.headers['content-type']).toContain('image/svg+xml');
    expect(file.headers['content-disposition']).toMatch(/attachment; filename="aktorsatlas-.*\.svg"/);
    expect(file.body).toContain('<svg');
  });

  it('writes an import in the worker that checked it: the history, the revision, the graph and the counts follow', async () => {
    const before = (await app.inject({ method: 'GET', url: '/api/health' })).json().counts.nodes;
    const graphBefore = (await app.inject({ method: 'GET', url: '/api/graph' })).json();
    const payload = {
      nodes: [
        { id: 'org:worker-a', kind: 'Organisation', name: 'Arbetartråd A', props: { orgType: 'arbetsgivare' } },
        { id: 'org:worker-b', kind: 'Organisation', name: 'Arbetartråd B', props: { orgType: 'arbetsgivare' } },
      ],
      relations: [],
    };
    const started = await app.inject({ method: 'POST', url: '/api/import', headers: ASYNC, payload });
    const done = await until(app, started.json().id);
    expect(done.state).toBe('done');
    expect((await app.inject({ method: 'GET', url: done.result })).json()).toMatchObject({ nodesCreated: 2 });
    // The main connection sees the worker's transaction: the node, its history entry, the counts, a fresh graph.
    expect((await app.inject({ method: 'GET', url: '/api/nodes/org:worker-a' })).json().name).toBe('Arbetartråd A');
    const history = (await app.inject({ method: 'GET', url: '/api/history?record=org:worker-b' })).json();
    expect(JSON.stringify(history)).toContain('create');
    expect((await app.inject({ method: 'GET', url: '/api/health' })).json().counts.nodes).toBe(before + 2);
    const graphAfter = (await app.inject({ method: 'GET', url: '/api/graph' })).json();
    expect(JSON.stringify(graphAfter).length).toBeGreaterThan(JSON.stringify(graphBefore).length);
    expect(JSON.stringify(graphAfter)).toContain('org:worker-b');
  });

  it('answers 404 job_not_found for an unknown job, as problem+json', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/jobs/nope' });
    expect(res.statusCode).toBe(404);
    expect(res.json().code).toBe('job_not_found');
  });
});

describe('the cost threshold', () => {
  it('starts a job on its own past the threshold, but answers a browser (Sec-Fetch-Mode) directly', async () => {
    const store = new SqliteStore(tempDbPath());
    await seedIfEmpty(store);
    const app = await buildApp({ store, jobs: { jobThreshold: 100 } });
    const script = await app.inject({ method: 'GET', url: '/api/gaps' });
    expect(script.statusCode).toBe(202);
    expect(script.json().task).toBe('gaps');
    const browser = await app.inject({ method: 'GET', url: '/api/gaps', headers: { 'sec-fetch-mode': 'cors' } });
    expect(browser.statusCode).toBe(200);
    expect(browser.json().findings).toBeDefined();
    await until(app, script.json().id);
    await app.close();
  });
});

describe('limits of the pool', () => {
  it('refuses, before drawing, a map larger than the limit (413 map_too_large, saying what to filter)', () => {
    expect(() => checkMapSize('csv', { nodes: 50_000, relations: 200_000 })).not.toThrow();
    expect(() => checkMapSize('pdf', { nodes: MAP_LIMITS.nodes, relations: MAP_LIMITS.relations })).not.toThrow();
    let caught: unknown;
    try {
      checkMapSize('png', { nodes: MAP_LIMITS.nodes + 1, relations: 10 });
    } catch (err) {
      caught = err;
    }
    expect(caught).toMatchObject({ status: 413, code: 'map_too_large' });
    const message = (caught as { problems: Array<{ message: { sv: string } }> }).problems[0].message.sv;
    expect(message).toMatch(/Filtrera vyn/);
    expect(message).toMatch(/XLSX/);
  });

  it('stops work past its time budget with 422 over_time_budget, saying what to do', async () => {
    const store = new SqliteStore(tempDbPath());
    await seedIfEmpty(store);
    const app = await buildApp({ store, jobs: { budgetMs: 1 } });
    const res = await app.inject({ method: 'GET', url: '/api/analysis' });
    expect(res.statusCode).toBe(422);
    expect(res.json().code).toBe('over_time_budget');
    expect(res.json().problems[0].message.sv).toMatch(/filtrera/);
    await app.close();
  });

  it('refuses work beyond the queue bound with 503 busy', async () => {
    const pool = new WorkPool({ threads: 1, maxQueue: 1 });
    const snapshot = { kind: 'value', snapshot: { nodes: [], relations: [] } } as never;
    const runs = Array.from({ length: 4 }, () =>
      pool.run('gaps', { snapshot, options: {} }).then(
        () => 'ok',
        (e: { code?: string }) => e.code ?? 'error',
      ),
    );
    const outcomes = await Promise.all(runs);
    expect(outcomes).toContain('ok');
    expect(outcomes).toContain('busy');
    await pool.close();
  });
});
