import { Resvg } from '@resvg/resvg-js';
import { exchangeError } from '../../core/exchange/errors.js';
import { dejaVuFiles } from './fonts.js';

/** Largest PNG we render (pixels): 4× a 1600×1000 map is 25.6 MP; beyond this, memory is the risk. */
export const MAX_PNG_PIXELS = 40_000_000;
export const MAX_PNG_SCALE = 4;

/**
 * Rasterises an SVG (our own writer's output) at `scale` × its CSS size with resvg (Rust, no browser). Without
 * any font installed the shapes still render and the texts are left out.
 */
export function renderPng(svg: string, scale = 1): Uint8Array {
  if (!Number.isFinite(scale) || scale <= 0 || scale > MAX_PNG_SCALE)
    throw exchangeError(
      'unsupported',
      'invalid_scale',
      `Skalan måste vara större än 0 och högst ${MAX_PNG_SCALE}`,
      `The scale must be above 0 and at most ${MAX_PNG_SCALE}`,
    );
  const resvg = new Resvg(svg, {
    fitTo: { mode: 'zoom', value: scale },
    font: { fontFiles: dejaVuFiles(), loadSystemFonts: true, defaultFontFamily: 'DejaVu Sans' },
    background: '#ffffff',
  });
  const pixels = resvg.width * scale * resvg.height * scale;
  if (pixels > MAX_PNG_PIXELS)
    throw exchangeError(
      'too_large',
      'image_too_large',
      `Bilden skulle bli ${Math.round(pixels / 1e6)} megapixel; högst ${MAX_PNG_PIXELS / 1e6} går`,
      `The image would have ${Math.round(pixels / 1e6)} megapixels; at most ${MAX_PNG_PIXELS / 1e6} are allowed`,
    );
  return new Uint8Array(resvg.render().asPng());
}

/** Width and height from a PNG's IHDR chunk. */
export function pngSize(png: Uint8Array): { width: number; height: number } {
  const v = new DataView(png.buffer, png.byteOffset, png.byteLength);
  return { width: v.getUint32(16), height: v.getUint32(20) };
}
