/** Shortest path between two actors (fewest ties over the visible map). */
import type { AppContext } from '../context/context.js';
import { labelOf, nodeItems } from '../context/items.js';
import { combobox } from '../dom/combobox.js';
import { h, replace } from '../dom/h.js';
import { t } from '../i18n/i18n.js';
import type { Panel } from './panel.js';

export function pathPanel(ctx: AppContext, onShown: () => void): Panel {
  const el = h('section', { class: 'panel', id: 'path-panel', aria: { labelledby: 'path-h' } });
  const result = h('div', { aria: { live: 'polite' }, dataset: { testid: 'path-result' } });
  let from: string | null = null;
  let to: string | null = null;

  const update = () => {
    const s = ctx.store.get();
    if (!s.path) return replace(result);
    const hl = ctx.highlightReason === 'path' ? ctx.highlight : null;
    if (!hl || hl.edges.size === 0) return replace(result, h('p', { class: 'hint', text: t('path.none') }));
    // Order the path from the start by walking it.
    const order = [s.path[0]];
    const nodes = new Set(hl.nodes);
    nodes.delete(s.path[0]);
    while (nodes.size > 0 && ctx.graph) {
      const last = order[order.length - 1];
      const next = [...nodes].find((n) => ctx.graph?.areNeighbors(last, n));
      if (!next) break;
      order.push(next);
      nodes.delete(next);
    }
    replace(
      result,
      h('p', { text: t('path.found', { steps: order.length - 1 }) }),
      h(
        'ol',
        { class: 'path-list' },
        order.map((n) => h('li', { text: labelOf(ctx, n) })),
      ),
      h('button', {
        type: 'button',
        class: 'link',
        text: t('path.clear'),
        on: { click: () => ctx.store.set({ path: null }) },
      }),
    );
  };

  const render = () => {
    const a = combobox({
      label: t('path.from'),
      items: () => nodeItems(ctx),
      onChoose: (it) => (from = it.id),
      testid: 'path-from',
    });
    const b = combobox({
      label: t('path.to'),
      items: () => nodeItems(ctx),
      onChoose: (it) => (to = it.id),
      testid: 'path-to',
    });
    const s = ctx.store.get();
    if (s.path) {
      from = s.path[0];
      to = s.path[1];
      a.input.value = labelOf(ctx, from);
      b.input.value = labelOf(ctx, to);
    }
    const go = h('button', {
      type: 'button',
      text: t('path.find'),
      dataset: { testid: 'path-find' },
      on: {
        click: () => {
          if (from && to) {
            ctx.store.set({ path: [from, to] });
            onShown();
          }
        },
      },
    });
    replace(el, h('h2', { id: 'path-h', text: t('path.title') }), a.el, b.el, go, result);
    update();
  };
  render();
  return { el, render, update };
}
