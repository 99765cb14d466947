/**
 * The sign-in dialog: a modal <dialog> with a labelled form (name, password), the reason it opened (session
 * expired, role too low) and the server's answer on failure (wrong password, too many attempts). Only one is
 * open at a time; it resolves true once signed in.
 */
import { ApiError, NetworkError } from '../api/client.js';
import { h, uid } from '../dom/h.js';
import { t } from '../i18n/i18n.js';
import { signIn } from '../api/session.js';

let open: Promise<boolean> | null = null;

function failureText(err: unknown): string {
  if (err instanceof ApiError && err.status === 401) return t('signIn.wrong');
  if (err instanceof ApiError && err.status === 429)
    return err.retryAfter ? t('signIn.rateLimitedFor', { s: err.retryAfter }) : t('signIn.rateLimited');
  if (err instanceof NetworkError) return t('error.network');
  return t('form.serverError', { error: err instanceof ApiError ? (err.body.detail ?? err.code) : String(err) });
}

export function openSignIn(reason?: string): Promise<boolean> {
  if (open) return open;
  open = new Promise<boolean>((resolve) => {
    const nameId = uid('signin-name');
    const passwordId = uid('signin-password');
    const titleId = uid('signin-title');
    const name = h('input', {
      id: nameId,
      type: 'text',
      name: 'username',
      attrs: {
        autocomplete: 'username',
        required: 'true',
        maxlength: '200',
        autocapitalize: 'off',
        spellcheck: 'false',
      },
      dataset: { testid: 'signin-name' },
    });
    const password = h('input', {
      id: passwordId,
      type: 'password',
      name: 'password',
      attrs: { autocomplete: 'current-password', required: 'true', maxlength: '1024' },
      dataset: { testid: 'signin-password' },
    });
    const error = h('p', { class: 'field-error', role: 'alert', dataset: { testid: 'signin-error' } });
    const submit = h('button', {
      type: 'submit',
      class: 'primary',
      text: t('signIn.submit'),
      dataset: { testid: 'signin-submit' },
    });
    const dialog = h('dialog', {
      class: 'sign-in',
      aria: { labelledby: titleId },
      dataset: { testid: 'signin-dialog' },
    });
    const done = (ok: boolean) => {
      dialog.close();
      dialog.remove();
      open = null;
      resolve(ok);
    };
    const form = h(
      'form',
      { attrs: { novalidate: 'true' } },
      h('h2', { id: titleId, text: t('signIn.title') }),
      reason ? h('p', { class: 'hint', dataset: { testid: 'signin-reason' }, text: reason }) : null,
      h('div', { class: 'field' }, h('label', { for: nameId, text: t('signIn.name') }), name),
      h('div', { class: 'field' }, h('label', { for: passwordId, text: t('signIn.password') }), password),
      error,
      h(
        'div',
        { class: 'row end' },
        h('button', { type: 'button', text: t('action.cancel'), on: { click: () => done(false) } }),
        submit,
      ),
    );
    form.addEventListener('submit', (ev) => {
      ev.preventDefault();
      if (!name.value.trim() || !password.value) {
        error.textContent = t('signIn.missing');
        (name.value.trim() ? password : name).focus();
        return;
      }
      error.textContent = '';
      submit.disabled = true;
      signIn(name.value.trim(), password.value).then(
        () => done(true),
        (err: unknown) => {
          submit.disabled = false;
          error.textContent = failureText(err);
          password.value = '';
          password.focus();
        },
      );
    });
    dialog.addEventListener('cancel', (ev) => {
      ev.preventDefault();
      done(false);
    });
    dialog.append(form);
    document.body.appendChild(dialog);
    dialog.showModal();
    name.focus();
  });
  return open;
}
