/**
 * Starts the real Aktörsatlas server (bin/aktorsatlas.js serve) as a child process on a free port with a fresh
 * SQLite file, for end-to-end tests. Waits for GET /api/health to answer 200.
 */
import { spawn, spawnSync, type ChildProcess } from 'node:child_process';
import { mkdtempSync, rmSync } from 'node:fs';
import { createServer } from 'node:net';
import { tmpdir } from 'node:os';
import { join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

export const REPO_ROOT = resolve(fileURLToPath(new URL('../..', import.meta.url)));

export interface RunningServer {
  url: string;
  port: number;
  /** The server process's id (the bench signals it). */
  pid: number;
  dbPath: string;
  /** Everything the server printed, for failure messages. */
  output: () => string;
  stop: () => Promise<void>;
}

export interface StartOptions {
  /** Seed the empty store with the Jönköping network (default true). */
  seed?: boolean;
  env?: Record<string, string>;
  /** How long to wait for /api/health (default 60 s). */
  timeoutMs?: number;
  /** Accounts to create first with the real CLI (`aktorsatlas user add NAME --role R --password-stdin`). */
  users?: Record<string, { role: 'viewer' | 'editor' | 'admin'; password: string }>;
  /** The checkout whose server runs (default: AKTORSATLAS_E2E_SERVER_ROOT, else this repository). */
  root?: string;
}

/** A port that was free a moment ago (listen on 0, read it, close). */
export async function freePort(): Promise<number> {
  return new Promise((ok, fail) => {
    const srv = createServer();
    srv.unref();
    srv.on('error', fail);
    srv.listen(0, '127.0.0.1', () => {
      const addr = srv.address();
      const port = typeof addr === 'object' && addr ? addr.port : 0;
      srv.close(() => ok(port));
    });
  });
}

async function waitForHealth(url: string, child: ChildProcess, timeoutMs: number, output: () => string): Promise<void> {
  const deadline = Date.now() + timeoutMs;
  while (Date.now() < deadline) {
    if (child.exitCode !== null) throw new Error(`server exited with code ${child.exitCode}:\n${output()}`);
    try {
      const res = await fetch(`${url}/api/health`);
      if (res.status === 200) return;
    } catch {
      // not listening yet
    }
    await new Promise((r) => setTimeout(r, 150));
  }
  throw new Error(`server did not become healthy within ${timeoutMs} ms:\n${output()}`);
}

export async function startServer(options: StartOptions = {}): Promise<RunningServer> {
  const port = await freePort();
  const dir = mkdtempSync(join(tmpdir(), 'aktorsatlas-e2e-'));
  const dbPath = join(dir, 'e2e.db');
  const env: Record<string, string> = {
    ...(process.env as Record<string, string>),
    PORT: String(port),
    HOST: '127.0.0.1',
    AKTORSATLAS_DB: dbPath,
    AKTORSATLAS_SEED: options.seed === false ? '0' : '1',
    LOG_LEVEL: 'warn',
    ...options.env,
  };
  // An e2e server always uses its own SQLite file, never a Neo4j from the environment.
  delete env.NEO4J_URI;
  if (options.env?.NEO4J_URI) env.NEO4J_URI = options.env.NEO4J_URI;
  // Another checkout's server: for debugging, and for comparing two builds (test/bench/browser-ab.ts).
  const serverRoot = options.root ?? process.env.AKTORSATLAS_E2E_SERVER_ROOT ?? REPO_ROOT;
  for (const [name, { role, password }] of Object.entries(options.users ?? {})) {
    const cli = [join(serverRoot, 'bin', 'aktorsatlas.js'), 'user', 'add', name, '--role', role, '--password-stdin'];
    const r = spawnSync(process.execPath, cli, { cwd: serverRoot, env, input: `${password}\n`, encoding: 'utf8' });
    if (r.status !== 0) rmSync(dir, { recursive: true, force: true });
    if (r.status !== 0) throw new Error(`user add ${name} failed (${r.status}):\n${r.stdout}\n${r.stderr}`);
  }
  const child = spawn(process.execPath, [join(serverRoot, 'bin', 'aktorsatlas.js'), 'serve'], {
    cwd: serverRoot,
    env,
    stdio: ['ignore', 'pipe', 'pipe'],
  });
  let out = '';
  child.stdout?.on('data', (d: Buffer) => (out += d.toString()));
  child.stderr?.on('data', (d: Buffer) => (out += d.toString()));
  const output = () => out;
  const url = `http://127.0.0.1:${port}`;
  const stop = async () => {
    if (child.exitCode === null && child.signalCode === null) {
      const exited = new Promise<void>((r) => child.once('exit', () => r()));
      child.kill('SIGTERM');
      const timer = setTimeout(() => child.kill('SIGKILL'), 5000);
      await exited;
      clearTimeout(timer);
    }
    rmSync(dir, { recursive: true, force: true });
  };
  try {
    await waitForHealth(url, child, options.timeoutMs ?? 60_000, output);
  } catch (err) {
    await stop();
    throw err;
  }
  return { url, port, pid: child.pid ?? 0, dbPath, output, stop };
}
