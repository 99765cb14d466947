/** Colours as the formats need them: `#rrggbb` for SVG, r/g/b/a for GEXF and GraphML. */
export interface Rgba {
  r: number;
  g: number;
  b: number;
  a: number;
}

const clamp = (x: number, lo: number, hi: number) => Math.min(hi, Math.max(lo, x));

/** Parses `#rgb`, `#rrggbb`, `#rrggbbaa`, `rgb(r,g,b)` and `rgba(r,g,b,a)`; anything else is undefined. */
export function parseColor(input: string | undefined): Rgba | undefined {
  if (!input) return undefined;
  const s = input.trim().toLowerCase();
  let m = /^#([0-9a-f]{3})$/.exec(s);
  if (m) {
    const [r, g, b] = m[1].split('').map((c) => parseInt(c + c, 16));
    return { r, g, b, a: 1 };
  }
  m = /^#([0-9a-f]{6})([0-9a-f]{2})?$/.exec(s);
  if (m) {
    const n = parseInt(m[1], 16);
    return { r: (n >> 16) & 255, g: (n >> 8) & 255, b: n & 255, a: m[2] ? parseInt(m[2], 16) / 255 : 1 };
  }
  m = /^rgba?\(\s*(\d{1,3})\s*,\s*(\d{1,3})\s*,\s*(\d{1,3})\s*(?:,\s*([0-9.]+)\s*)?\)$/.exec(s);
  if (m) {
    return {
      r: clamp(Number(m[1]), 0, 255),
      g: clamp(Number(m[2]), 0, 255),
      b: clamp(Number(m[3]), 0, 255),
      a: m[4] === undefined ? 1 : clamp(Number(m[4]), 0, 1),
    };
  }
  return undefined;
}

const hex2 = (n: number) => Math.round(n).toString(16).padStart(2, '0');
export const toHex = (c: Rgba): string => `#${hex2(c.r)}${hex2(c.g)}${hex2(c.b)}`;

/** A colour safe to write into SVG: a parsed colour as hex, or the fallback. */
export const safeColor = (input: string | undefined, fallback: string): string => {
  const c = parseColor(input);
  return c ? toHex(c) : fallback;
};
