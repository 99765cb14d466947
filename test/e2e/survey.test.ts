/**
 * Survey rounds in real Chromium against the real server (SQLite, the seeded Jönköping network), issue 22:
 * an editor creates a round for two organisations in the "Enkäter" tab and creates their links; both answer on a
 * phone (390×844): Njudungsgymnasiet confirms its membership of Teknikcollege Höglandet, Bäckadalsgymnasiet denies
 * its membership of Teknikcollege Södra Vätterbygden, and each reports a new cooperation tie with the other. The
 * editor accepts in the review screen; the graph then has the new tie, `confirmed` (both ends reported it) with the
 * round as its source, and the denied tie flagged (uncertain, with a note), not deleted. A second round in which
 * one of them answers without the tie is compared with the first in the compare view (and its PDF report). An
 * unknown link and a closed round give plain pages. axe-core finds nothing on the questionnaire and the tab (the
 * test browser bypasses the CSP to inject it; the app's CSP stays).
 */
import { readFileSync } from 'node:fs';
import { createRequire } from 'node:module';
import type { Page } from 'playwright-core';
import { expect, it } from 'vitest';
import { describeBrowser, openApp, poll, serverAndBrowser, watchPage } from '../helpers/browser.js';
import { flat, pdfText } from '../helpers/pdf.js';

const AXE = readFileSync(createRequire(import.meta.url).resolve('axe-core/axe.min.js'), 'utf8');
const PHONE = { width: 390, height: 844 };
const A = 'org:njudungsgymnasiet';
const B = 'org:backadalsgymnasiet';
const TC_HOG = 'nw:teknikcollege-hoglandet';
const TC_SV = 'nw:teknikcollege-sodra-vatterbygden';
const MEMBER_A_HOG = `rel:member_of:${A}:${TC_HOG}`;
const TITLE = 'Samverkan våren 2027';
const TITLE2 = 'Samverkan hösten 2027';

async function axeViolations(page: Page, selector?: string): Promise<string[]> {
  await page.addScriptTag({ content: AXE });
  return page.evaluate(async (sel) => {
    type AxeResult = { violations: { id: string; nodes: { target: string[] }[] }[] };
    const axe = (window as unknown as { axe: { run: (ctx: Element | Document) => Promise<AxeResult> } }).axe;
    const r = await axe.run(sel ? (document.querySelector(sel) as Element) : document);
    return r.violations.map((v) => `${v.id}: ${v.nodes.map((n) => n.target.join(' ')).join(', ')}`);
  }, selector);
}

const overflow = (page: Page) =>
  page.evaluate(() => document.documentElement.scrollWidth - document.documentElement.clientWidth);

interface Relation {
  id: string;
  type: string;
  from: string;
  to: string;
  evidence: string;
  note?: string;
  sources: { url: string; title: string }[];
}

