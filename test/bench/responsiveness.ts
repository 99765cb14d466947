/**
 * Responsiveness (issue 18): a real server (its own process, SQLite) holding a synthetic 20k-actor network. First
 * the probes alone (idle), then the same probes while a PDF export, the analysis panel (a job) and a second import
 * of a 20k-actor network run at once. The probes are GET /api/health and GET /api/nodes/{id}, one after another
 * every few milliseconds; the table shows p50, p99 and the maximum of both phases, measured in the same run.
 *
 * The server's own event-loop delay (test/bench/loop-monitor.mjs, preloaded) is shown beside the probes: a slow
 * probe with a short loop delay waited for the CPU (a busy machine), not for a blocked loop.
 *
 *   npx tsx test/bench/responsiveness.ts      BENCH_ACTORS (default 20000), BENCH_IDLE_SECONDS (10),
 *                                             BENCH_CPU_PROF=file (the server's main thread profiled
 *                                             during the load phase)
 */
import { existsSync, mkdtempSync, readFileSync, rmSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { startServer } from '../helpers/server.js';
import { generateNetwork } from '../../core/synthetic/generate.js';
import { fmt, machine, writeSection } from './report.js';

const ACTORS = Number(process.env.BENCH_ACTORS ?? 20_000);
const IDLE_SECONDS = Number(process.env.BENCH_IDLE_SECONDS ?? 10);
// Long enough for the second import to end (with its write) on a busy machine.
const LOAD_CAP_MS = 420_000;

interface LoopStats {
  p50: number;
  p99: number;
  max: number;
  lags: { at: number; ms: number }[];
}

const MONITOR = fileURLToPath(new URL('./loop-monitor.mjs', import.meta.url));

/** Ends the server's current loop-delay phase (SIGWINCH) and reads its figures. */
async function loopPhase(pid: number, file: string): Promise<LoopStats> {
  rmSync(file, { force: true });
  process.kill(pid, 'SIGWINCH');
  for (let i = 0; i < 200 && !existsSync(file); i++) await new Promise((r) => setTimeout(r, 50));
  await new Promise((r) => setTimeout(r, 50));
  return JSON.parse(readFileSync(file, 'utf8')) as LoopStats;
}

function serverEnv(loopFile: string): Record<string, string> {
  const prof = process.env.BENCH_CPU_PROF;
  const options = [process.env.NODE_OPTIONS ?? '', `--import=${MONITOR}`];
  return {
    NODE_OPTIONS: options.join(' ').trim(),
    AKTORSATLAS_LOOP_FILE: loopFile,
    ...(prof ? { AKTORSATLAS_CPU_PROF: prof } : {}),
  };
}

interface Probe {
  health: number[];
  node: number[];
}

const quantile = (xs: number[], q: number) => {
  const s = [...xs].sort((a, b) => a - b);
  return s.length ? s[Math.min(s.length - 1, Math.ceil(q * s.length) - 1)] : NaN;
};

/** Probes until `stop()` says so: health, then one node, then a short pause, again. */
async function probe(url: string, nodeId: string, stop: () => boolean): Promise<Probe> {
  const out: Probe = { health: [], node: [] };
  const time = async (path: string, into: number[]) => {
    const t = performance.now();
    const res = await fetch(`${url}${path}`);
    await res.arrayBuffer();
    if (res.status !== 200) throw new Error(`${path}: ${res.status}`);
    into.push(performance.now() - t);
  };
  while (!stop()) {
    await time('/api/health', out.health);
    await time(`/api/nodes/${encodeURIComponent(nodeId)}`, out.node);
    await new Promise((r) => setTimeout(r, 20));
  }
  return out;
}

async function post(url: string, path: string, body: unknown, headers: Record<string, string> = {}) {
  const res = await fetch(`${url}${path}`, {
    method: 'POST',
    headers: { 'content-type': 'application/json', ...headers },
    body: JSON.stringify(body),
  });
  return { status: res.status, body: await res.text() };
}

/** Waits for a job (202) to end; returns its final state. */
async function jobEnd(url: string, location: string): Promise<string> {
  for (;;) {
    const v = (await (await fetch(`${url}${location}`)).json()) as { state: string; error: { code: string } | null };
    if (!['queued', 'running'].includes(v.state)) return v.error ? `${v.state}: ${v.error.code}` : v.state;
    await new Promise((r) => setTimeout(r, 500));
  }
}

async function timed<T>(work: () => Promise<T>): Promise<{ ms: number; value: T }> {
  const t = performance.now();
  const value = await work();
  return { ms: performance.now() - t, value };
}

export async function benchResponsiveness(): Promise<string> {
  const dir = mkdtempSync(join(tmpdir(), 'aktorsatlas-loop-'));
  const loopFile = join(dir, 'loop.json');
  const server = await startServer({ seed: false, timeoutMs: 120_000, env: serverEnv(loopFile) });
  try {
    const network = generateNetwork({ actors: ACTORS, seed: 7 });
    const setup = await timed(() => post(server.url, '/api/import', network));
    if (setup.value.status !== 200 && setup.value.status !== 202)
      throw new Error(`setup import: ${setup.value.status} ${setup.value.body.slice(0, 300)}`);
    if (setup.value.status === 202)
      await jobEnd(server.url, JSON.parse(setup.value.body).result ?? `/api/jobs/${JSON.parse(setup.value.body).id}`);
    const nodeId = network.nodes[Math.floor(network.nodes.length / 2)].id;
    console.log(
      `[responsiveness] ${network.nodes.length} nodes, ${network.relations.length} relations imported in ${fmt(setup.ms / 1000, 1)} s`,
    );

    await loopPhase(server.pid, loopFile); // the setup's delays are not counted
    const idleUntil = performance.now() + IDLE_SECONDS * 1000;
    const idle = await probe(server.url, nodeId, () => performance.now() > idleUntil);
    const idleLoop = await loopPhase(server.pid, loopFile);

    // The load: a PDF export of one organisation type, the whole panel (a job), a second 20k-actor import.
    const second = generateNetwork({ actors: ACTORS, seed: 8 });
    const load1 = loadavg()[0];
    let running = 3;
    const done = () => running--;
    const pdf = timed(async () => {
      // As a job: answered directly, a PDF queued behind the other two on a busy machine outlived fetch's 300 s
      // header timeout.
      const res = await fetch(`${server.url}/api/export?format=pdf&orgTypes=komvux`, {
        headers: { prefer: 'respond-async' },
      });
      await res.arrayBuffer();
      let state = String(res.status);
      if (res.status === 202) state = await jobEnd(server.url, res.headers.get('location') ?? '');
      return state;
    }).finally(done);
    const analysis = timed(async () => {
      const res = await fetch(`${server.url}/api/analysis`, { headers: { prefer: 'respond-async' } });
      return res.status === 202 ? jobEnd(server.url, res.headers.get('location') ?? '') : String(res.status);
    }).finally(done);
    const imported = timed(async () => {
      const r = await post(server.url, '/api/import', second, { prefer: 'respond-async' });
      return r.status === 202 ? jobEnd(server.url, `/api/jobs/${JSON.parse(r.body).id}`) : String(r.status);
    }).finally(done);
    const started = performance.now();
    const busy = await probe(server.url, nodeId, () => running === 0 || performance.now() - started > LOAD_CAP_MS);
    const busyLoop = await loopPhase(server.pid, loopFile);
    const load2 = loadavg()[0];
    const [p, a, i] = await Promise.all([pdf, analysis, imported]);
    if (process.env.BENCH_LAGS) console.log(JSON.stringify({ t0: Date.now(), lags: busyLoop.lags }));
    const secs = (x: { ms: number }) => fmt(x.ms / 1000, 1);

    const row = (phase: string, what: string, xs: number[]) =>
      `| ${phase} | ${what} | ${xs.length} | ${fmt(quantile(xs, 0.5), 1)} | ${fmt(quantile(xs, 0.99), 1)} | ${fmt(Math.max(...xs), 1)} |`;
    const loopRow = (phase: string, l: LoopStats) =>
      `| ${phase} | server event-loop delay | ${l.lags.length} over 50 ms | ${fmt(l.p50, 1)} | ${fmt(l.p99, 1)} | ${fmt(l.max, 1)} |`;
    const table = [
      '| phase | request | n | p50 ms | p99 ms | max ms |',
      '|---|---|---:|---:|---:|---:|',
      row('idle', 'GET /api/health', idle.health),
      row('idle', 'GET /api/nodes/{id}', idle.node),
      loopRow('idle', idleLoop),
      row('under load', 'GET /api/health', busy.health),
      row('under load', 'GET /api/nodes/{id}', busy.node),
      loopRow('under load', busyLoop),
    ].join('\n');
    const goal = Math.max(quantile(busy.health, 0.99), quantile(busy.node, 0.99)) < 100;
    return `### Responsiveness (issue 18)

${new Date().toISOString().slice(0, 10)}, ${machine()}; one server process (SQLite) with ${fmt(network.nodes.length)} nodes and ${fmt(network.relations.length)} relations (synthetic, ${fmt(ACTORS)} actors; setup import ${secs(setup)} s). Idle: ${IDLE_SECONDS} s of probes with nothing else running. Under load: the same probes while three heavy requests run at once, in the same run: a PDF export of one organisation type as a job (${p.value}, ${secs(p)} s), the whole analysis panel as a job (${a.value}, ${secs(a)} s) and an import of a second ${fmt(ACTORS)}-actor network as a job (${i.value}, ${secs(i)} s); load average ${load1.toFixed(1)} at the start and ${load2.toFixed(1)} at the end of the load phase (other processes share the machine). The event-loop delay is the server's own (perf_hooks.monitorEventLoopDelay, 10 ms resolution): probes slower than it waited for the CPU, not for the loop. The probes run one after another with a 20 ms pause.

${table}

Goal (p99 under load < 100 ms for both): ${goal ? 'met' : 'not met'}.`;
  } finally {
    await server.stop();
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const md = await benchResponsiveness();
  writeSection('responsiveness', md);
  console.log(md);
}
