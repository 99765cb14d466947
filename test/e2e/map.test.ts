/**
 * Done when 1: the start page shows the Jönköping map with its legend in Swedish. Real server (SQLite, seeded),
 * real headless Chromium; the screenshot of the map must not be blank.
 */
import { expect, it } from 'vitest';
import {
  MAP_BACKGROUND,
  describeBrowser,
  nodeOnScreen,
  nonBackgroundShare,
  openApp,
  poll,
  reloadGraph,
  serverAndBrowser,
  watchPage,
} from '../helpers/browser.js';

describeBrowser('the map (e2e, Chromium)', () => {
  const suite = serverAndBrowser({ seed: true });

  it('opens at / with the Jönköping map, a non-blank canvas and a Swedish legend', async () => {
    const page = await suite.browser().newPage({ viewport: { width: 1440, height: 900 } });
    const watch = watchPage(page);
    await openApp(page, `${suite.server().url}/`);
    await page.waitForSelector('body[data-layout="done"]', { timeout: 60_000 });
    expect(await page.getAttribute('html', 'lang')).toBe('sv');
    expect(await page.title()).toBe('Aktörsatlas');
    expect(Number(await page.getAttribute('body', 'data-nodes'))).toBeGreaterThan(100);

    // The legend says what colour, shape, size and line style mean, in Swedish.
    const legend = page.locator('[data-testid=legend]');
    await poll(() => legend.isVisible()).toBe(true);
    const text = await legend.innerText();
    for (const s of [
      'Teckenförklaring',
      'Färg: Typ av aktör',
      'Utbildningsanordnare',
      'Arbetsgivare',
      'Nätverk och råd',
      'Storlek: Grad',
      'Bekräftad',
      'Trolig',
      'Osäker',
    ]) {
      expect(text).toContain(s);
    }
    // Colour is never the only carrier: every colour entry has a text label and a count.
    const entries = await page.$$eval('[data-testid=legend-color] li', (lis) =>
      lis.map((li) => li.textContent?.trim() ?? ''),
    );
    expect(entries.length).toBeGreaterThan(5);
    for (const e of entries) expect(e).toMatch(/\p{L}.*\d/u);

    // The map canvas is drawn: a good share of its pixels differ from the background.
    const shot = await page.locator('[data-testid=map]').screenshot({ path: '/tmp/aktorsatlas-e2e-map.png' });
    const share = nonBackgroundShare(shot, MAP_BACKGROUND);
    expect(share).toBeGreaterThan(0.05);
    // A node label is drawn by WebGL and a known actor is on the map (through the search index).
    await page.fill('#search-input', 'Region Jönköpings');
    await poll(() => page.locator('.combo-list li').count()).toBeGreaterThan(0);
    expect(watch.errors).toEqual([]);
    await page.close();
  });

  it('pins a dragged node and stores its new position for everyone', async () => {
    const page = await suite.browser().newPage({ viewport: { width: 1440, height: 900 } });
    const { errors } = watchPage(page);
    await openApp(page, `${suite.server().url}/`);
    const node = 'org:region-jonkopings-lan';
    const at = await nodeOnScreen(page, node);
    expect(at).not.toBeNull();
    const before = (
      (await (await fetch(`${suite.server().url}/api/views/Grundlayout`)).json()) as {
        state: { positions: Record<string, [number, number]> };
      }
    ).state.positions[node];
    await page.mouse.move(at!.x, at!.y);
    await page.mouse.down();
    await page.mouse.move(at!.x + 60, at!.y + 40, { steps: 10 });
    await page.mouse.up();
    await poll(() => page.getAttribute('body', 'data-pinned')).toBe('1');
    await poll(async () => {
      const v = (await (await fetch(`${suite.server().url}/api/views/Grundlayout`)).json()) as {
        state: { positions: Record<string, [number, number]>; pinned: string[] };
      };
      return v.state.pinned.includes(node) && v.state.positions[node][0] !== before[0];
    }).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('drags a node after the graph was reloaded (as after an edit)', async () => {
    const page = await suite.browser().newPage({ viewport: { width: 1440, height: 900 } });
    const { errors } = watchPage(page);
    await openApp(page, `${suite.server().url}/`);
    const stored = async () =>
      (
        (await (await fetch(`${suite.server().url}/api/views/Grundlayout`)).json()) as {
          state: { positions: Record<string, [number, number]> };
        }
      ).state.positions[node];
    const node = 'org:region-jonkopings-lan';
    await reloadGraph(page);
    const before = await stored();
    const at = await nodeOnScreen(page, node);
    expect(at).not.toBeNull();
    await page.mouse.move(at!.x, at!.y);
    await page.mouse.down();
    await page.mouse.move(at!.x + 80, at!.y + 50, { steps: 10 });
    await page.mouse.up();
    // The node moved on the map sigma draws (sigma starts the drag after the first step, so not quite 80 px),
    // and the new position is stored (before the next test reads the layout).
    await poll(async () => {
      const p = await nodeOnScreen(page, node);
      return p !== null && p.x - at!.x > 50 && p.y - at!.y > 30;
    }).toBe(true);
    await poll(async () => (await stored())[0] !== before[0]).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('keeps the same layout after a reload (positions stored with the shared layout view)', async () => {
    const res = await fetch(`${suite.server().url}/api/views/Grundlayout`);
    expect(res.status).toBe(200);
    const before = ((await res.json()) as { state: { positions: Record<string, [number, number]> } }).state.positions;
    expect(Object.keys(before).length).toBeGreaterThan(100);
    const page = await suite.browser().newPage({ viewport: { width: 1200, height: 800 } });
    await openApp(page, `${suite.server().url}/`);
    // No new layout is computed on the second visit.
    await page.waitForTimeout(500);
    expect(await page.getAttribute('body', 'data-layout')).toBeNull();
    const after = (
      (await (await fetch(`${suite.server().url}/api/views/Grundlayout`)).json()) as {
        state: { positions: Record<string, [number, number]> };
      }
    ).state.positions;
    expect(after).toEqual(before);
    await page.close();
  });
});
