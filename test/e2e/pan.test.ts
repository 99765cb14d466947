/**
 * Panning a map (Jönköping seed, above the pan-picture size): while the mouse drags, the drawn picture moves with it
 * (a CSS translate of the canvases, not blank), and sigma draws the view for real when the drag pauses or ends,
 * with the nodes where the drag put them. Real server (SQLite), real headless Chromium.
 */
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import {
  MAP_BACKGROUND,
  describeBrowser,
  nodeOnScreen,
  nonBackgroundShare,
  openApp,
  poll,
  serverAndBrowser,
  watchPage,
} from '../helpers/browser.js';

/** The CSS transform of sigma's WebGL canvas (the picture), '' when sigma draws in place. */
const stageTransform = (page: Page) =>
  page.$eval('[data-testid=map] canvas', (c) => (c as HTMLCanvasElement).style.transform);

describeBrowser('panning the map (e2e, Chromium)', () => {
  const suite = serverAndBrowser({ seed: true });

  it('moves the drawn picture during a drag and redraws in place when the drag pauses and ends', async () => {
    const page = await suite.browser().newPage({ viewport: { width: 1440, height: 900 } });
    const watch = watchPage(page);
    await openApp(page, `${suite.server().url}/`);
    await page.waitForSelector('body[data-layout="done"]', { timeout: 60_000 });
    const graph = (await (await fetch(`${suite.server().url}/api/graph`)).json()) as { nodes: { key: string }[] };
    const node = graph.nodes[0].key;
    await page.waitForTimeout(300);
    const before = (await nodeOnScreen(page, node))!;
    expect(await stageTransform(page)).toBe('');

    const box = await page.locator('[data-testid=map]').boundingBox();
    if (!box) throw new Error('no map');
    const x0 = box.x + 20;
    const y0 = box.y + 20;
    await page.mouse.move(x0, y0);
    await page.mouse.down();
    for (let i = 1; i <= 10; i++) {
      await page.mouse.move(x0 + i * 8, y0 + i * 5);
      await page.waitForTimeout(16);
    }
    // Mid-drag: the picture is translated, and it is the map, not a blank stage.
    await poll(() => stageTransform(page)).toMatch(/^translate\(/);
    const mid = await page.locator('[data-testid=map]').screenshot();
    expect(nonBackgroundShare(mid, MAP_BACKGROUND)).toBeGreaterThan(0.02);
    // Holding still: sigma draws the view for real, the picture is back in place.
    await poll(() => stageTransform(page), 3000).toBe('');
    await page.mouse.move(x0 + 120, y0 + 75);
    await page.mouse.up();
    await poll(() => stageTransform(page), 3000).toBe('');
    await page.waitForTimeout(500); // inertia after the release
    // The node moved with the drag (80 + 40 px right, 50 + 25 px down, plus a little inertia).
    const after = (await nodeOnScreen(page, node))!;
    expect(after.x - before.x).toBeGreaterThan(100);
    expect(after.y - before.y).toBeGreaterThan(60);
    const shot = await page.locator('[data-testid=map]').screenshot();
    expect(nonBackgroundShare(shot, MAP_BACKGROUND)).toBeGreaterThan(0.02);
    expect(watch.errors).toEqual([]);
  }, 120_000);
});
