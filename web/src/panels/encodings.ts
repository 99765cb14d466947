/**
 * Display settings: colour nodes by any categorical attribute, size them by any measure of the metric
 * registry, colour edges by relation role, kind or evidence. Also runs the layout and the analysis.
 */
import type { AppContext } from '../context/context.js';
import { measureOptions } from '../analysis/metrics.js';
import { h, replace, uid } from '../dom/h.js';
import { bi, t } from '../i18n/i18n.js';
import { colorOptions } from '../map/encodings.js';
import type { EdgeColorBy } from '../state/types.js';
import type { Panel } from './panel.js';

export interface EncodingActions {
  runLayout: () => void;
  runAnalysis: () => void;
  cancelAnalysis: () => void;
  layoutRunning: () => boolean;
}

function select(
  label: string,
  testid: string,
  value: string,
  options: { id: string; label: string; disabled?: boolean }[],
  onChange: (v: string) => void,
): HTMLElement {
  const id = uid('sel');
  const sel = h(
    'select',
    { id, dataset: { testid }, on: { change: () => onChange(sel.value) } },
    options.map((o) => {
      const opt = h('option', { value: o.id, text: o.label });
      if (o.disabled) opt.disabled = true;
      if (o.id === value) opt.selected = true;
      return opt;
    }),
  );
  return h('div', { class: 'field' }, h('label', { for: id, text: label }), sel);
}

export function encodingsPanel(ctx: AppContext, actions: EncodingActions): Panel {
  const el = h('section', { class: 'panel', id: 'encodings-panel', aria: { labelledby: 'enc-h' } });
  const progress = h('div', { class: 'analysis-status', aria: { live: 'polite' } });
  let status: { status: string; progress?: number; error?: string } = { status: 'idle' };

  const paintProgress = () => {
    const running = status.status === 'running';
    const pct = Math.round((status.progress ?? 0) * 100);
    replace(
      progress,
      running
        ? h(
            'div',
            { class: 'row' },
            h('progress', {
              attrs: { max: '100', value: String(pct) },
              aria: { label: t('analysis.progress') },
              dataset: { testid: 'analysis-progress' },
            }),
            h('span', { text: `${pct} %` }),
            h('button', {
              type: 'button',
              text: t('action.cancel'),
              dataset: { testid: 'analysis-cancel' },
              on: { click: actions.cancelAnalysis },
            }),
          )
        : h('p', {
            class: status.status === 'error' ? 'error' : 'hint',
            dataset: { testid: 'analysis-state' },
            text:
              status.status === 'done'
                ? t('analysis.done', { n: Object.keys(ctx.analysis?.nodes ?? {}).length })
                : status.status === 'cancelled'
                  ? t('analysis.cancelled')
                  : status.status === 'error'
                    ? t('analysis.error', { error: status.error ?? '' })
                    : t('analysis.idle'),
          }),
    );
  };

  const render = () => {
    const s = ctx.store.get();
    const g = ctx.graph;
    const colors = g ? colorOptions(g, ctx.analysis) : [];
    if (!colors.some((c) => c.id === s.colorBy)) colors.push({ id: s.colorBy, label: s.colorBy });
    const sizes = [
      { id: 'none', label: t('encoding.sizeNone') },
      ...measureOptions().map((m) => ({ id: m.id, label: bi(m.label), disabled: !ctx.analysis && m.id !== 'degree' })),
    ];
    const edges: { id: EdgeColorBy; label: string }[] = [
      { id: 'role', label: t('encoding.edgeRole') },
      { id: 'type', label: t('encoding.edgeType') },
      { id: 'evidence', label: t('encoding.edgeEvidence') },
    ];
    replace(
      el,
      h('h2', { id: 'enc-h', text: t('encoding.title') }),
      select(t('encoding.colorBy'), 'color-by', s.colorBy, colors, (v) => ctx.store.set({ colorBy: v })),
      select(t('encoding.sizeBy'), 'size-by', s.sizeBy, sizes, (v) => ctx.store.set({ sizeBy: v })),
      !ctx.analysis ? h('p', { class: 'hint', text: t('encoding.sizeNeedsAnalysis') }) : null,
      select(t('encoding.edgeColorBy'), 'edge-color-by', s.edgeColorBy, edges, (v) =>
        ctx.store.set({ edgeColorBy: v as EdgeColorBy }),
      ),
      h('p', { class: 'hint', text: t('encoding.edgeStyleNote') }),
      ctx.largeMap
        ? h(
            'div',
            { class: 'notice' },
            h('p', { text: t('encoding.largeMap', { n: (ctx.graph?.size ?? 0) - ctx.visibility.hiddenEdges.size }) }),
            h(
              'label',
              { class: 'inline' },
              h('input', {
                type: 'checkbox',
                checked: ctx.showAllTies,
                dataset: { testid: 'show-all-ties' },
                on: {
                  change: (ev) => {
                    ctx.showAllTies = (ev.target as HTMLInputElement).checked;
                    ctx.bus.emit('render', undefined);
                  },
                },
              }),
              t('encoding.showAllTies'),
            ),
          )
        : null,
      h(
        'div',
        { class: 'row' },
        h('button', {
          type: 'button',
          text: t('analysis.run'),
          dataset: { testid: 'analysis-run' },
          on: { click: actions.runAnalysis },
        }),
        h('button', {
          type: 'button',
          text: t('layout.run'),
          disabled: actions.layoutRunning(),
          dataset: { testid: 'layout-run' },
          on: { click: actions.runLayout },
        }),
      ),
      progress,
    );
    paintProgress();
  };
  ctx.bus.on('analysis', (st) => {
    const was = status.status;
    status = st;
    if (st.status !== was && (st.status === 'done' || was === 'running')) render();
    else paintProgress();
  });
  render();
  return { el, render, update: render };
}
