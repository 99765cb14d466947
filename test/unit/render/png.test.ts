import { describe, it, expect } from 'vitest';
import { PNG } from 'pngjs';
import { ExchangeError } from '../../../core/exchange/errors.js';
import { mapModel } from '../../../core/render/map-model.js';
import { renderSvg } from '../../../core/render/svg.js';
import { exportFile } from '../../../server/render/export-file.js';
import { pngSize, renderPng } from '../../../server/render/png.js';
import { pixelStats } from '../../helpers/pdf.js';
import { fixtureSnapshot } from '../exchange/helpers.js';

describe('PNG map export', () => {
  const snapshot = fixtureSnapshot();
  const svg = renderSvg(mapModel(snapshot, { width: 800, height: 500, date: '2026-11-27' }));

  it('is 4 × the CSS size at scale 4, decodes, and shows the map (many colours, not blank)', () => {
    const png = renderPng(svg, 4);
    expect(pngSize(png)).toEqual({ width: 3200, height: 2000 });
    const decoded = PNG.sync.read(Buffer.from(png));
    expect([decoded.width, decoded.height]).toEqual([3200, 2000]);
    const { colours, inked } = pixelStats(decoded);
    expect(colours).toBeGreaterThan(50);
    expect(inked).toBeGreaterThan(0.02);
  });

  it('comes from the export function with the requested size and scale', async () => {
    const out = await exportFile('png', snapshot, {
      width: 600,
      height: 400,
      scale: 1.5,
      exportedAt: '2026-11-27T00:00:00Z',
    });
    expect(out.contentType).toBe('image/png');
    expect(out.fileName).toBe('aktorsatlas-2026-11-27.png');
    expect(pngSize(out.body as Uint8Array)).toEqual({ width: 900, height: 600 });
  });

  it('refuses a scale above 4 and images over the pixel limit', () => {
    expect(() => renderPng(svg, 5)).toThrow(ExchangeError);
    const huge = renderSvg(mapModel(snapshot, { width: 8000, height: 8000 }));
    try {
      renderPng(huge, 4);
      expect.unreachable();
    } catch (err) {
      expect(err).toBeInstanceOf(ExchangeError);
      expect((err as ExchangeError).kind).toBe('too_large');
    }
  });
});
