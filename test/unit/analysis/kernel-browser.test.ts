import { fileURLToPath } from 'node:url';
import { build } from 'esbuild';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { UndirectedGraph } from 'graphology';
import { compactGraph } from '../../../core/analysis/compact.js';
import { shortestPathMetrics } from '../../../core/analysis/centrality/paths.js';
import { louvainCommunities } from '../../../core/analysis/communities.js';
import { mulberry32 } from '../../../core/analysis/rng.js';
import { describeBrowser, launchBrowser } from '../../helpers/browser.js';

const ENTRY = fileURLToPath(new URL('./kernel-browser-entry.ts', import.meta.url));

interface WorkerAnswer {
  loaded: boolean;
  betweenness: number[];
  harmonic: number[];
  closeness: number[];
  labels: number[];
  modularity: number | null;
}

function randomEdges(n: number, m: number, seed: number): Array<[number, number]> {
  const rnd = mulberry32(seed);
  const seen = new Set<string>();
  const edges: Array<[number, number]> = [];
  while (edges.length < m) {
    const a = Math.floor(rnd() * n);
    const b = Math.floor(rnd() * n);
    const key = a < b ? `${a}-${b}` : `${b}-${a}`;
    if (a === b || seen.has(key)) continue;
    seen.add(key);
    edges.push([a, b]);
  }
  return edges;
}

describeBrowser('the WebAssembly kernel in a browser Web Worker (real Chromium)', () => {
  let browser: Browser;
  beforeAll(async () => {
    browser = await launchBrowser();
  }, 120_000);
  afterAll(() => browser?.close());

  it('loads from the generated module and equals the JS kernels in Node bit for bit', async () => {
    const bundle = await build({
      entryPoints: [ENTRY],
      bundle: true,
      write: false,
      format: 'iife',
      platform: 'browser',
    });
    const code = bundle.outputFiles[0].text;
    const n = 400;
    const edges = randomEdges(n, 1200, 5);
    const page = await browser.newPage();
    const answer = (await page.evaluate(
      ([source, data]) =>
        new Promise((resolve, reject) => {
          const worker = new Worker(URL.createObjectURL(new Blob([source], { type: 'text/javascript' })));
          worker.onmessage = (ev) => resolve(ev.data);
          worker.onerror = (ev) => reject(new Error(ev.message));
          worker.postMessage(data);
        }),
      [code, { n, edges }] as const,
    )) as WorkerAnswer;
    await page.close();
    const graph = new UndirectedGraph();
    for (let i = 0; i < n; i++) graph.addNode(String(i));
    for (const [a, b] of edges) graph.addEdge(String(a), String(b));
    const g = compactGraph(graph);
    const js = shortestPathMetrics(g, { kernel: 'js' });
    const louvain = louvainCommunities(g, { seed: 42, kernel: 'js' });
    expect(answer.loaded).toBe(true);
    expect(answer.betweenness).toEqual(Array.from(js.betweenness));
    expect(answer.harmonic).toEqual(Array.from(js.harmonic));
    expect(answer.closeness).toEqual(Array.from(js.closeness));
    expect(answer.labels).toEqual(Array.from(louvain.labels));
    expect(answer.modularity).toBe(louvain.modularity);
  }, 120_000);
});
