import { atLeast, type Account, type AccountStore, type ApiToken, type Role } from '../store/accounts/account-store.js';
import { burnPasswordCheck, verifyPassword } from './passwords.js';
import { RateLimiter } from './rate-limit.js';
import { newApiToken, newId, normaliseName, randomSecret, sha256, validName } from './secrets.js';
import { addUser, removeUser, updateUser, type PublicUser } from './users.js';

export interface AuthOptions {
  /** Let requests without credentials read (AKTORSATLAS_ANONYMOUS_READ=1). */
  anonymousRead?: boolean;
  /** Session lifetime (default 12 h). */
  sessionTtlMs?: number;
  /** The cookie's Secure flag: always, never, or when the request came over TLS (default). */
  secureCookie?: 'auto' | 'always' | 'never';
  /** Sign-in attempts per IP and name (default 5 a minute) and per IP (default 30 a minute). */
  loginLimit?: { perName: number; perIp: number; windowMs: number };
}

/** Who is asking. `local` = the single user of an install without accounts (loopback only). */
export type Principal =
  | { kind: 'local'; name: 'local'; role: 'admin' }
  | { kind: 'anonymous'; name: 'anonymous'; role: 'viewer' }
  | {
      kind: 'session';
      name: string;
      role: Role;
      account: Account;
      sessionHash: string;
      csrfToken: string;
      expiresAt: string;
    }
  | { kind: 'token'; name: string; role: Role; account: Account; tokenId: string }
  | { kind: 'none'; name: 'anonymous'; role: null };

export const NOBODY: Principal = { kind: 'none', name: 'anonymous', role: null };
export const LOCAL: Principal = { kind: 'local', name: 'local', role: 'admin' };
export const ANONYMOUS: Principal = { kind: 'anonymous', name: 'anonymous', role: 'viewer' };

export const SESSION_COOKIE = 'aktorsatlas_session';
export const CSRF_HEADER = 'x-csrf-token';

const CACHE_MS = 2_000;
const CACHE_MAX = 10_000;

/** The lower of two roles: a token never does more than its account may. */
const lower = (a: Role, b: Role): Role => (atLeast(a, b) ? b : a);

/**
 * Sign-in, sessions and tokens over an AccountStore. Without a store (or with no accounts in it) the service is in
 * open local mode. Lookups of sessions and tokens are cached for 2 s, and dropped at once when this process ends a
 * session, changes a user or revokes a token; changes made by another process (the CLI) apply within 2 s.
 */
export class AuthService {
  private accountsKnown: { value: boolean; until: number } | undefined;
  private readonly cache = new Map<string, { principal: Principal | undefined; until: number }>();
  readonly perName: RateLimiter;
  readonly perIp: RateLimiter;
  readonly sessionTtlMs: number;

  constructor(
    readonly accounts: AccountStore | undefined,
    readonly options: AuthOptions = {},
  ) {
    const limit = options.loginLimit ?? { perName: 5, perIp: 30, windowMs: 60_000 };
    this.perName = new RateLimiter(limit.perName, limit.windowMs);
    this.perIp = new RateLimiter(limit.perIp, limit.windowMs);
    this.sessionTtlMs = options.sessionTtlMs ?? 12 * 3600_000;
  }

  /** Whether any account exists (cached for 1 s; refreshed at once after changes made here). */
  async hasAccounts(): Promise<boolean> {
    if (!this.accounts) return false;
    const now = Date.now();
    if (this.accountsKnown && this.accountsKnown.until > now) return this.accountsKnown.value;
    const value = (await this.accounts.countAccounts()) > 0;
    this.accountsKnown = { value, until: now + 1_000 };
    return value;
  }

  private changed(): void {
    this.accountsKnown = undefined;
    this.cache.clear();
  }

  private cached(key: string): Principal | undefined | null {
    const hit = this.cache.get(key);
    if (!hit) return null;
    if (hit.until <= Date.now()) {
      this.cache.delete(key);
      return null;
    }
    return hit.principal;
  }

  private remember(key: string, principal: Principal | undefined): void {
    if (this.cache.size >= CACHE_MAX) this.cache.clear();
    this.cache.set(key, { principal, until: Date.now() + CACHE_MS });
  }

  /** The principal of a bearer token, or undefined if the token is unknown. */
  async fromToken(token: string): Promise<Principal | undefined> {
    if (!this.accounts || token.length > 200) return undefined;
    const hash = sha256(token);
    const key = `t:${hash}`;
    const hit = this.cached(key);
    if (hit !== null) return hit;
    const record = await this.accounts.tokenByHash(hash);
    const account = record ? await this.accounts.getAccount(record.accountId) : undefined;
    const principal: Principal | undefined =
      record && account
        ? { kind: 'token', name: account.name, role: lower(record.role, account.role), account, tokenId: record.id }
        : undefined;
    this.remember(key, principal);
    return principal;
  }

