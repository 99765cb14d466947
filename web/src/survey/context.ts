/** What the parts of the questionnaire share: the questionnaire, the draft answers, names to show, and the save hook. */
import { getLang, t } from '../i18n/i18n.js';
import type { Answers, Questionnaire, RegisterHit } from './api.js';

export interface SurveyCtx {
  token: string;
  q: Questionnaire;
  answers: Answers;
  /** Names of the register's nodes the page has seen (the answers hold only ids). */
  names: Map<string, { name: string; nameEn?: string }>;
  search: (q: string, kinds: readonly string[]) => Promise<RegisterHit[]>;
  /** After every edit: the page saves the draft a moment later. */
  changed: () => void;
}

/** A node's name in the reader's language. */
export function nameOf(ctx: SurveyCtx, id: string): string {
  const n = ctx.names.get(id);
  if (!n) return t('survey.unnamed');
  return getLang() === 'en' && n.nameEn ? n.nameEn : n.name;
}

export const remember = (ctx: SurveyCtx, hit: RegisterHit): void => {
  ctx.names.set(hit.id, { name: hit.name, ...(hit.nameEn ? { nameEn: hit.nameEn } : {}) });
};

/** A date (YYYY-MM-DD or ISO) in the reader's language. */
export function dateText(iso: string): string {
  const d = new Date(/^\d{4}-\d{2}-\d{2}$/.test(iso) ? `${iso}T12:00:00` : iso);
  if (Number.isNaN(d.getTime())) return iso;
  return d.toLocaleDateString(getLang() === 'sv' ? 'sv-SE' : 'en-GB', {
    year: 'numeric',
    month: 'long',
    day: 'numeric',
  });
}
