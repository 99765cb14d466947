// Key-actor panel: ours (core/analysis runPanel) against NetworkX, python-igraph and networkit in the same run at
// 1k and 5k actors (per metric and whole panel, CPU and wall), our own time at 10k (exact) and 100k (estimated path
// metrics, betweenness with a stated (ε, δ)), and the accuracy of sampling against exact values.
// NetworkX at the largest comparison size (minutes) runs in child processes beside all our own runs (2 cores: one
// each); every side is compared by the CPU time of its own process. The libraries come from the bench venv
// (test/bench/py/venv.ts).
// `npx tsx test/bench/panel.ts` or `npx tsx test/bench/run.ts panel`; sizes can be changed with BENCH_PANEL_COMPARE,
// BENCH_PANEL_EXACT and BENCH_PANEL_SAMPLED (comma-separated actor counts).
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { UndirectedGraph } from 'graphology';
import { shortestPathMetrics } from '../../core/analysis/centrality/paths.js';
import { compactGraph } from '../../core/analysis/compact.js';
import { runPanel, type PanelResult } from '../../core/analysis/panel.js';
import { mulberry32 } from '../../core/analysis/rng.js';
import { DEFAULT_GUARANTEE, guaranteedBetweenness } from '../../core/analysis/sampling/betweenness.js';
import { accuracy, type Accuracy } from './accuracy.js';
import { runLibrary, type PyRun } from './py/run.js';
import { libraryVersions } from './py/venv.js';
import { fmt, machine, writeSection } from './report.js';

/** Pivots of the sampled path metrics (Brandes–Pich), the same k at every size. */
const SAMPLES = 500;

/** Seeded G(n, m) with m = n·meanDegree/2 distinct ties, no self-loops. */
function randomGraph(n: number, meanDegree: number, seed: number): Int32Array {
  const rnd = mulberry32(seed);
  const m = Math.round((n * meanDegree) / 2);
  const seen = new Set<number>();
  const edges = new Int32Array(2 * m);
  let e = 0;
  while (e < m) {
    const a = Math.floor(rnd() * n);
    const b = Math.floor(rnd() * n);
    if (a === b) continue;
    const key = a < b ? a * n + b : b * n + a;
    if (seen.has(key)) continue;
    seen.add(key);
    edges[2 * e] = a;
    edges[2 * e + 1] = b;
    e++;
  }
  return edges;
}

function toGraph(n: number, edges: Int32Array): UndirectedGraph {
  const g = new UndirectedGraph();
  for (let i = 0; i < n; i++) g.addNode(String(i));
  for (let e = 0; e < edges.length; e += 2) g.addEdge(String(edges[e]), String(edges[e + 1]));
  return g;
}

interface Ours {
  /** Wall time and CPU time of this process (process.cpuUsage: user + system), ms. */
  ms: number;
  cpuMs: number;
  phases: Record<string, number>;
  result: PanelResult;
}

function cpuSince(start: NodeJS.CpuUsage): number {
  const u = process.cpuUsage(start);
  return (u.user + u.system) / 1000;
}

/** Louvain runs at the sampled (100k) size: one run, not the panel's 10 (stated in the table). */
const SAMPLED_RESTARTS = 1;

function runOurs(g: UndirectedGraph, samples: number | null, restarts = 10): Ours {
  const phases: Record<string, number> = {};
  const t = performance.now();
  const c = process.cpuUsage();
  let next = 0.25;
  // Progress on large graphs, so a slow run is visibly alive.
  const onProgress = (f: number) => {
    if (g.order < 10_000 || f < next) return;
    console.log(`[panel]   n=${g.order}: ${Math.round(f * 100)} % after ${secs(performance.now() - t)}`);
    next = Math.floor(f * 4) / 4 + 0.25;
  };
  const result = runPanel(g, { seed: 42, samples, restarts, timings: phases, onProgress });
  const ms = performance.now() - t;
  return { ms, cpuMs: cpuSince(c), phases, result };
}

interface NxRun extends PyRun {
  betweenness: number[];
}

/** NetworkX on the same graph file, in its own process (started now, awaited later); progress goes to stderr. */
async function runNetworkx(
  file: string,
  out: string,
  part: 'all' | 'betweenness' | 'rest' = 'all',
): Promise<NxRun | string> {
  const run = await runLibrary('networkx', [file, part === 'rest' ? '-' : out, part]);
  if (typeof run === 'string') return run;
  const betweenness = part === 'rest' ? [] : (JSON.parse(readFileSync(out, 'utf8')) as number[]);
  return { ...run, betweenness };
}

