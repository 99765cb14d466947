/**
 * Text widths in DejaVu Sans (the font every writer embeds), from its advance widths per 1000 em: close enough
 * to place and cull labels without a font engine (core stays pure).
 */
const LOWER = [
  613, 635, 550, 635, 615, 352, 635, 634, 278, 278, 579, 278, 974, 634, 612, 635, 635, 411, 521, 392, 634, 592, 818,
  592, 592, 525,
];
const UPPER = [
  684, 686, 698, 770, 632, 575, 775, 752, 295, 295, 656, 557, 863, 748, 787, 603, 787, 695, 635, 611, 732, 684, 989,
  685, 611, 685,
];
const OTHER: Record<string, number> = {
  ' ': 318,
  '-': 361,
  '.': 318,
  ',': 318,
  '(': 390,
  ')': 390,
  '–': 500,
  '&': 780,
  ':': 337,
  '/': 337,
};

function advance(ch: string): number {
  const base = ch.normalize('NFD')[0] ?? ch;
  const c = base.charCodeAt(0);
  if (c >= 97 && c <= 122) return LOWER[c - 97];
  if (c >= 65 && c <= 90) return UPPER[c - 65];
  if (c >= 48 && c <= 57) return 636;
  return OTHER[base] ?? 640;
}

/** The width in pixels of a one-line text at a font size in pixels. */
export function textWidth(text: string, fontSize: number): number {
  let w = 0;
  for (const ch of text) w += advance(ch);
  return (w / 1000) * fontSize;
}
