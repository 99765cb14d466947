/**
 * A synthetic 5,000-actor / 25,000-tie network: the map opens, the full metric panel runs in the analysis Web
 * Worker (progress messages, then results for every actor) and the page keeps answering while it runs.
 * Timings are measured by test/bench/browser.ts for docs/benchmarks.md, never asserted here.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser } from 'playwright-core';
import { describeBrowser, ensureWebBuilt, launchBrowser, poll, watchPage } from '../helpers/browser.js';
import { startServer, type RunningServer } from '../helpers/server.js';
import { clusteredNetwork } from '../../core/synthetic/clustered.js';

const ACTORS = 5000;
const TIES = 25000;

describeBrowser('a 5,000-actor graph (e2e, Chromium)', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    ensureWebBuilt();
    server = await startServer({ seed: false, timeoutMs: 120_000 });
    const batch = clusteredNetwork(ACTORS, TIES, 42);
    const res = await fetch(`${server.url}/api/import`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(batch),
    });
    expect(res.status).toBe(200);
    // A stored layout (as after a first visit): positions on a seeded spiral, so this test measures the
    // analysis and not ForceAtlas2 on 5,000 nodes.
    const positions: Record<string, [number, number]> = {};
    batch.nodes.forEach((n, i) => {
      const r = Math.sqrt(i + 1) * 10;
      positions[n.id] = [r * Math.cos(i * 2.399963), r * Math.sin(i * 2.399963)];
    });
    const put = await fetch(`${server.url}/api/views/Grundlayout`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ state: { format: 'aktorsatlas-layout', version: 1, positions, pinned: [] } }),
    });
    expect(put.status).toBe(200);
    browser = await launchBrowser();
  }, 300_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('opens the map and runs the metric panel in the worker with progress and cancel, without freezing the page', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    const { errors } = watchPage(page);
    await page.goto(`${server.url}/`);
    await page.waitForSelector('body[data-ready="true"]', { timeout: 120_000 });
    expect(await page.getAttribute('body', 'data-nodes')).toBe(String(ACTORS));
    expect(await page.getAttribute('body', 'data-edges')).toBe(String(TIES));
    // Large maps draw the ties of the focus only, and say so.
    expect(await page.textContent('[data-testid=legend]')).toContain('Stort nätverk');
    // No automatic run on a graph this size: the user starts it.
    expect(await page.getAttribute('body', 'data-analysis')).toBeNull();
    const workers: string[] = [];
    page.on('worker', (w) => workers.push(w.url()));
    // Cancel a first run once it reports progress: the worker is terminated and the page says so.
    await page.click('[data-testid=analysis-run]');
    await poll(
      async () => Number(await page.getAttribute('body', 'data-analysis-progress-events')),
      60_000,
    ).toBeGreaterThan(0);
    await page.click('[data-testid=analysis-cancel]');
    await poll(() => page.getAttribute('body', 'data-analysis')).toBe('cancelled');
    expect(await page.textContent('[data-testid=analysis-state]')).toContain('avbröts');
    // Run it again to the end.
    await page.click('[data-testid=analysis-run]');
    await poll(() => page.getAttribute('body', 'data-analysis'), 10_000).toBe('running');
    // Progress arrives from the worker while the page keeps answering.
    await poll(
      async () => Number(await page.getAttribute('body', 'data-analysis-progress-events')),
      120_000,
    ).toBeGreaterThan(3);
    expect(await page.evaluate(() => document.querySelector('[data-testid=analysis-progress]') !== null)).toBe(true);
    const answered = await page.evaluate(() => new Promise<boolean>((resolve) => setTimeout(() => resolve(true), 10)));
    expect(answered).toBe(true);
    await page.waitForSelector('body[data-analysis="done"]', { timeout: 300_000 });
    expect(workers.some((u) => /analysis\.worker/.test(u))).toBe(true);
    // The panel runs on the actor projection: organisations only, not the networks they are members of.
    const organisations = clusteredNetwork(ACTORS, TIES, 42).nodes.filter((n) => n.kind === 'Organisation').length;
    expect(await page.getAttribute('body', 'data-analysis-nodes')).toBe(String(organisations));
    // Results arrived: the key-actor table and sizing by betweenness use them.
    await page.click('[data-testid=tab-actors]');
    await poll(() => page.locator('[data-testid=actors-table] tbody tr').count()).toBe(50);
    await page.selectOption('[data-testid=size-by]', 'betweenness');
    await poll(() => page.textContent('[data-testid=legend-size]')).toContain('Mellanhet');
    // Focus still works on the large map: the ego network's ties are drawn.
    await page.fill('#search-input', 'Syntetisk aktör 42');
    await page.waitForSelector('.combo-list li');
    await page.keyboard.press('Enter');
    await poll(() => page.getAttribute('body', 'data-highlight')).toBe('focus');
    await page.screenshot({ path: '/tmp/aktorsatlas-e2e-large.png' });
    expect(errors).toEqual([]);
    await page.close();
  }, 600_000);
});
