/**
 * Node side of tools/neo4j/neo4j.sh: start and stop a real Neo4j server for
 * tests (Vitest global setup) and scripts. All process control stays in the
 * shell script, so CI, developers and tests share one code path.
 */
import { spawn, spawnSync } from 'node:child_process';
import { existsSync, readFileSync } from 'node:fs';
import { createServer } from 'node:net';
import { dirname, join, resolve } from 'node:path';
import { fileURLToPath } from 'node:url';

const TOOL_DIR = dirname(fileURLToPath(import.meta.url));
const SCRIPT = join(TOOL_DIR, 'neo4j.sh');
export const REPO_ROOT = resolve(TOOL_DIR, '..', '..');

/** The pinned Neo4j patch version (tools/neo4j/VERSION), e.g. "5.26.30". */
export const NEO4J_VERSION = readFileSync(join(TOOL_DIR, 'VERSION'), 'utf8').trim();

export const DEFAULT_BOLT_PORT = 7687;

// Above the script's own caps (start 120 s; stop 30 s, or 120 s while the JVM
// writes its class archive), so the script reports the cause, not a kill.
// A cold Maven download takes about a minute, more on a slow link.
const INSTALL_TIMEOUT_MS = 15 * 60_000;
const START_TIMEOUT_MS = 150_000;
const STOP_TIMEOUT_MS = 150_000;

export interface StartOptions {
  /** Bolt port on 127.0.0.1; default 7687. */
  port?: number;
  /** Server home (conf, data, logs, pid); default <repo>/.neo4j/run-<port>. */
  home?: string;
  /** Wipe the data directory before starting. */
  fresh?: boolean;
}

export interface RunningNeo4j {
  uri: string;
  home: string;
  stop: () => Promise<void>;
}

function commandWorks(command: string, args: readonly string[]): boolean {
  const result = spawnSync(command, args, { stdio: 'ignore', timeout: 30_000 });
  return result.error === undefined && result.status === 0;
}

export function javaAvailable(): boolean {
  const javaHome = process.env.JAVA_HOME;
  const java = javaHome ? join(javaHome, 'bin', 'java') : 'java';
  return commandWorks(java, ['-version']);
}

/** True when the jars of the pinned version are already in .neo4j/lib. */
export function jarsInstalled(): boolean {
  const libDir = process.env.NEO4J_LIB_DIR ?? join(REPO_ROOT, '.neo4j', 'lib');
  return existsSync(join(libDir, `neo4j-${NEO4J_VERSION}.jar`));
}

/** Java runs the server; Maven fetches its jars (unless they are already installed). */
export function javaAndMavenAvailable(): boolean {
  return javaAvailable() && (jarsInstalled() || commandWorks('mvn', ['-v']));
}

interface ScriptResult {
  stdout: string;
  stderr: string;
}

class Neo4jScriptError extends Error {
  constructor(
    message: string,
    readonly stdout: string,
    readonly stderr: string,
  ) {
    super(message);
    this.name = 'Neo4jScriptError';
  }
}

/**
 * Runs neo4j.sh and collects its output. stderr is also echoed live when
 * `echo` is set, so a slow download or boot is visible in the test log.
 */
function runScript(args: readonly string[], timeoutMs: number, echo = false): Promise<ScriptResult> {
  return new Promise((resolvePromise, reject) => {
    const child = spawn('bash', [SCRIPT, ...args], {
      cwd: REPO_ROOT,
      stdio: ['ignore', 'pipe', 'pipe'],
      timeout: timeoutMs,
    });
    let stdout = '';
    let stderr = '';
    child.stdout.setEncoding('utf8');
    child.stderr.setEncoding('utf8');
    child.stdout.on('data', (chunk: string) => {
      stdout += chunk;
      if (echo) process.stdout.write(chunk);
    });
    child.stderr.on('data', (chunk: string) => {
      stderr += chunk;
      if (echo) process.stderr.write(chunk);
    });
    child.on('error', (err) => {
      reject(new Neo4jScriptError(`neo4j.sh ${args.join(' ')}: ${err.message}`, stdout, stderr));
    });
    child.on('close', (code, signal) => {
      if (code === 0) {
        resolvePromise({ stdout, stderr });
        return;
      }
      const how = signal ? `was killed by ${signal}` : `exited with ${String(code)}`;
      const tail = stderr.trim().split('\n').slice(-40).join('\n');
      reject(new Neo4jScriptError(`neo4j.sh ${args.join(' ')} ${how}\n${tail}`, stdout, stderr));
    });
  });
}

/** Fetches the jars of the pinned version (no-op when present). */
export async function installNeo4j(): Promise<void> {
  await runScript(['install'], INSTALL_TIMEOUT_MS, true);
}

function defaultHome(port: number): string {
  return join(REPO_ROOT, '.neo4j', `run-${port}`);
}

/** Starts a server (or reuses the one already running for that home) and waits for Bolt. */
export async function startNeo4j(options: StartOptions = {}): Promise<RunningNeo4j> {
  const port = options.port ?? DEFAULT_BOLT_PORT;
  const home = resolve(options.home ?? defaultHome(port));
  const args = ['start', '--port', String(port), '--home', home];
  if (options.fresh) args.push('--fresh');
  const { stdout } = await runScript(args, START_TIMEOUT_MS);
  const match = /^neo4j ready (bolt:\/\/\S+)$/m.exec(stdout);
  if (!match?.[1]) {
    throw new Neo4jScriptError(`neo4j.sh start printed no ready line:\n${stdout}`, stdout, '');
  }
  const uri = match[1];
  return { uri, home, stop: () => stopNeo4j(home) };
}

/** Stops the server of `home` by its own PID (TERM, then KILL). */
export async function stopNeo4j(home: string): Promise<void> {
  await runScript(['stop', '--home', resolve(home)], STOP_TIMEOUT_MS);
}

function portIsFree(port: number): Promise<boolean> {
  return new Promise((resolvePromise) => {
    const server = createServer();
    server.once('error', () => resolvePromise(false));
    server.listen({ port, host: '127.0.0.1', exclusive: true }, () => {
      server.close(() => resolvePromise(true));
    });
  });
}

function ephemeralPort(): Promise<number> {
  return new Promise((resolvePromise, reject) => {
    const server = createServer();
    server.once('error', reject);
    server.listen({ port: 0, host: '127.0.0.1', exclusive: true }, () => {
      const address = server.address();
      const port = typeof address === 'object' && address !== null ? address.port : 0;
      server.close(() => (port > 0 ? resolvePromise(port) : reject(new Error('no free port'))));
    });
  });
}

/** `preferred` if nothing listens on it, else a free ephemeral port. */
export async function pickBoltPort(preferred: number = DEFAULT_BOLT_PORT): Promise<number> {
  return (await portIsFree(preferred)) ? preferred : ephemeralPort();
}
