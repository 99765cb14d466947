/** The header: product name, what the map shows, map/table switch, the language switch and the account. */
import type { AppContext } from '../context/context.js';
import { h, replace } from '../dom/h.js';
import { getLang, setLang, t } from '../i18n/i18n.js';
import { accountControl } from './account-control.js';

export function renderHeader(el: HTMLElement, ctx: AppContext): void {
  // Rebuilding removes the focused button (e.g. "Tabell" just pressed): the same control gets the focus back.
  const active = document.activeElement;
  const refocus = active instanceof HTMLElement && el.contains(active) ? active.dataset.testid : undefined;
  build(el, ctx);
  if (refocus) el.querySelector<HTMLElement>(`[data-testid="${refocus}"]`)?.focus();
}

function build(el: HTMLElement, ctx: AppContext): void {
  const mode = ctx.store.get().mode;
  const other = getLang() === 'sv' ? 'en' : 'sv';
  replace(
    el,
    h(
      'div',
      { class: 'brand' },
      h('h1', { text: t('app.title') }),
      h('p', { class: 'subtitle', text: t('app.subtitle') }),
    ),
    h(
      'div',
      { class: 'row', role: 'group', aria: { label: t('shell.modeLabel') } },
      h('button', {
        type: 'button',
        aria: { pressed: String(mode === 'map') },
        dataset: { testid: 'mode-map' },
        text: t('shell.modeMap'),
        on: { click: () => ctx.store.set({ mode: 'map' }) },
      }),
      h('button', {
        type: 'button',
        aria: { pressed: String(mode === 'table') },
        dataset: { testid: 'mode-table' },
        text: t('shell.modeTable'),
        on: { click: () => ctx.store.set({ mode: 'table' }) },
      }),
    ),
    h('button', {
      type: 'button',
      class: 'lang',
      attrs: { lang: other },
      dataset: { testid: 'lang-switch' },
      text: t('shell.otherLanguage'),
      aria: { label: t('shell.switchLanguage') },
      on: { click: () => setLang(other) },
    }),
    accountControl(),
  );
}
