/**
 * A searchable node picker (ARIA combobox + listbox): type to search (case- and diacritic-insensitive), arrow
 * keys to move, Enter to choose, Escape to close.
 */
import { fold } from '../../../core/text/fold.js';
import { h, replace, uid } from './h.js';
import { t } from '../i18n/i18n.js';

export interface ComboItem {
  id: string;
  label: string;
  hint: string;
  /** Extra text that also matches (other language name, id). */
  alt: string;
}

export interface ComboboxOptions {
  label: string;
  placeholder?: string;
  items: () => ComboItem[];
  onChoose: (item: ComboItem) => void;
  testid?: string;
  max?: number;
}

/** Items whose folded label or alt text contains the folded query, prefix matches first. */
export function searchItems(items: ComboItem[], query: string, max: number): ComboItem[] {
  const q = fold(query);
  if (!q) return [];
  const scored: [number, ComboItem][] = [];
  for (const it of items) {
    const l = fold(it.label);
    const i = l.indexOf(q);
    const j = i < 0 ? fold(it.alt).indexOf(q) : -1;
    if (i < 0 && j < 0) continue;
    scored.push([i === 0 ? 0 : i > 0 && l[i - 1] === ' ' ? 1 : i >= 0 ? 2 : 3, it]);
  }
  scored.sort((a, b) => a[0] - b[0] || a[1].label.localeCompare(b[1].label, 'sv'));
  return scored.slice(0, max).map((s) => s[1]);
}

export function combobox(opts: ComboboxOptions): { el: HTMLElement; input: HTMLInputElement; clear: () => void } {
  const id = uid('combo');
  const listId = `${id}-list`;
  const input = h('input', {
    id,
    type: 'search',
    role: 'combobox',
    aria: { autocomplete: 'list', expanded: 'false', controls: listId },
    attrs: { autocomplete: 'off', placeholder: opts.placeholder ?? '' },
    ...(opts.testid ? { dataset: { testid: opts.testid } } : {}),
  });
  const list = h('ul', { id: listId, role: 'listbox', class: 'combo-list', hidden: true, aria: { label: opts.label } });
  const status = h('p', { class: 'sr-only', aria: { live: 'polite' } });
  let results: ComboItem[] = [];
  let active = -1;

  const close = () => {
    list.hidden = true;
    input.setAttribute('aria-expanded', 'false');
    input.removeAttribute('aria-activedescendant');
    active = -1;
  };
  const choose = (item: ComboItem) => {
    input.value = item.label;
    close();
    opts.onChoose(item);
  };
  const paint = () => {
    replace(
      list,
      results.map((it, i) =>
        h(
          'li',
          {
            id: `${id}-opt-${i}`,
            role: 'option',
            class: i === active ? 'active' : '',
            aria: { selected: String(i === active) },
            dataset: { id: it.id },
            on: {
              mousedown: (ev) => {
                ev.preventDefault();
                choose(it);
              },
            },
          },
          h('span', { class: 'opt-label', text: it.label }),
          h('span', { class: 'opt-hint', text: it.hint }),
        ),
      ),
    );
    if (active >= 0) input.setAttribute('aria-activedescendant', `${id}-opt-${active}`);
    else input.removeAttribute('aria-activedescendant');
  };
  const update = () => {
    results = searchItems(opts.items(), input.value, opts.max ?? 12);
    active = results.length > 0 ? 0 : -1;
    status.textContent = input.value ? t('search.results', { n: results.length }) : '';
    if (results.length === 0) return close();
    list.hidden = false;
    input.setAttribute('aria-expanded', 'true');
    paint();
  };
  input.addEventListener('input', update);
  input.addEventListener('blur', () => setTimeout(close, 100));
  input.addEventListener('keydown', (ev) => {
    if (ev.key === 'ArrowDown' || ev.key === 'ArrowUp') {
      ev.preventDefault();
      if (list.hidden) update();
      if (results.length === 0) return;
      active = (active + (ev.key === 'ArrowDown' ? 1 : -1) + results.length) % results.length;
      paint();
    } else if (ev.key === 'Enter') {
      if (!list.hidden && active >= 0 && results[active]) {
        ev.preventDefault();
        choose(results[active]);
      }
    } else if (ev.key === 'Escape') {
      close();
    }
  });
  const label = h('label', { for: id, text: opts.label });
  const el = h('div', { class: 'combo' }, label, input, list, status);
  return { el, input, clear: () => ((input.value = ''), close()) };
}
