/**
 * Vitest global setup: gives every test file a real Neo4j through
 * `inject('neo4jUri')` (see test/helpers/neo4j.ts).
 *
 * 1. NEO4J_URI set: use that server, start nothing.
 * 2. Java (+ Maven or installed jars): install and start Neo4j from
 *    tools/neo4j on 7687 if free, else on a free port; stop it in teardown.
 * 3. Otherwise (or if the start fails) provide '' and warn loudly, so Neo4j
 *    suites report "NOT RUN", or fail when REQUIRE_NEO4J=1 (CI).
 */
import { rm } from 'node:fs/promises';
import type { TestProject } from 'vitest/node';
// Type-only: pulls in the ProvidedContext declaration of the provided keys.
import type {} from '../helpers/neo4j.js';
import {
  DEFAULT_BOLT_PORT,
  NEO4J_VERSION,
  installNeo4j,
  javaAndMavenAvailable,
  javaAvailable,
  pickBoltPort,
  startNeo4j,
  type RunningNeo4j,
} from '../../tools/neo4j/index.js';

function warnNotRun(reason: string): void {
  const bar = '!'.repeat(72);
  console.warn(
    [
      '',
      bar,
      `!! NEO4J SUITES WILL NOT RUN: ${reason}`,
      process.env.REQUIRE_NEO4J === '1'
        ? '!! REQUIRE_NEO4J=1: every describeNeo4j() suite will FAIL.'
        : '!! describeNeo4j() suites are reported as skipped "NOT RUN (no Neo4j)"; REQUIRE_NEO4J=1 makes them fail.',
      '!! Fix: install Java 17 and Maven, or set NEO4J_URI=bolt://host:port.',
      bar,
      '',
    ].join('\n'),
  );
}

function errorMessage(err: unknown): string {
  return err instanceof Error ? err.message : String(err);
}

/** Start on `port`; if another run grabbed it meanwhile, retry once on a free port. */
async function startOnFreePort(): Promise<RunningNeo4j> {
  const port = await pickBoltPort(DEFAULT_BOLT_PORT);
  try {
    return await startNeo4j({ port, fresh: process.env.NEO4J_FRESH === '1' });
  } catch (err) {
    const message = errorMessage(err);
    if (!/already in use|is running for/.test(message)) throw err;
    const other = await pickBoltPort(0);
    return startNeo4j({ port: other, fresh: process.env.NEO4J_FRESH === '1' });
  }
}

export default async function setup(project: TestProject): Promise<(() => Promise<void>) | undefined> {
  const external = process.env.NEO4J_URI;
  if (external) {
    project.provide('neo4jUri', external);
    project.provide('neo4jSkipReason', '');
    return undefined;
  }

  // No throw here, even with REQUIRE_NEO4J=1: the other suites still run and
  // each Neo4j suite fails on its own with the reason (test/helpers/neo4j.ts).
  const unavailable = (reason: string): undefined => {
    warnNotRun(reason);
    project.provide('neo4jUri', '');
    project.provide('neo4jSkipReason', reason);
    return undefined;
  };

  if (!javaAvailable()) {
    return unavailable('NEO4J_URI is not set and java is not on PATH (nor in JAVA_HOME)');
  }
  if (!javaAndMavenAvailable()) {
    return unavailable('NEO4J_URI is not set, mvn is not on PATH and the Neo4j jars are not installed');
  }

  let server: RunningNeo4j;
  const startedAt = Date.now();
  try {
    await installNeo4j();
    server = await startOnFreePort();
  } catch (err) {
    return unavailable(`starting Neo4j ${NEO4J_VERSION} from tools/neo4j failed: ${errorMessage(err)}`);
  }
  const seconds = ((Date.now() - startedAt) / 1000).toFixed(1);
  console.log(`[neo4j-global] Neo4j ${NEO4J_VERSION} at ${server.uri} (ready in ${seconds}s, home ${server.home})`);

  project.provide('neo4jUri', server.uri);
  project.provide('neo4jSkipReason', '');
  // For child processes that tests spawn (CLI, server); workers use inject().
  process.env.NEO4J_URI = server.uri;

  // A home on a fallback port is single-use; the default port's home is kept
  // so the next run skips creating the stores.
  const throwawayHome = !server.uri.endsWith(`:${DEFAULT_BOLT_PORT}`);

  return async () => {
    delete process.env.NEO4J_URI;
    await server.stop();
    if (throwawayHome) await rm(server.home, { recursive: true, force: true });
  };
}
