/**
 * The import and history screens (issue 19, point 9) in real Chromium against the real server (SQLite, seeded):
 * a CSV with one bad row shows that row, its column and why, and writes nothing; the corrected file previews,
 * imports, and the new actor appears on the map; the history lists the change, filtered by author and by record,
 * and sets the map's date filter. axe-core finds no violations on either screen (injected with the CSP bypassed
 * in the test browser only).
 */
import { randomBytes } from 'node:crypto';
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { describeBrowser, nodeOnScreen, openApp, poll, serverAndBrowser, watchPage } from '../helpers/browser.js';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');

const HEADER = 'Id;Nodtyp;Namn;Typ;Organisationsnummer;Kommunkod';
const GOOD = ';Organisation;Provföretaget i Eksjö AB;Arbetsgivare;;0686';
/** Row 3: an organisation number whose check digit is wrong. */
const BAD = ';Organisation;Provföretaget i Aneby AB;Arbetsgivare;556677-8890;0604';
const FIXED = ';Organisation;Provföretaget i Aneby AB;Arbetsgivare;;0604';

async function axeViolations(page: Page): Promise<string[]> {
  await page.addScriptTag({ content: AXE });
  return page.evaluate(async () => {
    type AxeResult = { violations: { id: string; nodes: { target: string[] }[] }[] };
    const axe = (window as unknown as { axe: { run: (ctx: Document) => Promise<AxeResult> } }).axe;
    const r = await axe.run(document);
    return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  });
}

const csvFile = (...rows: string[]) => ({
  name: 'aktorer.csv',
  mimeType: 'text/csv',
  buffer: Buffer.from([HEADER, ...rows].join('\r\n') + '\r\n', 'utf8'),
});

describeBrowser('import and history screens (e2e, Chromium)', () => {
  const suite = serverAndBrowser({ seed: true });
  const url = () => suite.server().url;
  const graphEtag = async () => (await fetch(`${url()}/api/graph`)).headers.get('etag');
  const idOf = async (name: string) => {
    const res = await fetch(`${url()}/api/nodes?q=${encodeURIComponent(name)}&limit=10`);
    const body = (await res.json()) as { items: { id: string; name: string }[] };
    return body.items.find((n) => n.name === name)?.id;
  };

  it('shows the bad row and writes nothing; the corrected file imports; the history lists it', async () => {
    const page = await suite.browser().newPage({ viewport: { width: 1440, height: 900 }, bypassCSP: true });
    const { errors } = watchPage(page);
    await openApp(page, `${url()}/`);
    const before = await graphEtag();

    await page.click('[data-testid=tab-import]');
    await page.setInputFiles('[data-testid=import-file]', csvFile(GOOD, BAD));
    const errorRow = page.locator('[data-testid=import-errors] tbody tr');
    await errorRow.first().waitFor({ timeout: 60_000 });
    expect(await errorRow.count()).toBe(1);
    const text = (await errorRow.first().textContent()) ?? '';
    expect(text).toContain('Rad 3');
    expect(text).toContain('Organisationsnummer');
    expect(text).toMatch(/kontrollsiffra/);
    expect(text).not.toMatch(/orgnr|checksum|\/nodes\//);
    expect(await page.textContent('[data-testid=import-refused]')).toContain('Inget har sparats');
    expect(await graphEtag()).toBe(before);
    expect(await idOf('Provföretaget i Eksjö AB')).toBeUndefined();
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: '/tmp/aktorsatlas-e2e-import.png' });
    // The same report in the user's language after a switch to English, and back.
    await page.click('[data-testid=lang-switch]');
    await poll(() => errorRow.first().textContent()).toContain('Row 3');
    expect(await errorRow.first().textContent()).toMatch(/check digit/);
    await page.click('[data-testid=lang-switch]');
    await poll(() => errorRow.first().textContent()).toContain('Rad 3');

    await page.setInputFiles('[data-testid=import-file]', csvFile(GOOD, FIXED));
    await page.waitForSelector('[data-testid=import-preview]', { timeout: 60_000 });
    expect(await page.textContent('[data-testid=import-counts]')).toContain('Nya aktörer: 2');
    expect(await graphEtag()).toBe(before);
    expect(await axeViolations(page)).toEqual([]);
    await page.click('[data-testid=import-confirm]');
    await poll(() => page.textContent('[data-testid=import-message]'), 60_000).toContain('Importen är klar');
    const id = await idOf('Provföretaget i Aneby AB');
    expect(id).toBeTruthy();
    await poll(() => nodeOnScreen(page, id!), 60_000).not.toBeNull();

    await page.click('[data-testid=tab-history]');
    const list = '[data-testid=history-list]';
    await poll(() => page.textContent(list), 60_000).toContain('Provföretaget i Aneby AB');
    const entry = page.locator(`${list} li[data-record="${id}"]`);
    expect(await entry.textContent()).toContain('lade till Provföretaget i Aneby AB');
    expect(await entry.textContent()).not.toContain(id!);
    // Per author: the seed wrote the county's register, not the new actor.
    await page.selectOption('[data-testid=history-author]', 'seed');
    await poll(() => page.locator(`${list} li`).count(), 60_000).toBeGreaterThan(0);
    expect(await page.textContent(list)).not.toContain('Provföretaget');
    await page.selectOption('[data-testid=history-author]', '');
    await poll(() => page.textContent(list), 60_000).toContain('Provföretaget i Aneby AB');
    // Per record: only the new actor's entry is left.
    await entry.locator('button').click();
    await poll(() => page.locator(`${list} li`).count(), 60_000).toBe(1);
    expect(await page.getAttribute(`${list} li`, 'data-record')).toBe(id);
    expect(await axeViolations(page)).toEqual([]);
    await page.screenshot({ path: '/tmp/aktorsatlas-e2e-history.png' });

    // The map as of a date is the map's own date filter.
    await page.fill('[data-testid=history-asof]', '2010-01-01');
    await page.click('[data-testid=history-asof-show]');
    await poll(() => page.url()).toContain('asOf=2010-01-01');
    expect(await page.isChecked('[data-testid=asof-enabled]')).toBe(true);
    expect(errors).toEqual([]);
    await page.close();
  });
});

