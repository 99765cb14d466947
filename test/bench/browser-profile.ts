/**
 * Profiling aid for the browser bench (not part of `npm run bench`): opens one map in headless Chromium, prints
 * the page's boot marks and a CPU profile of a pan (self time by function), so one can see where time goes; with
 * --boot also a profile of the page's start-up, by self and by inclusive time (build with `--minify false` to read it).
 *
 *   npx tsx test/bench/browser-profile.ts [--seed | --map 10000:40000] [--boot] [--blank]
 */
import { chromium, type Page } from 'playwright-core';
import { startServer } from '../helpers/server.js';
import { ARGS, CHROMIUM, VIEWPORT, argOf, syntheticServer } from './browser.js';
import { measurePan } from './browser-pan.js';

interface ProfileNode {
  id: number;
  children?: number[];
  callFrame: { functionName: string; url: string; lineNumber: number };
}
interface Profile {
  nodes: ProfileNode[];
  samples: number[];
  timeDeltas: number[];
}

/** Self time (ms) per function of a CDP CPU profile, largest first. */
function selfTimes(p: Profile): [string, number][] {
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const acc = new Map<string, number>();
  p.samples.forEach((id, i) => {
    const cf = byId.get(id)?.callFrame;
    const key = cf ? `${cf.functionName || '(anon)'} ${cf.url.split('/').pop() ?? ''}:${cf.lineNumber}` : '?';
    acc.set(key, (acc.get(key) ?? 0) + (p.timeDeltas[i] ?? 0) / 1000);
  });
  return [...acc.entries()].sort((a, b) => b[1] - a[1]);
}

/** Inclusive time (ms) per function (each sample counted once per function on its stack), largest first. */
function inclusiveTimes(p: Profile): [string, number][] {
  const byId = new Map(p.nodes.map((n) => [n.id, n]));
  const parent = new Map<number, number>();
  for (const n of p.nodes) for (const c of n.children ?? []) parent.set(c, n.id);
  const acc = new Map<string, number>();
  p.samples.forEach((id, i) => {
    const seen = new Set<string>();
    for (let cur: number | undefined = id; cur !== undefined; cur = parent.get(cur)) {
      const cf = byId.get(cur)?.callFrame;
      if (!cf?.url) continue;
      const key = `${cf.functionName || '(anon)'} ${cf.url.split('/').pop() ?? ''}:${cf.lineNumber}`;
      if (seen.has(key)) continue;
      seen.add(key);
      acc.set(key, (acc.get(key) ?? 0) + (p.timeDeltas[i] ?? 0) / 1000);
    }
  });
  return [...acc.entries()].sort((a, b) => b[1] - a[1]);
}

async function profilePan(page: Page): Promise<void> {
  const cdp = await page.context().newCDPSession(page);
  await cdp.send('Profiler.enable');
  await cdp.send('Profiler.setSamplingInterval', { interval: 200 });
  await cdp.send('Profiler.start');
  const pan = await measurePan(page);
  const { profile } = (await cdp.send('Profiler.stop')) as unknown as { profile: Profile };
  console.log(`pan: ${pan.fps.toFixed(1)} frames/s, p95 ${pan.p95FrameMs.toFixed(0)} ms, moved ${pan.moved}`);
  const top = selfTimes(profile);
  const total = top.reduce((s, [, v]) => s + v, 0);
  console.log(`profile: ${total.toFixed(0)} ms sampled`);
  for (const [k, v] of top.slice(0, 30)) console.log(`${v.toFixed(0).padStart(7)} ms  ${k}`);
  await cdp.detach();
}

interface TraceEvent {
  name: string;
  ph: string;
  dur?: number;
  tid: number;
  pid: number;
  ts: number;
  args?: { name?: string };
}

