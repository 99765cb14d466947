// Key-actor panel: ours (core/analysis runPanel) against NetworkX 3.x in the same run at 1k and 5k actors, our
// own time at 10k (exact) and 100k (sampled path metrics), and the accuracy of sampling against exact values.
// NetworkX at the largest comparison size (minutes) runs in a child process beside all our own runs (2 cores: one
// each); both sides are compared by the CPU time of their own process.
// `npx tsx test/bench/panel.ts` or `npx tsx test/bench/run.ts panel`; sizes can be changed with BENCH_PANEL_COMPARE,
// BENCH_PANEL_EXACT and BENCH_PANEL_SAMPLED (comma-separated actor counts).
import { spawn } from 'node:child_process';
import { mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { UndirectedGraph } from 'graphology';
import { shortestPathMetrics } from '../../core/analysis/centrality/paths.js';
import { compactGraph } from '../../core/analysis/compact.js';
import { runPanel, type PanelResult } from '../../core/analysis/panel.js';
import { mulberry32 } from '../../core/analysis/rng.js';
import { accuracy, type Accuracy } from './accuracy.js';
import { fmt, machine, writeSection } from './report.js';

/** Pivots of the sampled path metrics (Brandes–Pich), the same k at every size. */
const SAMPLES = 500;
const NX_SCRIPT = fileURLToPath(new URL('./networkx-panel.py', import.meta.url));

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

interface NxRun {
  /** Per timed block: wall and CPU seconds (time.process_time of the Python process). */
  seconds: Record<string, number>;
  cpu: Record<string, number>;
  total: number;
  totalCpu: number;
  betweenness: number[];
}

/** NetworkX on the same graph file, in its own process (started now, awaited later); progress goes to stderr. */
function runNetworkx(file: string, out: string, part: 'all' | 'betweenness' | 'rest' = 'all'): Promise<NxRun | string> {
  return new Promise((resolve) => {
    const child = spawn('python3', [NX_SCRIPT, file, part === 'rest' ? '-' : out, part], {
      stdio: ['ignore', 'pipe', 'inherit'],
    });
    let stdout = '';
    child.stdout.setEncoding('utf8').on('data', (d: string) => (stdout += d));
    child.on('error', (e) => resolve(`failed (${e.message})`));
    child.on('close', (code, signal) => {
      if (code !== 0) return resolve(`failed (exit ${code ?? signal})`);
      const parsed = JSON.parse(stdout) as Omit<NxRun, 'betweenness'>;
      const betweenness = part === 'rest' ? [] : (JSON.parse(readFileSync(out, 'utf8')) as number[]);
      resolve({ ...parsed, betweenness });
    });
  });
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

/** Sampled path pass alone (the part of the panel that sampling changes). */
function sampledPaths(g: UndirectedGraph): { ms: number; betweenness: Float64Array } {
  const cg = compactGraph(g);
  const t = performance.now();
  const p = shortestPathMetrics(cg, { samples: SAMPLES, sampleSeed: 42 });
  return { ms: performance.now() - t, betweenness: p.betweenness };
}

const secs = (ms: number) => `${fmt(ms / 1000, ms < 10_000 ? 2 : 1)} s`;
const exactBetweenness = (r: PanelResult, n: number) =>
  Float64Array.from({ length: n }, (_, i) => r.nodes[i].betweenness);

function accuracyRow(n: number, against: string, a: Accuracy): string {
  return `| ${fmt(n)} | ${fmt(SAMPLES)} (${fmt((100 * SAMPLES) / n)} %) | ${against} | ${fmt(a.spearmanTop, 3)} | ${a.top10Overlap} / 10 | ${a.maxAbsError.toExponential(2)} (${fmt((100 * a.maxAbsError) / a.maxExact, 1)} % of max) |`;
}

/** Our phases and NetworkX's timed blocks, grouped so that each row computes the same outputs. */
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
  ["Burt's constraint, effective size, efficiency, hierarchy", ['structuralHoles'], ['structuralHoles']],
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

/** Writes the graph file both sides read. */
function writeGraph(file: string, n: number, edges: Int32Array): void {
  const pairs = Array.from({ length: edges.length / 2 }, (_, e) => [edges[2 * e], edges[2 * e + 1]]);
  writeFileSync(file, JSON.stringify({ n, edges: pairs }));
}

export async function benchPanel(
  compare = sizes('BENCH_PANEL_COMPARE', [1000, 5000]),
  ownExact = sizes('BENCH_PANEL_EXACT', [10000]),
  ownSampled = sizes('BENCH_PANEL_SAMPLED', [100000]),
): Promise<string> {
  const t0 = performance.now();
  const load0 = loadavg();
  const dir = mkdtempSync(join(tmpdir(), 'aktorsatlas-panel-'));
  const compareRows: string[] = [];
  const ownRows: string[] = [];
  const compareAcc: string[] = [];
  const ownAcc: string[] = [];
  let breakdown: string[] = [];
  const log = (s: string) => console.log(`[panel] ${s}`);
  const largest = compare.length ? Math.max(...compare) : 0;

  /** Table rows of one comparison size, once NetworkX is done. */
  const compared = (n: number, g: UndirectedGraph, ours: Ours, sampled: Float64Array, nx: NxRun | string) => {
    const oursCells = `${secs(ours.cpuMs)} | ${secs(ours.ms)}`;
    if (typeof nx === 'string') {
      log(`n=${n}: NetworkX ${nx}`);
      compareRows.push(`| ${fmt(n)} | ${fmt(g.size)} | exact | ${oursCells} | ${nx} | – | – |`);
      return;
    }
    const nxCpuMs = nx.totalCpu * 1000;
    const x = nxCpuMs / ours.cpuMs;
    log(`n=${n}: NetworkX ${secs(nxCpuMs)} CPU, ${secs(nx.total * 1000)} wall → ${fmt(x, 1)}×`);
    compareRows.push(
      `| ${fmt(n)} | ${fmt(g.size)} | exact | ${oursCells} | ${secs(nxCpuMs)} | ${secs(nx.total * 1000)} | **${fmt(x, 1)}×** |`,
    );
    compareAcc.push(accuracyRow(n, 'NetworkX exact', accuracy(nx.betweenness, sampled)));
    if (n !== largest) return;
    breakdown = BREAKDOWN.map(([label, mine, theirs]) => {
      const a = mine.reduce((t, k) => t + (ours.phases[k] ?? 0), 0);
      const b = theirs.reduce((t, k) => t + (nx.cpu[k] ?? 0) * 1000, 0);
      return `| ${label} | ${secs(a)} | ${theirs.length ? secs(b) : 'not in NetworkX'} | ${theirs.length && a > 0 ? `${fmt(b / a, 1)}×` : '–'} |`;
    });
    const verdict = x >= 10 ? `**met** (${fmt(x, 1)}×)` : `**missed** by a factor ${fmt(10 / x, 2)} (${fmt(x, 1)}×)`;
    breakdown.push('', `Goal ≥ 10× at ${fmt(n)} actors, by CPU time: ${verdict}.`);
  };

  try {
    // NetworkX at the largest size takes minutes: start it first, in its own process, so that it runs beside
    // everything else here (2 cores: it on one, this process on the other). Ratios use CPU time, which waiting
    // for a core does not inflate.
    let background: Promise<NxRun | string> | null = null;
    if (largest > 0) {
      const file = join(dir, `g${largest}.json`);
      writeGraph(file, largest, randomGraph(largest, 10, 7));
      background = runNetworkxSplit(file, join(dir, `nx-b${largest}.json`));
      log(`n=${largest}: NetworkX started in two processes (betweenness | the rest)`);
    }
    let deferred: (() => Promise<void>) | null = null;
    for (const n of [...compare].sort((a, b) => a - b)) {
      const edges = randomGraph(n, 10, 7);
      const g = toGraph(n, edges);
      const ours = runOurs(g, null);
      const s = sampledPaths(g).betweenness;
      log(`n=${n}: ours ${secs(ours.cpuMs)} CPU, ${secs(ours.ms)} wall`);
      if (n === largest && background) {
        const pending = background;
        deferred = async () => compared(n, g, ours, s, await pending);
        continue;
      }
      const file = join(dir, `g${n}.json`);
      writeGraph(file, n, edges);
      compared(n, g, ours, s, await runNetworkx(file, join(dir, `nx-b${n}.json`)));
    }
    for (const n of ownExact) {
      const g = toGraph(n, randomGraph(n, 10, 7));
      const ours = runOurs(g, null);
      const s = sampledPaths(g);
      log(`n=${n}: ours exact ${secs(ours.cpuMs)} CPU, ${secs(ours.ms)} wall; sampled path pass ${secs(s.ms)}`);
      ownRows.push(`| ${fmt(n)} | ${fmt(g.size)} | exact | ${secs(ours.cpuMs)} | ${secs(ours.ms)} | not run | – | – |`);
      ownAcc.push(accuracyRow(n, 'ours exact', accuracy(exactBetweenness(ours.result, n), s.betweenness)));
    }
    for (const n of ownSampled) {
      const g = toGraph(n, randomGraph(n, 10, 7));
      log(`n=${n}: graph built, running the panel with k = ${SAMPLES}…`);
      const ours = runOurs(g, SAMPLES, SAMPLED_RESTARTS);
      const slow = Object.entries(ours.phases)
        .filter(([, ms]) => ms > 5000)
        .map(([k, ms]) => `${k} ${secs(ms)}`)
        .join(', ');
      log(`n=${n}: ours ${secs(ours.cpuMs)} CPU, ${secs(ours.ms)} wall${slow ? ` (${slow})` : ''}`);
      ownRows.push(
        `| ${fmt(n)} | ${fmt(g.size)} | paths sampled, k = ${fmt(SAMPLES)}; Louvain ${SAMPLED_RESTARTS} run | ${secs(ours.cpuMs)} | ${secs(ours.ms)} | not run | – | – |`,
      );
    }
    if (deferred) {
      log(`n=${largest}: waiting for NetworkX…`);
      await deferred();
    }
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
  const load1 = loadavg();
  const wall = performance.now() - t0;
  log(`section done in ${secs(wall)}`);
  const ourSizes = [...new Set([...compare, ...ownExact, ...ownSampled])].sort((x, y) => x - y).map((n) => fmt(n));
  const beside = `${ourSizes.slice(0, -1).join(', ')} and ${ourSizes[ourSizes.length - 1]}`;
  return [
    '## Key-actor panel against NetworkX',
    '',
    `Command: \`npm run bench\` (section \`panel\`, \`test/bench/panel.ts\`). Machine: ${machine()}. Load average`,
    `(1 min) ${fmt(load0[0], 2)} at the start, ${fmt(load1[0], 2)} at the end. The whole section took ${secs(wall)} wall.`,
    '',
    'Graphs: seeded G(n, m), m = 5n (mean degree 10), unweighted, undirected; each written once to a file that both',
    'sides read. Times are of the computation only (no graph building, no interpreter start-up), as **CPU time** of',
    "each side's own process (ours: `process.cpuUsage`; NetworkX: `time.process_time`) and as wall time.",
    `**Ratios are CPU-time ratios.** NetworkX at ${fmt(largest)} actors ran in two processes (betweenness; everything`,
    `else) *beside* our runs at ${beside} actors (and NetworkX at the smaller sizes), sharing the two cores;`,
    'CPU time is not inflated by sharing the machine that way, wall time can be.',
    '**Ours**: `runPanel` with every metric of the panel (degree, betweenness, closeness, harmonic, eigenvector,',
    'PageRank, core number, clustering, Burt\'s measures, brokerage, cut points, bridges, "if this actor left",',
    'Louvain with 10 seeded runs, graph-level measures). **NetworkX** 3.6: `test/bench/networkx-panel.py`, the same',
    'outputs with NetworkX functions as a competent user would call them (one all-pairs BFS for closeness, harmonic,',
    'diameter and average path length; removal impact only for articulation points; brokerage is not in NetworkX',
    'and is not timed there, so its total is slightly flattered). Goal (issue #4): ≥ 10× faster than NetworkX.',
    '',
    '| actors | ties | path metrics | ours CPU | ours wall | NetworkX CPU | NetworkX wall | NetworkX / ours (CPU) |',
    '|---:|---:|---|---:|---:|---:|---:|---:|',
    ...compareRows,
    ...ownRows,
    '',
    `Per metric at ${fmt(largest)} actors (NetworkX: CPU time of each timed block; ours: wall time of each phase, which`,
    'exceeds its CPU time when other work shares the machine, so these ratios are lower bounds):',
    '',
    '| metric | ours | NetworkX | NetworkX / ours |',
    '|---|---:|---:|---:|',
    ...breakdown,
    '',
    `Sampled betweenness (Brandes–Pich source sampling, k = ${SAMPLES} pivots, seed 42, scaled by n/k as NetworkX`,
    '`betweenness_centrality(k=…)`), against exact values: Spearman correlation over the top 100 actors by exact',
    'betweenness, overlap of the top 10, and the largest absolute error of normalised betweenness. At 100,000 actors',
    'exact path metrics (O(n·m), hours) are not run; closeness and harmonic there are estimates from the same',
    'pivots and the diameter a lower bound (the result says so in `paths` and `warnings`).',
    '',
    '| actors | k | against | Spearman (top 100) | top-10 overlap | max abs error |',
    '|---:|---:|---|---:|---:|---:|',
    ...compareAcc,
    ...ownAcc,
  ].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) writeSection('panel', await benchPanel());
