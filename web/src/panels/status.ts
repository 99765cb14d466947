/** Loading, error (with retry) and empty-map messages over the map area, announced to screen readers. */
import { h, replace } from '../dom/h.js';
import { t } from '../i18n/i18n.js';

export type StatusState =
  { kind: 'loading' } | { kind: 'layout' } | { kind: 'error'; detail: string } | { kind: 'empty' } | { kind: 'none' };

export interface StatusPanel {
  el: HTMLElement;
  show(state: StatusState): void;
  render(): void;
}

export function statusPanel(onRetry: () => void): StatusPanel {
  const el = h('div', { class: 'status', role: 'status', aria: { live: 'polite' }, dataset: { testid: 'status' } });
  let state: StatusState = { kind: 'loading' };
  const render = () => {
    el.hidden = state.kind === 'none';
    el.className = `status status-${state.kind}`;
    switch (state.kind) {
      case 'loading':
        return replace(el, h('p', { text: t('status.loading') }));
      case 'layout':
        return replace(el, h('p', { text: t('status.layout') }));
      case 'empty':
        return replace(
          el,
          h('p', { class: 'strong', text: t('status.empty') }),
          h('p', { text: t('status.emptyHint') }),
        );
      case 'error':
        return replace(
          el,
          h('p', { class: 'strong', text: t('status.error') }),
          h('p', { text: t('status.errorHint') }),
          h('p', { class: 'hint', text: state.detail }),
          h('button', {
            type: 'button',
            class: 'primary',
            text: t('action.retry'),
            dataset: { testid: 'retry' },
            on: { click: onRetry },
          }),
        );
      case 'none':
        return replace(el);
    }
  };
  render();
  return {
    el,
    render,
    show: (s) => {
      state = s;
      render();
    },
  };
}
