/**
 * Sign-in and roles in real Chromium against a real server with accounts (created with the real CLI) and
 * anonymous read on: readers see the map but no editing and their forced writes are refused (401 without a
 * session, 403 as viewer); a wrong password says so; an editor signs in through the form, edits through the UI
 * and the server has it; signing out hides editing again; an expired session asks for the sign-in and the
 * unsaved form survives it.
 */
import { randomBytes } from 'node:crypto';
import { afterAll, beforeAll, expect, it } from 'vitest';
import type { Browser, Page } from 'playwright-core';
import { describeBrowser, ensureWebBuilt, launchBrowser, openApp, poll, watchPage } from '../helpers/browser.js';
import { startServer, type RunningServer } from '../helpers/server.js';

const VIEWER = 'e2e-viewer';
const EDITOR = 'e2e-editor';
const password = () => randomBytes(18).toString('base64url');
const PASSWORDS = { [VIEWER]: password(), [EDITOR]: password() };

/** Controls that only an editor may see. */
const EDIT_CONTROLS = [
  '[data-testid=details-edit]',
  '[data-testid=details-add-relation]',
  '[data-testid=details-delete]',
  '[data-testid=relation-edit]',
  '[data-testid=new-organisation]',
  '[data-testid=new-relation]',
  '[data-testid=view-save]',
];

const NEW_ORG = { id: 'org:e2e-forcerad-skrivning', kind: 'Organisation', name: 'Forcerad skrivning', props: {} };

