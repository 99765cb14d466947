/**
 * The "Plattformen" view in real Chromium on the seeded Jönköping network: rings, the coverage tables by
 * municipality and helix group, the invitation list with the gain of each pick, gender and integration, and the
 * kompetensråd proposal; changing the evidence filter asks the server again.
 */
import { expect, it } from 'vitest';
import { describeBrowser, openApp, poll, serverAndBrowser, watchPage } from '../helpers/browser.js';

describeBrowser('the platform at the centre (e2e, Chromium)', () => {
  const env = serverAndBrowser({ seed: true });

  it('shows rings, coverage by municipality and helix, and whom to invite', async () => {
    const page = await env.browser().newPage({ viewport: { width: 1440, height: 900 } });
    const { errors } = watchPage(page);
    await openApp(page, `${env.server().url}/`);
    await page.click('[data-testid=tab-platform]');
    await page.waitForSelector('body[data-platform="ok"]', { timeout: 60_000 });

    const rings = await page.$$eval('[data-testid=platform-rings] summary', (els) => els.map((e) => e.textContent));
    expect(rings).toHaveLength(3);
    expect(rings[0]).toMatch(/^Steg 1: \d+ organisationer, \d+ nätverk$/);
    const ring1 = await page.textContent('[data-testid=platform-rings] details[data-ring="1"]');
    expect(ring1).toContain('Region Jönköpings län');

    const rows = await page.$$eval('[data-testid=platform-municipalities] tbody tr', (trs) =>
      trs.map((tr) => Array.from(tr.children).map((c) => c.textContent ?? '')),
    );
    expect(rows).toHaveLength(13);
    const aneby = rows.find((r) => r[0] === 'Aneby')!;
    expect(aneby[1]).toBe('2');
    expect(aneby[2]).toBe('Vård- och omsorgscollege Jönköpings län');
    expect(await page.textContent('[data-testid=platform-municipalities] caption')).toContain('13');
    const helix = await page.$$eval('[data-testid=platform-helix] tbody th', (ths) => ths.map((t) => t.textContent));
    expect(helix).toEqual(['Offentlig sektor', 'Akademi', 'Näringsliv', 'Civilsamhälle']);
    expect(await page.$$eval('[data-testid=platform-helix] th[scope=col]', (x) => x.length)).toBe(5);

    const picks = await page.$$eval('[data-testid=platform-invite] li', (lis) => lis.map((li) => li.textContent));
    expect(picks.length).toBeGreaterThan(0);
    expect(picks[0]).toMatch(/organisationer kommer inom 2 steg/);

    // Gender without seat data is said plainly; integration names the actors and the municipalities' coverage.
    const perspectives = await page.textContent('[data-testid=platform-perspectives]');
    expect(perspectives).toContain('Registret har inga platser fördelade på kön');
    expect(await page.$('[data-testid=platform-gender]')).toBeNull();
    expect(await page.textContent('[data-testid=platform-integration]')).toContain('Arbetsförmedlingen');
    expect(await page.textContent('[data-testid=platform-integration-gap]')).toContain('inom två steg');

    // The kompetensråd proposal: seven seats, every constraint with its status and reason.
    await page.click('[data-testid=council-propose]');
    await page.waitForSelector('body[data-council="ok"]', { timeout: 60_000 });
    expect(await page.$$eval('[data-testid=council-seats] > li', (x) => x.length)).toBe(7);
    const constraints = await page.$$eval('[data-testid=council-constraints] > li', (lis) =>
      lis.map((li) => [li.getAttribute('data-constraint'), li.getAttribute('data-status')]),
    );
    expect(constraints).toEqual([
      ['municipalities', 'met'],
      ['helix', 'met'],
      ['sectors', 'not-met'],
      ['gender', 'not-assessable'],
    ]);
    expect(await page.textContent('[data-testid=council-constraints]')).toContain('Könsbalans: kan inte bedömas');

    // Confirmed ties only: no municipality within 2 steps, and the first invitation brings all 13.
    await page.selectOption('#platform-evidence', 'confirmed');
    await poll(() => page.getAttribute('body', 'data-platform')).toBe('ok');
    await poll(async () => (await page.textContent('[data-testid=platform-invite] li')) ?? '').toMatch(
      /För in kommunerna: .*Aneby/,
    );
    expect(await page.textContent('[data-testid=platform-invite] li')).toContain('Science Park');

    // A name focuses the map on that actor (and opens its details).
    await page.click('[data-testid=platform-invite] li button');
    await poll(() => new URL(page.url()).searchParams.get('focus')).toBe('nw:science-park-systemet');
    expect(await page.getAttribute('[data-testid=tab-details]', 'aria-selected')).toBe('true');
    expect(errors).toEqual([]);
    await page.close();
  });
});
