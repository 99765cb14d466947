/**
 * Colour contrast (runs in Node): every colour that carries meaning on the map has at least 3:1 contrast with
 * the map background (WCAG 2.1 AA, 1.4.11), and the interface's text colours at least 4.5:1 (1.4.3).
 */
import { readFileSync } from 'node:fs';
import { join } from 'node:path';
import { describe, expect, it } from 'vitest';
import {
  CATEGORICAL,
  EVIDENCE_COLORS,
  GROUP_COLORS,
  MAP_BACKGROUND,
  MISSING_TIE,
  ROLE_COLORS,
  contrast,
} from '../../core/look/palette.js';
import { REPO_ROOT } from '../helpers/server.js';

describe('colour contrast', () => {
  const graphical = {
    ...GROUP_COLORS,
    ...Object.fromEntries(CATEGORICAL.map((c, i) => [`categorical-${i}`, c])),
    ...ROLE_COLORS,
    ...EVIDENCE_COLORS,
    missingTie: MISSING_TIE,
  };

  it.each(Object.entries(graphical))('%s (%s) has 3:1 against the map background', (_name, color) => {
    expect(contrast(color, MAP_BACKGROUND)).toBeGreaterThanOrEqual(3);
  });

  it('text colours of the stylesheet have 4.5:1 on their backgrounds', () => {
    const css = readFileSync(join(REPO_ROOT, 'web', 'src', 'styles.css'), 'utf8');
    const v = (name: string) => new RegExp(`--${name}:\\s*(#[0-9a-f]{6})`, 'i').exec(css)?.[1] ?? '';
    const pairs: [string, string][] = [
      [v('text'), v('panel')],
      [v('text'), v('bg')],
      [v('muted'), v('panel')],
      [v('accent'), v('panel')],
      [v('danger'), v('panel')],
      [v('ok'), v('panel')],
      [v('accent-text'), v('accent')],
      ['#ffffff', '#1f3b5c'],
      ['#e6edf5', '#1f3b5c'],
      [v('text'), MAP_BACKGROUND],
    ];
    for (const [fg, bg] of pairs) expect(contrast(fg, bg), `${fg} on ${bg}`).toBeGreaterThanOrEqual(4.5);
  });
});
