/**
 * The same engine everywhere: the key-actor panel computed in the browser's analysis Web Worker (on the actor
 * projection of the loaded graph) gives the numbers of GET /api/analysis for the same data and default options.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import {
  describeBrowser,
  ensureWebBuilt,
  launchBrowser,
  openApp,
  waitForAnalysis,
  watchPage,
} from '../helpers/browser.js';
import { startServer, type RunningServer } from '../helpers/server.js';

interface Analysis {
  projection: { actors: number; ties: number };
  nodes: Record<string, Record<string, unknown>>;
}

/** The top rows of the key-actor table sorted by a measure: node ids and the shown values. */
async function topRows(page: Page, measure: string, rows: number): Promise<{ node: string; text: string }[]> {
  await page.selectOption('[data-testid=actors-sort]', measure);
  await page.waitForSelector(`[data-testid=actors-col-${measure}]`);
  return page.$$eval(
    '[data-testid=actors-table] tbody tr',
    (trs, k) =>
      trs.slice(0, k).map((tr) => ({
        node: tr.getAttribute('data-node') ?? '',
        // The sorted measure is the first value column (after # and name).
        text: tr.querySelectorAll('td')[2]?.textContent ?? '',
      })),
    rows,
  );
}

/** The table's formatting: en-GB, three significant digits. */
const shown = (x: number) => x.toLocaleString('en-GB', { maximumSignificantDigits: 3 });

describeBrowser('browser worker and API agree on the key-actor panel (e2e, Chromium)', () => {
  let server: RunningServer;
  let browser: Browser;
  let api: Analysis;

  beforeAll(async () => {
    ensureWebBuilt();
    server = await startServer({ seed: true });
    browser = await launchBrowser();
    api = (await (await fetch(`${server.url}/api/analysis`)).json()) as Analysis;
  }, 120_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('ranks the same top actors with the same betweenness, closeness and PageRank as GET /api/analysis', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    const { errors } = watchPage(page);
    await openApp(page, `${server.url}/?lang=en`);
    await waitForAnalysis(page, 120_000);
    // The worker analysed the actor projection, not the map's graph (which also holds networks and places).
    expect(Number(await page.getAttribute('body', 'data-analysis-nodes'))).toBe(api.projection.actors);
    expect(Number(await page.getAttribute('body', 'data-analysis-ties'))).toBe(api.projection.ties);
    expect(Number(await page.getAttribute('body', 'data-nodes'))).toBeGreaterThan(api.projection.actors);
    await page.click('[data-testid=tab-actors]');
    for (const measure of ['betweenness', 'closeness', 'pagerank']) {
      const values = Object.values(api.nodes)
        .map((m) => m[measure] as number)
        .sort((a, b) => b - a);
      const rows = await topRows(page, measure, 5);
      // The browser's top five have the API's top five values (ties may be ordered either way)…
      expect(
        rows.map((r) => r.text),
        measure,
      ).toEqual(values.slice(0, 5).map(shown));
      // …and each row's actor has that value in the API's answer.
      for (const r of rows) expect(shown(api.nodes[r.node][measure] as number), `${measure} ${r.node}`).toBe(r.text);
    }
    expect(errors).toEqual([]);
    await page.close();
  }, 180_000);
});
