/** Key actors: a ranked table of the analysed actors, sortable by any measure of the metric registry. */
import type { AppContext } from '../context/context.js';
import { kindHint, labelOf } from '../context/items.js';
import { measureOption, measureOptions, metricValue } from '../analysis/metrics.js';
import { h, replace, uid } from '../dom/h.js';
import { bi, fmt, t } from '../i18n/i18n.js';
import type { Panel } from './panel.js';

export function keyActorsPanel(ctx: AppContext, focus: (node: string) => void): Panel {
  const el = h('div', { class: 'key-actors', dataset: { testid: 'key-actors' } });
  let sortBy = 'betweenness';
  let desc = true;
  let showAll = false;
  let robustOnly = false;

  const render = () => {
    const res = ctx.analysis;
    if (!res) return replace(el, h('p', { class: 'hint', text: t('actors.noAnalysis') }));
    const selId = uid('sort');
    const sel = h(
      'select',
      { id: selId, dataset: { testid: 'actors-sort' }, on: { change: () => ((sortBy = sel.value), render()) } },
      measureOptions().map((m) => {
        const o = h('option', { value: m.id, text: bi(m.label) });
        if (m.id === sortBy) o.selected = true;
        return o;
      }),
    );
    const cols = [sortBy, ...['degree', 'betweenness'].filter((c) => c !== sortBy)];
    const key = new Map((res.keyActors ?? []).map((k) => [k.id, k]));
    const ids = Object.keys(res.nodes).filter((n) => ctx.graph?.hasNode(n) && (!robustOnly || key.get(n)?.robust));
    const robustBox = h('input', {
      type: 'checkbox',
      dataset: { testid: 'actors-robust-only' },
      on: { change: () => ((robustOnly = robustBox.checked), render()) },
    });
    robustBox.checked = robustOnly;
    ids.sort((a, b) => {
      const va = metricValue(res, a, sortBy);
      const vb = metricValue(res, b, sortBy);
      if (va === null && vb === null) return 0;
      if (va === null) return 1;
      if (vb === null) return -1;
      return desc ? vb - va : va - vb;
    });
    const shown = showAll ? ids : ids.slice(0, 50);
    const header = (id: string) => {
      const label = bi(measureOption(id)?.label) || id;
      const sorted = id === sortBy;
      return h(
        'th',
        { attrs: { scope: 'col', 'aria-sort': sorted ? (desc ? 'descending' : 'ascending') : 'none' } },
        h('button', {
          type: 'button',
          class: 'link th-sort',
          text: `${label}${sorted ? (desc ? ' ▼' : ' ▲') : ''}`,
          dataset: { testid: `actors-col-${id}` },
          on: {
            click: () => {
              if (sorted) desc = !desc;
              else {
                sortBy = id;
                desc = true;
              }
              render();
            },
          },
        }),
      );
    };
    replace(
      el,
      h('div', { class: 'field' }, h('label', { for: selId, text: t('actors.sortBy') }), sel),
      h('p', { class: 'hint', text: bi(measureOption(sortBy)?.metric.description) }),
      res.keyActors
        ? h('label', { class: 'check' }, robustBox, ` ${t('actors.robustOnly', { n: res.keyActors.length })}`)
        : null,
      h(
        'table',
        { class: 'data', dataset: { testid: 'actors-table' } },
        h('caption', { class: 'sr-only', text: t('actors.caption') }),
        h(
          'thead',
          {},
          h(
            'tr',
            {},
            h('th', { attrs: { scope: 'col' }, text: '#' }),
            h('th', { attrs: { scope: 'col' }, text: t('actors.name') }),
            cols.map(header),
          ),
        ),
        h(
          'tbody',
          {},
          shown.map((n, i) =>
            h(
              'tr',
              { dataset: { node: n } },
              h('td', { text: String(i + 1) }),
              h(
                'td',
                {},
                h('button', { type: 'button', class: 'link', text: labelOf(ctx, n), on: { click: () => focus(n) } }),
                h('div', {
                  class: 'hint',
                  text: [
                    ctx.graph ? kindHint(ctx.graph.getNodeAttributes(n)) : '',
                    key.get(n) ? (key.get(n)!.robust ? t('actors.keyRobust') : t('actors.keyFragile')) : '',
                  ]
                    .filter(Boolean)
                    .join(' · '),
                }),
              ),
              cols.map((c) => h('td', { class: 'num', text: fmt(metricValue(res, n, c)) })),
            ),
          ),
        ),
      ),
      ids.length > 50
        ? h('button', {
            type: 'button',
            class: 'link',
            text: showAll ? t('actors.showTop') : t('actors.showAll', { n: ids.length }),
            on: { click: () => ((showAll = !showAll), render()) },
          })
        : null,
    );
  };
  render();
  return { el, render, update: render };
}
