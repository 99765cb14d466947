/**
 * Real headless Chromium for end-to-end tests: Debian's /usr/bin/chromium driven by playwright-core (never a
 * downloaded browser). `describeBrowser` runs a suite only where Chromium exists; without it the suite is
 * skipped loudly, and with REQUIRE_BROWSER=1 (CI) that is a failure.
 */
import { existsSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { join } from 'node:path';
import { chromium, type Browser, type Page } from 'playwright-core';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { PNG } from 'pngjs';
import { REPO_ROOT, startServer, type RunningServer, type StartOptions } from './server.js';

export const CHROMIUM_PATH = process.env.CHROMIUM_PATH ?? '/usr/bin/chromium';

export const hasBrowser = (): boolean => existsSync(CHROMIUM_PATH);

export async function launchBrowser(): Promise<Browser> {
  return chromium.launch({
    executablePath: CHROMIUM_PATH,
    args: ['--headless', '--no-sandbox', '--disable-gpu', '--disable-background-networking', '--disable-dev-shm-usage'],
  });
}

/** Runs the suite when Chromium is there; otherwise one test that fails under REQUIRE_BROWSER=1 or is skipped loudly. */
export function describeBrowser(name: string, fn: () => void): void {
  if (hasBrowser()) {
    describe(name, fn);
    return;
  }
  const reason = `BROWSER SUITES NOT RUN: ${CHROMIUM_PATH} is missing (install Debian's chromium: apt-get install -y chromium)`;
  if (process.env.REQUIRE_BROWSER === '1') {
    describe(name, () => {
      it('needs Chromium', () => {
        throw new Error(reason);
      });
    });
  } else {
    console.warn(`\n*** ${reason} — suite "${name}" skipped ***\n`);
    describe.skip(name, () => {
      it('needs Chromium', () => undefined);
    });
  }
}

/**
 * Builds web/dist when it is missing or older than its sources (web/scripts/build-if-needed.mjs), under a lock
 * so parallel test files never build at the same time.
 */
export function ensureWebBuilt(): void {
  const script = join(REPO_ROOT, 'web', 'scripts', 'build-if-needed.mjs');
  const lock = join(REPO_ROOT, 'node_modules', '.aktorsatlas-web-build.lock');
  const hasFlock = spawnSync('sh', ['-c', 'command -v flock'], { encoding: 'utf8' }).status === 0;
  const r = hasFlock
    ? spawnSync('flock', [lock, process.execPath, script], { cwd: REPO_ROOT, encoding: 'utf8' })
    : spawnSync(process.execPath, [script], { cwd: REPO_ROOT, encoding: 'utf8' });
  if (r.status !== 0) throw new Error(`building the front end failed:\n${r.stdout}\n${r.stderr}`);
}

/** Collects page errors and console errors, so a test can assert that none happened. */
export function watchPage(page: Page): { errors: string[] } {
  const errors: string[] = [];
  page.on('pageerror', (e) => errors.push(`pageerror: ${e.message}`));
  page.on('console', (m) => {
    if (m.type() === 'error' && !/Failed to load resource/.test(m.text())) errors.push(`console: ${m.text()}`);
  });
  page.on('dialog', (d) => {
    errors.push(`dialog: ${d.message()}`);
    void d.dismiss();
  });
  return { errors };
}

/** Opens the app and waits until the map has been rendered (body[data-ready=true]). */
export async function openApp(page: Page, url: string, timeout = 60_000): Promise<void> {
  await page.goto(url);
  await page.waitForSelector('body[data-ready="true"]', { timeout });
}

/** Waits for the layout computed on first load (if any) to finish and the analysis to be done. */
export async function waitForAnalysis(page: Page, timeout = 60_000): Promise<void> {
  await page.waitForSelector('body[data-analysis="done"]', { timeout });
}

/** Share of pixels of a PNG that differ clearly from a background colour. */
export function nonBackgroundShare(png: Buffer, background: [number, number, number], tolerance = 24): number {
  const img = PNG.sync.read(png);
  let differ = 0;
  const n = img.width * img.height;
  for (let i = 0; i < n; i++) {
    const r = img.data[i * 4];
    const g = img.data[i * 4 + 1];
    const b = img.data[i * 4 + 2];
    if (Math.abs(r - background[0]) + Math.abs(g - background[1]) + Math.abs(b - background[2]) > tolerance) differ++;
  }
  return differ / n;
}

/** expect.poll with a timeout that suits a browser on a loaded 2-core machine. */
/** The map's background colour (MAP_BACKGROUND in core/look/palette.ts), for nonBackgroundShare. */
export const MAP_BACKGROUND: [number, number, number] = [251, 251, 249];

/** The page's read-only test hook, `window.__atlas` (web/src/app/app.ts). */
interface AtlasHook {
  nodeOnScreen: (node: string) => { x: number; y: number } | null;
  reload: () => Promise<void>;
}

/** Where a node is drawn on screen, in page coordinates (null: not in the graph). */
export const nodeOnScreen = (page: Page, node: string) =>
  page.evaluate((n) => (window as unknown as { __atlas: AtlasHook }).__atlas.nodeOnScreen(n), node);

/** Reloads the graph as the app does after an edit. */
export const reloadGraph = (page: Page) =>
  page.evaluate(() => (window as unknown as { __atlas: AtlasHook }).__atlas.reload());

export const poll = <T>(fn: () => Promise<T> | T, timeout = 20_000) => expect.poll(fn, { timeout, interval: 100 });

/**
 * The usual e2e set-up inside a describeBrowser: the web build, a real server with these options and Chromium,
 * started before the suite's tests and stopped after them.
 */
export function serverAndBrowser(options: StartOptions): { server: () => RunningServer; browser: () => Browser } {
  let server: RunningServer | undefined;
  let browser: Browser | undefined;
  beforeAll(async () => {
    ensureWebBuilt();
    server = await startServer(options);
    browser = await launchBrowser();
  });
  afterAll(async () => {
    await browser?.close();
    await server?.stop();
  });
  const need = <T>(value: T | undefined, what: string): T => {
    if (value === undefined) throw new Error(`${what} is not started (used outside the suite's tests?)`);
    return value;
  };
  return { server: () => need(server, 'the server'), browser: () => need(browser, 'Chromium') };
}
