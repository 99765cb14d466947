/**
 * Search the register by name and pick a hit: a labelled search field, a live count and the hits as buttons. Used
 * for the other end of a new tie and for the occupations or skills a tie concerns.
 */
import { h, uid } from '../dom/h.js';
import { getLang, t } from '../i18n/i18n.js';
import type { RegisterHit } from './api.js';

export interface PickerOptions {
  label: string;
  kinds: () => readonly string[];
  search: (q: string, kinds: readonly string[]) => Promise<RegisterHit[]>;
  exclude?: (id: string) => boolean;
  pick: (hit: RegisterHit) => void;
  testid: string;
}

const shown = (x: RegisterHit) => (getLang() === 'en' && x.nameEn ? x.nameEn : x.name);

export function picker(o: PickerOptions): HTMLElement {
  const id = uid('search');
  const hits = h('ul', { class: 'hits', dataset: { testid: `${o.testid}-hits` } });
  const status = h('p', { class: 'hint', role: 'status' });
  let timer: ReturnType<typeof setTimeout> | undefined;
  let asked = 0;
  const choose = (x: RegisterHit) => {
    o.pick(x);
    hits.replaceChildren();
    input.value = '';
    status.textContent = t('survey.add.done', { name: shown(x) });
  };
  const run = async (q: string) => {
    const mine = ++asked;
    let found: RegisterHit[] = [];
    try {
      found = q.length < 2 ? [] : await o.search(q, o.kinds());
    } catch {
      if (mine === asked) status.textContent = t('survey.add.searchFailed');
      return;
    }
    if (mine !== asked) return;
    found = found.filter((x) => o.kinds().includes(x.kind) && !o.exclude?.(x.id));
    status.textContent = q.length < 2 ? '' : t('survey.add.hits', { n: found.length });
    hits.replaceChildren(
      ...found.map((x) =>
        h(
          'li',
          {},
          h('button', {
            type: 'button',
            class: 'secondary',
            text: t('survey.add.this', { name: shown(x) }),
            dataset: { testid: `${o.testid}-hit`, id: x.id },
            on: { click: () => choose(x) },
          }),
        ),
      ),
    );
  };
  const input = h('input', {
    id,
    type: 'search',
    attrs: { autocomplete: 'off', maxlength: '100' },
    dataset: { testid: o.testid },
    on: {
      input: (e) => {
        clearTimeout(timer);
        const q = (e.target as HTMLInputElement).value.trim();
        timer = setTimeout(() => void run(q), 250);
      },
    },
  });
  return h(
    'div',
    { class: 'picker' },
    h('div', { class: 'field' }, h('label', { for: id, text: o.label }), input),
    status,
    hits,
  );
}
