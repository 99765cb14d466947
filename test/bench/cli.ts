// The CLI's start-up: CPU time (user + system, GNU time of the child process) of `aktorsatlas --help` and of
// `aktorsatlas analyse` on a 1,000-actor graph, against `runPanel`'s own CPU time on the same graph in this process.
// Goals (issue #23): --help ≤ 0.15 s CPU; analyse at 1k ≤ 1.5 × runPanel.
// `npx tsx test/bench/cli.ts` or `npx tsx test/bench/run.ts cli`.
import { spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, rmSync, writeFileSync } from 'node:fs';
import { loadavg, tmpdir } from 'node:os';
import { join } from 'node:path';
import { fileURLToPath } from 'node:url';
import { runPanel } from '../../core/analysis/panel.js';
import { mulberry32 } from '../../core/analysis/rng.js';
import { readGraph } from '../../core/exchange/read/detect.js';
import { fmt, machine, writeSection } from './report.js';

const ROOT = fileURLToPath(new URL('../..', import.meta.url));
const BIN = join(ROOT, 'bin', 'aktorsatlas.js');
const TIME = '/usr/bin/time';
const RUNS = 5;
/** `analyse` and runPanel's cold reference: more runs, alternating, as one run of either varies by ±20 %. */
const PAIRS = 11;

interface Usage {
  cpu: number;
  wall: number;
}

/** CPU (user + sys) and wall seconds of one child process, from GNU time. */
function timed(args: string[], dir: string): Usage {
  const out = join(dir, 'time.txt');
  const r = spawnSync(TIME, ['-o', out, '-f', '%U %S %e', process.execPath, ...args], { stdio: 'ignore' });
  if (r.status !== 0) throw new Error(`${args.join(' ')} failed (exit ${r.status})`);
  const [user, sys, wall] = readFileSync(out, 'utf8').trim().split('\n').pop()!.split(' ').map(Number);
  return { cpu: user + sys, wall };
}

const median = (xs: number[]) => [...xs].sort((a, b) => a - b)[Math.floor(xs.length / 2)];

function medianOf(runs: Usage[]): Usage {
  return { cpu: median(runs.map((u) => u.cpu)), wall: median(runs.map((u) => u.wall)) };
}

/** The panel bench's graph: seeded G(n, m), m = 5n, as a CSV edge list. */
function edgeList(n: number, seed: number): string {
  const rnd = mulberry32(seed);
  const seen = new Set<number>();
  const lines = ['source,target'];
  while (seen.size < 5 * n) {
    const a = Math.floor(rnd() * n);
    const b = Math.floor(rnd() * n);
    const key = a < b ? a * n + b : b * n + a;
    if (a === b || seen.has(key)) continue;
    seen.add(key);
    lines.push(`a${a},a${b}`);
  }
  return lines.join('\n') + '\n';
}

