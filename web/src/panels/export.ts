/**
 * Export: the report (PDF), the map (PNG, SVG) and the data (GEXF, GraphML, JSON, XLSX) of what the map shows,
 * as plain download links to GET /api/export with the current filters, encodings and focus and the open view (its
 * positions). The server draws the map from the same state with the same code as the screen (core/render). A click
 * fetches the file asking for a job when the work is long: then the panel shows its progress and a cancel button,
 * and saves the file when it is done (the link itself still downloads directly, e.g. opened in a new tab).
 */
import type { AppContext } from '../context/context.js';
import { h, replace } from '../dom/h.js';
import { bi, getLang, t } from '../i18n/i18n.js';
import type { Bilingual } from '../../../core/model/labels.js';
import { LAYOUT_VIEW } from '../api/layout-view.js';
import type { ViewState } from '../state/types.js';
import type { Panel } from './panel.js';
import { answerOf, JobCancelled, PREFER_JOB_WHEN_LONG } from '../api/jobs.js';
import { jobProgress, type JobProgress } from './job-progress.js';

interface ExportLink {
  format: string;
  label: string;
  extra?: Record<string, string>;
}

/**
 * The export query of a view state: every filter, the colour and size encodings, the focus, the language, and the
 * saved view whose positions the map keeps (the open view, else the shared base layout when one is stored).
 */
export function exportQuery(
  state: ViewState,
  layoutStored: boolean,
  lang: string,
  format: string,
  extra: Record<string, string> = {},
): string {
  const q = new URLSearchParams({ format, lang, ...extra });
  const view = state.view ?? (layoutStored ? LAYOUT_VIEW : null);
  if (view) q.set('view', view);
  const f = state.filters;
  for (const key of ['kinds', 'orgTypes', 'municipalities', 'sectors', 'relationTypes', 'evidence'] as const) {
    const list = f[key];
    if (list) q.set(key, list.join(','));
  }
  if (f.asOf) q.set('asOf', f.asOf);
  q.set('colorBy', state.colorBy);
  q.set('sizeBy', state.sizeBy);
  q.set('edgeColorBy', state.edgeColorBy);
  if (state.focus) {
    q.set('focus', state.focus);
    q.set('depth', String(state.depth));
  }
  return `/api/export?${q.toString()}`;
}

/** The file name a Content-Disposition header gives, else a default. */
const fileNameOf = (res: Response, format: string) =>
  /filename="([^"]+)"/.exec(res.headers.get('content-disposition') ?? '')?.[1] ?? `aktorsatlas.${format}`;

/** Fetches an export (a job when it is long, with its progress shown) and saves it; says why when it fails. */
async function fetchExport(href: string, format: string, progress: JobProgress, status: HTMLElement) {
  replace(status);
  try {
    const first = await fetch(href, { headers: { prefer: PREFER_JOB_WHEN_LONG }, credentials: 'same-origin' });
    const res = await answerOf(first, progress);
    if (!res.ok) {
      const body = (await res.json().catch(() => ({}))) as { detail?: string; problems?: { message: Bilingual }[] };
      const reason = body.problems?.[0] ? bi(body.problems[0].message) : (body.detail ?? String(res.status));
      replace(
        status,
        h('p', { class: 'error', text: t('export.failed', { reason }), dataset: { testid: 'export-error' } }),
      );
      return;
    }
    const url = URL.createObjectURL(await res.blob());
    const a = h('a', { href: url, attrs: { download: fileNameOf(res, format) } });
    a.click();
    setTimeout(() => URL.revokeObjectURL(url), 60_000);
  } catch (err) {
    progress.clear();
    const text = err instanceof JobCancelled ? t('jobs.cancelled') : t('error.network');
    replace(status, h('p', { class: 'hint', text, dataset: { testid: 'export-status' } }));
  }
}

export function exportPanel(ctx: AppContext): Panel {
  const el = h('section', { class: 'panel', id: 'export-panel', aria: { labelledby: 'export-h' } });
  const list = h('ul', { class: 'export-links', dataset: { testid: 'export-links' } });
  const progress = jobProgress();
  const status = h('div', { aria: { live: 'polite' } });
  const save = (ev: Event, href: string, format: string) => {
    const m = ev as MouseEvent;
    if (m.ctrlKey || m.metaKey || m.shiftKey || m.altKey || m.button !== 0) return;
    ev.preventDefault();
    void fetchExport(href, format, progress, status);
  };

  const links = (): ExportLink[] => [
    { format: 'pdf', label: t('export.report') },
    { format: 'png', label: t('export.png'), extra: { scale: '4' } },
    { format: 'svg', label: t('export.svg') },
    { format: 'gexf', label: t('export.gexf') },
    { format: 'graphml', label: t('export.graphml') },
    { format: 'xlsx', label: t('export.xlsx') },
    { format: 'json', label: t('export.json') },
  ];

  const update = () => {
    const state = ctx.store.get();
    replace(
      list,
      ...links().map((l) => {
        const href = exportQuery(state, ctx.layoutVersion !== null, getLang(), l.format, l.extra);
        return h(
          'li',
          {},
          h('a', {
            href,
            text: l.label,
            attrs: { download: '' },
            dataset: { testid: `export-${l.format}` },
            on: { click: (ev) => save(ev, href, l.format) },
          }),
        );
      }),
    );
  };

  const render = () => {
    replace(
      el,
      h('h2', { id: 'export-h', text: t('export.title') }),
      h('p', { class: 'hint', text: t('export.hint') }),
      list,
      progress.el,
      status,
    );
    update();
  };

  return { el, render, update };
}
