/**
 * Search and the small things of a page load (issue 19, points 7 and 10): the search lists every hit a page
 * at a time with "Visa fler", highlights nothing until an arrow key moves (ArrowDown + Enter takes the first
 * hit), folds diacritics ("jonkoping" finds Region Jönköpings län); the page has a favicon (no 404) and asks
 * for the saved views once per load. Real server (SQLite, seeded), real headless Chromium.
 */
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { describeBrowser, openApp, poll, serverAndBrowser, watchPage } from '../helpers/browser.js';

const body = (page: Page, key: string) => page.evaluate((k) => document.body.dataset[k] ?? '', key);
const optionLabels = (page: Page) =>
  page.$$eval('#search-panel .combo-list li .opt-label', (els) => els.map((e) => e.textContent ?? ''));
const selected = (page: Page) => page.locator('#search-panel .combo-list li[aria-selected=true]');

describeBrowser('search, favicon and saved views on load (e2e, Chromium)', () => {
  const suite = serverAndBrowser({ seed: true });
  const open = async () => {
    const page = await suite.browser().newPage({ viewport: { width: 1280, height: 720 } });
    const watch = watchPage(page);
    await openApp(page, `${suite.server().url}/`);
    return { page, errors: watch.errors };
  };

  it('"jonkoping" lists every hit a page at a time and reaches Region Jönköpings län with "Visa fler"', async () => {
    const { page, errors } = await open();
    await page.fill('#search-input', 'jonkoping');
    await page.waitForSelector('#search-panel .combo-list li');
    const first = await optionLabels(page);
    expect(first).toHaveLength(12);
    expect(first[0]).toBe('Jönköping');
    const more = page.locator('[data-testid=combo-more]');
    expect(await more.textContent()).toMatch(/^Visa fler träffar \(\d+ till\)$/);
    expect(await page.textContent('#search-panel .combo .sr-only')).toMatch(/^Visar 12 av \d+ träffar$/);
    // From the keyboard: ArrowUp from nothing highlighted reaches the last option, "Visa fler".
    await page.focus('#search-input');
    await page.keyboard.press('ArrowUp');
    expect(await more.getAttribute('aria-selected')).toBe('true');
    await page.keyboard.press('Enter');
    await poll(async () => (await optionLabels(page)).length).toBeGreaterThan(12);
    expect(await page.locator('#search-input').inputValue()).toBe('jonkoping'); // the list grew, nothing chosen
    // "Visa fler" until the region is listed, then choose it.
    while (!(await optionLabels(page)).includes('Region Jönköpings län') && (await more.count()) > 0)
      await more.dispatchEvent('mousedown');
    const region = page
      .locator('#search-panel .combo-list li')
      .filter({ has: page.locator('.opt-label', { hasText: /^Region Jönköpings län$/ }) });
    await region.dispatchEvent('mousedown');
    await poll(() => page.textContent('[data-testid=details-name]')).toBe('Region Jönköpings län');
    expect(new URL(page.url()).searchParams.get('focus')).toBe('org:region-jonkopings-lan');
    // Two words in any order find it first.
    await page.fill('#search-input', 'region jonkoping');
    await page.waitForSelector('#search-panel .combo-list li');
    expect((await optionLabels(page))[0]).toBe('Region Jönköpings län');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('highlights nothing until an arrow key: ArrowDown + Enter takes the first hit, Enter alone too', async () => {
    const { page, errors } = await open();
    await page.fill('#search-input', 'kommun');
    await page.waitForSelector('#search-panel .combo-list li');
    expect(await selected(page).count()).toBe(0);
    expect(await page.getAttribute('#search-input', 'aria-activedescendant')).toBeNull();
    const hits = await page.$$eval('#search-panel .combo-list li[data-id]', (els) =>
      els.map((e) => (e as HTMLElement).dataset.id ?? ''),
    );
    await page.keyboard.press('ArrowDown');
    expect(await selected(page).getAttribute('data-id')).toBe(hits[0]);
    expect(await page.getAttribute('#search-input', 'aria-activedescendant')).toBe(
      await selected(page).getAttribute('id'),
    );
    await page.keyboard.press('Enter');
    await poll(() => page.evaluate(() => new URL(location.href).searchParams.get('focus'))).toBe(hits[0]);
    expect(await body(page, 'highlight')).toBe('focus');
    // ArrowDown twice: the second hit.
    await page.fill('#search-input', 'kommun');
    await page.waitForSelector('#search-panel .combo-list li');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('ArrowDown');
    await page.keyboard.press('Enter');
    await poll(() => page.evaluate(() => new URL(location.href).searchParams.get('focus'))).toBe(hits[1]);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('has a favicon (no 404 on load, /favicon.ico answers) and asks for the saved views once per load', async () => {
    const page = await suite.browser().newPage({ viewport: { width: 1280, height: 720 } });
    const watch = watchPage(page);
    const failed: string[] = [];
    const viewLists: string[] = [];
    page.on('response', (r) => {
      const path = new URL(r.url()).pathname;
      // The shared layout view may not exist yet on a fresh server (the first visit computes and saves it).
      if (r.status() >= 400 && path !== '/api/views/Grundlayout') failed.push(`${r.status()} ${path}`);
    });
    page.on('request', (r) => new URL(r.url()).pathname === '/api/views' && viewLists.push(r.method()));
    await openApp(page, `${suite.server().url}/`);
    await page.waitForSelector('body[data-analysis="done"]', { timeout: 60_000 });
    expect(viewLists).toEqual(['GET']);
    // A language switch re-renders the panels without asking again.
    await page.click('[data-testid=lang-switch]');
    await poll(() => page.getAttribute('html', 'lang')).toBe('en');
    expect(viewLists).toEqual(['GET']);
    const icons = await page.$$eval('link[rel=icon]', (ls) => ls.map((l) => (l as HTMLLinkElement).href));
    expect(icons.length).toBeGreaterThan(0);
    for (const href of [...icons, `${suite.server().url}/favicon.ico`]) {
      const res = await page.request.get(href);
      expect(res.status(), href).toBe(200);
      expect(res.headers()['content-type']).toMatch(/^image\//);
      expect((await res.body()).length).toBeGreaterThan(100);
    }
    expect(failed).toEqual([]);
    expect(watch.errors).toEqual([]);
    await page.close();
  });
});
