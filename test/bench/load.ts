/**
 * Load test: a real Aktörsatlas server per store (SQLite, and Neo4j on a throwaway server of its own), seeded with
 * the Jönköping network, with accounts on (an editor's API token on every request), driven by autocannon on
 * 127.0.0.1 only, for a bounded time. Two runs per store: graph reads only, and a mix (graph reads, searches, single
 * reads and writes). Prints the numbers and rewrites only its own section of docs/benchmarks.md.
 *
 *   npx tsx test/bench/load.ts      BENCH_SECONDS (default 20), BENCH_CONNECTIONS (10), BENCH_STORES (sqlite,neo4j)
 */
import autocannon, { type Request, type Result } from 'autocannon';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus, loadavg, tmpdir, totalmem } from 'node:os';
import { join } from 'node:path';
import { startServer, REPO_ROOT, freePort, type RunningServer } from '../helpers/server.js';
import { javaAvailable, jarsInstalled, startNeo4j, type RunningNeo4j } from '../../tools/neo4j/index.js';

const SECONDS = Number(process.env.BENCH_SECONDS ?? 10);
/** Unmeasured seconds of the mixed load before the measured runs. */
const WARM_MIX_SECONDS = 10;
const CONNECTIONS = Number(process.env.BENCH_CONNECTIONS ?? 10);
const STORES = (process.env.BENCH_STORES ?? 'sqlite,neo4j').split(',').map((s) => s.trim());
const PASSWORD = 'bench password 0123';
const DOC = join(REPO_ROOT, 'docs', 'benchmarks.md');
const LOAD_BEFORE = loadavg()[0].toFixed(1);
const START = '<!-- load:start -->';
const END = '<!-- load:end -->';

interface Row {
  store: string;
  mix: string;
  rps: number;
  graphRps: number;
  p50: number;
  p99: number;
  requests: number;
  errors: number;
  non2xx: number;
}

/** Loopback only: the load never leaves this machine. */
function assertLoopback(url: string): void {
  const host = new URL(url).hostname;
  if (host !== '127.0.0.1' && host !== 'localhost' && host !== '[::1]')
    throw new Error(`refusing to load ${url}: loopback only`);
}

/** Turns the open local server into one with accounts, and returns an editor's API token. */
async function editorToken(url: string): Promise<string> {
  const post = async (path: string, body: unknown, headers: Record<string, string> = {}) => {
    const res = await fetch(`${url}${path}`, {
      method: 'POST',
      headers: { 'content-type': 'application/json', ...headers },
      body: JSON.stringify(body),
    });
    if (!res.ok) throw new Error(`POST ${path}: ${res.status} ${await res.text()}`);
    return res;
  };
  await post('/api/users', { name: 'bench-admin', role: 'admin', password: PASSWORD });
  const login = await post('/api/auth/login', { name: 'bench-admin', password: PASSWORD });
  const cookie = (login.headers.get('set-cookie') ?? '').split(';')[0];
  const { csrfToken } = (await login.json()) as { csrfToken: string };
  await post(
    '/api/users',
    { name: 'bench-editor', role: 'editor', password: PASSWORD },
    { cookie, 'x-csrf-token': csrfToken },
  );
  const editor = await post('/api/auth/login', { name: 'bench-editor', password: PASSWORD });
  const s = {
    cookie: (editor.headers.get('set-cookie') ?? '').split(';')[0],
    'x-csrf-token': ((await editor.json()) as { csrfToken: string }).csrfToken,
  };
  const token = await post('/api/auth/tokens', { name: 'bench' }, s);
  return ((await token.json()) as { token: string }).token;
}

const graphReads: Request[] = [{ method: 'GET', path: '/api/graph' }];

function mixed(prefix: string): Request[] {
  let n = 0;
  const write: Request = {
    method: 'POST',
    path: '/api/nodes',
    headers: { 'content-type': 'application/json' },
    setupRequest: (req) => ({
      ...req,
      body: JSON.stringify({
        id: `org:${prefix}-${process.pid}-${++n}`,
        kind: 'Organisation',
        name: `Lasttest ${n}`,
        props: { orgType: 'arbetsgivare' },
      }),
    }),
  };
  const searches = ['jonkoping', 'region', 'gymnasium', 'vaxjo', 'tekniska', 'kommun'];
  let s = 0;
  const search: Request = {
    method: 'GET',
    path: '/api/nodes?q=jonkoping',
    setupRequest: (req) => ({ ...req, path: `/api/nodes?q=${searches[s++ % searches.length]}&limit=20` }),
  };
  // 60 % graph reads, 20 % searches, 10 % single reads, 10 % writes.
  return [
    { method: 'GET', path: '/api/graph' },
    search,
    { method: 'GET', path: '/api/graph' },
    { method: 'GET', path: '/api/nodes/org:region-jonkopings-lan' },
    { method: 'GET', path: '/api/graph' },
    write,
    { method: 'GET', path: '/api/graph' },
    search,
    { method: 'GET', path: '/api/graph' },
    { method: 'GET', path: '/api/graph' },
  ];
}

