// `npm run bench -- engine`: the analysis kernel against python-igraph's C core on unweighted G(n, 5n), in one
// run: path pass CPU (JS and WebAssembly kernels), wall time with two pool threads, and one Louvain run.
import { spawnSync } from 'node:child_process';
import { mkdtempSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UndirectedGraph } from 'graphology';
import { compactGraph, type CompactGraph } from '../../core/analysis/compact.js';
import { shortestPathMetrics } from '../../core/analysis/centrality/paths.js';
import { louvainCommunities } from '../../core/analysis/communities.js';
import { connectedComponents, largestComponent } from '../../core/analysis/components.js';
import { mulberry32 } from '../../core/analysis/rng.js';
import { WorkPool } from '../../server/jobs/pool.js';
import { parallelShortestPaths } from '../../server/jobs/path-task.js';
import { enginePython } from './engine-python.js';
import { fmt } from './report.js';

const SCRIPT = fileURLToPath(new URL('./engine-igraph.py', import.meta.url));

/** Seeded G(n, m), m = 5n distinct ties (the panel bench's generator). */
function randomEdges(n: number, seed: number): Array<[number, number]> {
  const rnd = mulberry32(seed);
  const seen = new Set<number>();
  const edges: Array<[number, number]> = [];
  while (edges.length < 5 * n) {
    const a = Math.floor(rnd() * n);
    const b = Math.floor(rnd() * n);
    const key = a < b ? a * n + b : b * n + a;
    if (a === b || seen.has(key)) continue;
    seen.add(key);
    edges.push([a, b]);
  }
  return edges;
}

function compact(n: number, edges: Array<[number, number]>): CompactGraph {
  const g = new UndirectedGraph();
  for (let i = 0; i < n; i++) g.addNode(String(i));
  for (const [a, b] of edges) g.addEdge(String(a), String(b));
  return compactGraph(g);
}

/** Best of `reps` runs: CPU ms of this process (user + system) and wall ms. */
function best(fn: () => void, reps: number): { cpu: number; wall: number } {
  let cpu = Infinity;
  let wall = Infinity;
  for (let r = 0; r < reps; r++) {
    const c0 = process.cpuUsage();
    const w0 = performance.now();
    fn();
    const c = process.cpuUsage(c0);
    cpu = Math.min(cpu, (c.user + c.system) / 1000);
    wall = Math.min(wall, performance.now() - w0);
  }
  return { cpu, wall };
}

interface IgraphRun {
  version: string;
  paths: { cpu: number; wall: number };
  louvain: { cpu: number; wall: number };
}

function runIgraph(python: string, file: string, reps: number): IgraphRun {
  const r = spawnSync(python, [SCRIPT, file, String(reps)], { encoding: 'utf8', maxBuffer: 1 << 24 });
  if (r.status !== 0) throw new Error(`igraph side failed: ${r.stderr}`);
  const out = JSON.parse(r.stdout) as IgraphRun;
  const ms = (x: { cpu: number; wall: number }) => ({ cpu: x.cpu * 1000, wall: x.wall * 1000 });
  return { version: out.version, paths: ms(out.paths), louvain: ms(out.louvain) };
}

interface Row {
  n: number;
  js: number;
  wasm: number;
  igraphCpu: number;
  twoWall: number;
  igraphWall: number;
  louvainOurs: number;
  louvainJs: number;
  louvainIgraph: number;
}