/**
 * NetworkX in two processes, betweenness in one and the rest in the other, so the long run fits the bench's time
 * budget on two cores. CPU times add up to the whole; wall time is the longer of the two.
 */
async function runNetworkxSplit(file: string, out: string): Promise<NxRun | string> {
  const [b, rest] = await Promise.all([runNetworkx(file, out, 'betweenness'), runNetworkx(file, out, 'rest')]);
  if (typeof b === 'string') return b;
  if (typeof rest === 'string') return rest;
  return {
    seconds: { ...rest.seconds, ...b.seconds },
    cpu: { ...rest.cpu, ...b.cpu },
    total: Math.max(b.total, rest.total),
    totalCpu: b.totalCpu + rest.totalCpu,
    betweenness: b.betweenness,
  };
}

/** Brandes–Pich: the sampled path pass alone (k pivots, as `samples` = k). */
function sampledPaths(g: UndirectedGraph): Estimate {
  const cg = compactGraph(g);
  const t = performance.now();
  const p = shortestPathMetrics(cg, { samples: SAMPLES, sampleSeed: 42 });
  return { ms: performance.now() - t, betweenness: p.betweenness, label: `Brandes–Pich, k = ${fmt(SAMPLES)}` };
}

/** Riondato–Kornaropoulos with the panel's default (ε, δ): what the panel uses above its exact-cost budget. */
function guaranteedPaths(g: UndirectedGraph): Estimate {
  const cg = compactGraph(g);
  const t = performance.now();
  const r = guaranteedBetweenness(cg, { ...DEFAULT_GUARANTEE, seed: 42 });
  const label = `Riondato–Kornaropoulos, r = ${fmt(r.samples)} paths`;
  return { ms: performance.now() - t, betweenness: r.betweenness, label, epsilon: r.epsilon, delta: r.delta };
}

interface Estimate {
  ms: number;
  betweenness: Float64Array;
  label: string;
  epsilon?: number;
  delta?: number;
}

const secs = (ms: number) => `${fmt(ms / 1000, ms < 10_000 ? 2 : 1)} s`;
const exactBetweenness = (r: PanelResult, n: number) =>
  Float64Array.from({ length: n }, (_, i) => r.nodes[i].betweenness);

function accuracyRow(n: number, est: Estimate, against: string, a: Accuracy): string {
  const stated =
    est.epsilon === undefined
      ? 'none'
      : `${est.epsilon} (δ = ${est.delta}): ${a.maxAbsError <= est.epsilon ? 'holds' : '**exceeded**'}`;
  return `| ${fmt(n)} | ${est.label} | ${against} | ${fmt(a.spearmanTop, 3)} | ${a.top10Overlap} / 10 | ${a.maxAbsError.toExponential(2)} (${fmt((100 * a.maxAbsError) / a.maxExact, 1)} % of max) | ${stated} | ${secs(est.ms)} |`;
}

/** Our phases and the libraries' timed blocks, grouped so that each row computes the same outputs. */
const BREAKDOWN: Array<[string, string[], string[]]> = [
  [
    'Shortest paths: betweenness, closeness, harmonic, diameter, average path length',
    ['paths'],
    ['betweenness', 'paths'],
  ],
  ['Eigenvector (per component)', ['eigenvector'], ['eigenvector']],
  ['PageRank', ['pagerank'], ['pagerank']],
  ['Core number', ['coreNumber'], ['coreNumber']],
  ['Clustering', ['clustering'], ['clustering']],
  ["Burt's constraint, effective size, efficiency (ours: and hierarchy)", ['structuralHoles'], ['structuralHoles']],
  ['Cut points, bridges, "if this actor left"', ['cutPoints'], ['cutPoints']],
  ['Louvain (10 seeded runs) and block structure', ['louvain'], ['louvain']],
  ['Brokerage (Gould–Fernandez)', ['brokerage'], []],
  ['Degree, graph-level measures, conversion, result', ['prepare', 'degree', 'assemble'], ['degree', 'graph']],
];

/** Sizes from an environment variable ("1000,5000"; empty = none), else the defaults of issue #8. */
function sizes(name: string, fallback: number[]): number[] {
  const v = process.env[name];
  if (v === undefined) return fallback;
  return v
    .split(',')
    .map((x) => Number(x.trim()))
    .filter((x) => Number.isInteger(x) && x > 2);
}

/** Writes the graph file every side reads. */
function writeGraph(file: string, n: number, edges: Int32Array): void {
  const pairs = Array.from({ length: edges.length / 2 }, (_, e) => [edges[2 * e], edges[2 * e + 1]]);
  writeFileSync(file, JSON.stringify({ n, edges: pairs }));
}