  /** The principal of a session cookie, or undefined if the session is unknown or expired. */
  async fromSession(sessionId: string): Promise<Principal | undefined> {
    if (!this.accounts || sessionId.length > 200) return undefined;
    const hash = sha256(sessionId);
    const key = `s:${hash}`;
    let principal = this.cached(key);
    if (principal === null) {
      const session = await this.accounts.sessionByHash(hash);
      const account = session ? await this.accounts.getAccount(session.accountId) : undefined;
      principal =
        session && account
          ? {
              kind: 'session',
              name: account.name,
              role: account.role,
              account,
              sessionHash: hash,
              csrfToken: session.csrfToken,
              expiresAt: session.expiresAt,
            }
          : undefined;
      this.remember(key, principal);
    }
    // The expiry is checked on every use, cached or not.
    if (principal?.kind === 'session' && principal.expiresAt <= new Date().toISOString()) return undefined;
    return principal;
  }

  /**
   * Checks a name and password (rate-limited by IP and name before any work), and opens a session.
   * Returns 'limited' with a Retry-After, 'invalid', or the new session.
   */
  async login(
    ip: string,
    rawName: unknown,
    password: unknown,
  ): Promise<
    | { result: 'limited'; retryAfter: number }
    | { result: 'invalid' }
    | { result: 'ok'; sessionId: string; csrfToken: string; account: Account; expiresAt: string }
  > {
    const name = typeof rawName === 'string' ? normaliseName(rawName).slice(0, 64) : '';
    const byName = this.perName.hit(`${ip}|${name}`);
    const byIp = this.perIp.hit(ip);
    if (!byName.allowed || !byIp.allowed)
      return {
        result: 'limited',
        retryAfter: Math.max(byName.allowed ? 0 : byName.retryAfter, byIp.allowed ? 0 : byIp.retryAfter),
      };
    if (!this.accounts || typeof password !== 'string' || password.length > 1024) return { result: 'invalid' };
    const account = validName(name) ? await this.accounts.getAccountByName(name) : undefined;
    if (!account) {
      await burnPasswordCheck(password);
      return { result: 'invalid' };
    }
    if (!(await verifyPassword(password, account.passwordHash))) return { result: 'invalid' };
    this.perName.reset(`${ip}|${name}`);
    const now = new Date();
    await this.accounts.removeExpiredSessions(now.toISOString());
    const sessionId = randomSecret();
    const csrfToken = randomSecret();
    const expiresAt = new Date(now.getTime() + this.sessionTtlMs).toISOString();
    await this.accounts.createSession({
      idHash: sha256(sessionId),
      accountId: account.id,
      csrfToken,
      createdAt: now.toISOString(),
      expiresAt,
    });
    return { result: 'ok', sessionId, csrfToken, account, expiresAt };
  }

  async logout(sessionHash: string): Promise<void> {
    this.cache.delete(`s:${sessionHash}`);
    await this.accounts?.removeSession(sessionHash);
  }

  /** A new API token for `account`, at most its role; the token text is returned once and stored only hashed. */
  async createToken(account: Account, name: string, role: Role): Promise<{ token: string; record: ApiToken }> {
    if (!this.accounts) throw new Error('No account store');
    const token = newApiToken();
    const record: ApiToken = {
      id: newId(),
      name,
      role: lower(role, account.role),
      accountId: account.id,
      tokenHash: sha256(token),
      createdAt: new Date().toISOString(),
    };
    await this.accounts.createToken(record);
    return { token, record };
  }

  async revokeToken(id: string): Promise<void> {
    await this.accounts?.removeToken(id);
    this.cache.clear();
  }

  async addUser(input: { name: unknown; role: unknown; password: unknown }): Promise<PublicUser> {
    if (!this.accounts) throw new Error('No account store');
    const user = await addUser(this.accounts, input);
    this.changed();
    return user;
  }

  async updateUser(name: unknown, change: { role?: unknown; password?: unknown }): Promise<PublicUser> {
    if (!this.accounts) throw new Error('No account store');
    const user = await updateUser(this.accounts, name, change);
    this.changed();
    return user;
  }

  async removeUser(name: unknown): Promise<PublicUser> {
    if (!this.accounts) throw new Error('No account store');
    const user = await removeUser(this.accounts, name);
    this.changed();
    return user;
  }
}
