/** Small pieces the survey-round screens share: error text, dates, percentages, a simple data table. */
import { ApiError, NetworkError } from '../api/client.js';
import { h } from '../dom/h.js';
import { fmt, getLang, t } from '../i18n/i18n.js';

/** The server's own words for a refusal (problem+json items in the reader's language), else a plain message. */
export function errorText(err: unknown): string {
  if (err instanceof ApiError) {
    const items = err.body.problems ?? [];
    if (items.length) return items.map((p) => p.message[getLang()]).join(' ');
    if (err.status === 401 || err.status === 403) return t('surveys.needEditor');
    return err.body.detail ?? err.body.title ?? t('surveys.failed');
  }
  return err instanceof NetworkError ? t('error.network') : t('surveys.failed');
}

export const pct = (rate: number | null): string => (rate === null ? '–' : `${fmt(Math.round(rate * 100))} %`);

export function dateText(iso: string | null): string {
  if (!iso) return '–';
  const d = new Date(/^\d{4}-\d{2}-\d{2}$/.test(iso) ? `${iso}T12:00:00` : iso);
  return Number.isNaN(d.getTime()) ? iso : d.toLocaleDateString(getLang() === 'sv' ? 'sv-SE' : 'en-GB');
}

/** A table with a caption, column headers and rows of text (numbers right-aligned). */
export function dataTable(caption: string, head: string[], rows: (string | number)[][], testid: string): HTMLElement {
  return h(
    'table',
    { class: 'data', dataset: { testid } },
    h('caption', { text: caption }),
    h(
      'thead',
      {},
      h(
        'tr',
        {},
        head.map((text) => h('th', { attrs: { scope: 'col' }, text })),
      ),
    ),
    h(
      'tbody',
      {},
      rows.map((r) =>
        h(
          'tr',
          {},
          r.map((c) =>
            h('td', { class: typeof c === 'number' ? 'num' : '', text: typeof c === 'number' ? fmt(c) : c }),
          ),
        ),
      ),
    ),
  );
}
