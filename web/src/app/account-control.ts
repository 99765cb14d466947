/**
 * The account corner of the header: "local mode" without accounts, "Sign in" when signed out, or the user's
 * name and role with "Sign out".
 */
import { h } from '../dom/h.js';
import { t } from '../i18n/i18n.js';
import type { Role } from '../api/types.js';
import { currentSession, signOut } from '../api/session.js';
import { openSignIn } from './sign-in.js';

export function roleLabel(role: Role | null): string {
  if (role === 'admin') return t('account.role.admin');
  if (role === 'editor') return t('account.role.editor');
  if (role === 'viewer') return t('account.role.viewer');
  return t('account.role.none');
}

export function accountControl(): HTMLElement {
  const me = currentSession();
  const el = h('div', { class: 'account row', dataset: { testid: 'account' } });
  if (me.mode === 'open-local') {
    el.append(
      h('span', {
        class: 'hint',
        title: t('account.localHint'),
        dataset: { testid: 'account-local' },
        text: t('account.local'),
      }),
    );
    return el;
  }
  if (me.user) {
    el.append(
      h(
        'span',
        { class: 'account-name', dataset: { testid: 'account-name' } },
        me.user.name,
        ' ',
        h('span', {
          class: 'hint',
          text: `(${roleLabel(me.role)})`,
        }),
      ),
      h('button', {
        type: 'button',
        text: t('account.signOut'),
        dataset: { testid: 'sign-out' },
        on: {
          click: () => {
            void signOut().then(
              // Where reading needs a sign-in, the map must not stay on screen for the next person.
              (after) => after.mode === 'sign-in-required' && location.reload(),
              () => undefined,
            );
          },
        },
      }),
    );
    return el;
  }
  el.append(
    h('button', {
      type: 'button',
      class: 'primary',
      text: t('account.signIn'),
      dataset: { testid: 'sign-in' },
      on: { click: () => void openSignIn() },
    }),
  );
  return el;
}
