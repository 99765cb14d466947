/**
 * In-page measurements for the browser bench: frame intervals while the map is panned by a mouse drag, and the
 * page's JS heap (CDP Performance.getMetrics). Kept apart from browser.ts, which seeds servers and writes.
 */
import type { Page } from 'playwright-core';

export interface PanStats {
  frames: number;
  fps: number;
  p95FrameMs: number;
  maxFrameMs: number;
  moved: boolean;
}

/**
 * Drags the map from near its top-left corner (inside the stage padding, so no node is grabbed) for ~2 s. `live`:
 * sigma redraws every frame instead of the app moving the drawn picture (see web/src/map/pan-picture.ts).
 */
export async function measurePan(page: Page, durationMs = 2000, live = false): Promise<PanStats> {
  const box = await page.locator('[data-testid=map]').boundingBox();
  if (!box) throw new Error('no map on the page');
  await page.evaluate(`window.__atlas.livePan(${live})`);
  const before = await page.evaluate(() => JSON.stringify((window as unknown as AtlasHook).__atlas?.camera()));
  // A string, not a function: tsx would wrap the inner named function in a helper the page does not have.
  await page.evaluate(`
    window.__frames = [];
    window.__panOn = true;
    const loop = (t) => { window.__frames.push(t); if (window.__panOn) requestAnimationFrame(loop); };
    requestAnimationFrame(loop);
  `);
  const x0 = box.x + 20;
  const y0 = box.y + 20;
  await page.mouse.move(x0, y0);
  await page.mouse.down();
  const started = Date.now();
  // A slow loop over a 300 × 200 px ellipse: every mouse move asks sigma for a frame.
  while (Date.now() - started < durationMs) {
    const a = ((Date.now() - started) / durationMs) * Math.PI * 2;
    await page.mouse.move(x0 + 150 - 150 * Math.cos(a), y0 + 100 * Math.sin(a));
    await page.waitForTimeout(8);
  }
  await page.mouse.move(x0 + 200, y0 + 150);
  await page.mouse.up();
  await page.evaluate('window.__atlas.livePan(false)');
  const frames = await page.evaluate(() => {
    const w = window as unknown as { __frames: number[]; __panOn: boolean };
    w.__panOn = false;
    return w.__frames;
  });
  const after = await page.evaluate(() => JSON.stringify((window as unknown as AtlasHook).__atlas?.camera()));
  const gaps = frames.slice(1).map((t, i) => t - frames[i]);
  const sorted = [...gaps].sort((a, b) => a - b);
  const span = frames.length > 1 ? frames[frames.length - 1] - frames[0] : 0;
  return {
    frames: gaps.length,
    fps: span > 0 ? (gaps.length * 1000) / span : 0,
    p95FrameMs: sorted.length ? sorted[Math.min(sorted.length - 1, Math.floor(sorted.length * 0.95))] : 0,
    maxFrameMs: sorted.length ? sorted[sorted.length - 1] : 0,
    moved: before !== after,
  };
}

/**
 * Waits (up to `timeoutMs`) until three animation frames in a row come within 50 ms: the GPU has finished the
 * frames of start-up (a 50k map draws each in seconds under software WebGL), so the pan measures panning.
 */
export async function waitForQuietFrames(page: Page, timeoutMs = 60_000): Promise<number> {
  return (await page.evaluate(`new Promise((resolve) => {
    const start = performance.now();
    let last = start;
    let quiet = 0;
    const loop = (t) => {
      quiet = t - last < 50 ? quiet + 1 : 0;
      last = t;
      if (quiet >= 3 || t - start > ${timeoutMs}) resolve(Math.round(t - start));
      else requestAnimationFrame(loop);
    };
    requestAnimationFrame(loop);
  })`)) as number;
}

interface AtlasHook {
  __atlas?: { camera: () => unknown };
}

/** The page's JS heap in use (main thread), in bytes, via the DevTools protocol. */
export async function jsHeapUsed(page: Page): Promise<number> {
  const cdp = await page.context().newCDPSession(page);
  try {
    await cdp.send('HeapProfiler.collectGarbage').catch(() => undefined);
    await cdp.send('Performance.enable');
    const { metrics } = await cdp.send('Performance.getMetrics');
    return metrics.find((m) => m.name === 'JSHeapUsedSize')?.value ?? NaN;
  } finally {
    await cdp.detach().catch(() => undefined);
  }
}
