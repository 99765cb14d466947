/**
 * "Tänk om…" in real Chromium against the real server, on the Jönköping fixture with every EDUCATES_FOR tie to
 * CAD left out: the user drafts JTH → CAD by picking names from lists, sees "no provider for CAD" resolved, and
 * the register is unchanged (same graph ETag); then saves the draft as an action and as a real record.
 */
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { describeBrowser, ensureWebBuilt, launchBrowser, openApp, poll, watchPage } from '../helpers/browser.js';
import { startServer, type RunningServer } from '../helpers/server.js';
import { jonkopingBatch } from '../../fixtures/jonkoping/index.js';

const CAD = 'skill:cad';

describeBrowser('Tänk om… (e2e, Chromium)', () => {
  let server: RunningServer;
  let browser: Browser;

  const graphEtag = async () => (await fetch(`${server.url}/api/graph`)).headers.get('etag');
  const cadTies = async () =>
    ((await (await fetch(`${server.url}/api/relations?type=EDUCATES_FOR&to=${CAD}`)).json()) as { total: number })
      .total;

  beforeAll(async () => {
    ensureWebBuilt();
    server = await startServer({ seed: false });
    const batch = jonkopingBatch();
    batch.relations = batch.relations.filter((r) => !(r.type === 'EDUCATES_FOR' && r.to === CAD));
    const res = await fetch(`${server.url}/api/import`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(batch),
    });
    expect(res.status, await res.clone().text()).toBeLessThan(300);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  async function pick(page: Page, testid: string, query: string): Promise<void> {
    await page.fill(`[data-testid=${testid}]`, query);
    await page.waitForSelector(`[data-testid=${testid}] ~ .combo-list li`);
    await page.keyboard.press('Enter');
  }

  async function draftJthCad(page: Page): Promise<void> {
    await page.click('[data-testid=tab-scenario]');
    await page.selectOption('[data-testid=scenario-type]', 'EDUCATES_FOR');
    await pick(page, 'scenario-from', 'Tekniska Högskolan i Jönköping');
    await pick(page, 'scenario-to', 'CAD');
    await page.click('[data-testid=scenario-add]');
    const item = await page.textContent('[data-testid=scenario-items]');
    expect(item).toContain('Tekniska Högskolan i Jönköping');
    expect(item).toContain('CAD');
    expect(item).not.toContain(CAD);
    await page.click('[data-testid=scenario-compute]');
    await page.waitForSelector(`[data-testid=scenario-resolved] li[data-finding="supply:${CAD}"]`, { timeout: 60_000 });
  }

  it('drafts JTH → CAD, sees "no provider for CAD" resolved, and the register is unchanged', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    const { errors } = watchPage(page);
    await openApp(page, `${server.url}/`);
    const before = await graphEtag();
    await draftJthCad(page);
    const resolved = await page.textContent(`[data-testid=scenario-resolved] li[data-finding="supply:${CAD}"]`);
    expect(resolved).toContain('CAD');
    const result = (await page.textContent('[data-testid=scenario-result]')) ?? '';
    expect(result).toContain('Glapp som försvinner');
    expect(result).toContain('Plattformens räckvidd');
    expect(result).not.toMatch(/supply:|skill:|org:/);
    expect(await graphEtag()).toBe(before);
    expect(await cadTies()).toBe(0);
    await page.screenshot({ path: '/tmp/aktorsatlas-e2e-scenario.png' });

    // Saved as an action-plan item: an Action that names the finding; still no tie to CAD.
    await pick(page, 'scenario-action-owner', 'Region Jönköpings län');
    await page.click('[data-testid=scenario-save-action-submit]');
    await poll(() => page.textContent('[data-testid=scenario-message]'), 30_000).toContain('Åtgärden');
    const actions = (await (await fetch(`${server.url}/api/nodes?kind=Action&limit=100`)).json()) as {
      items: { name: string; props: Record<string, unknown> }[];
    };
    const action = actions.items.find((a) => a.props.gapKey === `supply:${CAD}`);
    expect(action?.name).toContain('Tänk om:');
    expect(String(action?.props.description)).toContain('CAD');
    expect(await cadTies()).toBe(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('saves the drafted tie as a real record only with a source and an evidence level', async () => {
    const page = await browser.newPage({ viewport: { width: 1440, height: 900 } });
    const { errors } = watchPage(page);
    await openApp(page, `${server.url}/`);
    await draftJthCad(page);
    const form = '[data-testid=scenario-save-records]';
    await page.click('[data-testid=scenario-save-records-submit]');
    await poll(() => page.textContent(`${form} .form-problems`)).not.toBe('');
    expect(await cadTies()).toBe(0);
    await page.fill(`${form} input[data-field=sourceUrl]`, 'https://ju.se/utbildning');
    await page.fill(`${form} input[data-field=sourceTitle]`, 'Jönköping University: utbildningar vid JTH');
    await page.selectOption(`${form} select[data-field=evidence]`, 'probable');
    await page.click('[data-testid=scenario-save-records-submit]');
    await poll(() => page.textContent('[data-testid=scenario-message]'), 30_000).toContain('sparade');
    expect(await cadTies()).toBe(1);
    expect(errors).toEqual([]);
    await page.close();
  });
});
