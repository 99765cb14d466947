/** Small helpers for the bilingual sentences of findings (no I/O; safe in a Web Worker). */
import type { Bilingual, Lang } from '../../model/labels.js';

export type { Lang };

export function both(f: (lang: Lang) => string): Bilingual {
  return { sv: f('sv'), en: f('en') };
}

/** "A, B och C" / "A, B and C"; more than `max` items end in "och 3 till" / "and 3 more". */
export function list(items: readonly string[], lang: Lang, max = 8): string {
  let shown = [...items];
  if (shown.length > max) {
    const rest = shown.length - max;
    shown = [...shown.slice(0, max), lang === 'sv' ? `${rest} till` : `${rest} more`];
  }
  if (shown.length === 0) return '';
  if (shown.length === 1) return shown[0];
  // Names with commas in them ("School of Engineering, Jönköping University") are separated by semicolons.
  const sep = shown.some((s) => s.includes(',')) ? '; ' : ', ';
  return `${shown.slice(0, -1).join(sep)} ${lang === 'sv' ? 'och' : 'and'} ${shown[shown.length - 1]}`;
}

/** A number for prose: at most `digits` decimals, Swedish decimal comma, a real minus sign. */
export function num(x: number, lang: Lang, digits = 3): string {
  const s = String(Number(x.toFixed(digits)));
  return (lang === 'sv' ? s.replace('.', ',') : s).replace('-', '−');
}

/** A share as a percentage: "42 %" / "42%". */
export function pct(x: number, lang: Lang): string {
  const v = Math.round(x * 100);
  return lang === 'sv' ? `${v} %` : `${v}%`;
}

/** "1 aktör" / "3 aktörer". */
export function count(n: number, lang: Lang, sv: [string, string], en: [string, string]): string {
  const [one, many] = lang === 'sv' ? sv : en;
  return `${n} ${n === 1 ? one : many}`;
}

export const byName = (a: string, b: string): number => a.localeCompare(b, 'sv');
