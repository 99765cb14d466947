/**
 * Accounts, API tokens and sign-in sessions: who may read, edit and administer the atlas.
 * Secrets are never stored in the clear: passwords as scrypt hashes (server/auth/passwords.ts), tokens and session
 * ids as SHA-256 hashes of 32 random bytes. Both stores (SQLite, Neo4j) implement this one interface.
 */

export const ROLES = ['viewer', 'editor', 'admin'] as const;
export type Role = (typeof ROLES)[number];

/** viewer < editor < admin. */
export const roleRank = (role: Role): number => ROLES.indexOf(role);
export const atLeast = (role: Role | null | undefined, needed: Role): boolean =>
  role !== null && role !== undefined && roleRank(role) >= roleRank(needed);
export const isRole = (v: unknown): v is Role => typeof v === 'string' && (ROLES as readonly string[]).includes(v);

export interface Account {
  id: string;
  /** Sign-in name, lower case (see normaliseName); also the author recorded in history. */
  name: string;
  role: Role;
  /** `scrypt$N$r$p$salt$hash` (base64url). */
  passwordHash: string;
  createdAt: string;
  updatedAt: string;
}

export interface ApiToken {
  id: string;
  /** A label chosen by its creator ("nightly import"). */
  name: string;
  /** The token's own role; never above its account's role when it is used. */
  role: Role;
  accountId: string;
  /** SHA-256 (hex) of the token text. */
  tokenHash: string;
  createdAt: string;
}

export interface Session {
  /** SHA-256 (hex) of the session id sent in the cookie. */
  idHash: string;
  accountId: string;
  /** Session-bound CSRF token, sent back in `x-csrf-token` on unsafe requests. */
  csrfToken: string;
  createdAt: string;
  expiresAt: string;
}

export type AccountErrorCode = 'account_exists' | 'account_not_found' | 'token_not_found' | 'accounts_not_empty';

export class AccountError extends Error {
  constructor(
    readonly code: AccountErrorCode,
    message: string,
  ) {
    super(message);
    this.name = 'AccountError';
  }
}

export interface AccountDump {
  accounts: Account[];
  tokens: ApiToken[];
}

export interface AccountStore {
  readonly kind: 'sqlite' | 'neo4j';
  countAccounts(): Promise<number>;
  listAccounts(): Promise<Account[]>;
  getAccount(id: string): Promise<Account | undefined>;
  getAccountByName(name: string): Promise<Account | undefined>;
  /** Throws AccountError('account_exists') when the name is taken. */
  createAccount(account: Account): Promise<Account>;
  /** Changes role and/or password hash; the account's sessions end when its password changes. */
  updateAccount(id: string, change: { role?: Role; passwordHash?: string }, at: string): Promise<Account>;
  /** Removes the account with its tokens and sessions. */
  removeAccount(id: string): Promise<void>;

  createToken(token: ApiToken): Promise<ApiToken>;
  tokenByHash(tokenHash: string): Promise<ApiToken | undefined>;
  listTokens(accountId?: string): Promise<ApiToken[]>;
  removeToken(id: string): Promise<void>;

  createSession(session: Session): Promise<Session>;
  sessionByHash(idHash: string): Promise<Session | undefined>;
  removeSession(idHash: string): Promise<void>;
  /** Removes sessions that expired before `now`; returns how many. */
  removeExpiredSessions(now: string): Promise<number>;

  /** Accounts and tokens (hashes only; never sessions) for a backup. */
  dump(): Promise<AccountDump>;
  /** Restores a dump into a store without accounts (throws accounts_not_empty otherwise). */
  restore(dump: AccountDump): Promise<void>;
  close(): Promise<void>;
}
