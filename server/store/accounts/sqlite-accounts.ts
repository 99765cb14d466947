import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import {
  AccountError,
  type Account,
  type AccountDump,
  type AccountStore,
  type ApiToken,
  type Role,
  type Session,
} from './account-store.js';

/**
 * Accounts in the SQLite file of the graph store, through a connection of their own (WAL mode lets both work at
 * once). The tables have their own migration list, recorded in `account_migrations`, so they never collide with the
 * graph store's `schema_migrations`.
 */
const MIGRATIONS: { version: number; sql: string }[] = [
  {
    version: 1,
    sql: `
      CREATE TABLE accounts (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL UNIQUE,
        role TEXT NOT NULL CHECK (role IN ('viewer','editor','admin')),
        password_hash TEXT NOT NULL,
        created_at TEXT NOT NULL,
        updated_at TEXT NOT NULL
      );
      CREATE TABLE api_tokens (
        id TEXT PRIMARY KEY,
        name TEXT NOT NULL,
        role TEXT NOT NULL CHECK (role IN ('viewer','editor','admin')),
        account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        token_hash TEXT NOT NULL UNIQUE,
        created_at TEXT NOT NULL
      );
      CREATE INDEX api_tokens_account ON api_tokens(account_id);
      CREATE TABLE sessions (
        id_hash TEXT PRIMARY KEY,
        account_id TEXT NOT NULL REFERENCES accounts(id) ON DELETE CASCADE,
        csrf_token TEXT NOT NULL,
        created_at TEXT NOT NULL,
        expires_at TEXT NOT NULL
      );
      CREATE INDEX sessions_account ON sessions(account_id);
      CREATE INDEX sessions_expires ON sessions(expires_at);
    `,
  },
];

interface AccountRow {
  id: string;
  name: string;
  role: Role;
  password_hash: string;
  created_at: string;
  updated_at: string;
}
interface TokenRow {
  id: string;
  name: string;
  role: Role;
  account_id: string;
  token_hash: string;
  created_at: string;
}
interface SessionRow {
  id_hash: string;
  account_id: string;
  csrf_token: string;
  created_at: string;
  expires_at: string;
}

const account = (r: AccountRow): Account => ({
  id: r.id,
  name: r.name,
  role: r.role,
  passwordHash: r.password_hash,
  createdAt: r.created_at,
  updatedAt: r.updated_at,
});
const token = (r: TokenRow): ApiToken => ({
  id: r.id,
  name: r.name,
  role: r.role,
  accountId: r.account_id,
  tokenHash: r.token_hash,
  createdAt: r.created_at,
});
const session = (r: SessionRow): Session => ({
  idHash: r.id_hash,
  accountId: r.account_id,
  csrfToken: r.csrf_token,
  createdAt: r.created_at,
  expiresAt: r.expires_at,
});

export class SqliteAccounts implements AccountStore {
  readonly kind = 'sqlite' as const;
  private readonly db: Database.Database;

  constructor(path: string) {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    this.db = new Database(path);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('foreign_keys = ON');
    this.db.pragma('busy_timeout = 5000');
    this.migrate();
  }

  private migrate(): void {
    this.db.exec(
      'CREATE TABLE IF NOT EXISTS account_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)',
    );
    const done = new Set(
      (this.db.prepare('SELECT version FROM account_migrations').all() as { version: number }[]).map((r) => r.version),
    );
    for (const m of MIGRATIONS) {
      if (done.has(m.version)) continue;
      this.db.transaction(() => {
        this.db.exec(m.sql);
        this.db
          .prepare('INSERT INTO account_migrations (version, applied_at) VALUES (?, ?)')
          .run(m.version, new Date().toISOString());
      })();
    }
  }

  async countAccounts(): Promise<number> {
    return (this.db.prepare('SELECT COUNT(*) AS n FROM accounts').get() as { n: number }).n;
  }

  async listAccounts(): Promise<Account[]> {
    return (this.db.prepare('SELECT * FROM accounts ORDER BY name').all() as AccountRow[]).map(account);
  }

  async getAccount(id: string): Promise<Account | undefined> {
    const row = this.db.prepare('SELECT * FROM accounts WHERE id = ?').get(id) as AccountRow | undefined;
    return row ? account(row) : undefined;
  }

  async getAccountByName(name: string): Promise<Account | undefined> {
    const row = this.db.prepare('SELECT * FROM accounts WHERE name = ?').get(name) as AccountRow | undefined;
    return row ? account(row) : undefined;
  }

  async createAccount(a: Account): Promise<Account> {
    return this.db.transaction(() => {
      if (this.db.prepare('SELECT 1 FROM accounts WHERE name = ?').get(a.name))
        throw new AccountError('account_exists', `Account "${a.name}" already exists`);
      this.db
        .prepare('INSERT INTO accounts (id, name, role, password_hash, created_at, updated_at) VALUES (?,?,?,?,?,?)')
        .run(a.id, a.name, a.role, a.passwordHash, a.createdAt, a.updatedAt);
      return a;
    })();
  }