describeBrowser('survey rounds (e2e, Chromium)', () => {
  const suite = serverAndBrowser({ seed: true });
  const links = new Map<string, string>();
  const api = async <T>(path: string, init: RequestInit = {}): Promise<T> => {
    const res = await fetch(`${suite.server().url}${path}`, {
      ...init,
      headers: { 'content-type': 'application/json', ...(init.headers ?? {}) },
    });
    if (!res.ok) throw new Error(`${init.method ?? 'GET'} ${path}: ${res.status} ${await res.text()}`);
    return (await res.json()) as T;
  };
  const relations = (query: string) => api<{ items: Relation[] }>(`/api/relations?${query}`).then((p) => p.items);

  const editorPage = async () => {
    const page = await suite.browser().newPage({ viewport: { width: 1440, height: 900 }, bypassCSP: true });
    const watch = watchPage(page);
    await openApp(page, `${suite.server().url}/`);
    await page.click('[data-testid=tab-surveys]');
    await page.waitForSelector('[data-testid=surveys] [data-testid=survey-new]');
    return { page, errors: watch.errors };
  };

  const phonePage = async (url: string) => {
    const page = await suite.browser().newPage({ viewport: PHONE, bypassCSP: true, isMobile: true, hasTouch: true });
    const watch = watchPage(page);
    await page.goto(url);
    await page.waitForSelector('body[data-ready="true"]', { timeout: 30_000 });
    return { page, errors: watch.errors };
  };

  const pickOrganisation = async (page: Page, text: string) => {
    await page.fill('[data-testid=survey-org]', text);
    await page.waitForSelector('[data-testid=survey-create] [role=option]');
    await page.press('[data-testid=survey-org]', 'Enter');
  };

  it('an editor creates a round for two organisations and gets one link each, shown once', async () => {
    const { page, errors } = await editorPage();
    await page.click('[data-testid=survey-new] summary');
    await page.fill('[data-testid=survey-title]', TITLE);
    await pickOrganisation(page, 'Njudung');
    await pickOrganisation(page, 'Bäckadal');
    const chosen = await page.$$eval('[data-testid=survey-respondents] li span', (els) =>
      els.map((e) => e.textContent),
    );
    expect(chosen).toEqual(['Bäckadalsgymnasiet (med YH Bäckadal)', 'Njudungsgymnasiet']);
    await page
      .locator('[data-testid=survey-respondents] li')
      .nth(1)
      .locator('[data-testid=survey-role]')
      .fill('Rektor');
    // The catalogue's labels, not ids: the two kinds checked by default.
    const kinds = await page.$$eval('[data-testid=survey-kinds] label', (els) =>
      els.filter((l) => (l.querySelector('input') as HTMLInputElement).checked).map((l) => l.textContent),
    );
    expect(kinds).toEqual(['samverkar med', 'medlem i']);
    expect(await axeViolations(page, '[data-testid=surveys]')).toEqual([]);

    await page.click('[data-testid=survey-create-submit]');
    await page.waitForSelector(`[data-testid=survey-round]`);
    expect(await page.textContent('[data-testid=survey-round] h3')).toBe(TITLE);
    await page.click('[data-testid=survey-invite]');
    await page.waitForSelector('[data-testid=survey-links] [data-testid=survey-link]');
    for (const li of await page.$$('[data-testid=survey-links] li')) {
      const node = await li.getAttribute('data-node');
      const url = await li.$eval('input', (i) => (i as HTMLInputElement).value);
      if (node) links.set(node, url);
    }
    expect([...links.keys()].sort()).toEqual([B, A]);
    expect(links.get(A)).toMatch(/^http:\/\/127\.0\.0\.1:\d+\/enkat\/[A-Za-z0-9_-]{20,}$/);
    // The CSV for a mail merge: organisation, role and link, one row per organisation.
    const [download] = await Promise.all([page.waitForEvent('download'), page.click('[data-testid=survey-links-csv]')]);
    const csv = readFileSync((await download.path()) as string, 'utf8');
    expect(csv).toContain('Njudungsgymnasiet,Rektor,');
    expect(csv).toContain(links.get(A));
    expect(csv.trim().split('\r\n')).toHaveLength(3);
    expect(await axeViolations(page, '[data-testid=surveys]')).toEqual([]);
    expect(errors).toEqual([]);
    await page.close();
  }, 240_000);

  it('Njudungsgymnasiet confirms its membership on a phone and reports a tie to Bäckadalsgymnasiet', async () => {
    const { page, errors } = await phonePage(links.get(A)!);
    expect(await page.textContent('h1')).toBe(TITLE);
    expect(await page.textContent('.lead')).toBe('Ni svarar för Njudungsgymnasiet.');
    const tie = page.locator(`[data-testid=registered-tie][data-other="${TC_HOG}"]`);
    expect(await tie.locator('legend').textContent()).toMatch(
      /^Vi har er registrerade som medlem i Teknikcollege Höglandet [–—] stämmer det\?$/,
    );
    expect(await axeViolations(page)).toEqual([]);
    await tie.locator('[data-testid=verdict-confirm]').check();
    await tie.locator('[data-testid=frequency-monthly]').check();
    await tie.locator('[data-testid=value-4]').check();
    await page.selectOption('[data-testid=add-kind]', 'COLLABORATES_WITH');
    await page.fill('[data-testid=add-search]', 'Bäckadal');
    await page.click(`[data-testid=add-search-hit][data-id="${B}"]`);
    const added = page.locator('[data-testid=added-tie]');
    expect(await added.count()).toBe(1);
    expect(await added.locator('.question').textContent()).toBe('samverkar med Bäckadalsgymnasiet (med YH Bäckadal)');
    await added.locator('[data-testid=frequency-quarterly]').check();
    await added.locator('[data-testid=value-3]').check();
    // The draft is saved by itself and is there after a reload.
    await page.waitForSelector('body[data-saved="true"]', { timeout: 20_000 });
    await page.reload();
    await page.waitForSelector('body[data-ready="true"]');
    const again = page.locator(`[data-testid=registered-tie][data-other="${TC_HOG}"]`);
    expect(await again.locator('[data-testid=verdict-confirm]').isChecked()).toBe(true);
    expect(await again.locator('[data-testid=value-4]').isChecked()).toBe(true);
    expect(await page.locator('[data-testid=added-tie] .question').textContent()).toBe(
      'samverkar med Bäckadalsgymnasiet (med YH Bäckadal)',
    );
    expect(await overflow(page)).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    await page.click('[data-testid=submit]');
    await poll(() => page.textContent('[data-testid=submitted]')).toMatch(/^Tack! Svaren skickades in/);
    expect(errors).toEqual([]);
    await page.close();
  }, 240_000);

  it('Bäckadalsgymnasiet denies a membership on a phone, in English, and reports the tie back', async () => {
    const { page, errors } = await phonePage(`${links.get(B)!}?lang=en`);
    expect(await page.getAttribute('html', 'lang')).toBe('en');
    expect(await page.textContent('.lead')).toMatch(/^You are answering for Bäckadal.*\.$/);
    const tie = page.locator(`[data-testid=registered-tie][data-other="${TC_SV}"]`);
    await tie.locator('[data-testid=verdict-deny]').check();
    await page.selectOption('[data-testid=add-kind]', 'COLLABORATES_WITH');
    await page.fill('[data-testid=add-search]', 'njudung');
    await page.click(`[data-testid=add-search-hit][data-id="${A}"]`);
    expect(await page.locator('[data-testid=added-tie]').count()).toBe(1);
    expect(await overflow(page)).toBe(0);
    expect(await axeViolations(page)).toEqual([]);
    await page.click('[data-testid=submit]');
    await poll(() => page.textContent('[data-testid=submitted]')).toMatch(/^Thank you! Your answers were sent/);
    expect(errors).toEqual([]);
    await page.close();
  }, 240_000);

  it('the editor accepts in the review: the new tie is confirmed with the round as source, the denial is flagged', async () => {
    const { page, errors } = await editorPage();
    await page.waitForSelector('[data-testid=survey-summary]');
    expect(await page.textContent('[data-testid=survey-rate]')).toContain('2 av 2 har svarat');
    await page.waitForSelector('[data-testid=review-item]');
    const newTie = page.locator('[data-testid=review-item][data-kind=new_tie]');
    expect(await newTie.count()).toBe(1);
    expect(await newTie.textContent()).toContain('Båda parter har rapporterat bandet.');
    expect(await axeViolations(page, '[data-testid=surveys]')).toEqual([]);
    // Bulk: every tie both ends reported.
    await page.click('[data-testid=review-accept-mutual]');
    const collabTie = async () =>
      (await relations(`node=${A}&type=COLLABORATES_WITH`)).filter((r) => [r.from, r.to].includes(B));
    await poll(async () => (await collabTie()).length, 30_000).toBe(1);
    // One at a time: the denial (flagged, not deleted) and the confirmation.
    await page.click('[data-testid=review-item][data-kind=deny] [data-testid=review-accept]');
    await poll(async () => (await relations(`from=${B}&to=${TC_SV}&type=MEMBER_OF`))[0]?.evidence, 30_000).toBe(
      'uncertain',
    );
    const confirmItem = `[data-testid=review-item][data-id="confirm:${MEMBER_A_HOG}"]`;
    await page.click(`${confirmItem} [data-testid=review-accept]`);
    await poll(() => page.textContent(`${confirmItem} .badge`), 30_000).toBe('Godkänt');

    const collab = await collabTie();
    expect(collab).toHaveLength(1);
    expect(collab[0].evidence).toBe('confirmed');
    expect(collab[0].sources.map((s) => s.title)).toContain(`Enkätsvar, omgång ${TITLE}`);
    const denied = await relations(`from=${B}&to=${TC_SV}&type=MEMBER_OF`);
    expect(denied).toHaveLength(1);
    expect(denied[0].evidence).toBe('uncertain');
    expect(denied[0].note).toContain('uppger att relationen inte stämmer');
    const confirmed = await relations(`from=${A}&to=${TC_HOG}&type=MEMBER_OF`);
    expect(confirmed[0].sources.map((s) => s.title)).toContain(`Enkätsvar, omgång ${TITLE}`);
    expect(errors).toEqual([]);
    await page.close();
  }, 240_000);

  it('a second round is compared with the first: the tie not reported again is lost, and shown on the map', async () => {
    const { id } = await api<{ id: string }>('/api/surveys', {
      method: 'POST',
      body: JSON.stringify({
        title: TITLE2,
        relationTypes: ['COLLABORATES_WITH', 'MEMBER_OF'],
        respondents: [A, B],
        closesAt: '2027-12-01',
      }),
    });
    const issued = await api<{ nodeId: string; url: string }[]>(`/api/surveys/${id}/invitations`, {
      method: 'POST',
      body: '{}',
    });
    const token = issued.find((x) => x.nodeId === A)!.url.split('/enkat/')[1];
    await api(`/api/survey-response/${token}/submit`, {
      method: 'POST',
      body: JSON.stringify({ ties: [], newTies: [] }),
    });

    const { page, errors } = await editorPage();
    await page.waitForSelector('[data-testid=survey-compare]');
    expect(await page.inputValue('[data-testid=survey-compare-to]')).toBe(id);
    await page.click('[data-testid=survey-compare-run]');
    await page.waitForSelector('[data-testid=survey-comparison]');
    const lost = await page.textContent('[data-testid=survey-lost-ties]');
    expect(lost).toMatch(/Njudungsgymnasiet samverkar med Bäckadal|Bäckadal[^–]* samverkar med Njudungsgymnasiet/);
    expect(lost).toContain('en av parterna svarade och rapporterade det inte');
    const ties = await page.$$eval('[data-testid=survey-compare-figures] tbody tr', (trs) =>
      trs.map((tr) => Array.from(tr.children).map((c) => c.textContent ?? '')),
    );
    expect(ties.map((r) => r[0])).toEqual([
      'Aktörer',
      'Band',
      'Täthet',
      'Plattformens räckvidd (aktörer)',
      'Plattformens räckvidd (kommuner)',
    ]);
    expect(ties[1][1]).toMatch(/^\d[\d\s]*$/);
    // The report with the comparison section, from the link in the view, read back with pdftotext.
    const href = await page.getAttribute('[data-testid=survey-compare-pdf]', 'href');
    const pdf = await fetch(`${suite.server().url}${href}`);
    expect(pdf.headers.get('content-type')).toContain('application/pdf');
    expect(flat(pdfText(new Uint8Array(await pdf.arrayBuffer())))).toContain(TITLE2);
    await page.click('[data-testid=survey-compare-map]');
    await poll(() => page.textContent('[data-testid=legend]')).toContain('Saknat band');
    expect(await axeViolations(page, '[data-testid=surveys]')).toEqual([]);

    // Closing the round: its links answer with a plain page.
    await page.click(`[data-testid=survey-pick][data-id="${id}"]`);
    await page.click('[data-testid=survey-close]');
    await page.click('[data-testid=confirm-ok]');
    await poll(async () => (await api<{ status: string }>(`/api/surveys/${id}`)).status).toBe('closed');
    expect(errors).toEqual([]);
    await page.close();

    const closed = await phonePage(issued[0].url);
    expect(await closed.page.getAttribute('[data-testid=survey-problem]', 'data-status')).toBe('410');
    expect(await closed.page.textContent('h1')).toBe('Enkäten är stängd');
    expect(await axeViolations(closed.page)).toEqual([]);
    await closed.page.close();
  }, 240_000);

  it('an unknown link gives a plain Swedish page', async () => {
    const { page } = await phonePage(`${suite.server().url}/enkat/finns-inte-alls-0000000000000000000000000`);
    expect(await page.getAttribute('[data-testid=survey-problem]', 'data-status')).toBe('404');
    expect(await page.textContent('h1')).toBe('Länken fungerar inte');
    expect(await axeViolations(page)).toEqual([]);
    await page.close();
  }, 240_000);
});