async function run(url: string, token: string, requests: Request[]): Promise<Result> {
  assertLoopback(url);
  return autocannon({
    url,
    connections: CONNECTIONS,
    duration: SECONDS,
    timeout: 10,
    headers: { authorization: `Bearer ${token}`, 'accept-encoding': 'gzip' },
    requests,
  });
}

const WRITES = 40;
const pct = (xs: number[], p: number) => [...xs].sort((a, b) => a - b)[Math.floor((xs.length - 1) * p)];

/**
 * Single writes one at a time on the warm server (after the load): PUT of a node with If-Match, and POST of a
 * relation between two organisations made for it. Returns a note with p50 and p95 of each, in ms.
 */
async function writeLatency(store: string, url: string, token: string): Promise<string> {
  assertLoopback(url);
  const send = async (method: string, path: string, body: unknown, extra: Record<string, string> = {}) => {
    const t = performance.now();
    const res = await fetch(`${url}${path}`, {
      method,
      headers: { authorization: `Bearer ${token}`, 'content-type': 'application/json', ...extra },
      body: JSON.stringify(body),
    });
    const text = await res.text();
    if (!res.ok) throw new Error(`${method} ${path}: ${res.status} ${text}`);
    return performance.now() - t;
  };
  const org = (k: string, name: string) => ({
    id: `org:wl-${k}`,
    kind: 'Organisation',
    name,
    props: { orgType: 'arbetsgivare' },
  });
  const puts: number[] = [];
  const posts: number[] = [];
  await send('POST', '/api/nodes', org('hub', 'Skrivnav'));
  for (let i = 0; i < WRITES; i++) {
    await send('POST', '/api/nodes', org(`n${i}`, `Skrivtest ${i}`));
    puts.push(
      await send('PUT', `/api/nodes/org:wl-n${i}`, org(`n${i}`, `Skrivtest ${i} ändrad`), { 'if-match': 'W/"1"' }),
    );
    const rel = {
      id: `rel:wl:${i}`,
      type: 'COLLABORATES_WITH',
      from: `org:wl-n${i}`,
      to: 'org:wl-hub',
      sources: [{ url: 'https://example.org/bench', title: 'Bench' }],
      evidence: 'confirmed',
    };
    posts.push(await send('POST', '/api/relations', rel));
  }
  const f = (xs: number[]) => `p50 ${pct(xs, 0.5).toFixed(1)} ms, p95 ${pct(xs, 0.95).toFixed(1)} ms`;
  const note = `${store}: single writes one at a time after the load (${WRITES} each): PUT node with If-Match ${f(puts)}; POST relation ${f(posts)}.`;
  console.log(note);
  return note;
}

async function bench(store: string, server: RunningServer): Promise<{ rows: Row[]; token: string }> {
  const token = await editorToken(server.url);
  // A node that certainly exists, for the single reads.
  const probe = await fetch(`${server.url}/api/nodes?limit=1`, { headers: { authorization: `Bearer ${token}` } });
  const first = ((await probe.json()) as { items: { id: string }[] }).items[0]?.id ?? 'org:x';
  const graph = await fetch(`${server.url}/api/graph`, { headers: { authorization: `Bearer ${token}` } });
  const size = (await graph.text()).length;
  console.log(`${store}: graph ${Math.round(size / 1024)} KiB; warming up`);
  // A warm server, as in production: the JVM compiles a query's code path only after thousands of calls, so the
  // mix runs once unmeasured too (both stores alike), not just the graph reads.
  for (const [seconds, requests] of [
    [3, graphReads],
    [WARM_MIX_SECONDS, mixed(`warm-${store}`)],
  ] as const)
    await autocannon({
      url: server.url,
      connections: 4,
      duration: seconds,
      headers: { authorization: `Bearer ${token}`, 'accept-encoding': 'gzip' },
      requests: requests.map((r) =>
        r.path === '/api/nodes/org:region-jonkopings-lan' ? { ...r, path: `/api/nodes/${first}` } : r,
      ),
    });
  const rows: Row[] = [];
  for (const [mix, requests, graphShare] of [
    ['graph reads', graphReads, 1],
    [
      'mixed: 60 % graph, 20 % search, 10 % node, 10 % write',
      mixed(`bench-${store}`).map((r) =>
        r.path === '/api/nodes/org:region-jonkopings-lan' ? { ...r, path: `/api/nodes/${first}` } : r,
      ),
      0.6,
    ],
  ] as const) {
    const r = await run(server.url, token, [...requests]);
    const row: Row = {
      store,
      mix,
      rps: r.requests.average,
      graphRps: r.requests.average * graphShare,
      p50: r.latency.p50,
      p99: r.latency.p99,
      requests: r.requests.total,
      errors: r.errors + r.timeouts,
      non2xx: r.non2xx,
    };
    console.log(
      `${store} | ${mix}: ${row.rps.toFixed(0)} req/s, p50 ${row.p50} ms, p99 ${row.p99} ms, ${row.requests} requests, ${row.errors} errors, ${row.non2xx} non-2xx`,
    );
    rows.push(row);
  }
  return { rows, token };
}