type Others = { networkx: NxRun | string; igraph: PyRun | string; networkit: PyRun | string };
const LIBS = ['networkx', 'igraph', 'networkit'] as const;
const LIB_NAMES = { networkx: 'NetworkX', igraph: 'igraph', networkit: 'networkit' } as const;

/** CPU of a library's blocks, or why there is none. */
function libCpuMs(run: PyRun | string, blocks: string[], lib: (typeof LIBS)[number]): number | string {
  if (typeof run === 'string') return '–';
  if (blocks.length === 0 || blocks.some((b) => run.missing?.includes(b) || !(b in run.cpu)))
    return `not in ${LIB_NAMES[lib]}`;
  return blocks.reduce((t, b) => t + run.cpu[b] * 1000, 0);
}

const ratioCell = (theirs: number | string, ours: number) =>
  typeof theirs === 'number' && ours > 0 ? `${fmt(theirs / ours, 1)}×` : '–';

/** The per-metric table at the largest comparison size, with the goals checked from it. */
function breakdownRows(n: number, ours: Ours, others: Others): string[] {
  const rows = BREAKDOWN.map(([label, mine, theirs]) => {
    const a = mine.reduce((t, k) => t + (ours.phases[k] ?? 0), 0);
    const libs = LIBS.map((lib) => libCpuMs(others[lib], theirs, lib));
    const cells = libs.map((x) => (typeof x === 'number' ? secs(x) : x));
    return `| ${label} | ${secs(a)} | ${cells.join(' | ')} | ${libs.map((x) => ratioCell(x, a)).join(' | ')} |`;
  });
  const nx = others.networkx;
  if (typeof nx === 'string') return rows;
  const x = (nx.totalCpu * 1000) / ours.cpuMs;
  const pathsNx = libCpuMs(nx, ['betweenness', 'paths'], 'networkx');
  const pathsX = typeof pathsNx === 'number' ? pathsNx / (ours.phases.paths ?? Infinity) : 0;
  const verdict = (v: number, goal: number) =>
    v >= goal ? `**met** (${fmt(v, 1)}×)` : `**missed** by a factor ${fmt(goal / v, 2)} (${fmt(v, 1)}×)`;
  return [
    ...rows,
    '',
    `Goal ≥ 10× NetworkX for the whole panel at ${fmt(n)} actors, by CPU time (issue #4): ${verdict(x, 10)}.`,
    `Goal NetworkX ÷ ours ≥ 30× for the path metrics at ${fmt(n)} actors (issue #23, done-when 2; ours by wall time, a lower bound): ${verdict(pathsX, 30)}.`,
  ];
}

/** One row of the whole-panel table. */
function panelRow(n: number, ties: number, paths: string, ours: Ours, others: Others | null): string {
  const cells = [`${secs(ours.cpuMs)}`, `${secs(ours.ms)}`];
  const ratios: string[] = [];
  for (const lib of LIBS) {
    const run = others?.[lib];
    if (run === undefined) cells.push('not run', '–');
    else if (typeof run === 'string') cells.push(run, '–');
    else cells.push(secs(run.totalCpu * 1000), secs(run.total * 1000));
    ratios.push(run && typeof run !== 'string' ? `**${fmt((run.totalCpu * 1000) / ours.cpuMs, 1)}×**` : '–');
  }
  return `| ${fmt(n)} | ${fmt(ties)} | ${paths} | ${cells.join(' | ')} | ${ratios.join(' | ')} |`;
}

/** igraph and networkit on the graph file, one after the other (each seconds at these sizes). */
async function runFast(file: string): Promise<Pick<Others, 'igraph' | 'networkit'>> {
  const igraph = await runLibrary('igraph', [file]);
  const networkit = await runLibrary('networkit', [file]);
  return { igraph, networkit };
}

interface Tables {
  compareRows: string[];
  ownRows: string[];
  accuracyRows: string[];
  breakdown: string[];
}

