/**
 * The export panel in real Chromium: its links carry the map's filters and language, and what they download is
 * a real PDF report, a PNG of the right pixel size and a GEXF file.
 */
import { expect, it } from 'vitest';
import { describeBrowser, openApp, watchPage, serverAndBrowser } from '../helpers/browser.js';

describeBrowser('export panel (e2e, Chromium)', () => {
  const suite = serverAndBrowser({ seed: true });

  it('links follow the filters and language, and download a PDF, a 4x PNG and GEXF', async () => {
    const page = await suite.browser().newPage({ viewport: { width: 1280, height: 800 } });
    const { errors } = watchPage(page);
    await openApp(page, `${suite.server().url}/?ev=confirmed&lang=en`);
    const pdfHref = await page.getAttribute('[data-testid=export-pdf]', 'href');
    expect(pdfHref).not.toBeNull();
    const pdfUrl = new URL(pdfHref as string, suite.server().url);
    expect(pdfUrl.searchParams.get('format')).toBe('pdf');
    expect(pdfUrl.searchParams.get('evidence')).toBe('confirmed');
    expect(pdfUrl.searchParams.get('lang')).toBe('en');

    const fetched = await page.evaluate(
      async (hrefs: string[]) => {
        const out: { status: number; type: string; head: number[]; size: number }[] = [];
        for (const href of hrefs) {
          const res = await fetch(href);
          const bytes = new Uint8Array(await res.arrayBuffer());
          out.push({
            status: res.status,
            type: res.headers.get('content-type') ?? '',
            head: [...bytes.slice(0, 24)],
            size: bytes.length,
          });
        }
        return out;
      },
      await Promise.all(
        ['pdf', 'png', 'gexf'].map(
          async (f) => (await page.getAttribute(`[data-testid=export-${f}]`, 'href')) as string,
        ),
      ),
    );

    const [pdf, png, gexf] = fetched;
    expect(pdf.status).toBe(200);
    expect(pdf.type).toContain('application/pdf');
    expect(String.fromCharCode(...pdf.head.slice(0, 5))).toBe('%PDF-');
    expect(png.status).toBe(200);
    expect(png.head.slice(1, 4)).toEqual([0x50, 0x4e, 0x47]);
    const view = new DataView(Uint8Array.from(png.head).buffer);
    const width = view.getUint32(16);
    // 4 × the SVG writer's default width of 1600 CSS pixels.
    expect(width).toBe(6400);
    expect(gexf.status).toBe(200);
    expect(String.fromCharCode(...gexf.head.slice(0, 5))).toBe('<?xml');

    // Swedish again: the labels follow the language.
    await openApp(page, `${suite.server().url}/`);
    expect(await page.textContent('[data-testid=export-pdf]')).toBe('Rapport (PDF)');
    expect(
      new URL(
        (await page.getAttribute('[data-testid=export-pdf]', 'href')) as string,
        suite.server().url,
      ).searchParams.get('lang'),
    ).toBe('sv');
    expect(errors).toEqual([]);
    await page.close();
  });
});