/** A Chrome trace of a pan: total duration of complete events per thread and name (top-level share of time). */
async function tracePan(page: Page, work?: () => Promise<void>): Promise<void> {
  const browser = page.context().browser();
  if (!browser) return;
  await browser.startTracing(page, {
    categories: ['devtools.timeline', 'disabled-by-default-devtools.timeline', 'gpu', 'cc', 'viz', 'blink', 'v8'],
  });
  if (work) await work();
  else {
    const pan = await measurePan(page);
    console.log(`traced pan: ${pan.fps.toFixed(1)} frames/s`);
  }
  const buf = await browser.stopTracing();
  const events = (JSON.parse(buf.toString()) as { traceEvents: TraceEvent[] }).traceEvents;
  const threads = new Map<string, string>();
  for (const e of events) if (e.name === 'thread_name') threads.set(`${e.pid}:${e.tid}`, e.args?.name ?? '?');
  const acc = new Map<string, number>();
  for (const e of events) {
    if (e.ph !== 'X' || !e.dur) continue;
    const k = `${threads.get(`${e.pid}:${e.tid}`) ?? e.tid} | ${e.name}`;
    acc.set(k, (acc.get(k) ?? 0) + e.dur / 1000);
  }
  const sorted = [...acc.entries()].sort((a, b) => b[1] - a[1]);
  for (const [k, v] of sorted.slice(0, 45)) console.log(`${v.toFixed(0).padStart(7)} ms  ${k}`);
  // The GPU process's own events (shader compiles, draws, readbacks) further down the list.
  for (const [k, v] of sorted.slice(45).filter(([k, v]) => k.startsWith('CrGpuMain') && v >= 10))
    console.log(`${v.toFixed(0).padStart(7)} ms  ${k}`);
}

/** Per-frame cost (render + a 1-pixel readback, which waits for the GPU) under sigma setting variants. */
const VARIANTS = `
  (async () => {
    const s = window.__atlas.sigma;
    const gl = s.webGLContext;
    const buf = new Uint8Array(4);
    const cam = s.getCamera();
    const st = cam.getState();
    const time = (n) => {
      const t = performance.now();
      for (let i = 0; i < n; i++) {
        cam.setState({ ...st, x: st.x + (i % 2) * 0.01 });
        s.render();
        gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, buf);
      }
      return ((performance.now() - t) / n).toFixed(1);
    };
    const out = { size: s.getDimensions(), dpr: devicePixelRatio };
    out.base = time(15);
    const set = (k, v) => { s.setSetting(k, v); s.render(); gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, buf); };
    set('renderLabels', false); out.noLabels = time(15);
    set('hideEdgesOnMove', true); s.mouseCaptor.isMoving = true; out.noLabelsNoEdges = time(15); s.mouseCaptor.isMoving = false;
    set('hideEdgesOnMove', false);
    set('pickingDownSizingRatio', 8); out.noLabelsPick8 = time(15);
    set('renderLabels', true); out.labelsPick8 = time(15);
    set('pickingDownSizingRatio', 2);
    const t = performance.now(); for (let i = 0; i < 15; i++) { gl.clear(gl.COLOR_BUFFER_BIT); gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, buf); } out.clearOnly = ((performance.now() - t) / 15).toFixed(1);
    // Per-part GPU time: each wrapped call is bracketed by gl.finish() (a synchronous round trip).
    const acc = {};
    const sync = () => { const fb = gl.getParameter(gl.FRAMEBUFFER_BINDING); gl.bindFramebuffer(gl.FRAMEBUFFER, null); gl.readPixels(0, 0, 1, 1, gl.RGBA, gl.UNSIGNED_BYTE, buf); gl.bindFramebuffer(gl.FRAMEBUFFER, fb); };
    const wrap = (obj, name, label) => {
      if (!obj || typeof obj[name] !== 'function') return;
      const f = obj[name].bind(obj);
      obj[name] = (...a) => { sync(); const t = performance.now(); const r = f(...a); sync(); acc[label] = (acc[label] ?? 0) + performance.now() - t; return r; };
    };
    wrap(s.nodeProgram, 'render', 'nodes');
    wrap(s.edgeProgram, 'render', 'edges');
    wrap(s.edgeFramePass, 'run', 'edgeFramePass');
    wrap(s.nodeFramePass, 'run', 'nodeFramePass');
    wrap(s.labelRenderer, 'renderWebGLLabels', 'labels');
    wrap(s.labelRenderer, 'renderBackdrops', 'backdrops');
    wrap(s.labelRenderer, 'renderLabelBackgrounds', 'labelBackgrounds');
    wrap(s.labelRenderer, 'renderAttachments', 'attachments');
    wrap(s.labelRenderer, 'computeDisplayedNodeLabels', 'labelsCPU');
    wrap(s, 'resetWebGLTexture', 'resetWebGLTexture');
    wrap(s, 'clear', 'clear');
    wrap(s.internals.nodeDataTexture, 'upload', 'nodeUpload');
    wrap(s.internals.edgeDataTexture, 'upload', 'edgeUpload');
    wrap(s.nodeProgram, 'uploadLayerTexture', 'nodeLayerUpload');
    wrap(s.edgeProgram, 'uploadAttributeTexture', 'edgeAttrUpload');
    const total = time(10);
    for (const k of Object.keys(acc)) acc[k] = (acc[k] / 10).toFixed(1);
    out.parts = { total, ...acc };
    out.edgeHighWater = s.internals.edgeDataTexture.getHighWaterMark?.();
    out.depthLayers = s.depthLayers;
    out.ranges = JSON.stringify(s.depthRanges);
    return out;
  })()
`;