/** The comparison sizes: ours, then the libraries (NetworkX at the largest size started first, in the background). */
async function compareSizes(compare: number[], dir: string, t: Tables, log: (s: string) => void): Promise<void> {
  const largest = Math.max(...compare);
  const bigFile = join(dir, `g${largest}.json`);
  writeGraph(bigFile, largest, randomGraph(largest, 10, 7));
  // NetworkX at the largest size takes minutes: it runs beside everything else here (2 cores). Ratios use CPU
  // time, which waiting for a core does not inflate.
  const background = runNetworkxSplit(bigFile, join(dir, `nx-b${largest}.json`));
  log(`n=${largest}: NetworkX started in two processes (betweenness | the rest)`);
  for (const n of [...compare].sort((a, b) => a - b)) {
    const edges = randomGraph(n, 10, 7);
    const g = toGraph(n, edges);
    const ours = runOurs(g, null);
    const estimates = [sampledPaths(g), guaranteedPaths(g)];
    log(`n=${n}: ours ${secs(ours.cpuMs)} CPU, ${secs(ours.ms)} wall`);
    const file = join(dir, `g${n}.json`);
    if (n !== largest) writeGraph(file, n, edges);
    const fast = await runFast(file);
    const networkx = n === largest ? await background : await runNetworkx(file, join(dir, `nx-b${n}.json`));
    const others: Others = { networkx, ...fast };
    for (const lib of LIBS) {
      const r = others[lib];
      log(
        `n=${n}: ${lib} ${typeof r === 'string' ? r : `${secs(r.totalCpu * 1000)} CPU, ${secs(r.total * 1000)} wall`}`,
      );
    }
    t.compareRows.push(panelRow(n, g.size, 'exact', ours, others));
    if (typeof networkx !== 'string')
      for (const e of estimates)
        t.accuracyRows.push(accuracyRow(n, e, 'NetworkX exact', accuracy(networkx.betweenness, e.betweenness)));
    if (n === largest) t.breakdown = breakdownRows(n, ours, others);
  }
}

/** Our own exact runs (10k) with the sampling accuracy against them, and the estimated panel at 100k. */
function ownSizes(ownExact: number[], ownSampled: number[], t: Tables, log: (s: string) => void): void {
  for (const n of ownExact) {
    const g = toGraph(n, randomGraph(n, 10, 7));
    const ours = runOurs(g, null);
    log(`n=${n}: ours exact ${secs(ours.cpuMs)} CPU, ${secs(ours.ms)} wall`);
    t.ownRows.push(panelRow(n, g.size, 'exact', ours, null));
    const exact = exactBetweenness(ours.result, n);
    for (const e of [sampledPaths(g), guaranteedPaths(g)])
      t.accuracyRows.push(accuracyRow(n, e, 'ours exact', accuracy(exact, e.betweenness)));
  }
  for (const n of ownSampled) {
    const g = toGraph(n, randomGraph(n, 10, 7));
    log(`n=${n}: graph built, running the panel (automatic: estimated path metrics)…`);
    const ours = runOurs(g, null, SAMPLED_RESTARTS);
    const slow = Object.entries(ours.phases)
      .filter(([, ms]) => ms > 5000)
      .map(([k, ms]) => `${k} ${secs(ms)}`)
      .join(', ');
    log(`n=${n}: ours ${secs(ours.cpuMs)} CPU, ${secs(ours.ms)} wall${slow ? ` (${slow})` : ''}`);
    const gu = ours.result.paths.guarantee;
    const how = gu
      ? `betweenness estimated, ε = ${gu.epsilon}, δ = ${gu.delta} (r = ${fmt(gu.samples)} paths); closeness, harmonic from k = ${fmt(ours.result.paths.sources)} sources; Louvain ${SAMPLED_RESTARTS} run`
      : `paths ${ours.result.paths.exact ? 'exact' : `sampled, k = ${ours.result.paths.sources}`}; Louvain ${SAMPLED_RESTARTS} run`;
    t.ownRows.push(panelRow(n, g.size, how, ours, null));
  }
}