describeBrowser('import with accounts (e2e, Chromium)', () => {
  const EDITOR = 'e2e-importer';
  const PASSWORD = randomBytes(18).toString('base64url');
  const suite = serverAndBrowser({
    seed: true,
    env: { AKTORSATLAS_ANONYMOUS_READ: '1' },
    users: { [EDITOR]: { role: 'editor', password: PASSWORD } },
  });

  it('a reader is told that only editors import; a signed-in editor imports (session and CSRF token)', async () => {
    const url = suite.server().url;
    const context = await suite.browser().newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    const { errors } = watchPage(page);
    await openApp(page, `${url}/`);
    await page.click('[data-testid=tab-import]');
    expect(await page.textContent('[data-testid=import]')).toContain('Bara redaktörer kan importera');
    expect(await page.locator('[data-testid=import-file]').count()).toBe(0);

    const login = await context.request.post(`${url}/api/auth/login`, { data: { name: EDITOR, password: PASSWORD } });
    expect(login.status()).toBeLessThan(300);
    await openApp(page, `${url}/`);
    await page.click('[data-testid=tab-import]');
    await page.setInputFiles('[data-testid=import-file]', csvFile(GOOD));
    await page.waitForSelector('[data-testid=import-preview]', { timeout: 60_000 });
    await page.click('[data-testid=import-confirm]');
    await poll(() => page.textContent('[data-testid=import-message]'), 60_000).toContain('Importen är klar');
    await page.click('[data-testid=tab-history]');
    await poll(() => page.textContent('[data-testid=history-list]'), 60_000).toContain(
      `${EDITOR} lade till Provföretaget i Eksjö AB`,
    );
    expect(errors).toEqual([]);
    await context.close();
  });
});