async function variants(page: Page): Promise<void> {
  console.log('variants (ms per frame):', await page.evaluate(VARIANTS));
}

async function main(): Promise<void> {
  const browser = await chromium.launch({ executablePath: CHROMIUM, args: ARGS });
  const page = await (await browser.newContext({ viewport: VIEWPORT })).newPage();
  let stop: () => Promise<void>;
  let url: string;
  if (process.argv.includes('--seed')) {
    const s = await startServer({ seed: true });
    url = s.url;
    stop = () => s.stop();
  } else {
    const [a, t] = (argOf('--map') ?? '10000:40000').split(':').map(Number);
    const s = await syntheticServer(a, t);
    url = s.server.url;
    stop = s.done;
  }
  try {
    const bootCdp = process.argv.includes('--boot') ? await page.context().newCDPSession(page) : null;
    if (bootCdp) {
      await bootCdp.send('Profiler.enable');
      await bootCdp.send('Profiler.setSamplingInterval', { interval: 500 });
      await bootCdp.send('Profiler.start');
    }
    const open = async () => {
      await page.goto(`${url}/${argOf('--query') ?? ''}`);
      await page.waitForSelector('body[data-ready="true"]', { timeout: 180_000 });
    };
    if (process.argv.includes('--trace-boot')) await tracePan(page, open);
    else await open();
    if (bootCdp) {
      const { profile } = (await bootCdp.send('Profiler.stop')) as unknown as { profile: Profile };
      console.log('boot profile (self time):');
      for (const [k, v] of selfTimes(profile).slice(0, 40)) console.log(`${v.toFixed(0).padStart(7)} ms  ${k}`);
      console.log('boot profile (inclusive time):');
      for (const [k, v] of inclusiveTimes(profile).slice(0, 60)) console.log(`${v.toFixed(0).padStart(7)} ms  ${k}`);
    }
    await page.waitForFunction(() => document.body.dataset.firstRenderAt !== undefined, null, { timeout: 180_000 });
    const marks = await page.evaluate(() => {
      const d = document.body.dataset;
      const nav = performance.getEntriesByType('navigation')[0] as PerformanceNavigationTiming | undefined;
      const res = performance
        .getEntriesByType('resource')
        .filter((r) => r.name.includes('/api/'))
        .map((r) => {
          const rr = r as PerformanceResourceTiming;
          return `${r.name.replace(/^https?:\/\/[^/]+/, '')} ${Math.round(rr.startTime)}→${Math.round(rr.responseEnd)} ms ${rr.transferSize} B (${rr.encodedBodySize}/${rr.decodedBodySize})`;
        });
      return {
        domContentLoaded: Math.round(nav?.domContentLoadedEventEnd ?? NaN),
        Start: d.tStart,
        Loaded: d.tLoaded,
        Derived: d.tDerived,
        Mounted: d.tMounted,
        Panels: d.tPanels,
        Ready: d.tReady,
        firstRenderAt: d.firstRenderAt,
        marks: performance
          .getEntriesByType('mark')
          .map((m) => `${m.name} ${Math.round(m.startTime)}`)
          .join(', '),
        res,
      };
    });
    console.log(marks);
    if ((await page.getAttribute('body', 'data-layout')) === 'running')
      await page.waitForSelector('body[data-layout="done"]', { timeout: 180_000 });
    await page.waitForTimeout(500);
    await profilePan(page);
    if (process.argv.includes('--trace')) await tracePan(page);
    if (process.argv.includes('--variants')) await variants(page);
    if (process.argv.includes('--blank')) {
      await page.setContent('<div data-testid="map" style="width:100%;height:800px"></div>');
      await page.evaluate('window.__atlas = { camera: () => 0 }');
      console.log('blank page:');
      await profilePan(page);
    }
  } finally {
    await browser.close();
    await stop();
  }
}

main().catch((err) => {
  console.error(err);
  process.exit(1);
});