export async function benchPanel(
  compare = sizes('BENCH_PANEL_COMPARE', [1000, 5000]),
  ownExact = sizes('BENCH_PANEL_EXACT', [10000]),
  ownSampled = sizes('BENCH_PANEL_SAMPLED', [100000]),
): Promise<string> {
  const t0 = performance.now();
  const load0 = loadavg();
  const dir = mkdtempSync(join(tmpdir(), 'aktorsatlas-panel-'));
  const t: Tables = { compareRows: [], ownRows: [], accuracyRows: [], breakdown: [] };
  const log = (s: string) => console.log(`[panel] ${s}`);
  const versions = libraryVersions();
  try {
    if (compare.length > 0) await compareSizes(compare, dir, t, log);
    ownSizes(ownExact, ownSampled, t, log);
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const load1 = loadavg();
  const wall = performance.now() - t0;
  log(`section done in ${secs(wall)}`);
  return render(t, { compare, ownExact, ownSampled, load0: load0[0], load1: load1[0], wall, versions });
}

interface RenderInfo {
  compare: number[];
  ownExact: number[];
  ownSampled: number[];
  load0: number;
  load1: number;
  wall: number;
  versions: string;
}

function render(t: Tables, info: RenderInfo): string {
  const largest = info.compare.length ? Math.max(...info.compare) : 0;
  const all = [...new Set([...info.compare, ...info.ownExact, ...info.ownSampled])].sort((x, y) => x - y);
  const ourSizes = all.map((n) => fmt(n));
  const beside = `${ourSizes.slice(0, -1).join(', ')} and ${ourSizes[ourSizes.length - 1]}`;
  const { epsilon, delta } = DEFAULT_GUARANTEE;
  return [
    '## Key-actor panel against NetworkX, igraph and networkit',
    '',
    `Command: \`npm run bench\` (section \`panel\`, \`test/bench/panel.ts\`). Machine: ${machine()}. Load average`,
    `(1 min) ${fmt(info.load0, 2)} at the start, ${fmt(info.load1, 2)} at the end. The whole section took ${secs(info.wall)} wall.`,
    `Libraries (bench venv, \`test/bench/py/\`, from PyPI): ${info.versions}.`,
    '',
    'Graphs: seeded G(n, m), m = 5n (mean degree 10), unweighted, undirected; each written once to a file that every',
    'side reads. Times are of the computation only (no graph building, no interpreter start-up), as **CPU time** of',
    "each side's own process (ours: `process.cpuUsage`; the libraries: `time.process_time`) and as wall time.",
    `**Ratios are CPU-time ratios** (library ÷ ours). NetworkX at ${fmt(largest)} actors ran in two processes`,
    `(betweenness; everything else) *beside* our runs at ${beside} actors and the other libraries' runs, sharing the`,
    'two cores; CPU time is not inflated by sharing the machine that way, wall time can be. igraph and networkit',
    'ran one after the other, single-threaded (networkit set to one thread).',
    '**Ours**: `runPanel` with every metric of the panel (degree, betweenness, closeness, harmonic, eigenvector,',
    'PageRank, core number, clustering, Burt\'s measures, brokerage, cut points, bridges, "if this actor left",',
    'Louvain with 10 seeded runs, graph-level measures). **The libraries**: `test/bench/networkx-panel.py`,',
    "`test/bench/py/igraph-panel.py` and `test/bench/py/networkit-panel.py`, the same outputs with each library's",
    'functions as a competent user would call them; what a library lacks is not timed there (brokerage in all three;',
    "Burt's effective size, efficiency and hierarchy in igraph, all of Burt's measures in networkit, hierarchy in",
    'NetworkX; the average path length in networkit), so their totals are slightly flattered.',
    '',
    '| actors | ties | path metrics | ours CPU | ours wall | NetworkX CPU | NetworkX wall | igraph CPU | igraph wall | networkit CPU | networkit wall | NetworkX / ours | igraph / ours | networkit / ours |',
    '|---:|---:|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|',
    ...t.compareRows,
    ...t.ownRows,
    '',
    `Per metric at ${fmt(largest)} actors (libraries: CPU time of each timed block; ours: wall time of each phase,`,
    "which exceeds its CPU time when other work shares the machine, so these ratios are lower bounds). Burt's row:",
    'NetworkX `nx.constraint(G)` + `nx.effective_size(G)` as a user calls them (until 2026-12 this row timed a',
    'per-pair `local_constraint` loop and claimed 552.6×), igraph `constraint()`:',
    '',
    '| metric | ours | NetworkX | igraph | networkit | NetworkX / ours | igraph / ours | networkit / ours |',
    '|---|---:|---:|---:|---:|---:|---:|---:|',
    ...t.breakdown,
    '',
    'Estimated betweenness against exact values: Spearman correlation over the top 100 actors by exact betweenness,',
    'overlap of the top 10, and the largest absolute error of normalised betweenness over all actors, beside the',
    `stated ε. Brandes–Pich: k = ${SAMPLES} source pivots, seed 42, scaled by n/k as NetworkX`,
    "`betweenness_centrality(k=…)`; no error bound. Riondato–Kornaropoulos: the panel's estimate above its",
    `exact-cost budget (n·m > 5·10⁸), ε = ${epsilon}, δ = ${delta} (every actor within ±ε with probability ≥ 1 − δ),`,
    'seed 42. At 100,000 actors exact path metrics (O(n·m), hours) are not run; there the panel estimates them on',
    "its own and states ε and δ in `paths.guarantee`, its warnings and the report's method note.",
    '',
    '| actors | method | against | Spearman (top 100) | top-10 overlap | max abs error | stated ε | time |',
    '|---:|---|---|---:|---:|---:|---|---:|',
    ...t.accuracyRows,
  ].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) writeSection('panel', await benchPanel());
