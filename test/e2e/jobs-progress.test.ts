/**
 * Jobs in the browser (issue 18): with the server's job threshold lowered to 1 (AKTORSATLAS_JOB_THRESHOLD), every
 * export, gaps computation and import the page asks for with `Prefer: respond-async, wait=N` becomes a job. The export
 * panel shows the job's progress and then saves the real PDF; the gaps load through a job; a large import shows its
 * progress and the cancel button stops it (the job ends cancelled, nothing is written).
 */
import { readFileSync } from 'node:fs';
import type { Page, Response } from 'playwright-core';
import { expect, it } from 'vitest';
import { describeBrowser, openApp, poll, serverAndBrowser, watchPage } from '../helpers/browser.js';

const HEADER = 'Id;Nodtyp;Namn;Typ;Organisationsnummer;Kommunkod';

/** A CSV of many new employers: its check runs long enough to be cancelled. */
const bigCsv = (rows: number) => ({
  name: 'manga-aktorer.csv',
  mimeType: 'text/csv',
  buffer: Buffer.from(
    [
      HEADER,
      ...Array.from({ length: rows }, (_, i) => `;Organisation;Jobbtestföretaget ${i} AB;Arbetsgivare;;0686`),
    ].join('\r\n') + '\r\n',
    'utf8',
  ),
});

/** The job ids of the 202 answers the page gets for a path. */
function jobsStarted(page: Page, path: string): string[] {
  const ids: string[] = [];
  page.on('response', (res: Response) => {
    if (res.status() === 202 && new URL(res.url()).pathname === path)
      void res.json().then((j: { id: string }) => ids.push(j.id));
  });
  return ids;
}

describeBrowser('jobs: progress and cancelling in the browser (e2e, Chromium)', () => {
  const suite = serverAndBrowser({ seed: true, env: { AKTORSATLAS_JOB_THRESHOLD: '1' } });
  const url = () => suite.server().url;
  const jobState = (page: Page, id: string) =>
    page.evaluate(async (i: string) => ((await (await fetch(`/api/jobs/${i}`)).json()) as { state: string }).state, id);

  it('an export that becomes a job shows its progress, then saves the PDF; the gaps load through a job', async () => {
    const page = await suite.browser().newPage({ viewport: { width: 1440, height: 900 }, acceptDownloads: true });
    const { errors } = watchPage(page);
    const exports = jobsStarted(page, '/api/export');
    const gaps = jobsStarted(page, '/api/gaps');
    await openApp(page, `${url()}/`);

    const download = page.waitForEvent('download', { timeout: 180_000 });
    await page.click('[data-testid=export-pdf]');
    await page.waitForSelector('[data-testid=job-progress]', { timeout: 60_000 });
    expect(await page.textContent('[data-testid=job-cancel]')).toBe('Avbryt');
    expect(await page.locator('#export-panel progress').count()).toBe(1);
    const file = await download;
    expect(file.suggestedFilename()).toMatch(/\.pdf$/);
    const path = await file.path();
    expect(readFileSync(path).subarray(0, 5).toString('latin1')).toBe('%PDF-');
    expect(exports.length).toBe(1);
    expect(await jobState(page, exports[0])).toBe('done');
    // The progress is gone once the file is saved.
    await poll(() => page.locator('#export-panel [data-testid=job-progress]').count()).toBe(0);

    await page.click('[data-testid=tab-gaps]');
    await poll(() => page.evaluate(() => document.body.dataset.gaps ?? '')).toBe('ok');
    expect(gaps.length).toBeGreaterThan(0);
    expect(errors).toEqual([]);
    await page.close();
  });

  it('a large import shows its progress, and Avbryt cancels it: the job ends cancelled and nothing is written', async () => {
    const page = await suite.browser().newPage({ viewport: { width: 1440, height: 900 } });
    const { errors } = watchPage(page);
    const imports = jobsStarted(page, '/api/import');
    await openApp(page, `${url()}/`);
    const etag = (await fetch(`${url()}/api/graph`)).headers.get('etag');

    await page.click('[data-testid=tab-import]');
    await page.setInputFiles('[data-testid=import-file]', bigCsv(40_000));
    const progress = page.locator('[data-testid=import] [data-testid=job-progress]');
    await progress.waitFor({ timeout: 60_000 });
    expect(await progress.locator('progress').count()).toBe(1);
    await page.click('[data-testid=import] [data-testid=job-cancel]');
    await poll(() => page.textContent('[data-testid=import-status]')).toBe('Avbrutet.');
    expect(await progress.count()).toBe(0);
    expect(imports.length).toBe(1);
    expect(await jobState(page, imports[0])).toBe('cancelled');
    expect(await page.locator('[data-testid=import-preview]').count()).toBe(0);
    expect((await fetch(`${url()}/api/graph`)).headers.get('etag')).toBe(etag);
    expect(errors).toEqual([]);
    await page.close();
  });
});
