// Key-actor panel: ours (core/analysis runPanel) against NetworkX 3.x in the same run, on seeded G(n, p) graphs
// with mean degree ≈ 10. `npx tsx test/bench/panel.ts`
import { execFileSync } from 'node:child_process';
import { fileURLToPath } from 'node:url';
import { UndirectedGraph } from 'graphology';
import { runPanel } from '../../core/analysis/panel.js';
import { mulberry32 } from '../../core/analysis/rng.js';
import { fmt, machine, writeSection } from './report.js';

function randomGraph(n: number, meanDegree: number, seed: number): { nodes: string[]; edges: [string, string][] } {
  const rnd = mulberry32(seed);
  const nodes = Array.from({ length: n }, (_, i) => `n${i}`);
  const m = Math.round((n * meanDegree) / 2);
  const seen = new Set<string>();
  const edges: [string, string][] = [];
  while (edges.length < m) {
    const a = Math.floor(rnd() * n);
    const b = Math.floor(rnd() * n);
    if (a === b) continue;
    const key = a < b ? `${a}|${b}` : `${b}|${a}`;
    if (seen.has(key)) continue;
    seen.add(key);
    edges.push([nodes[a], nodes[b]]);
  }
  return { nodes, edges };
}

const ORACLE = fileURLToPath(new URL('../helpers/oracle.py', import.meta.url));

function timeNetworkx(nodes: string[], edges: [string, string][]): number {
  const input = JSON.stringify({ directed: false, weighted: false, nodes, edges, timing: true });
  const t = performance.now();
  execFileSync('python3', [ORACLE], { input, maxBuffer: 512 * 1024 * 1024 });
  return performance.now() - t;
}

function timeOurs(nodes: string[], edges: [string, string][]): number {
  const g = new UndirectedGraph();
  for (const n of nodes) g.addNode(n);
  for (const [a, b] of edges) g.addEdge(a, b);
  const t = performance.now();
  runPanel(g, { seed: 42 });
  return performance.now() - t;
}

export async function benchPanel(sizes = [1000, 5000], ownOnly = [10000]): Promise<string> {
  const rows: string[] = [];
  for (const n of sizes) {
    const { nodes, edges } = randomGraph(n, 10, 7);
    const ours = timeOurs(nodes, edges);
    const nx = timeNetworkx(nodes, edges);
    rows.push(
      `| ${fmt(n)} | ${fmt(edges.length)} | ${fmt(ours / 1000, 2)} s | ${fmt(nx / 1000, 2)} s | **${fmt(nx / ours, 1)}×** |`,
    );
    console.log(`panel n=${n}: ours ${ours.toFixed(0)} ms, networkx ${nx.toFixed(0)} ms`);
  }
  for (const n of ownOnly) {
    const { nodes, edges } = randomGraph(n, 10, 7);
    const ours = timeOurs(nodes, edges);
    rows.push(`| ${fmt(n)} | ${fmt(edges.length)} | ${fmt(ours / 1000, 2)} s | not run | – |`);
    console.log(`panel n=${n}: ours ${ours.toFixed(0)} ms`);
  }
  return [
    '## Key-actor panel against NetworkX',
    '',
    `Command: \`npm run bench\` (section \`panel\`, \`test/bench/panel.ts\`). Machine: ${machine()}.`,
    'Graph: seeded G(n, m) with mean degree 10, unweighted. Ours: `runPanel` (all metrics of the panel: degree,',
    'betweenness, closeness, harmonic, eigenvector, PageRank, core number, clustering, Burt, brokerage, cut points,',
    'bridges, removal impact, Louvain with 10 seeded restarts, graph metrics). NetworkX: `test/helpers/oracle.py` computing',
    'the same metrics (wall time of the Python process, including interpreter start-up of about 1 s).',
    '',
    '| actors | ties | ours | NetworkX | NetworkX / ours |',
    '|---:|---:|---:|---:|---:|',
    ...rows,
  ].join('\n');
}

if (import.meta.url === `file://${process.argv[1]}`) writeSection('panel', await benchPanel());
