/**
 * Which colour each value of a colour key gets: actor groups their fixed colours in legend order, any other key
 * the categorical palette by frequency (most common first, ties by value in code-point order, the same in Node and every browser), the rest and missing values grey.
 * The screen and the exports call this with the same counts, so they give the same colours.
 */
import { ACTOR_GROUPS } from './groups.js';
import { CATEGORICAL, GROUP_COLORS, OTHER_COLOR } from './palette.js';

/** The value of a node that has none for the key (the web's filters use the same marker). */
export const NONE = '__none__';

export interface ColorAssignment {
  /** Values with their own colour, in legend order. */
  order: string[];
  colorOf: (value: string) => string;
  /** Values drawn in OTHER_COLOR because the palette ran out (not NONE). */
  others: string[];
}

export function assignColors(counts: ReadonlyMap<string, number>, groups: boolean): ColorAssignment {
  const colors = new Map<string, string>();
  const others: string[] = [];
  let order: string[];
  if (groups) {
    order = ACTOR_GROUPS.map((g) => g.id).filter((id) => counts.has(id));
    for (const v of order) colors.set(v, GROUP_COLORS[v] ?? OTHER_COLOR);
  } else {
    const ranked = [...counts.keys()]
      .filter((v) => v !== NONE)
      .sort((a, b) => (counts.get(b) ?? 0) - (counts.get(a) ?? 0) || (a < b ? -1 : a > b ? 1 : 0));
    order = ranked.slice(0, CATEGORICAL.length);
    order.forEach((v, i) => colors.set(v, CATEGORICAL[i]));
    others.push(...ranked.slice(CATEGORICAL.length));
  }
  return { order, colorOf: (v) => colors.get(v) ?? OTHER_COLOR, others };
}
