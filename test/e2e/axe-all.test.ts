/**
 * axe-core on every screen and tab (issue 19, done-when 5): the map with the legend open, details, key actors,
 * communities, gaps, Plattformen, Tänk om (with a drafted tie and its result), the edit forms open (also with their
 * errors shown), import and history, at 390×844 and 1280×720. The test browser bypasses the CSP to inject axe;
 * the app's CSP stays as it is. Real server (SQLite, seeded), real headless Chromium.
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { describeBrowser, openApp, poll, serverAndBrowser, waitForAnalysis, watchPage } from '../helpers/browser.js';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

async function axe(page: Page, where: string): Promise<string[]> {
  if (!(await page.evaluate(() => 'axe' in window))) await page.addScriptTag({ content: AXE });
  const found = await page.evaluate(async () => {
    type AxeResult = { violations: { id: string; nodes: { target: string[] }[] }[] };
    const a = (window as unknown as { axe: { run: (ctx: Document) => Promise<AxeResult> } }).axe;
    const r = await a.run(document);
    return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
  return found.map((f) => `${where}: ${f}`);
}

/** Lets a tab's fetches finish (gaps, platform, history …) before axe looks. */
const settle = (page: Page) => page.waitForLoadState('networkidle', { timeout: 30_000 }).catch(() => undefined);

async function pick(page: Page, testid: string, query: string): Promise<void> {
  await page.fill(`[data-testid=${testid}]`, query);
  await page.waitForSelector(`[data-testid=${testid}] ~ .combo-list li`);
  await page.keyboard.press('Enter');
}

describeBrowser('axe on every screen and tab (e2e, Chromium)', () => {
  const suite = serverAndBrowser({ seed: true });

  for (const viewport of [
    { width: 390, height: 844 },
    { width: 1280, height: 720 },
  ]) {
    it(`${viewport.width}×${viewport.height}: 0 violations on the map, every tab and the open forms`, async () => {
      const page = await suite.browser().newPage({ viewport, bypassCSP: true });
      const { errors } = watchPage(page);
      await openApp(page, `${suite.server().url}/`);
      await waitForAnalysis(page, 120_000);
      const found: string[] = [];

      // The map with the legend open, and a focused actor in the details.
      const toggle = page.locator('[data-testid=legend-toggle]');
      if ((await toggle.getAttribute('aria-expanded')) === 'false') await toggle.click();
      await page.fill('#search-input', 'Jönköping University');
      await page.waitForSelector('.combo-list li');
      await page.keyboard.press('Enter');
      await poll(() => page.getAttribute('body', 'data-highlight')).toBe('focus');
      found.push(...(await axe(page, 'map+details+legend')));

      for (const tab of ['actors', 'communities', 'gaps', 'platform', 'import', 'history']) {
        await page.click(`[data-testid=tab-${tab}]`);
        await settle(page);
        found.push(...(await axe(page, tab)));
      }

      // Tänk om: a drafted tie and what it would change.
      await page.click('[data-testid=tab-scenario]');
      await pick(page, 'scenario-from', 'Jönköping University');
      await pick(page, 'scenario-to', 'Värnamo kommun');
      await page.click('[data-testid=scenario-add]');
      await settle(page);
      found.push(...(await axe(page, 'scenario')));

      // The edit tab, then each form open, then with its errors shown.
      await page.click('[data-testid=tab-edit]');
      found.push(...(await axe(page, 'edit')));
      for (const [open, form, save] of [
        ['new-organisation', 'node-form', 'node-save'],
        ['new-network', 'node-form', 'node-save'],
        ['new-relation', 'relation-form', 'relation-save'],
        ['new-action', 'action-form', 'action-save'],
      ]) {
        await page.click(`[data-testid=${open}]`);
        await page.waitForSelector(`[data-testid=${form}]`);
        found.push(...(await axe(page, open)));
        await page.click(`[data-testid=${save}]`);
        await poll(() => page.locator(`[data-testid=${form}] .field-error:not([hidden])`).count()).toBeGreaterThan(0);
        found.push(...(await axe(page, `${open} with errors`)));
        await page.click(`[data-testid=${form}] button:has-text("Avbryt")`);
      }
      expect(found).toEqual([]);
      expect(errors).toEqual([]);
      await page.close();
    }, 300_000);
  }
});
