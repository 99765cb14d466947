import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp, type AppOptions } from '../../server/app.js';
import { SqliteStore } from '../../server/store/sqlite/sqlite-store.js';
import { SqliteAccounts } from '../../server/store/accounts/sqlite-accounts.js';
import { addUser } from '../../server/auth/users.js';
import type { Role } from '../../server/store/accounts/account-store.js';
import type { AuthOptions } from '../../server/auth/service.js';
import type { SecurityOptions } from '../../server/plugins/security.js';
import { tempDbPath } from './app.js';

export const PASSWORD = 'correct horse battery';

/** An app on a fresh SQLite file with accounts; `users` are created first (name -> role). */
export async function appWithAccounts(
  users: Record<string, Role> = {},
  opts: { auth?: AuthOptions; security?: SecurityOptions; trustProxy?: AppOptions['trustProxy'] } = {},
): Promise<{ app: FastifyInstance; store: SqliteStore; accounts: SqliteAccounts; path: string }> {
  const path = tempDbPath();
  const store = new SqliteStore(path);
  const accounts = new SqliteAccounts(path);
  for (const [name, role] of Object.entries(users)) await addUser(accounts, { name, role, password: PASSWORD });
  const app = await buildApp({
    store,
    accounts,
    ...(opts.auth ? { auth: opts.auth } : {}),
    ...(opts.security ? { security: opts.security } : {}),
    ...(opts.trustProxy !== undefined ? { trustProxy: opts.trustProxy } : {}),
  });
  await app.ready();
  return { app, store, accounts, path };
}

export interface Session {
  cookie: string;
  csrf: string;
  /** Headers for a signed-in request: the cookie, and the CSRF token. */
  headers: Record<string, string>;
}

export const cookieOf = (res: LightMyRequestResponse, name = 'aktorsatlas_session'): string | undefined => {
  const raw = res.headers['set-cookie'];
  const list = Array.isArray(raw) ? raw : raw ? [raw] : [];
  const line = list.find((c) => c.startsWith(`${name}=`));
  return line?.split(';')[0];
};

export async function signIn(app: FastifyInstance, name: string, password = PASSWORD): Promise<Session> {
  const res = await app.inject({ method: 'POST', url: '/api/auth/login', payload: { name, password } });
  if (res.statusCode !== 200) throw new Error(`sign-in of ${name} failed: ${res.statusCode} ${res.body}`);
  const cookie = cookieOf(res);
  if (!cookie) throw new Error('no session cookie');
  const csrf = res.json().csrfToken as string;
  return { cookie, csrf, headers: { cookie, 'x-csrf-token': csrf } };
}
