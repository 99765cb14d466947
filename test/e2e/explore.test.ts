/**
 * Exploring the map in real Chromium: search with and without diacritics, focus and depth, filters, size by
 * betweenness, the language switch, a saved view's link, and keyboard-only use of the panels.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import {
  describeBrowser,
  poll,
  ensureWebBuilt,
  launchBrowser,
  openApp,
  waitForAnalysis,
  watchPage,
} from '../helpers/browser.js';
import { startServer, type RunningServer } from '../helpers/server.js';

interface GraphJson {
  nodes: { key: string; attributes: Record<string, unknown> }[];
}

const body = (page: Page, attr: string) => page.getAttribute('body', `data-${attr}`);

describeBrowser('exploring the map (e2e, Chromium)', () => {
  let server: RunningServer;
  let browser: Browser;
  let graph: GraphJson;

  beforeAll(async () => {
    ensureWebBuilt();
    server = await startServer({ seed: true });
    browser = await launchBrowser();
    graph = (await (await fetch(`${server.url}/api/graph`)).json()) as GraphJson;
    // The first visit computes and stores the shared layout; later pages reuse it.
    const page = await browser.newPage();
    await openApp(page, `${server.url}/`);
    await page.waitForSelector('body[data-layout="done"]', { timeout: 60_000 });
    await page.close();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function newPage(path = '/'): Promise<{ page: Page; errors: string[] }> {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    const { errors } = watchPage(page);
    await openApp(page, `${server.url}${path}`);
    return { page, errors };
  }

  async function searchOptions(page: Page, query: string): Promise<string[]> {
    await page.fill('#search-input', '');
    await page.fill('#search-input', query);
    await page.waitForSelector('.combo-list li', { timeout: 10_000 });
    return page.$$eval('.combo-list li .opt-label', (els) => els.map((e) => e.textContent ?? ''));
  }

  it('finds "värnamo" with and without diacritics and in any case, and focuses on it', async () => {
    const { page, errors } = await newPage();
    for (const q of ['värnamo', 'varnamo', 'VARNAMO', 'Värnamo k']) {
      const options = await searchOptions(page, q);
      expect(options, q).toContain('Värnamo kommun');
    }
    expect(await searchOptions(page, 'jonkoping university')).toEqual(
      expect.arrayContaining([expect.stringMatching(/Jönköping University/)]),
    );
    // Choose "Värnamo kommun" with the keyboard (nothing is highlighted until the first ArrowDown).
    const options = await searchOptions(page, 'varnamo kommun');
    for (let i = 0; i <= options.indexOf('Värnamo kommun'); i++) await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await poll(() => body(page, 'highlight')).toBe('focus');
    const n1 = Number(await body(page, 'highlight-nodes'));
    expect(n1).toBeGreaterThan(2);
    expect(await page.textContent('[data-testid=focus-info]')).toContain('Värnamo kommun');
    expect(await page.textContent('[data-testid=details-name]')).toBe('Värnamo kommun');
    expect(page.url()).toContain('focus=org%3A');
    // The legend explains the fading.
    expect(await page.textContent('[data-testid=legend-highlight]')).toContain('Värnamo kommun');
    // Depth 2 widens the neighbourhood.
    await page.check('[data-testid=depth-2]');
    await poll(async () => Number(await body(page, 'highlight-nodes'))).toBeGreaterThan(n1);
    // Clearing the focus un-fades the map.
    await page.click('[data-testid=clear-focus]');
    await poll(() => body(page, 'highlight')).toBe('none');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows the shortest path between two actors, and a community', async () => {
    const { page, errors } = await newPage();
    for (const [testid, q] of [
      ['path-from', 'Värnamo kommun'],
      ['path-to', 'Eksjö kommun'],
    ] as const) {
      await page.fill(`[data-testid=${testid}]`, q);
      await page.waitForSelector(`[data-testid=${testid}] ~ .combo-list li`);
      await page.keyboard.press('Enter');
    }
    await page.click('[data-testid=path-find]');
    await poll(() => body(page, 'highlight')).toBe('path');
    const result = await page.textContent('[data-testid=path-result]');
    expect(result).toMatch(/Kortaste väg: \d+ steg/);
    expect(result).toContain('Värnamo kommun');
    expect(result).toContain('Eksjö kommun');
    expect(page.url()).toContain('path=');
    await page.click('[data-testid=path-result] button');
    await poll(() => body(page, 'highlight')).toBe('none');
    // Communities (Louvain, seeded) from the worker's panel: click one to highlight it.
    await waitForAnalysis(page);
    await page.click('[data-testid=tab-communities]');
    await page.locator('.community-list li button').first().click();
    await poll(() => body(page, 'highlight')).toBe('community');
    expect(Number(await body(page, 'highlight-nodes'))).toBeGreaterThan(1);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('filters to education providers and employers', async () => {
    const { page, errors } = await newPage();
    await page.click('[data-testid=filter-kinds-none]');
    await page.check('[data-testid=filter-kinds-Organisation]');
    await page.click('[data-testid=filter-orgTypes-none]');
    const keep = ['larosate', 'yh_anordnare', 'gymnasieskola', 'komvux', 'folkhogskola', 'arbetsgivare'];
    for (const v of keep) {
      const box = page.locator(`[data-testid=filter-orgTypes-${v}]`);
      if ((await box.count()) > 0) await box.check();
    }
    const expected = graph.nodes.filter(
      (n) => n.attributes.kind === 'Organisation' && keep.includes(String(n.attributes.orgType)),
    ).length;
    await poll(async () => graph.nodes.length - Number(await body(page, 'hidden-nodes'))).toBe(expected);
    expect(await page.textContent('[data-testid=filter-summary]')).toContain(
      `Visar ${expected} av ${graph.nodes.length}`,
    );
    // The legend now only lists what is visible.
    const legend = await page.$$eval('[data-testid=legend-color] li', (lis) => lis.map((li) => li.textContent ?? ''));
    expect(legend.map((l) => l.replace(/\s*\d+$/, '').trim()).sort()).toEqual(['Arbetsgivare', 'Utbildningsanordnare']);
    expect(page.url()).toContain('types=');
    // Evidence and relation kind filters hide ties, not actors.
    await page.click('[data-testid=filters-reset]');
    await poll(() => body(page, 'hidden-nodes')).toBe('0');
    await page.uncheck('[data-testid=filter-evidence-uncertain]');
    expect(page.url()).toContain('ev=confirmed%2Cprobable');
    // A time slice: a date before every validFrom keeps only open-ended ties.
    await page.check('[data-testid=asof-enabled]');
    await page.fill('[data-testid=asof-date]', '1990-01-01');
    await page.dispatchEvent('[data-testid=asof-date]', 'change');
    expect(page.url()).toContain('asOf=1990-01-01');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('sizes nodes by betweenness once the analysis has run in the worker', async () => {
    const { page, errors } = await newPage();
    await waitForAnalysis(page);
    expect(Number(await body(page, 'analysis-progress-events'))).toBeGreaterThan(0);
    await page.selectOption('[data-testid=size-by]', 'betweenness');
    await poll(() => body(page, 'size-by')).toBe('betweenness');
    const size = await page.textContent('[data-testid=legend-size]');
    expect(size).toContain('Mellanhet');
    expect(size).toMatch(/0,\d+/);
    expect(page.url()).toContain('size=betweenness');
    // The key-actor table is sortable by any measure of the registry.
    await page.click('[data-testid=tab-actors]');
    await page.selectOption('[data-testid=actors-sort]', 'pagerank');
    const first = await page.$$eval('[data-testid=actors-table] tbody tr', (rows) =>
      rows.slice(0, 3).map((r) => r.getAttribute('data-node')),
    );
    expect(first.length).toBe(3);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('switches to English and back in one click', async () => {
    const { page, errors } = await newPage();
    await page.click('[data-testid=lang-switch]');
    await poll(() => page.getAttribute('html', 'lang')).toBe('en');
    const legend = await page.textContent('[data-testid=legend]');
    expect(legend).toContain('Legend');
    expect(legend).toContain('Colour: Type of actor');
    expect(legend).toContain('Education provider');
    expect(await page.textContent('#filters-h')).toBe('Filters');
    expect(page.url()).toContain('lang=en');
    await page.click('[data-testid=lang-switch]');
    await poll(() => page.getAttribute('html', 'lang')).toBe('sv');
    expect(await page.textContent('#filters-h')).toBe('Filter');
    // English is kept when the link is opened again.
    const en = await browser.newPage();
    await openApp(en, `${server.url}/?lang=en`);
    expect(await en.textContent('#search-h')).toBe('Search and focus');
    await en.close();
    expect(errors).toEqual([]);
    await page.close();
  });

  it("reopens a saved view's link with the same filters, encodings, focus and positions", async () => {
    const { page, errors } = await newPage();
    await waitForAnalysis(page);
    await page.selectOption('[data-testid=size-by]', 'betweenness');
    await page.selectOption('[data-testid=color-by]', 'municipality');
    await page.uncheck('[data-testid=filter-kinds-Municipality]');
    const options = await searchOptions(page, 'Jönköping University');
    expect(options.length).toBeGreaterThan(0);
    await page.keyboard.press('Enter');
    await poll(() => body(page, 'highlight')).toBe('focus');
    await page.fill('[data-testid=view-name]', 'Rapport högskolan');
    await page.click('[data-testid=view-save]');
    await poll(() => page.textContent('[data-testid=views-message]')).toContain('sparad');
    const link = await page.inputValue('[data-testid=view-link]');
    expect(link).toContain('view=Rapport');
    const saved = (await (
      await fetch(`${server.url}/api/views/${encodeURIComponent('Rapport högskolan')}`)
    ).json()) as {
      state: { view: { sizeBy: string; focus: string }; positions: Record<string, [number, number]> };
    };
    expect(saved.state.view.sizeBy).toBe('betweenness');
    expect(Object.keys(saved.state.positions).length).toBe(graph.nodes.length);
    const focus = saved.state.view.focus;
    const hidden = await body(page, 'hidden-nodes');
    const focusText = await page.textContent('[data-testid=focus-info]');

    // A colleague opens the link in a fresh page.
    const other = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    await openApp(other, link);
    await poll(() => body(other, 'highlight')).toBe('focus');
    expect(await body(other, 'hidden-nodes')).toBe(hidden);
    expect(await other.inputValue('[data-testid=color-by]')).toBe('municipality');
    expect(await other.isChecked('[data-testid=filter-kinds-Municipality]')).toBe(false);
    expect(await other.textContent('[data-testid=focus-info]')).toBe(focusText);
    expect(other.url()).toContain(`focus=${encodeURIComponent(focus)}`);
    // The saved view also lists the view by name.
    expect(await other.textContent('[data-testid=views-list]')).toContain('Rapport högskolan');
    await other.close();
    expect(errors).toEqual([]);
    await page.close();
  });

  it('can be used with the keyboard alone: skip links, search, tabs and panels', async () => {
    const { page, errors } = await newPage();
    const active = () =>
      page.evaluate(() => ({
        id: document.activeElement?.id ?? '',
        testid: (document.activeElement as HTMLElement | null)?.dataset?.testid ?? '',
        tag: document.activeElement?.tagName ?? '',
        text: document.activeElement?.textContent?.trim() ?? '',
      }));
    // The first Tab reaches the skip link to the search.
    await page.keyboard.press('Tab');
    expect((await active()).text).toBe('Hoppa till sök');
    await page.keyboard.press('Enter');
    await poll(async () => (await active()).id).toBe('search-input');
    await page.keyboard.type('vetlanda kommun');
    await page.waitForSelector('.combo-list li');
    await page.keyboard.press('Enter');
    await poll(() => body(page, 'highlight')).toBe('focus');
    // The next Tabs reach the depth radios, then the filters: every control is a native, focusable element.
    const seen = new Set<string>();
    for (let i = 0; i < 12; i++) {
      await page.keyboard.press('Tab');
      const a = await active();
      seen.add(a.testid || a.id || a.tag);
    }
    expect([...seen].some((s) => s.startsWith('depth-'))).toBe(true);
    expect([...seen].some((s) => s.startsWith('filter-'))).toBe(true);
    // On a fresh page, the third skip link leads to the panels; arrow keys move across the tabs.
    await page.goto(`${server.url}/`);
    await page.waitForSelector('body[data-ready="true"]');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect((await active()).text).toBe('Hoppa till detaljer och analys');
    await page.keyboard.press('Enter');
    await page.keyboard.press('Tab');
    expect((await active()).testid).toBe('tab-details');
    for (const [key, tab] of [
      ['ArrowRight', 'tab-actors'],
      ['ArrowRight', 'tab-communities'],
      ['ArrowRight', 'tab-gaps'],
      ['ArrowRight', 'tab-platform'],
      ['ArrowRight', 'tab-scenario'],
      ['ArrowRight', 'tab-edit'],
      ['End', 'tab-surveys'],
      ['ArrowLeft', 'tab-history'],
      ['ArrowLeft', 'tab-import'],
      ['Home', 'tab-details'],
    ] as const) {
      await page.keyboard.press(key);
      expect((await active()).testid).toBe(tab);
      expect(await page.getAttribute(`[data-testid=${tab}]`, 'aria-selected')).toBe('true');
    }
    // Into the details panel: its buttons are reachable and work from the keyboard.
    for (const key of ['End', 'ArrowLeft', 'ArrowLeft', 'ArrowLeft']) await page.keyboard.press(key);
    expect((await active()).testid).toBe('tab-edit');
    await page.keyboard.press('Tab');
    await page.keyboard.press('Tab');
    expect((await active()).testid).toBe('new-organisation');
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-testid=node-form]');
    expect(await page.evaluate(() => document.activeElement?.closest('[data-testid=node-form]') !== null)).toBe(true);
    // The table view is the keyboard alternative to the map.
    await page.focus('[data-testid=mode-table]');
    await page.keyboard.press('Enter');
    await page.waitForSelector('[data-testid=table-nodes]');
    expect(await page.locator('[data-testid=table-nodes] tbody tr').count()).toBeGreaterThan(50);
    expect(errors).toEqual([]);
    await page.close();
  });
});
