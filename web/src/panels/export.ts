/**
 * Export: the report (PDF), the map (PNG, SVG) and the data (GEXF, GraphML, JSON, XLSX) of what the map shows,
 * as plain download links to GET /api/export with the current filters, encodings and focus and the open view (its
 * positions). The server draws the map from the same state with the same code as the screen (core/render).
 */
import type { AppContext } from '../app/context.js';
import { h, replace } from '../dom/h.js';
import { getLang, t } from '../i18n/i18n.js';
import { LAYOUT_VIEW } from '../app/layout-view.js';
import type { ViewState } from '../state/types.js';
import type { Panel } from './panel.js';

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

export function exportPanel(ctx: AppContext): Panel {
  const el = h('section', { class: 'panel', id: 'export-panel', aria: { labelledby: 'export-h' } });
  const list = h('ul', { class: 'export-links', dataset: { testid: 'export-links' } });

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
      ...links().map((l) =>
        h(
          'li',
          {},
          h('a', {
            href: exportQuery(state, ctx.layoutVersion !== null, getLang(), l.format, l.extra),
            text: l.label,
            attrs: { download: '' },
            dataset: { testid: `export-${l.format}` },
          }),
        ),
      ),
    );
  };

  const render = () => {
    replace(
      el,
      h('h2', { id: 'export-h', text: t('export.title') }),
      h('p', { class: 'hint', text: t('export.hint') }),
      list,
    );
    update();
  };

  return { el, render, update };
}