function writeSection(rows: Row[], notes: string[]): void {
  const cpu = cpus()[0]?.model ?? 'unknown CPU';
  const table = [
    '| store | load | requests/s | graph reads/s | p50 ms | p99 ms | requests | errors | non-2xx |',
    '|---|---|---:|---:|---:|---:|---:|---:|---:|',
    ...rows.map(
      (r) =>
        `| ${r.store} | ${r.mix} | ${r.rps.toFixed(0)} | ${r.graphRps.toFixed(0)} | ${r.p50} | ${r.p99} | ${r.requests} | ${r.errors} | ${r.non2xx} |`,
    ),
  ];
  const section = [
    START,
    '## Load (autocannon)',
    '',
    `Written by \`test/bench/load.ts\` on ${new Date().toISOString().slice(0, 10)}: ${cpus().length} cores (${cpu}), ${Math.round(totalmem() / 2 ** 30)} GiB, Node ${process.version}; load average before the run ${LOAD_BEFORE} (anything above 0 is other work competing for the 2 cores).`,
    `A real server per store (\`aktorsatlas serve\`), seeded with the Jönköping network, accounts on and an editor's API token on every request; autocannon on 127.0.0.1 in the same machine (it shares the 2 cores), ${CONNECTIONS} connections, ${SECONDS} s per run after a warm-up of 3 s of graph reads and ${WARM_MIX_SECONDS} s of the mix at 4 connections (a warm server: Neo4j's JVM compiles a query's code only after thousands of calls). Requests send \`Accept-Encoding: gzip\`, as browsers do: graphs go out gzip-compressed (level 1, once per store revision, in libuv's thread pool). Writes create new organisations (201). "graph reads/s" is the share of GET /api/graph (the whole network as graphology JSON).`,
    '',
    ...table,
    '',
    ...notes.map((n) => `- ${n}`),
    ...(notes.length ? [''] : []),
    END,
  ].join('\n');
  const old = existsSync(DOC)
    ? readFileSync(DOC, 'utf8')
    : '# Benchmarks\n\nMeasured numbers; each section is written by its own script.\n';
  const a = old.indexOf(START);
  const b = old.indexOf(END);
  const next =
    a >= 0 && b > a ? `${old.slice(0, a)}${section}${old.slice(b + END.length)}` : `${old.trimEnd()}\n\n${section}\n`;
  writeFileSync(DOC, next);
  console.log(`wrote ${DOC}`);
}

async function main(): Promise<void> {
  const rows: Row[] = [];
  const notes: string[] = [];
  for (const store of STORES) {
    let neo: RunningNeo4j | undefined;
    let server: RunningServer | undefined;
    try {
      const env: Record<string, string> = { LOG_LEVEL: 'warn' };
      if (store === 'neo4j') {
        if (!javaAvailable() || !jarsInstalled()) {
          notes.push('Neo4j: not run (no Java or no Neo4j jars: run `bash tools/neo4j/neo4j.sh install`).');
          continue;
        }
        // A throwaway server, so the network is exactly the seeded one and no other data or load is measured.
        neo = await startNeo4j({
          port: await freePort(),
          home: mkdtempSync(join(tmpdir(), 'aktorsatlas-bench-neo4j-')),
          fresh: true,
        });
        env.NEO4J_URI = neo.uri;
      }
      server = await startServer({ seed: true, env, timeoutMs: 180_000 });
      const done = await bench(store, server);
      rows.push(...done.rows);
      notes.push(await writeLatency(store, server.url, done.token));
    } finally {
      await server?.stop();
      await neo?.stop();
    }
  }
  writeSection(rows, notes);
  const bad = rows.filter((r) => r.errors > 0 || r.non2xx > 0);
  if (bad.length > 0) {
    console.error(`errors in: ${bad.map((r) => `${r.store} ${r.mix}`).join(', ')}`);
    process.exitCode = 1;
  }
}

await main();
