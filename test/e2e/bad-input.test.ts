/**
 * Bad input in real Chromium: an empty graph, names with HTML in them, nodes without positions or optional
 * attributes, a server that is down or failing (a clear message and retry), and the gaps endpoint missing.
 */
import { expect, it } from 'vitest';
import { describeBrowser, openApp, poll, watchPage, serverAndBrowser } from '../helpers/browser.js';

const SOURCE = [{ url: 'https://example.org/kalla', title: 'Testkälla' }];
const XSS = '<img src=x onerror="window.__xss=1"> Skolan <b>fet</b>';

describeBrowser('bad input (e2e, Chromium)', () => {
  const suite = serverAndBrowser({ seed: false });

  it('shows an empty map with a clear message and a legend, not a blank page', async () => {
    const page = await suite.browser().newPage({ viewport: { width: 1280, height: 800 } });
    const { errors } = watchPage(page);
    await openApp(page, `${suite.server().url}/`);
    expect(await page.getAttribute('body', 'data-nodes')).toBe('0');
    expect(await page.textContent('[data-testid=status]')).toContain('Kartan är tom');
    expect(await page.isVisible('[data-testid=legend]')).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('shows names with HTML as text, and copes with nodes lacking optional attributes', async () => {
    const batch = {
      nodes: [
        { id: 'org:xss-skolan', kind: 'Organisation', name: XSS, props: { orgType: 'komvux' } },
        { id: 'org:bara-namn', kind: 'Organisation', name: 'Bara namn', props: { orgType: 'arbetsgivare' } },
        {
          id: 'nw:natverk-utan-attribut',
          kind: 'Network',
          name: 'Nätverk utan attribut',
          props: { networkType: 'forum' },
        },
        { id: 'ssyk:2341', kind: 'Occupation', name: 'Grundskollärare', props: { ssyk: '2341' } },
      ],
      relations: [
        {
          type: 'MEMBER_OF',
          from: 'org:xss-skolan',
          to: 'nw:natverk-utan-attribut',
          evidence: 'uncertain',
          sources: SOURCE,
        },
        {
          type: 'EDUCATES_FOR',
          from: 'org:xss-skolan',
          to: 'ssyk:2341',
          evidence: 'probable',
          sources: SOURCE,
          validFrom: '2020-01-01',
          validTo: '2024-12-31',
        },
      ],
    };
    const res = await fetch(`${suite.server().url}/api/import`, {
      method: 'POST',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify(batch),
    });
    expect(res.status).toBe(200);
    const page = await suite.browser().newPage({ viewport: { width: 1280, height: 800 } });
    const { errors } = watchPage(page);
    await openApp(page, `${suite.server().url}/`);
    expect(await page.getAttribute('body', 'data-nodes')).toBe('4');
    // Nodes had no positions: every one got one, and the map is drawn.
    await page.waitForSelector('body[data-layout="done"]', { timeout: 60_000 });
    await page.fill('#search-input', 'skolan');
    await page.waitForSelector('.combo-list li');
    expect(await page.textContent('.combo-list li .opt-label')).toBe(XSS);
    await page.keyboard.press('Enter');
    await poll(() => page.textContent('[data-testid=details-name]')).toBe(XSS);
    // Nothing was interpreted as markup.
    expect(await page.locator('.details img, .combo-list img, [data-testid=legend] img').count()).toBe(0);
    expect(await page.evaluate(() => (window as unknown as { __xss?: number }).__xss)).toBeUndefined();
    // Colour by an attribute that only some nodes have: the others are "Uppgift saknas" in the legend.
    await page.selectOption('[data-testid=color-by]', 'attr:orgType');
    await poll(() => page.textContent('[data-testid=legend-color]')).toContain('Uppgift saknas');
    expect(errors).toEqual([]);
    await page.close();
  });

  it('says clearly when the server cannot be reached, and recovers on retry', async () => {
    const page = await suite.browser().newPage({ viewport: { width: 1280, height: 800 } });
    await page.route('**/api/graph**', (route) => route.abort('connectionrefused'));
    await page.goto(`${suite.server().url}/`);
    await page.waitForSelector('body[data-ready="error"]', { timeout: 30_000 });
    const status = await page.textContent('[data-testid=status]');
    expect(status).toContain('Kartan kunde inte laddas');
    expect(await page.isVisible('[data-testid=retry]')).toBe(true);
    // The server answers again: retry loads the map.
    await page.unroute('**/api/graph**');
    await page.click('[data-testid=retry]');
    await page.waitForSelector('body[data-ready="true"]', { timeout: 30_000 });
    expect(await page.isVisible('[data-testid=status]')).toBe(false);
    // A 503 from a server that is shutting down is reported the same way.
    await page.route('**/api/graph**', (route) =>
      route.fulfill({
        status: 503,
        contentType: 'application/problem+json',
        body: JSON.stringify({ status: 503, code: 'store_unavailable', detail: 'The store is unavailable' }),
      }),
    );
    await page.reload();
    await page.waitForSelector('body[data-ready="error"]', { timeout: 30_000 });
    expect(await page.textContent('[data-testid=status]')).toContain('503');
    await page.close();
  });

  it('says plainly that the gap analysis is not available when /api/gaps answers 404', async () => {
    const page = await suite.browser().newPage({ viewport: { width: 1280, height: 800 } });
    await page.route('**/api/gaps**', (route) =>
      route.fulfill({
        status: 404,
        contentType: 'application/problem+json',
        body: JSON.stringify({ status: 404, code: 'route_not_found', detail: 'No route' }),
      }),
    );
    await openApp(page, `${suite.server().url}/`);
    await page.click('[data-testid=tab-gaps]');
    await page.waitForSelector('[data-testid=gaps-unavailable]');
    expect(await page.textContent('[data-testid=gaps-unavailable]')).toContain('inte tillgänglig');
    await page.close();
  });
});