async function measure(n: number, python: string, pool: WorkPool, dir: string): Promise<[Row, string]> {
  const edges = randomEdges(n, 7);
  const g = compact(n, edges);
  const file = join(dir, `g${n}.json`);
  writeFileSync(file, JSON.stringify({ n, edges }));
  const reps = n <= 1000 ? 5 : n <= 5000 ? 2 : 1;
  const comps = connectedComponents(g);
  const marked = { componentOf: comps.of, component: largestComponent(comps) };
  const js = best(() => shortestPathMetrics(g, { ...marked, kernel: 'js' }), reps);
  const wasm = best(() => shortestPathMetrics(g, { ...marked, kernel: 'wasm' }), reps);
  let twoWall = Infinity;
  for (let r = 0; r < reps; r++) {
    const w0 = performance.now();
    await parallelShortestPaths(pool, g, marked, 2);
    twoWall = Math.min(twoWall, performance.now() - w0);
  }
  const lreps = Math.max(reps, 3);
  const louvainOurs = best(() => louvainCommunities(g, { restarts: 1, kernel: 'auto' }), lreps).cpu;
  const louvainJs = best(() => louvainCommunities(g, { restarts: 1, kernel: 'js' }), lreps).cpu;
  const ig = runIgraph(python, file, reps);
  const row: Row = {
    n,
    js: js.cpu,
    wasm: wasm.cpu,
    igraphCpu: ig.paths.cpu,
    twoWall,
    igraphWall: ig.paths.wall,
    louvainOurs,
    louvainJs,
    louvainIgraph: ig.louvain.cpu,
  };
  return [row, ig.version];
}

const ratio = (a: number, b: number) => `${fmt(a / b, 2)}×`;

function table(rows: Row[]): string[] {
  return [
    '| actors | path CPU: ours JS | ours wasm | igraph | wasm ÷ igraph (target ≤ 0.65) | wall, 2 threads | igraph wall | ÷ (target ≤ 0.4) | Louvain 1 run: ours | JS port | igraph | ÷ (target ≤ 1.5) |',
    '|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...rows.map((r) =>
      [
        '',
        fmt(r.n),
        `${fmt(r.js)} ms`,
        `${fmt(r.wasm)} ms`,
        `${fmt(r.igraphCpu)} ms`,
        ratio(r.wasm, r.igraphCpu),
        `${fmt(r.twoWall)} ms`,
        `${fmt(r.igraphWall)} ms`,
        ratio(r.twoWall, r.igraphWall),
        `${fmt(r.louvainOurs, 1)} ms`,
        `${fmt(r.louvainJs, 1)} ms`,
        `${fmt(r.louvainIgraph, 1)} ms`,
        ratio(r.louvainOurs, r.louvainIgraph),
        '',
      ]
        .join(' | ')
        .trim(),
    ),
  ];
}

export async function benchEngine(sizes = [1000, 5000, 10000]): Promise<string> {
  const python = await enginePython();
  const dir = mkdtempSync(join(tmpdir(), 'engine-bench-'));
  const pool = new WorkPool({ threads: 2 });
  await pool.run('ping', null);
  await Promise.all([pool.run('ping', null), pool.run('ping', null)]);
  const loadBefore = loadavg();
  const rows: Row[] = [];
  let version = '';
  try {
    for (const n of sizes) {
      const [row, v] = await measure(n, python, pool, dir);
      rows.push(row);
      version = v;
      console.log(`[engine] ${n}: ${JSON.stringify(row)}`);
    }
  } finally {
    await pool.close();
    rmSync(dir, { recursive: true, force: true });
  }
  const load = (l: number[]) => l.map((x) => fmt(x, 2)).join(', ');
  return [
    '## Analysis kernel vs python-igraph',
    '',
    ...table(rows),
    '',
    `python-igraph ${version}, single thread. Graphs: seeded G(n, 5n), unweighted, undirected, one file both sides read.`,
    'Path pass = betweenness + closeness + harmonic (ours: one shared BFS per source; igraph: its three calls). CPU is',
    "each process's own (ours `process.cpuUsage`, igraph `time.process_time`), best of 5/2/1 runs at 1k/5k/10k.",
    'Wall with two threads: the worker pool (server/jobs/path-task.ts), graph in a SharedArrayBuffer, sums merged in',
    'slice order, against igraph single-threaded wall. Louvain: one run each (ours: the WebAssembly kernel, and the JS',
    'port for reference; igraph: `community_multilevel`), CPU.',
    `Load average (1, 5, 15 min) before: ${load(loadBefore)}; after: ${load(loadavg())}. The targets assume an idle machine.`,
  ].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) {
  const { writeSection } = await import('./report.js');
  const text = await benchEngine();
  writeSection('engine', text);
  console.log(text);
}
