/**
 * Translations. Swedish is the default; English one click away. Every user-facing text comes from sv.json or
 * en.json (flat keys). Keys are always string literals at the call site (`t('key')`), or marked with `tk('key')`
 * where a key is chosen from a table, so web/scripts/check-i18n.ts can find them all.
 */
import sv from './sv.json' with { type: 'json' };
import en from './en.json' with { type: 'json' };
import type { Bilingual } from '../../../core/model/labels.js';

export type Lang = 'sv' | 'en';
type Dict = Record<string, string>;

const DICTS: Record<Lang, Dict> = { sv: sv as Dict, en: en as Dict };
let current: Lang = 'sv';
const listeners = new Set<(lang: Lang) => void>();

// ---- Public API ----

/** The text of a key in the current language, with {name} placeholders filled in. */
export function t(key: string, params: Record<string, string | number> = {}): string {
  const text = DICTS[current][key] ?? DICTS.sv[key];
  if (text === undefined) {
    console.warn(`i18n: missing key "${key}"`);
    return key;
  }
  return text.replace(/\{(\w+)\}/g, (m, name: string) => (name in params ? String(params[name]) : m));
}

/** Marks a string literal as a translation key (for tables of keys); returns it unchanged. */
export const tk = (key: string): string => key;

/** A bilingual label from the catalogue or the metric registry, in the current language. */
export const bi = (label: Bilingual | undefined): string => (label ? label[current] : '');

export const getLang = (): Lang => current;

export function setLang(lang: Lang): void {
  if (lang === current) return;
  current = lang;
  document.documentElement.lang = lang;
  for (const fn of listeners) fn(lang);
}

export function onLangChange(fn: (lang: Lang) => void): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
}

/** Number formatting for the current language. */
export function fmt(value: number | null | undefined, digits = 3): string {
  if (value === null || value === undefined || !Number.isFinite(value)) return '–';
  const locale = current === 'sv' ? 'sv-SE' : 'en-GB';
  if (Number.isInteger(value)) return value.toLocaleString(locale);
  return value.toLocaleString(locale, { maximumSignificantDigits: digits });
}
