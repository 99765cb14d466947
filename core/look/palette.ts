/**
 * The map's colours, for the screen and every export. Every colour that carries meaning has at least 3:1 contrast
 * against the map background (WCAG 2.1 AA, 1.4.11 non-text contrast); test/e2e/contrast.test.ts checks it.
 */

export const MAP_BACKGROUND = '#fbfbf9';
export const FADED_NODE = '#dcdcd8';
/** Ties outside a highlight: this grey at this opacity (FADED_EDGE is the same as one rgba colour). */
export const FADED_EDGE_LINE = { color: '#a0a09b', alpha: 0.18 } as const;
export const FADED_EDGE = 'rgba(160,160,155,0.18)';
export const OTHER_COLOR = '#878787';
export const HIGHLIGHT = '#111111';
export const MISSING_TIE = '#c2185b';
export const LABEL_COLOR = '#1d1d1b';
/** Neutral ink for legend symbols that show a shape or a line style, not a colour. */
export const NEUTRAL = '#555555';

/** Default colours of the actor groups (see groups.ts). */
export const GROUP_COLORS: Record<string, string> = {
  education: '#1b7837',
  employer: '#b35806',
  business: '#c51b7d',
  public: '#2166ac',
  union: '#8c510a',
  funder: '#7b3294',
  research: '#01665e',
  civil: '#808000',
  organisation: '#4d4d4d',
  network: '#d73027',
  programme: '#35978f',
  occupation: '#9970ab',
  skill: '#33a02c',
  sector: '#878787',
  municipality: '#a6761d',
  action: '#e7298a',
  other: '#666666',
};

/** A categorical palette for any other attribute (communities, municipalities…), most distinct first. */
export const CATEGORICAL: readonly string[] = [
  '#2166ac',
  '#b35806',
  '#1b7837',
  '#c51b7d',
  '#7b3294',
  '#01665e',
  '#d73027',
  '#8c510a',
  '#35978f',
  '#9970ab',
  '#808000',
  '#e7298a',
  '#1f78b4',
  '#a6761d',
  '#4d4d4d',
  '#33a02c',
];

/** Edge colours by the analysis role of the relation kind. */
export const ROLE_COLORS: Record<string, string> = {
  tie: '#2166ac',
  membership: '#6f6f6f',
  supply: '#1b7837',
  demand: '#b35806',
  funding: '#7b3294',
  structure: '#8a8a84',
  plan: '#c51b7d',
};

export const EVIDENCE_COLORS: Record<string, string> = {
  confirmed: '#1b7837',
  probable: '#b35806',
  uncertain: '#c51b7d',
};

/** Relative luminance and contrast ratio (WCAG 2.1). */
export function luminance(hex: string): number {
  const c = hex.replace('#', '');
  const [r, g, b] = [0, 2, 4]
    .map((i) => parseInt(c.slice(i, i + 2), 16) / 255)
    .map((x) => (x <= 0.03928 ? x / 12.92 : ((x + 0.055) / 1.055) ** 2.4));
  return 0.2126 * r + 0.7152 * g + 0.0722 * b;
}

export function contrast(a: string, b: string): number {
  const [l1, l2] = [luminance(a), luminance(b)].sort((x, y) => y - x);
  return (l1 + 0.05) / (l2 + 0.05);
}

/** A hex colour with an alpha channel, as rgba(). */
export function withAlpha(hex: string, alpha: number): string {
  const c = hex.replace('#', '');
  const [r, g, b] = [0, 2, 4].map((i) => parseInt(c.slice(i, i + 2), 16));
  return `rgba(${r},${g},${b},${alpha})`;
}
