/** An accessible confirmation dialog (<dialog>), used before every delete. */
import { h } from './h.js';
import { t } from '../i18n/i18n.js';

export function confirmDialog(message: string, confirmLabel = t('action.delete')): Promise<boolean> {
  return new Promise((resolve) => {
    const dialog = h('dialog', { class: 'confirm', aria: { labelledby: 'confirm-title' } });
    const done = (ok: boolean) => {
      dialog.close();
      dialog.remove();
      resolve(ok);
    };
    const cancel = h('button', { type: 'button', text: t('action.cancel'), on: { click: () => done(false) } });
    const ok = h('button', {
      type: 'button',
      class: 'danger',
      text: confirmLabel,
      dataset: { testid: 'confirm-ok' },
      on: { click: () => done(true) },
    });
    dialog.append(
      h('h2', { id: 'confirm-title', text: t('confirm.title') }),
      h('p', { text: message }),
      h('div', { class: 'row end' }, cancel, ok),
    );
    dialog.addEventListener('cancel', (ev) => {
      ev.preventDefault();
      done(false);
    });
    document.body.appendChild(dialog);
    dialog.showModal();
    cancel.focus();
  });
}
