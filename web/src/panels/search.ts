/**
 * Search and focus: find an actor (case and diacritics ignored), focus on it to see its neighbourhood at
 * depth 1 or 2, clear the focus.
 */
import type { AppContext } from '../context/context.js';
import { labelOf, nodeItems } from '../context/items.js';
import { combobox } from '../dom/combobox.js';
import { h, replace } from '../dom/h.js';
import { t, tk } from '../i18n/i18n.js';
import type { Panel } from './panel.js';

export interface FocusActions {
  focus: (node: string) => void;
  clearFocus: () => void;
}

export function searchPanel(ctx: AppContext, actions: FocusActions): Panel {
  const el = h('section', { class: 'panel', id: 'search-panel', aria: { labelledby: 'search-h' } });
  const render = () => {
    const s = ctx.store.get();
    const box = combobox({
      label: t('search.label'),
      placeholder: t('search.placeholder'),
      items: () => nodeItems(ctx),
      onChoose: (item) => actions.focus(item.id),
      testid: 'search-input',
    });
    box.input.id = 'search-input';
    box.el.querySelector('label')?.setAttribute('for', 'search-input');
    const depth = h(
      'fieldset',
      { class: 'depth' },
      h('legend', { text: t('search.depth') }),
      ...[1, 2].map((d) =>
        h(
          'label',
          { class: 'inline' },
          h('input', {
            type: 'radio',
            name: 'depth',
            value: String(d),
            checked: s.depth === d,
            dataset: { testid: `depth-${d}` },
            on: { change: () => ctx.store.set({ depth: d as 1 | 2 }) },
          }),
          t(d === 1 ? tk('search.depth1') : tk('search.depth2')),
        ),
      ),
    );
    replace(el, h('h2', { id: 'search-h', text: t('search.title') }), box.el, depth, info);
    update();
  };
  const info = h('div', { aria: { live: 'polite' } });
  const update = () => {
    const s = ctx.store.get();
    const focused = s.focus
      ? h(
          'p',
          { class: 'focus-info', dataset: { testid: 'focus-info' } },
          t('search.focused', { name: labelOf(ctx, s.focus), n: ctx.highlight ? ctx.highlight.nodes.size - 1 : 0 }),
          ' ',
          h('button', {
            type: 'button',
            class: 'link',
            text: t('search.clearFocus'),
            dataset: { testid: 'clear-focus' },
            on: { click: actions.clearFocus },
          }),
        )
      : null;
    replace(info, focused);
    for (const r of el.querySelectorAll<HTMLInputElement>('input[name=depth]')) r.checked = r.value === String(s.depth);
  };
  render();
  return { el, render, update };
}
