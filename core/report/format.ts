import type { Lang } from '../model/labels.js';

/** A number as the report prints it: up to `digits` decimals, Swedish decimal comma in Swedish. */
export function num(x: number | null | undefined, lang: Lang, digits = 3): string {
  if (x === null || x === undefined || !Number.isFinite(x)) return '–';
  const s = Number.isInteger(x) ? String(x) : x.toFixed(digits).replace(/0+$/, '').replace(/\.$/, '');
  return lang === 'sv' ? s.replace('.', ',').replace(/^-/, '−') : s;
}

/** The node's name in the report's language. */
export const nameIn = (n: { name: string; nameEn?: string } | undefined, id: string, lang: Lang): string =>
  n ? (lang === 'en' && n.nameEn ? n.nameEn : n.name) : id;
