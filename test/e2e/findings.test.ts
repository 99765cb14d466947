/**
 * The gaps panel in real Chromium against the real server on the seeded county: it leads with "Läs först" (the
 * summary, at most 10 sentences), each finding shows its basis and confidence, "robust only" filters, and an absent
 * finding opens the register's completeness with its published counts.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { describeBrowser, ensureWebBuilt, launchBrowser, openApp, watchPage } from '../helpers/browser.js';
import { startServer, type RunningServer } from '../helpers/server.js';

describeBrowser('findings with their basis and the register completeness (e2e, Chromium)', () => {
  let server: RunningServer;
  let browser: Browser;
  let page: Page;
  let errors: string[];

  beforeAll(async () => {
    ensureWebBuilt();
    server = await startServer({ seed: true });
    browser = await launchBrowser();
    page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    ({ errors } = watchPage(page));
    await openApp(page, `${server.url}/`);
    await page.waitForSelector('body[data-layout="done"]', { timeout: 60_000 });
    await page.click('[data-testid=tab-gaps]');
    await page.waitForSelector('[data-testid=gaps-summary]', { timeout: 60_000 });
  }, 180_000);
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('leads with at most 10 findings to read first, in plain sentences', async () => {
    const items = await page.locator('[data-testid=gaps-summary] li').allInnerTexts();
    expect(items.length).toBeGreaterThan(0);
    expect(items.length).toBeLessThanOrEqual(10);
    for (const text of items) expect(text).not.toMatch(/i länet/);
    expect(await page.locator('[data-testid=gaps-summary] h4').innerText()).toBe('Läs först');
  });

  it('shows basis and confidence on every finding, and "robust only" hides the others', async () => {
    const all = await page.locator('li.finding').count();
    // Groups may be closed: read the text content, not the rendered text.
    const bases = await page.locator('[data-testid^=gap-basis-]').allTextContents();
    expect(bases).toHaveLength(all);
    for (const b of bases)
      expect(b).toMatch(/(Bygger på band som saknas i registret|Syns i registrerade band) · säkerhet: (hög|medel|låg)/);
    const robust = bases.filter((b) => b.includes('håller på bekräftade band')).length;
    await page.check('[data-testid=gaps-robust-only]');
    expect(await page.locator('li.finding').count()).toBe(robust);
    await page.uncheck('[data-testid=gaps-robust-only]');
    expect(await page.locator('li.finding').count()).toBe(all);
  });

  it('the key-actors panel marks key actors robust or not and can show the robust ones only', async () => {
    await page.waitForSelector('body[data-analysis="done"]', { timeout: 120_000 });
    await page.click('[data-testid=tab-actors]');
    const all = await page.locator('[data-testid=actors-table] tbody tr').count();
    const hints = await page.locator('[data-testid=actors-table] tbody tr .hint').allTextContents();
    const robust = hints.filter((x) => x.includes('nyckelaktör, håller på bekräftade band')).length;
    expect(hints.filter((x) => x.includes('nyckelaktör')).length).toBeGreaterThan(0);
    await page.check('[data-testid=actors-robust-only]');
    expect(await page.locator('[data-testid=actors-table] tbody tr').count()).toBe(robust);
    await page.uncheck('[data-testid=actors-robust-only]');
    expect(await page.locator('[data-testid=actors-table] tbody tr').count()).toBe(all);
    await page.click('[data-testid=tab-gaps]');
  });

  it('an absent finding opens the register completeness with its published counts', async () => {
    const button = page.locator('li.finding button.link', { hasText: 'Se registrets fullständighet' }).first();
    // Open the finding's group (closed groups hide their findings) before clicking.
    await button.evaluate((b) => {
      const details = b.closest('details');
      if (details) details.open = true;
    });
    await button.click();
    await page.waitForSelector('[data-testid=completeness-kinds]');
    const table = await page.locator('[data-testid=completeness-kinds]').innerText();
    expect(table).toContain('Kommuner');
    expect(table).toContain('13');
    expect(await page.locator('[data-testid=completeness-municipalities] tbody tr').count()).toBe(13);
    expect(errors).toEqual([]);
  });
});
