/**
 * Connects the session to the app: a change re-renders everything (edit controls appear or go), a page whose
 * data could not be read loads again after a sign-in, and a 401/403 from the server (session expired, role
 * too low) says why and offers the sign-in.
 */
import { onAuthFailure } from '../api/client.js';
import { t } from '../i18n/i18n.js';
import { roleLabel } from './account-control.js';
import { currentSession, loadSession, onSessionChange } from '../api/session.js';
import { openSignIn } from './sign-in.js';

export interface SessionHooks {
  render: () => void;
  /** The data failed to load (e.g. 401 without sign-in): load again. */
  failed: () => boolean;
  boot: () => void;
}

export function wireSession(hooks: SessionHooks): void {
  onSessionChange(() => {
    hooks.render();
    if (hooks.failed() && currentSession().role !== null) hooks.boot();
  });
  onAuthFailure((f) => {
    // A stale CSRF token: fetch the current one; the form says the save failed and a retry works.
    if (f.error.code === 'csrf_failed') return void loadSession().catch(() => undefined);
    const hadUser = currentSession().user !== null;
    // Ask the server who we are now, so the page stops offering what it may no longer do.
    void loadSession()
      .catch(() => currentSession())
      .then((me) => {
        let reason: string;
        if (f.status === 401) reason = hadUser ? t('signIn.expired') : t('signIn.needed');
        else reason = t('signIn.forbidden', { role: roleLabel(me.role) });
        void openSignIn(reason);
      });
  });
}
