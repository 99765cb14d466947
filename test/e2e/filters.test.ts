/**
 * Filters (issue 19 point 8): a filter reframes the map on what is left, the date filter hides nodes that did not
 * yet exist, a numeric filter (degree ≥ n) from the metric registry, a click on the background lets go of the
 * focus, and the filter lists, colour menu and details name things instead of showing ids and codes.
 * Real server (SQLite, seeded), real headless Chromium.
 */
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { describeBrowser, nodeOnScreen, openApp, poll, serverAndBrowser, watchPage } from '../helpers/browser.js';

interface GraphJson {
  nodes: { key: string; attributes: Record<string, unknown> }[];
  edges: { key: string; source: string; target: string; attributes: Record<string, unknown> }[];
}
type Camera = { x: number; y: number; ratio: number };

const body = (page: Page, attr: string) => page.getAttribute('body', `data-${attr}`);
const camera = (page: Page) =>
  page.evaluate(() => (window as unknown as { __atlas: { camera: () => Camera } }).__atlas.camera());

describeBrowser('filters (e2e, Chromium)', () => {
  const suite = serverAndBrowser({ seed: true });
  const graph = async () => (await (await fetch(`${suite.server().url}/api/graph`)).json()) as GraphJson;

  const open = async () => {
    const page = await suite.browser().newPage({ viewport: { width: 1440, height: 900 } });
    const watch = watchPage(page);
    await openApp(page, `${suite.server().url}/`);
    // The first visit computes and saves the layout; later visits take the saved one.
    await page.waitForFunction(() => !['initial', 'running'].includes(document.body.dataset.layout ?? ''), null, {
      timeout: 90_000,
    });
    return { page, errors: watch.errors };
  };

  it('a municipality filter reframes the map on the nodes left; reset shows the whole map again', async () => {
    const { page, errors } = await open();
    const before = await camera(page);
    await page.click('[data-testid=filter-municipalities-none]');
    await page.check('[data-testid="filter-municipalities-kommun:0683"]');
    await poll(async () => Number(await body(page, 'hidden-nodes'))).toBeGreaterThan(100);
    // The camera moves to what is left: every node left is inside the map, and together they fill it.
    await poll(async () => JSON.stringify(await camera(page)), 10_000).not.toBe(JSON.stringify(before));
    const map = (await page.locator('[data-testid=map]').boundingBox())!;
    const shown = await page.evaluate(() =>
      (window as unknown as { __atlas: { visibleNodes: () => string[] } }).__atlas.visibleNodes(),
    );
    expect(shown.length).toBeGreaterThan(2);
    const fitted = async () => {
      const ps = await Promise.all(shown.map((n) => nodeOnScreen(page, n)));
      const xs = ps.map((p) => p?.x ?? NaN);
      const ys = ps.map((p) => p?.y ?? NaN);
      const inside = ps.every(
        (p) => p && p.x >= map.x && p.x <= map.x + map.width && p.y >= map.y && p.y <= map.y + map.height,
      );
      const fill = Math.max(
        (Math.max(...xs) - Math.min(...xs)) / map.width,
        (Math.max(...ys) - Math.min(...ys)) / map.height,
      );
      // fitNodes leaves a margin and the legend's side free, so the nodes span a good part, not all, of the map.
      return inside && fill > 0.3;
    };
    await poll(fitted, 10_000).toBe(true);
    await page.click('[data-testid=filters-reset]');
    await poll(async () => Math.abs((await camera(page)).ratio - before.ratio) < 0.02, 10_000).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  }, 180_000);

  it('the date filter hides nodes that did not yet exist; degree ≥ n hides the others', async () => {
    const { page, errors } = await open();
    const g = await graph();
    const date = '2016-01-01';
    // Nodes whose every tie starts after the date entered the network later (core/graph/view-filters.ts).
    const existed = new Set<string>();
    const hasTie = new Set<string>();
    for (const e of g.edges) {
      for (const n of [e.source, e.target]) hasTie.add(n);
      const from = e.attributes.validFrom;
      if (!(typeof from === 'string' && from > date)) [e.source, e.target].forEach((n) => existed.add(n));
    }
    const notYet = g.nodes.filter((n) => {
      const start = n.attributes.certifiedFrom;
      return (typeof start === 'string' && start > date) || (hasTie.has(n.key) && !existed.has(n.key));
    });
    expect(notYet.length).toBeGreaterThan(0);
    await page.check('[data-testid=asof-enabled]');
    await page.fill('[data-testid=asof-date]', date);
    await page.dispatchEvent('[data-testid=asof-date]', 'change');
    await poll(async () => Number(await body(page, 'hidden-nodes'))).toBe(notYet.length);
    await page.click('[data-testid=filters-reset]');
    await poll(() => body(page, 'hidden-nodes')).toBe('0');

    // Degree at least 8: the nodes with fewer ties are hidden, and the link says so.
    const degree = new Map<string, number>();
    for (const e of g.edges) for (const n of [e.source, e.target]) degree.set(n, (degree.get(n) ?? 0) + 1);
    const below = g.nodes.filter((n) => (degree.get(n.key) ?? 0) < 8).length;
    expect(await page.$$eval('[data-testid=range-metric] option', (os) => os.map((o) => o.textContent))).toContain(
      'Grad',
    );
    await page.fill('[data-testid=range-min]', '8');
    await page.dispatchEvent('[data-testid=range-min]', 'change');
    await poll(async () => Number(await body(page, 'hidden-nodes'))).toBe(below);
    expect(page.url()).toContain('min=degree%3A8');
    expect(errors).toEqual([]);
    await page.close();
  }, 180_000);

  it('a click on the background lets go of the focus; lists and menus show names, not codes', async () => {
    const { page, errors } = await open();
    await page.fill('#search-input', 'Värnamo kommun');
    await page.waitForSelector('.combo-list li');
    await page.keyboard.press('Enter');
    await poll(() => body(page, 'highlight')).toBe('focus');
    // An empty spot of the map: a corner away from every drawn node.
    const map = (await page.locator('[data-testid=map]').boundingBox())!;
    const g = await graph();
    const spots = [
      { x: map.x + 12, y: map.y + map.height - 12 },
      { x: map.x + 12, y: map.y + 12 },
      { x: map.x + map.width / 2, y: map.y + map.height - 12 },
    ];
    const positions = await page.evaluate(
      (ids) =>
        ids.map((id) =>
          (window as unknown as { __atlas: { nodeOnScreen: (n: string) => unknown } }).__atlas.nodeOnScreen(id),
        ),
      g.nodes.map((n) => n.key),
    );
    const free = spots.find((s) =>
      (positions as ({ x: number; y: number } | null)[]).every((p) => !p || Math.hypot(p.x - s.x, p.y - s.y) > 20),
    );
    expect(free).toBeDefined();
    await page.mouse.click(free!.x, free!.y);
    await poll(() => body(page, 'highlight')).toBe('none');
    expect(new URL(page.url()).searchParams.get('focus')).toBeNull();

    // No raw ids or codes: the sector filter names SNI sections, the colour menu has no label twice.
    const sectors = await page.locator('[data-testid=filter-group-sectors]').innerText();
    expect(sectors).not.toMatch(/sni:/);
    expect(sectors).toContain('Offentlig förvaltning och försvar');
    const colours = await page.$$eval('[data-testid=color-by] option', (os) => os.map((o) => o.textContent ?? ''));
    expect(new Set(colours).size).toBe(colours.length);
    expect(colours).toContain('Organisationstyp');
    // Details: a main sector by name with its code in parentheses, an evidence level by its label.
    const withSni = g.nodes.find((n) => n.attributes.primarySni === '86');
    expect(withSni).toBeDefined();
    await page.fill('#search-input', String(withSni!.attributes.name));
    await page.waitForSelector('.combo-list li');
    await page.keyboard.press('Enter');
    await poll(() => page.locator('[data-testid=details]').innerText()).toContain('Hälso- och sjukvård (86)');
    const network = g.nodes.find((n) => n.attributes.existence === 'confirmed');
    expect(network).toBeDefined();
    await page.fill('#search-input', String(network!.attributes.name));
    await page.waitForSelector('.combo-list li');
    await page.keyboard.press('Enter');
    const details = page.locator('[data-testid=details]');
    await poll(() => details.innerText()).toContain('Bekräftad');
    expect(await details.innerText()).not.toMatch(/\bconfirmed\b|nw:/);
    expect(errors).toEqual([]);
    await page.close();
  }, 180_000);
});
