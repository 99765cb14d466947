/**
 * A searchable node picker (ARIA combobox + listbox): type to search (case- and diacritic-insensitive), arrow
 * keys to move, Enter to choose, Escape to close. Nothing is highlighted until an arrow key moves (ArrowDown
 * picks the first hit); Enter with nothing highlighted takes the first hit. The list shows `max` hits and
 * a last option "Visa fler" that shows the next `max`.
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

/**
 * Rank of an item for a folded query (lower is better), or -1 when it does not match: the label starts with the
 * query, a word of the label starts with it, every word of the query starts a word of the label, the label
 * contains every word, the other texts (other language, id) contain every word.
 */
function rank(label: string, alt: string, q: string, words: string[]): number {
  const i = label.indexOf(q);
  if (i === 0) return 0;
  if (i > 0 && !/[\p{L}\p{N}]/u.test(label[i - 1])) return 1;
  const labelWords = label.split(/[^\p{L}\p{N}]+/u);
  if (words.every((w) => labelWords.some((lw) => lw.startsWith(w)))) return 2;
  if (words.every((w) => label.includes(w))) return 3;
  return words.every((w) => alt.includes(w)) ? 4 : -1;
}

/**
 * Every item matching the query (case and diacritics folded: "jonkoping" finds "Jönköpings län"; the words of
 * the query in any order), best first, then in Swedish alphabetical order.
 */
export function searchItems(items: ComboItem[], query: string): ComboItem[] {
  const q = fold(query);
  if (!q) return [];
  const words = q.split(' ').filter(Boolean);
  const scored: [number, ComboItem][] = [];
  for (const it of items) {
    const r = rank(fold(it.label), fold(it.alt), q, words);
    if (r >= 0) scored.push([r, it]);
  }
  scored.sort((a, b) => a[0] - b[0] || a[1].label.localeCompare(b[1].label, 'sv'));
  return scored.map((s) => s[1]);
}

function optionEl(
  id: string,
  item: string,
  active: boolean,
  onPick: () => void,
  ...children: HTMLElement[]
): HTMLElement {
  return h(
    'li',
    {
      id,
      role: 'option',
      dataset: { id: item },
      class: active ? 'active' : '',
      aria: { selected: String(active) },
      // mousedown, not click: the input keeps the focus (no blur that closes the list first)
      on: { mousedown: (ev) => (ev.preventDefault(), onPick()) },
    },
    ...children,
  );
}

export function combobox(opts: ComboboxOptions): { el: HTMLElement; input: HTMLInputElement; clear: () => void } {
  const id = uid('combo');
  const listId = `${id}-list`;
  const page = opts.max ?? 12;
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
  let shown = page;
  /** The highlighted option: an index into the shown hits, `shown` for "Visa fler", -1 for none. */
  let active = -1;
  const visible = () => results.slice(0, shown);
  const hasMore = () => results.length > shown;
  const optionCount = () => visible().length + (hasMore() ? 1 : 0);

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
  const announce = () => {
    const n = results.length;
    status.textContent = !input.value
      ? ''
      : hasMore()
        ? t('search.resultsOf', { shown, n })
        : t('search.results', { n });
  };
  const paint = () => {
    const items = visible().map((it, i) =>
      optionEl(
        `${id}-opt-${i}`,
        it.id,
        i === active,
        () => choose(it),
        h('span', { class: 'opt-label', text: it.label }),
        h('span', { class: 'opt-hint', text: it.hint }),
      ),
    );
    const more = hasMore()
      ? optionEl(
          `${id}-opt-more`,
          '',
          active === shown,
          showMore,
          h('span', { class: 'opt-more', text: t('search.more', { n: Math.min(page, results.length - shown) }) }),
        )
      : null;
    if (more) {
      more.dataset.testid = 'combo-more';
      delete more.dataset.id;
    }
    replace(list, items, more);
    const activeId = active < 0 ? null : active === shown ? `${id}-opt-more` : `${id}-opt-${active}`;
    if (activeId) input.setAttribute('aria-activedescendant', activeId);
    else input.removeAttribute('aria-activedescendant');
    announce();
  };
  /** The next page of hits; the first new hit is highlighted, so the keyboard goes on from there. */
  function showMore() {
    const first = shown;
    shown += page;
    active = first;
    paint();
  }
  const update = () => {
    results = searchItems(opts.items(), input.value);
    shown = page;
    active = -1;
    announce();
    if (results.length === 0) return close();
    list.hidden = false;
    input.setAttribute('aria-expanded', 'true');
    paint();
  };
  const move = (step: 1 | -1) => {
    if (list.hidden) update();
    const count = optionCount();
    if (count === 0) return;
    active = active < 0 ? (step === 1 ? 0 : count - 1) : (active + step + count) % count;
    paint();
  };
  input.addEventListener('input', update);
  input.addEventListener('blur', () => setTimeout(close, 100));
  input.addEventListener('keydown', (ev) => {
    if (ev.key === 'ArrowDown' || ev.key === 'ArrowUp') {
      ev.preventDefault();
      move(ev.key === 'ArrowDown' ? 1 : -1);
    } else if (ev.key === 'Enter' && !list.hidden && results.length > 0) {
      ev.preventDefault();
      if (active === shown && hasMore()) showMore();
      else choose(visible()[Math.max(0, active)]); // nothing highlighted: the first hit
    } else if (ev.key === 'Escape') {
      close();
    }
  });
  const label = h('label', { for: id, text: opts.label });
  const el = h('div', { class: 'combo' }, label, input, list, status);
  return { el, input, clear: () => ((input.value = ''), close()) };
}
