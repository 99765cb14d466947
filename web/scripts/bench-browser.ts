/**
 * Browser benchmark (Chromium): time to first render, time of the full metric panel in the analysis worker and
 * the longest main-thread task while it runs, for the seeded Jönköping network and a synthetic 5,000-actor /
 * 25,000-tie graph. Rewrites only its own section of docs/benchmarks.md, between
 * <!-- browser:start --> and <!-- browser:end -->.
 *
 *   npx tsx web/scripts/bench-browser.ts [--actors 5000 --ties 25000] [--no-write]
 */
import { existsSync, readFileSync, writeFileSync } from 'node:fs';
import { cpus } from 'node:os';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { REPO_ROOT, startServer } from '../../test/helpers/server.js';
import { syntheticBatch } from './synthetic-graph.js';

export interface BrowserBench {
  label: string;
  nodes: number;
  edges: number;
  firstRenderMs: number;
  readyMs: number;
  layoutMs: number | null;
  panelWallMs: number;
  panelWorkerMs: number;
  longestTaskMs: number;
  longTasks: number;
  progressEvents: number;
}

const CHROMIUM = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';
const ARGS = [
  '--headless',
  '--no-sandbox',
  '--disable-gpu',
  '--disable-background-networking',
  '--disable-dev-shm-usage',
];

/** Records every long task (> 50 ms) of the main thread from the first byte on. */
const LONGTASK_OBSERVER = `
  window.__longTasks = [];
  try {
    new PerformanceObserver((list) => { for (const e of list.getEntries()) window.__longTasks.push([e.startTime, e.duration]); })
      .observe({ type: 'longtask', buffered: true });
  } catch (e) { window.__longTasks = null; }
`;

const num = (page: Page, attr: string) => page.evaluate((a) => Number(document.body.dataset[a] ?? 'NaN'), attr);

/** Opens the app, waits for the map and its layout, runs the metric panel in the worker and measures. */
export async function measure(page: Page, url: string, label: string): Promise<BrowserBench> {
  await page.addInitScript(LONGTASK_OBSERVER);
  const t0 = Date.now();
  await page.goto(url);
  await page.waitForSelector('body[data-ready="true"]', { timeout: 180_000 });
  const readyMs = await num(page, 'tReady');
  void t0;
  await page.waitForFunction(() => document.body.dataset.firstRenderAt !== undefined, null, { timeout: 180_000 });
  const firstRenderMs = await num(page, 'firstRenderAt');
  // A first visit computes and stores the layout; wait for it so the analysis runs alone.
  if ((await page.getAttribute('body', 'data-layout')) === 'running')
    await page.waitForSelector('body[data-layout="done"]', { timeout: 180_000 });
  const layoutMs = await page.evaluate(() =>
    document.body.dataset.layoutMs ? Number(document.body.dataset.layoutMs) : null,
  );
  // An automatic run (small graphs) may be under way: let it finish, then measure an explicit run.
  if ((await page.getAttribute('body', 'data-analysis')) === 'running')
    await page.waitForSelector('body[data-analysis="done"]', { timeout: 600_000 });
  await page.evaluate(() => (document.body.dataset.analysis = 'idle'));
  const started = Date.now();
  await page.click('[data-testid=analysis-run]');
  await page.waitForSelector('body[data-analysis="done"]', { timeout: 600_000 });
  const panelWallMs = Date.now() - started;
  if (process.env.BENCH_DEBUG) console.log(label, await page.evaluate(() => ({ ...document.body.dataset })));
  await page.waitForTimeout(1500); // the result is applied to the map and panels after the worker answers
  const stats = await page.evaluate(() => {
    const d = document.body.dataset;
    const from = Number(d.analysisStartedAt);
    const to = Number(d.analysisDoneAt) + 1500;
    const tasks = ((window as unknown as { __longTasks: [number, number][] | null }).__longTasks ?? []).filter(
      ([s]) => s >= from && s <= to,
    );
    return {
      workerMs: Number(d.analysisMs),
      progressEvents: Number(d.analysisProgressEvents),
      longest: tasks.reduce((m, [, dur]) => Math.max(m, dur), 0),
      count: tasks.length,
      nodes: Number(d.nodes),
      edges: Number(d.edges),
    };
  });
  return {
    label,
    nodes: stats.nodes,
    edges: stats.edges,
    firstRenderMs,
    readyMs,
    layoutMs,
    panelWallMs,
    panelWorkerMs: stats.workerMs,
    longestTaskMs: Math.round(stats.longest),
    longTasks: stats.count,
    progressEvents: stats.progressEvents,
  };
}

