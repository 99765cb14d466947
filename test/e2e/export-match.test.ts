/**
 * The exports show what the map shows (issue 19, done-when 2; issue 17, "the PDF map and the screen use the same
 * colours for the same view"): a saved view coloured by municipality, sized by betweenness, focused on Jönköping
 * University and filtered to three municipalities is opened in real Chromium; the colours and sizes sigma draws
 * for each node are read through the page's test hook and compared with the SVG export's fill and radius per
 * node; the PNG has those fills at the nodes' centres; the PDF's map image is the PNG of the same view at the
 * report's map size, pixel for pixel, and the PDF counts the same nodes.
 */
import { expect, it } from 'vitest';
import type { Page } from 'playwright-core';
import { PNG } from 'pngjs';
import { FADED_NODE } from '../../core/look/palette.js';
import { describeBrowser, openApp, poll, serverAndBrowser, waitForAnalysis, watchPage } from '../helpers/browser.js';
import { differingPixels, pdfMapImage, shareWithFill, svgNodes } from '../helpers/map-files.js';
import { flat, pdfText } from '../helpers/pdf.js';

const VIEW = 'e2e-export-vy';
const FOCUS = 'org:jonkoping-university';
const MUNICIPALITIES = ['kommun:0680', 'kommun:0683', 'kommun:0662'];

const savedView = {
  format: 'aktorsatlas-view',
  version: 1,
  view: {
    colorBy: 'municipality',
    sizeBy: 'betweenness',
    edgeColorBy: 'role',
    filters: {
      kinds: null,
      orgTypes: null,
      municipalities: MUNICIPALITIES,
      sectors: null,
      relationTypes: null,
      evidence: null,
      asOf: null,
    },
    focus: FOCUS,
    depth: 1,
    path: null,
    camera: null,
    mode: 'map',
  },
  positions: {},
};

interface Drawn {
  color: string;
  size: number;
}

/** What sigma draws for every node that is not hidden (the reducers' output), via window.__atlas.sigma. */
function screenNodes(page: Page): Promise<Record<string, Drawn>> {
  return page.evaluate(() => {
    const hook = (window as unknown as { __atlas: { sigma: unknown } }).__atlas;
    const sigma = hook.sigma as {
      getGraph: () => { nodes: () => string[] };
      getNodeDisplayData: (n: string) => { color: string; size: number; visibility?: string; hidden?: boolean };
    };
    const out: Record<string, { color: string; size: number }> = {};
    for (const n of sigma.getGraph().nodes()) {
      const d = sigma.getNodeDisplayData(n);
      if (!d || d.visibility === 'hidden' || d.hidden) continue;
      out[n] = { color: d.color.toLowerCase(), size: d.size };
    }
    return out;
  });
}

async function download(page: Page, testid: string, extra: Record<string, string> = {}): Promise<Uint8Array> {
  const href = await page.getAttribute(`[data-testid=${testid}]`, 'href');
  expect(href).not.toBeNull();
  const url = new URL(href as string, 'http://x');
  for (const [k, v] of Object.entries(extra)) url.searchParams.set(k, v);
  const bytes = await page.evaluate(async (u: string) => {
    const res = await fetch(u);
    if (!res.ok) throw new Error(`${u}: ${res.status} ${await res.text()}`);
    return [...new Uint8Array(await res.arrayBuffer())];
  }, `${url.pathname}${url.search}`);
  return Uint8Array.from(bytes);
}

describeBrowser('exports match the screen (e2e, Chromium)', () => {
  const suite = serverAndBrowser({ seed: true });

  it('PNG, SVG and PDF of a saved view show the nodes and colours sigma draws', async () => {
    const base = suite.server().url;
    const put = await fetch(`${base}/api/views/${VIEW}`, {
      method: 'PUT',
      headers: { 'content-type': 'application/json' },
      body: JSON.stringify({ state: savedView }),
    });
    expect(put.status).toBe(200);
    const page = await suite.browser().newPage({ viewport: { width: 1440, height: 900 } });
    const { errors } = watchPage(page);
    await openApp(page, `${base}/?view=${VIEW}`);
    await waitForAnalysis(page, 120_000);
    // After the analysis the sizes follow betweenness: the focus is the largest node on the screen.
    await poll(async () => {
      const s = await screenNodes(page);
      return Object.values(s).some((d) => d.size > 10) && s[FOCUS]?.color !== undefined;
    }, 60_000).toBe(true);
    const screen = await screenNodes(page);
    const ids = Object.keys(screen).sort();
    expect(ids.length).toBeGreaterThan(5);
    expect(ids.length).toBeLessThan(150);
    const faded = ids.filter((n) => screen[n].color === FADED_NODE);
    const coloured = ids.filter((n) => screen[n].color !== FADED_NODE);
    expect(faded.length).toBeGreaterThan(0);
    expect(new Set(coloured.map((n) => screen[n].color)).size).toBeGreaterThan(1);

    // SVG: the same nodes, each with the fill sigma draws, and the same radius for circles.
    const svg = new TextDecoder().decode(await download(page, 'export-svg'));
    const nodes = svgNodes(svg);
    expect(nodes.map((n) => n.id).sort()).toEqual(ids);
    for (const n of nodes) {
      expect({ id: n.id, fill: n.fill }).toEqual({ id: n.id, fill: screen[n.id].color });
      if (n.r !== null) expect(n.r).toBeCloseTo(screen[n.id].size, 1);
    }

    // PNG (the panel's link, 4 × the SVG's size): the fills at the nodes' centres.
    const png = PNG.sync.read(Buffer.from(await download(page, 'export-png')));
    expect(png.width).toBe(6400);
    const inPng = shareWithFill(nodes, png, 4);
    expect(inPng.checked).toBeGreaterThan(ids.length / 2);
    expect(inPng.share).toBeGreaterThan(0.8);

    // PDF: its map is the SVG at the report's map size; the map image has the fills, and the text counts the nodes.
    const pdf = await download(page, 'export-pdf');
    const text = flat(pdfText(pdf));
    expect(text).toContain(`Kartan visar ${ids.length} noder`);
    expect(text).toContain('med vyns positioner, färger och storlekar');
    const reportSvg = new TextDecoder().decode(await download(page, 'export-svg', { width: '1600', height: '1150' }));
    const reportNodes = svgNodes(reportSvg);
    expect(reportNodes.map((n) => n.fill)).toEqual(nodes.map((n) => n.fill));
    const image = pdfMapImage(pdf);
    const scale = image.width / 1600;
    expect(scale).toBe(2);
    // The PDF's map is the PNG export of the view at the report's map size, but with its labels set and culled for
    // paper (server/report/pdf-writer.ts pdfMap): only label pixels may differ, the nodes and their fills are the same.
    const reportPng = PNG.sync.read(
      Buffer.from(await download(page, 'export-png', { width: '1600', height: '1150', scale: '2' })),
    );
    expect([reportPng.width, reportPng.height]).toEqual([image.width, image.height]);
    expect(differingPixels(reportPng, image)).toBeLessThan(image.width * image.height * 0.05);
    for (const group of [faded, coloured]) {
      const share = shareWithFill(reportNodes, image, scale, new Set(group));
      expect(share.checked).toBeGreaterThan(0);
      expect(share.share).toBeGreaterThan(0.8);
    }
    expect(errors).toEqual([]);
    await page.close();
  }, 300_000);
});