describeBrowser('sign-in and roles (e2e, Chromium)', () => {
  let server: RunningServer;
  let browser: Browser;

  beforeAll(async () => {
    ensureWebBuilt();
    server = await startServer({
      seed: true,
      env: { AKTORSATLAS_ANONYMOUS_READ: '1' },
      users: {
        [VIEWER]: { role: 'viewer', password: PASSWORDS[VIEWER] },
        [EDITOR]: { role: 'editor', password: PASSWORDS[EDITOR] },
      },
    });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  /** A fresh browser context (own cookies), with every non-GET request the page sends recorded. */
  async function newPage(): Promise<{ page: Page; errors: string[]; writes: string[] }> {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    const { errors } = watchPage(page);
    const writes: string[] = [];
    page.on('request', (r) => {
      if (r.method() !== 'GET' && r.method() !== 'HEAD') writes.push(`${r.method()} ${new URL(r.url()).pathname}`);
    });
    await openApp(page, `${server.url}/`);
    return { page, errors, writes };
  }

  async function focusByName(page: Page, query: string): Promise<void> {
    await page.fill('#search-input', query);
    await page.waitForSelector('.combo-list li');
    await page.keyboard.press('Enter');
    await poll(() => page.getAttribute('body', 'data-highlight')).toBe('focus');
    await page.waitForSelector('[data-testid=details-name]');
  }

  async function visibleEditControls(page: Page): Promise<string[]> {
    const found: string[] = [];
    for (const sel of EDIT_CONTROLS) if ((await page.locator(sel).count()) > 0) found.push(sel);
    return found;
  }

  /** A write from the page itself, with the CSRF token of whatever session the page has: what a script could do. */
  async function forcedWrite(page: Page, id: string): Promise<number> {
    return page.evaluate(
      async (body) => {
        const me = (await (await fetch('/api/me')).json()) as { csrfToken: string | null };
        const res = await fetch('/api/nodes', {
          method: 'POST',
          headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken ?? '' },
          body: JSON.stringify(body),
        });
        return res.status;
      },
      { ...NEW_ORG, id, props: { orgType: 'komvux' } },
    );
  }

  /** One forced write per route class (nodes, relations, views, import, users), as "METHOD path status". */
  async function forcedWritesByClass(page: Page): Promise<string[]> {
    return page.evaluate(async () => {
      const me = (await (await fetch('/api/me')).json()) as { csrfToken: string | null };
      const calls: Array<[string, string, unknown]> = [
        ['PUT', '/api/nodes/org:jonkoping-university', { name: 'Ändrad' }],
        ['DELETE', '/api/nodes/org:jonkoping-university', null],
        ['POST', '/api/relations', { type: 'MEMBER_OF', from: 'org:a', to: 'nw:b' }],
        ['DELETE', '/api/relations/rel:x', null],
        ['PUT', '/api/views/e2e-vy', { state: {} }],
        ['POST', '/api/import?format=json', { nodes: [], relations: [] }],
        ['POST', '/api/users', { name: 'e2e-ny', role: 'admin', password: 'x'.repeat(16) }],
      ];
      const out: string[] = [];
      for (const [method, path, body] of calls) {
        const res = await fetch(path, {
          method,
          headers: { 'content-type': 'application/json', 'x-csrf-token': me.csrfToken ?? '' },
          ...(body === null ? {} : { body: JSON.stringify(body) }),
        });
        out.push(`${method} ${path} ${res.status}`);
      }
      return out;
    });
  }
  const allWith = (lines: string[], status: number) => lines.map((l) => l.replace(/ \d+$/, ` ${status}`));

  async function signInWithForm(page: Page, name: string, pw: string): Promise<void> {
    await page.click('[data-testid=sign-in]');
    await page.waitForSelector('[data-testid=signin-dialog]');
    // The form is labelled: the fields are found by their visible labels.
    await page.getByLabel('Användarnamn').fill(name);
    await page.getByLabel('Lösenord').fill(pw);
    await page.keyboard.press('Enter');
  }

  const nodeStatus = async (id: string) => (await fetch(`${server.url}/api/nodes/${encodeURIComponent(id)}`)).status;

  it('shows an anonymous reader the map without edit controls, sends no writes, and a forced write gets 401', async () => {
    const { page, errors, writes } = await newPage();
    expect(Number(await page.getAttribute('body', 'data-nodes'))).toBeGreaterThan(10);
    expect(await page.getAttribute('body', 'data-role')).toBe('viewer');
    expect(await page.getAttribute('body', 'data-can-edit')).toBe('false');
    expect(await page.isVisible('[data-testid=sign-in]')).toBe(true);
    expect(await page.locator('[data-testid=sign-out]').count()).toBe(0);
    // The first load computes the layout; a reader's layout is not saved for everyone.
    await page.waitForSelector('body[data-layout="done"]', { timeout: 60_000 });
    await focusByName(page, 'Värnamo Näringsliv');
    await page.click('[data-testid=tab-edit]');
    expect(await page.isVisible('[data-testid=edit-read-only]')).toBe(true);
    expect(await visibleEditControls(page)).toEqual([]);
    expect(writes).toEqual([]);

    expect(await forcedWrite(page, 'org:e2e-anon')).toBe(401);
    expect(await nodeStatus('org:e2e-anon')).toBe(404);
    const anon = await forcedWritesByClass(page);
    expect(anon).toEqual(allWith(anon, 401));
    expect(await nodeStatus('org:jonkoping-university')).toBe(200);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('says so when the password is wrong, and stays signed out', async () => {
    const { page, errors } = await newPage();
    await signInWithForm(page, EDITOR, `${PASSWORDS[EDITOR]}x`);
    await poll(() => page.textContent('[data-testid=signin-error]')).toContain('Fel användarnamn eller lösenord');
    expect(await page.isVisible('[data-testid=signin-dialog]')).toBe(true);
    // The password field is emptied and has the focus for the next try.
    expect(await page.inputValue('[data-testid=signin-password]')).toBe('');
    expect(await page.evaluate(() => document.activeElement?.getAttribute('data-testid'))).toBe('signin-password');
    expect(await page.getAttribute('body', 'data-can-edit')).toBe('false');
    expect((await page.context().cookies()).map((c) => c.name)).not.toContain('aktorsatlas_session');
    // Escape closes the dialog.
    await page.keyboard.press('Escape');
    await poll(() => page.locator('[data-testid=signin-dialog]').count()).toBe(0);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('says so when there were too many attempts (429), with the wait from Retry-After', async () => {
    const { page, errors } = await newPage();
    const name = 'e2e-gissare';
    // Five wrong guesses straight at the API use up the allowance for this name from this address.
    const statuses = await page.evaluate(async (n) => {
      const out: number[] = [];
      for (let i = 0; i < 5; i++) {
        const res = await fetch('/api/auth/login', {
          method: 'POST',
          headers: { 'content-type': 'application/json' },
          body: JSON.stringify({ name: n, password: `fel-${i}` }),
        });
        out.push(res.status);
      }
      return out;
    }, name);
    expect(statuses).toEqual([401, 401, 401, 401, 401]);
    await signInWithForm(page, name, 'ytterligare-en-gissning');
    await poll(() => page.textContent('[data-testid=signin-error]')).toMatch(
      /För många inloggningsförsök\. Försök igen om \d+ sekunder\./,
    );
    expect(await page.getAttribute('body', 'data-can-edit')).toBe('false');
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('lets a viewer sign in and read, but shows no editing and a forced write gets 403', async () => {
    const { page, errors, writes } = await newPage();
    await signInWithForm(page, VIEWER, PASSWORDS[VIEWER]);
    await poll(() => page.textContent('[data-testid=account-name]')).toContain(VIEWER);
    expect(await page.textContent('[data-testid=account-name]')).toContain('läsare');
    expect(await page.locator('[data-testid=signin-dialog]').count()).toBe(0);
    expect(await page.getAttribute('body', 'data-role')).toBe('viewer');
    await focusByName(page, 'Värnamo Näringsliv');
    await page.click('[data-testid=tab-edit]');
    expect(await page.textContent('[data-testid=edit-read-only]')).toContain(VIEWER);
    expect(await visibleEditControls(page)).toEqual([]);
    expect(writes.filter((w) => !w.startsWith('POST /api/auth/'))).toEqual([]);

    expect(await forcedWrite(page, 'org:e2e-viewer')).toBe(403);
    expect(await nodeStatus('org:e2e-viewer')).toBe(404);
    const viewer = await forcedWritesByClass(page);
    expect(viewer).toEqual(allWith(viewer, 403));
    expect(await nodeStatus('org:jonkoping-university')).toBe(200);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('lets an editor sign in through the form, create an organisation in the UI, and sign out again', async () => {
    const { page, errors } = await newPage();
    expect(await page.locator('[data-testid=new-organisation]').count()).toBe(0);
    await signInWithForm(page, EDITOR, PASSWORDS[EDITOR]);
    await poll(() => page.textContent('[data-testid=account-name]')).toContain(EDITOR);
    expect(await page.textContent('[data-testid=account-name]')).toContain('redaktör');
    expect(await page.getAttribute('body', 'data-can-edit')).toBe('true');
    const cookie = (await page.context().cookies()).find((c) => c.name === 'aktorsatlas_session');
    expect(cookie?.httpOnly).toBe(true);
    expect(cookie?.sameSite).toBe('Strict');

    // Edit controls appear without a reload.
    await focusByName(page, 'Värnamo Näringsliv');
    expect(await page.isVisible('[data-testid=details-edit]')).toBe(true);
    expect(await page.isVisible('[data-testid=view-save]')).toBe(true);
    await page.click('[data-testid=tab-edit]');
    await page.click('[data-testid=new-organisation]');
    await page.waitForSelector('[data-testid=node-form]');
    const nodesBefore = Number(await page.getAttribute('body', 'data-nodes'));
    await page.fill('[data-testid=node-form] input[data-field=name]', 'Testskolan för inloggning');
    await page.selectOption('[data-testid=node-form] select[data-field=orgType]', 'komvux');
    // The id is made from the name; the form has no id field.
    expect(await page.locator('[data-testid=node-form] input[data-field=id]').count()).toBe(0);
    const id = 'org:testskolan-for-inloggning';
    expect(await nodeStatus(id)).toBe(404);
    await page.click('[data-testid=node-save]');
    await poll(() => page.textContent('[data-testid=edit-message]')).toContain('sparad');
    await poll(async () => Number(await page.getAttribute('body', 'data-nodes'))).toBe(nodesBefore + 1);
    // The server has it, written by the editor.
    const saved = await fetch(`${server.url}/api/nodes/${encodeURIComponent(id)}`);
    expect(saved.status).toBe(200);
    const rec = (await saved.json()) as { name: string; props: { orgType: string }; updatedBy: string };
    expect(rec.name).toBe('Testskolan för inloggning');
    expect(rec.props.orgType).toBe('komvux');
    expect(rec.updatedBy).toBe(EDITOR);
    // The same forced write that a reader could not make goes through for the editor.
    expect(await forcedWrite(page, 'org:e2e-editor')).toBe(201);
    expect(await nodeStatus('org:e2e-editor')).toBe(200);

    // Sign out: editing is gone again, the cookie with it, and a write is refused.
    await page.click('[data-testid=sign-out]');
    await page.waitForSelector('[data-testid=sign-in]');
    expect(await page.getAttribute('body', 'data-can-edit')).toBe('false');
    expect(await page.isVisible('[data-testid=edit-read-only]')).toBe(true);
    expect(await visibleEditControls(page)).toEqual([]);
    expect((await page.context().cookies()).map((c) => c.name)).not.toContain('aktorsatlas_session');
    expect(await forcedWrite(page, 'org:e2e-after-sign-out')).toBe(401);
    expect(await nodeStatus('org:e2e-after-sign-out')).toBe(404);
    expect(errors).toEqual([]);
    await page.context().close();
  });

  it('asks for the sign-in when the session has expired, and the unsaved form is still there after it', async () => {
    const { page, errors } = await newPage();
    await signInWithForm(page, EDITOR, PASSWORDS[EDITOR]);
    await poll(() => page.getAttribute('body', 'data-can-edit')).toBe('true');
    await page.click('[data-testid=tab-edit]');
    await page.click('[data-testid=new-organisation]');
    await page.fill('[data-testid=node-form] input[data-field=name]', 'Efter utgången session');
    await page.selectOption('[data-testid=node-form] select[data-field=orgType]', 'arbetsgivare');
    const id = 'org:efter-utgangen-session';
    // The session ends behind the page's back (as when it expires): the browser no longer has the cookie.
    await page.context().clearCookies();
    await page.click('[data-testid=node-save]');
    await page.waitForSelector('[data-testid=signin-dialog]');
    expect(await page.textContent('[data-testid=signin-reason]')).toContain('gått ut');
    expect(await nodeStatus(id)).toBe(404);
    await page.getByLabel('Användarnamn').fill(EDITOR);
    await page.getByLabel('Lösenord').fill(PASSWORDS[EDITOR]);
    await page.click('[data-testid=signin-submit]');
    await poll(() => page.locator('[data-testid=signin-dialog]').count()).toBe(0);
    expect(await page.inputValue('[data-testid=node-form] input[data-field=name]')).toBe('Efter utgången session');
    await page.click('[data-testid=node-save]');
    await poll(() => page.textContent('[data-testid=edit-message]')).toContain('sparad');
    expect(await nodeStatus(id)).toBe(200);
    expect(errors).toEqual([]);
    await page.context().close();
  });
});

describeBrowser('sign-in required to read (e2e, Chromium)', () => {
  let server: RunningServer;
  let browser: Browser;
  const pw = password();

  beforeAll(async () => {
    ensureWebBuilt();
    server = await startServer({ seed: true, users: { [EDITOR]: { role: 'editor', password: pw } } });
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });

  it('asks for the sign-in instead of the map, shows the map after it, and hides it again on sign-out', async () => {
    const context = await browser.newContext({ viewport: { width: 1440, height: 900 } });
    const page = await context.newPage();
    const { errors } = watchPage(page);
    const graphReads: number[] = [];
    page.on('response', (r) => {
      if (new URL(r.url()).pathname === '/api/graph') graphReads.push(r.status());
    });
    await page.goto(`${server.url}/`);
    await page.waitForSelector('[data-testid=signin-dialog]');
    expect(await page.textContent('[data-testid=signin-reason]')).toContain('Logga in för att se');
    expect(await page.getAttribute('body', 'data-ready')).toBe('error');
    expect(await page.getAttribute('body', 'data-nodes')).toBeNull();
    // The refused reads do not loop: a moment later there is still one graph read, one dialog.
    await page.waitForTimeout(1500);
    expect(graphReads).toEqual([401]);
    expect(await page.locator('[data-testid=signin-dialog]').count()).toBe(1);

    await page.getByLabel('Användarnamn').fill(EDITOR);
    await page.getByLabel('Lösenord').fill(pw);
    await page.keyboard.press('Enter');
    await page.waitForSelector('body[data-ready="true"]', { timeout: 60_000 });
    expect(Number(await page.getAttribute('body', 'data-nodes'))).toBeGreaterThan(10);
    expect(graphReads).toEqual([401, 200]);
    expect(await page.getAttribute('body', 'data-can-edit')).toBe('true');
    expect(await page.textContent('[data-testid=account-name]')).toContain(EDITOR);

    // Signing out here reloads the page: the map is gone and the sign-in is asked for again.
    await page.click('[data-testid=sign-out]');
    await page.waitForSelector('[data-testid=signin-dialog]');
    await poll(() => page.getAttribute('body', 'data-ready')).toBe('error');
    expect(await page.getAttribute('body', 'data-nodes')).toBeNull();
    expect(graphReads.at(-1)).toBe(401);
    expect(errors).toEqual([]);
    await context.close();
  });
});