export async function importSynthetic(url: string, actors: number, ties: number): Promise<void> {
  const res = await fetch(`${url}/api/import`, {
    method: 'POST',
    headers: { 'content-type': 'application/json' },
    body: JSON.stringify(syntheticBatch(actors, ties)),
  });
  if (res.status !== 200) throw new Error(`import failed: ${res.status} ${(await res.text()).slice(0, 500)}`);
}

function table(rows: BrowserBench[]): string {
  const head =
    '| graph | nodes | ties | first render (ms) | map ready (ms) | layout FA2 (ms) | metric panel, wall (ms) | in worker (ms) | longest main-thread task during the panel (ms) | long tasks | progress messages |';
  const sep = '|---|---:|---:|---:|---:|---:|---:|---:|---:|---:|---:|';
  const lines = rows.map(
    (r) =>
      `| ${r.label} | ${r.nodes} | ${r.edges} | ${r.firstRenderMs} | ${r.readyMs} | ${r.layoutMs ?? '–'} | ${r.panelWallMs} | ${Math.round(r.panelWorkerMs)} | ${r.longestTaskMs} | ${r.longTasks} | ${r.progressEvents} |`,
  );
  return [head, sep, ...lines].join('\n');
}

export function writeSection(rows: BrowserBench[], chromiumVersion: string): void {
  const file = join(REPO_ROOT, 'docs', 'benchmarks.md');
  const body = [
    '<!-- browser:start -->',
    '## Browser (Chromium)',
    '',
    `Measured by \`web/scripts/bench-browser.ts\` on ${new Date().toISOString().slice(0, 10)}: headless ${chromiumVersion} with software WebGL (SwiftShader), ${cpus().length} cores, driven by playwright-core against the real server (SQLite). First render = from navigation start to sigma's first frame. Map ready = until the page sets \`data-ready\` (graph loaded, sigma created, panels built; sigma's first frame follows in the next animation frame). Layout = ForceAtlas2 (graphology worker) on a first visit, before the layout is stored. Metric panel = the full key-actor panel of \`core/analysis\` (\`runPanel\`: degree, betweenness, closeness, harmonic, eigenvector, PageRank, k-core, clustering, Burt, brokerage, cut-points, Louvain) in the analysis Web Worker, from the click to the result; the longest main-thread task is from PerformanceObserver('longtask') between the click and 1.5 s after the result (applying it to the map included).`,
    '',
    table(rows),
    '',
    'Timings are measurements, not pass/fail criteria. The main thread stays responsive during the panel: the work runs in the worker, and long tasks on the main thread come from sigma redrawing the map with the new sizes.',
    '<!-- browser:end -->',
  ].join('\n');
  const old = existsSync(file) ? readFileSync(file, 'utf8') : '# Benchmarks\n';
  const re = /<!-- browser:start -->[\s\S]*?<!-- browser:end -->/;
  const next = re.test(old) ? old.replace(re, body) : `${old.trimEnd()}\n\n${body}\n`;
  writeFileSync(file, next);
}

async function main(): Promise<void> {
  const arg = (name: string, def: number) => {
    const i = process.argv.indexOf(name);
    return i >= 0 ? Number(process.argv[i + 1]) : def;
  };
  const actors = arg('--actors', 5000);
  const ties = arg('--ties', 25000);
  const browser: Browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  const rows: BrowserBench[] = [];
  try {
    const seeded = await startServer({ seed: true });
    try {
      const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
      rows.push(await measure(page, `${seeded.url}/`, 'Jönköpings län (seed)'));
      await page.close();
    } finally {
      await seeded.stop();
    }
    const big = await startServer({ seed: false, timeoutMs: 120_000 });
    try {
      await importSynthetic(big.url, actors, ties);
      const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
      rows.push(await measure(page, `${big.url}/`, `synthetic ${actors} / ${ties}`));
      await page.close();
    } finally {
      await big.stop();
    }
    console.log(table(rows));
    if (!process.argv.includes('--no-write')) writeSection(rows, `Chromium ${browser.version()}`);
  } finally {
    await browser.close();
  }
}

if (process.argv[1] && /bench-browser\.ts$/.test(process.argv[1])) {
  main().catch((err) => {
    console.error(err);
    process.exit(1);
  });
}
