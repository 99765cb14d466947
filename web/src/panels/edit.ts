/**
 * The edit tab: buttons to add organisations, networks, relations and actions, and the open form. Without the
 * editor role it only says so (and offers the sign-in); an open form is kept, not shown, so what was typed
 * survives an expired session and the sign-in that follows.
 */
import { NODE_KINDS } from '../../../core/model/catalogue/node-kinds.js';
import type { GapFinding } from '../api/types.js';
import type { AppContext } from '../context/context.js';
import { h, replace } from '../dom/h.js';
import { t } from '../i18n/i18n.js';
import { canEdit, currentSession } from '../api/session.js';
import { actionForm } from '../forms/action-form.js';
import type { FormHost } from '../forms/host.js';
import { nodeForm } from '../forms/node-form.js';
import { relationForm } from '../forms/relation-form.js';
import type { Panel } from './panel.js';

export interface EditPanel extends Panel {
  editNode(id: string): void;
  newNode(kind: string): void;
  editRelation(id: string): void;
  newRelation(from?: string): void;
  newAction(finding: GapFinding | null): void;
}

export interface EditCallbacks {
  /** A record was written: reload the graph (and select this node). */
  done: (message: string, select?: string) => void;
  /** Open the app's sign-in dialog. */
  signIn: () => void;
}

export function editPanel(ctx: AppContext, cb: EditCallbacks): EditPanel {
  const el = h('div', { class: 'edit', dataset: { testid: 'edit' } });
  const formArea = h('div', { class: 'form-area' });
  const message = h('p', { class: 'success', aria: { live: 'polite' }, dataset: { testid: 'edit-message' } });
  const host: FormHost = {
    ctx,
    done: (msg, select) => {
      replace(formArea);
      message.textContent = msg;
      cb.done(msg, select);
    },
    cancel: () => replace(formArea),
  };
  const open = (form: HTMLElement) => {
    if (!canEdit()) return;
    message.textContent = '';
    replace(formArea, form);
    form.querySelector<HTMLElement>('input:not([disabled]), select:not([disabled])')?.focus();
  };
  const readOnly = () => {
    const me = currentSession();
    replace(
      el,
      h('p', {
        class: 'hint',
        dataset: { testid: 'edit-read-only' },
        text: me.user ? t('edit.readOnlyRole', { name: me.user.name }) : t('edit.readOnly'),
      }),
      me.mode === 'open-local'
        ? null
        : h('button', {
            type: 'button',
            text: me.user ? t('edit.signInAsEditor') : t('account.signIn'),
            dataset: { testid: 'edit-sign-in' },
            on: { click: () => cb.signIn() },
          }),
    );
  };
  const render = () => {
    if (!canEdit()) return readOnly();
    replace(
      el,
      h(
        'div',
        { class: 'row wrap' },
        h('button', {
          type: 'button',
          text: t('edit.newOrganisation'),
          dataset: { testid: 'new-organisation' },
          on: { click: () => open(nodeForm(host, { kind: 'Organisation' })) },
        }),
        h('button', {
          type: 'button',
          text: t('edit.newNetwork'),
          dataset: { testid: 'new-network' },
          on: { click: () => open(nodeForm(host, { kind: 'Network' })) },
        }),
        h('button', {
          type: 'button',
          text: t('edit.newRelation'),
          dataset: { testid: 'new-relation' },
          on: { click: () => open(relationForm(host, {})) },
        }),
        h('button', {
          type: 'button',
          text: t('edit.newAction'),
          dataset: { testid: 'new-action' },
          on: { click: () => open(actionForm(host, null)) },
        }),
      ),
      h('p', { class: 'hint', text: t('edit.hint', { kinds: String(NODE_KINDS.length) }) }),
      message,
      formArea,
    );
  };
  render();
  return {
    el,
    render,
    editNode: (id) => open(nodeForm(host, { id })),
    newNode: (kind) => open(nodeForm(host, { kind })),
    editRelation: (id) => open(relationForm(host, { id })),
    newRelation: (from) => open(relationForm(host, from ? { from } : {})),
    newAction: (finding) => open(actionForm(host, finding)),
  };
}