/** One cold runPanel in a fresh process (test/bench/cli-panel-cold.ts), CPU and wall of the call alone. */
function coldInChild(file: string): Usage {
  const script = join(ROOT, 'test', 'bench', 'cli-panel-cold.ts');
  const r = spawnSync(process.execPath, ['--import', 'tsx', script, file], { cwd: ROOT, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`cli-panel-cold failed (exit ${r.status}): ${r.stderr}`);
  return JSON.parse(r.stdout.trim().split('\n').pop() ?? '{}') as Usage;
}

/**
 * runPanel's own CPU on the graph: the first (cold) run, which is what the CLI's one run is, as the median of
 * fresh processes like the CLI's (one cold sample varied 0.19–0.28 s at the same load); and the median of warm runs
 * in this process.
 */
function panelTimes(text: string, file: string, coldRuns: Usage[]): { cold: Usage; warm: Usage } {
  const cold = medianOf(coldRuns);
  const { graph, directed } = readGraph(text, { fileName: file });
  const once = (): Usage => {
    const c = process.cpuUsage();
    const t = performance.now();
    runPanel(graph, { directed, weight: null, partition: null, seed: 1, resolution: 1 });
    const u = process.cpuUsage(c);
    return { cpu: (u.user + u.system) / 1e6, wall: (performance.now() - t) / 1000 };
  };
  once();
  return { cold, warm: medianOf(Array.from({ length: RUNS }, once)) };
}

const s = (x: number) => `${fmt(x, 3)} s`;

export async function benchCli(): Promise<string> {
  if (!existsSync(TIME)) return '## CLI start-up\n\nNot measured: GNU time (/usr/bin/time) is missing.';
  const load0 = loadavg();
  const dir = mkdtempSync(join(tmpdir(), 'aktorsatlas-cli-bench-'));
  try {
    // The first start after a change compiles dist/; measure the starts after it, as a user meets them.
    spawnSync(process.execPath, [join(ROOT, 'tools', 'build', 'build.mjs'), '--if-stale'], { stdio: 'inherit' });
    const file = join(dir, 'g1000.csv');
    const text = edgeList(1000, 7);
    writeFileSync(file, text);
    const help = medianOf(Array.from({ length: RUNS }, () => timed([BIN, '--help'], dir)));
    // Alternating, so that whatever else the machine does meets both sides alike.
    const pairs = Array.from({ length: PAIRS }, () => [timed([BIN, 'analyse', file], dir), coldInChild(file)]);
    const analyse = medianOf(pairs.map(([a]) => a));
    const node = medianOf(Array.from({ length: RUNS }, () => timed(['-e', '0'], dir)));
    const panel = panelTimes(
      text,
      file,
      pairs.map(([, c]) => c),
    );
    // A CLI process runs the panel once, cold (before the JIT has warmed up), as the panel bench's rows do.
    const ratio = analyse.cpu / panel.cold.cpu;
    const warmRatio = analyse.cpu / panel.warm.cpu;
    const load1 = loadavg();
    console.log(`[cli] --help ${s(help.cpu)} CPU; analyse 1k ${s(analyse.cpu)} CPU; runPanel ${s(panel.warm.cpu)}`);
    const verdict = (ok: boolean) => (ok ? '**met**' : '**missed**');
    return [
      '## CLI start-up',
      '',
      `Command: \`npm run bench\` (section \`cli\`, \`test/bench/cli.ts\`). Machine: ${machine()}. Load average (1 min)`,
      `${fmt(load0[0], 2)} at the start, ${fmt(load1[0], 2)} at the end.`,
      '',
      `CPU time = user + system of the whole child process (GNU time), median of ${RUNS} runs (\`analyse\`: ${PAIRS}); the CLI runs the`,
      'compiled JavaScript in dist/ (tools/build; built once before the runs); `analyse` runs its one-file bundle',
      "through V8's code cache, which its first run after a build writes (so that run, the slowest, pays",
      'the bytecode compile the others skip). `analyse` reads a CSV edge list of a',
      'seeded G(1000, 5000) (as the panel bench) and prints the JSON panel; `runPanel` is the same call on the parsed',
      `graph, timed around the call alone: its first (cold) run, which is what the CLI's one run is and what the panel`,
      `bench's rows measure, as the median of ${PAIRS} fresh processes (\`test/bench/cli-panel-cold.ts\`) run alternately with \`analyse\`'s, and the median of ${RUNS}`,
      'runs in one process after a first (warm, JIT-compiled code).',
      '',
      '| what | CPU | wall | goal (issue #23) |',
      '|---|---:|---:|---|',
      `| \`node -e 0\` (Node's own start) | ${s(node.cpu)} | ${s(node.wall)} | – |`,
      `| \`aktorsatlas --help\` | ${s(help.cpu)} | ${s(help.wall)} | ≤ 0.15 s CPU: ${verdict(help.cpu <= 0.15)} |`,
      `| \`aktorsatlas analyse\` 1,000 actors | ${s(analyse.cpu)} | ${s(analyse.wall)} | ≤ 1.5 × runPanel (first run): ${verdict(ratio <= 1.5)} (${fmt(ratio, 2)}×; ${fmt(warmRatio, 2)}× the warm run) |`,
      `| \`runPanel\`, first run in a fresh process (median) | ${s(panel.cold.cpu)} | ${s(panel.cold.wall)} | – |`,
      `| \`runPanel\` in one process, warm | ${s(panel.warm.cpu)} | ${s(panel.warm.wall)} | – |`,
    ].join('\n');
  } finally {
    rmSync(dir, { recursive: true, force: true });
  }
}

if (import.meta.url === `file://${process.argv[1]}`) writeSection('cli', await benchCli());
