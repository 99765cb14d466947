/**
 * Who am I: the one place that knows the signed-in user, the role and the mode (GET /api/me). Panels ask
 * `canEdit()` when they render; a change (sign-in, sign-out, an expired session) notifies the listeners, which
 * re-render. Hiding editing here is only a courtesy: the server refuses the writes anyway.
 */
import { api, setCsrfToken } from './client.js';
import type { Me } from './types.js';

/** Until /api/me answers, nobody may edit (no edit button flashes up for a viewer). */
const UNKNOWN: Me = { user: null, role: null, mode: 'sign-in-required', via: null, csrfToken: null, expiresAt: null };

let me: Me = UNKNOWN;
const listeners = new Set<(me: Me) => void>();

const same = (a: Me, b: Me): boolean =>
  a.mode === b.mode && a.role === b.role && a.user?.id === b.user?.id && a.csrfToken === b.csrfToken;

function set(next: Me): Me {
  const changed = !same(me, next);
  me = next;
  setCsrfToken(next.csrfToken);
  // State for tests and assistive tooling: the role the page acts with.
  document.body.dataset.role = next.role ?? 'none';
  document.body.dataset.canEdit = String(canEdit());
  // Only a real change re-renders: re-rendering refetches, and a refetch that gets 401 asks /api/me again.
  if (changed) for (const fn of listeners) fn(next);
  return next;
}

export const currentSession = (): Me => me;

/** Editors and admins may write; so may the local user of an install without accounts (role admin). */
export const canEdit = (): boolean => me.role === 'editor' || me.role === 'admin';

/** Accounts exist, so signing in means something (not open local mode). */
export const hasAccounts = (): boolean => me.mode !== 'open-local';

export async function loadSession(): Promise<Me> {
  return set(await api.me());
}

/** Signs in (sets the session cookie), then asks /api/me again so the state comes from the cookie itself. */
export async function signIn(name: string, password: string): Promise<Me> {
  set(await api.login(name, password));
  return loadSession();
}

export async function signOut(): Promise<Me> {
  try {
    await api.logout();
  } finally {
    setCsrfToken(null);
  }
  return loadSession();
}

export function onSessionChange(fn: (me: Me) => void): () => void {
  listeners.add(fn);
  return () => listeners.delete(fn);
}
