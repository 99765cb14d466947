// GET /api/graph latency at 1k / 10k / 100k actors on SQLite and Neo4j (section `graph-read` of docs/benchmarks.md).
// `npx tsx test/bench/run.ts graph-read`; starts its own Neo4j (3 GB heap) unless NEO4J_URI is set.
// BENCH_GRAPH_SIZES (default 1000,10000,100000), BENCH_GRAPH_NEO4J_SIZES (default 1000,10000: a 100k import into
// Neo4j takes many minutes at the current import rate).
import { mkdtempSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import neo4j from 'neo4j-driver';
import type { FastifyInstance } from 'fastify';
import { generateNetwork } from '../../core/synthetic/generate.js';
import type { NodeInput } from '../../core/model/records.js';
import { buildApp } from '../../server/app.js';
import { GraphService } from '../../server/services/graph-service.js';
import type { GraphStore } from '../../server/store/graph-store.js';
import { SqliteStore } from '../../server/store/sqlite/sqlite-store.js';
import { Neo4jStore } from '../../server/store/neo4j/neo4j-store.js';
import { pickBoltPort, startNeo4j, type RunningNeo4j } from '../../tools/neo4j/index.js';
import { HttpClientProcess } from './http-client.js';
import { fmt, machine, writeSection } from './report.js';

const CHUNK = 20_000;
const GOAL_MS = 300;
const sizesFrom = (v: string | undefined, d: number[]) => (v ? v.split(',').map(Number) : d);
const SIZES = sizesFrom(process.env.BENCH_GRAPH_SIZES, [1_000, 10_000, 100_000]);
const NEO4J_SIZES = sizesFrom(process.env.BENCH_GRAPH_NEO4J_SIZES, [1_000, 10_000]);

interface Timing {
  wall: number;
  cpu: number;
}
interface Row {
  store: string;
  actors: number;
  nodes: number;
  relations: number;
  mb: number;
  cold: Timing;
  miss: Timing;
  read: Timing;
  hit: Timing;
}

async function load(store: GraphStore, actors: number): Promise<void> {
  const batch = generateNetwork({ actors, seed: 5 });
  const service = new GraphService(store);
  for (let i = 0; i < batch.nodes.length; i += CHUNK)
    await service.importBatch({ nodes: batch.nodes.slice(i, i + CHUNK), relations: [] }, { actor: 'bench' });
  for (let i = 0; i < batch.relations.length; i += CHUNK)
    await service.importBatch({ nodes: [], relations: batch.relations.slice(i, i + CHUNK) }, { actor: 'bench' });
}

/**
 * One GET from the client process: wall time as the client sees it, and the CPU this (the server's) process spent
 * meanwhile, which other work on the 2 cores does not inflate.
 */
async function timedGet(client: HttpClientProcess, url: string): Promise<Timing & { bytes: number }> {
  const c = process.cpuUsage();
  const { ms, bytes } = await client.get(`${url}/api/graph`);
  const used = process.cpuUsage(c);
  return { wall: ms, cpu: (used.user + used.system) / 1000, bytes };
}

const median = (xs: Timing[]): Timing => {
  const m = (v: number[]) => v.sort((a, b) => a - b)[Math.floor(v.length / 2)];
  return { wall: m(xs.map((x) => x.wall)), cpu: m(xs.map((x) => x.cpu)) };
};

/**
 * cold = the first GET after the import; miss = after a write by a second store connection (the revision moved: the
 * cache patches its graph from the history); hit = the cached answer (revision unchanged); read = a server without
 * the graph cache (read from the store and built every time).
 */
async function measure(name: string, store: GraphStore, writer: GraphStore, actors: number): Promise<Row> {
  const app: FastifyInstance = await buildApp({
    store,
    security: { maxGraphNodes: 10_000_000, maxGraphRelations: 50_000_000 },
  });
  // Closing the app would close the store, which the caller owns: only the HTTP server is closed.
  const url = await app.listen({ port: 0, host: '127.0.0.1' });
  const client = new HttpClientProcess();
  try {
    await fetch(`${url}/api/health`).then((r) => r.arrayBuffer());
    const cold = await timedGet(client, url);
    const misses: Timing[] = [];
    const hits: Timing[] = [];
    for (let i = 0; i < 3; i++) {
      const n: NodeInput = { id: `org:bench-${actors}-${i}`, kind: 'Organisation', name: `Bench ${i}`, props: {} };
      await writer.createNode(n, { actor: 'bench' });
      // Past the graph cache's reuse of the Neo4j revision (500 ms), so the next GET sees the write and reads.
      await new Promise((resolve) => setTimeout(resolve, 600));
      misses.push(await timedGet(client, url));
      hits.push(await timedGet(client, url));
    }
    const reads: Timing[] = [];
    const bare: FastifyInstance = await buildApp({
      store,
      graphCache: { enabled: false },
      security: { maxGraphNodes: 10_000_000, maxGraphRelations: 50_000_000 },
    });
    const bareUrl = await bare.listen({ port: 0, host: '127.0.0.1' });
    try {
      for (let i = 0; i < 3; i++) reads.push(await timedGet(client, bareUrl));
    } finally {
      await new Promise<void>((resolve) => bare.server.close(() => resolve()));
    }
    const stats = await store.stats();
    console.log(`${name} ${actors}: cold ${cold.wall.toFixed(0)} ms, miss ${median(misses).wall.toFixed(0)} ms`);
    return {
      store: name,
      actors,
      nodes: stats.nodes,
      relations: stats.relations,
      mb: cold.bytes / 2 ** 20,
      cold,
      miss: median(misses),
      read: median(reads),
      hit: median(hits),
    };
  } finally {
    client.close();
    await new Promise<void>((resolve) => app.server.close(() => resolve()));
  }
}

async function benchSqlite(rows: Row[]): Promise<void> {
  const dir = mkdtempSync(join(tmpdir(), 'aktorsatlas-graph-read-'));
  for (const n of SIZES) {
    const path = join(dir, `graph-${n}.db`);
    const store = new SqliteStore(path);
    await load(store, n);
    const writer = new SqliteStore(path);
    rows.push(await measure('SQLite', store, writer, n));
    await writer.close();
    await store.close();
  }
}

async function benchNeo4j(rows: Row[]): Promise<void> {
  let running: RunningNeo4j | undefined;
  let uri = process.env.NEO4J_URI;
  if (!uri) {
    process.env.NEO4J_HEAP = process.env.NEO4J_HEAP ?? '3g';
    running = await startNeo4j({
      port: await pickBoltPort(7697),
      home: mkdtempSync(join(tmpdir(), 'neo4j-graph-read-')),
      fresh: true,
    });
    uri = running.uri;
  }
  const driver = neo4j.driver(uri);
  try {
    for (const n of NEO4J_SIZES) {
      // Community has one database: empty it, so each size is measured alone.
      // CALL … IN TRANSACTIONS runs only in an auto-commit transaction (session.run), not in executeQuery's.
      const session = driver.session({ database: 'neo4j' });
      try {
        await session.run('MATCH (n) CALL (n) { DETACH DELETE n } IN TRANSACTIONS OF 10000 ROWS');
      } finally {
        await session.close();
      }
      const store = await Neo4jStore.open({ uri, database: 'neo4j' });
      const writer = await Neo4jStore.open({ uri, database: 'neo4j' });
      await load(store, n);
      rows.push(await measure('Neo4j 5.26', store, writer, n));
      await writer.close();
      await store.close();
    }
  } finally {
    await driver.close();
    await running?.stop();
  }
}

const ms = (t: Timing) => `${fmt(t.wall)} ms (${fmt(t.cpu)})`;

export async function benchGraphRead(): Promise<string> {
  const load0 = loadavg()[0].toFixed(1);
  const rows: Row[] = [];
  await benchSqlite(rows);
  await benchNeo4j(rows);
  const goal = rows.find((r) => r.store === 'SQLite' && r.actors === 10_000);
  const goalLine = goal
    ? `Goal: 10k actors in under ${GOAL_MS} ms from SQLite (a read from the store: the read column). Measured ` +
      `${fmt(goal.read.wall)} ms wall, ${fmt(goal.read.cpu)} ms CPU: ` +
      (goal.read.wall < GOAL_MS
        ? '**met**.'
        : `**missed** by ${fmt(goal.read.wall - GOAL_MS)} ms (${fmt(goal.read.wall / GOAL_MS, 1)}×).`) +
      ' A cached answer (hit) is much faster; see the hit column.'
    : 'Goal: 10k actors in under 300 ms from SQLite: not measured in this run.';
  const neo = rows.find((r) => r.store !== 'SQLite' && r.actors === 10_000);
  const afterWrite =
    goal && neo
      ? `GET after a write at 10k actors (miss column), goal Neo4j within 2× of SQLite: Neo4j ${fmt(neo.miss.wall)} ms, ` +
        `SQLite ${fmt(goal.miss.wall)} ms: ${fmt(neo.miss.wall / goal.miss.wall, 1)}× ` +
        (neo.miss.wall <= 2 * goal.miss.wall ? '(**met**).' : '(**missed**).')
      : 'GET after a write at 10k actors, Neo4j against SQLite: not measured in this run.';
  return [
    '## Graph reads: GET /api/graph latency',
    '',
    `Command: \`npx tsx test/bench/run.ts graph-read\` (\`test/bench/graph-read.ts\`). Machine: ${machine()}; load average ` +
      `before the run ${load0} (other work on the 2 cores inflates wall times; CPU time of the server's process in brackets).`,
    'A synthetic network (`generateNetwork({ actors, seed: 5 })`) imported through the service; the whole graph as',
    'graphology JSON over HTTP on 127.0.0.1, uncompressed, fetched by a client in its own process, as a browser would (time until the',
    'whole body is received, as the client sees it). cold = the first GET; miss = median of three GETs',
    'each after a write by a second store connection (revision changed: the cache reads the new history entries and',
    'patches its graph, then copies the bytes of its fragments into one body and hashes it); hit = median of three GETs with the revision unchanged (the',
    'cached bytes); read = median of three GETs from a server without the graph cache (read from the store and built).',
    '',
    goalLine,
    afterWrite,
    '',
    '| store | actors | nodes | relations | MiB | cold ms (CPU) | miss ms (CPU) | hit ms (CPU) | read ms (CPU) |',
    '|---|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...rows.map(
      (r) =>
        `| ${r.store} | ${fmt(r.actors)} | ${fmt(r.nodes)} | ${fmt(r.relations)} | ${fmt(r.mb, 1)} | ${ms(r.cold)} | ${ms(r.miss)} | ${ms(r.hit)} | ${ms(r.read)} |`,
    ),
    ...(NEO4J_SIZES.includes(100_000)
      ? []
      : [
          '',
          'Neo4j at 100k actors is not in the default run: the import alone takes many minutes at the current rate',
          '(set BENCH_GRAPH_NEO4J_SIZES=1000,10000,100000 to include it).',
        ]),
  ].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) writeSection('graph-read', await benchGraphRead());