  async updateAccount(id: string, change: { role?: Role; passwordHash?: string }, at: string): Promise<Account> {
    return this.db.transaction(() => {
      const row = this.db.prepare('SELECT * FROM accounts WHERE id = ?').get(id) as AccountRow | undefined;
      if (!row) throw new AccountError('account_not_found', `Account "${id}" not found`);
      const next: AccountRow = {
        ...row,
        role: change.role ?? row.role,
        password_hash: change.passwordHash ?? row.password_hash,
        updated_at: at,
      };
      this.db
        .prepare('UPDATE accounts SET role = ?, password_hash = ?, updated_at = ? WHERE id = ?')
        .run(next.role, next.password_hash, at, id);
      if (change.passwordHash) this.db.prepare('DELETE FROM sessions WHERE account_id = ?').run(id);
      return account(next);
    })();
  }

  async removeAccount(id: string): Promise<void> {
    this.db.transaction(() => {
      // ON DELETE CASCADE removes tokens and sessions; deleted explicitly too, in case foreign keys were off.
      this.db.prepare('DELETE FROM sessions WHERE account_id = ?').run(id);
      this.db.prepare('DELETE FROM api_tokens WHERE account_id = ?').run(id);
      const r = this.db.prepare('DELETE FROM accounts WHERE id = ?').run(id);
      if (r.changes === 0) throw new AccountError('account_not_found', `Account "${id}" not found`);
    })();
  }

  async createToken(t: ApiToken): Promise<ApiToken> {
    this.db
      .prepare('INSERT INTO api_tokens (id, name, role, account_id, token_hash, created_at) VALUES (?,?,?,?,?,?)')
      .run(t.id, t.name, t.role, t.accountId, t.tokenHash, t.createdAt);
    return t;
  }

  async tokenByHash(tokenHash: string): Promise<ApiToken | undefined> {
    const row = this.db.prepare('SELECT * FROM api_tokens WHERE token_hash = ?').get(tokenHash) as TokenRow | undefined;
    return row ? token(row) : undefined;
  }

  async listTokens(accountId?: string): Promise<ApiToken[]> {
    const rows = accountId
      ? (this.db
          .prepare('SELECT * FROM api_tokens WHERE account_id = ? ORDER BY created_at, id')
          .all(accountId) as TokenRow[])
      : (this.db.prepare('SELECT * FROM api_tokens ORDER BY created_at, id').all() as TokenRow[]);
    return rows.map(token);
  }

  async removeToken(id: string): Promise<void> {
    const r = this.db.prepare('DELETE FROM api_tokens WHERE id = ?').run(id);
    if (r.changes === 0) throw new AccountError('token_not_found', `Token "${id}" not found`);
  }

  async createSession(s: Session): Promise<Session> {
    this.db
      .prepare('INSERT INTO sessions (id_hash, account_id, csrf_token, created_at, expires_at) VALUES (?,?,?,?,?)')
      .run(s.idHash, s.accountId, s.csrfToken, s.createdAt, s.expiresAt);
    return s;
  }

  async sessionByHash(idHash: string): Promise<Session | undefined> {
    const row = this.db.prepare('SELECT * FROM sessions WHERE id_hash = ?').get(idHash) as SessionRow | undefined;
    return row ? session(row) : undefined;
  }

  async removeSession(idHash: string): Promise<void> {
    this.db.prepare('DELETE FROM sessions WHERE id_hash = ?').run(idHash);
  }

  async removeExpiredSessions(now: string): Promise<number> {
    return this.db.prepare('DELETE FROM sessions WHERE expires_at < ?').run(now).changes;
  }

  async dump(): Promise<AccountDump> {
    return { accounts: await this.listAccounts(), tokens: await this.listTokens() };
  }

  async restore(dump: AccountDump): Promise<void> {
    this.db.transaction(() => {
      const n = (this.db.prepare('SELECT COUNT(*) AS n FROM accounts').get() as { n: number }).n;
      if (n > 0)
        throw new AccountError('accounts_not_empty', 'The store already has accounts; restore needs an empty store');
      const a = this.db.prepare(
        'INSERT INTO accounts (id, name, role, password_hash, created_at, updated_at) VALUES (?,?,?,?,?,?)',
      );
      for (const x of dump.accounts) a.run(x.id, x.name, x.role, x.passwordHash, x.createdAt, x.updatedAt);
      const t = this.db.prepare(
        'INSERT INTO api_tokens (id, name, role, account_id, token_hash, created_at) VALUES (?,?,?,?,?,?)',
      );
      for (const x of dump.tokens) t.run(x.id, x.name, x.role, x.accountId, x.tokenHash, x.createdAt);
    })();
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}
