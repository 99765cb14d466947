import neo4j, { Neo4jError, type Driver } from 'neo4j-driver';
import { isUnavailable, Runner, type Tx } from '../neo4j/runner.js';
import { StoreError } from '../errors.js';
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
 * Accounts in Neo4j: `(:Account)`, `(:ApiToken)` and `(:Session)` nodes, linked to their account by `accountId`
 * (indexed), with uniqueness constraints on ids, names and hashes. Every value travels as a parameter; the only
 * query text is the constant statements below.
 */
const SCHEMA = [
  'CREATE CONSTRAINT account_id IF NOT EXISTS FOR (a:Account) REQUIRE a.id IS UNIQUE',
  'CREATE CONSTRAINT account_name IF NOT EXISTS FOR (a:Account) REQUIRE a.name IS UNIQUE',
  'CREATE CONSTRAINT api_token_id IF NOT EXISTS FOR (t:ApiToken) REQUIRE t.id IS UNIQUE',
  'CREATE CONSTRAINT api_token_hash IF NOT EXISTS FOR (t:ApiToken) REQUIRE t.tokenHash IS UNIQUE',
  'CREATE INDEX api_token_account IF NOT EXISTS FOR (t:ApiToken) ON (t.accountId)',
  'CREATE CONSTRAINT session_hash IF NOT EXISTS FOR (s:Session) REQUIRE s.idHash IS UNIQUE',
  'CREATE INDEX session_account IF NOT EXISTS FOR (s:Session) ON (s.accountId)',
  'CREATE INDEX session_expires IF NOT EXISTS FOR (s:Session) ON (s.expiresAt)',
];

const Q = {
  count: 'MATCH (a:Account) RETURN count(a) AS n',
  list: 'MATCH (a:Account) RETURN a {.*} AS a ORDER BY a.name',
  byId: 'MATCH (a:Account {id: $id}) RETURN a {.*} AS a',
  byName: 'MATCH (a:Account {name: $name}) RETURN a {.*} AS a',
  create: 'CREATE (a:Account) SET a = $a',
  update:
    'MATCH (a:Account {id: $id}) SET a.role = $role, a.passwordHash = $passwordHash, a.updatedAt = $at RETURN a {.*} AS a',
  endSessions: 'MATCH (s:Session {accountId: $id}) DETACH DELETE s',
  remove: `MATCH (a:Account {id: $id})
           OPTIONAL MATCH (t:ApiToken {accountId: $id})
           OPTIONAL MATCH (s:Session {accountId: $id})
           WITH a, collect(DISTINCT t) + collect(DISTINCT s) AS owned
           FOREACH (x IN owned | DETACH DELETE x)
           DETACH DELETE a
           RETURN 1 AS removed`,
  tokenCreate: 'CREATE (t:ApiToken) SET t = $t',
  tokenByHash: 'MATCH (t:ApiToken {tokenHash: $hash}) RETURN t {.*} AS t',
  tokensAll: 'MATCH (t:ApiToken) RETURN t {.*} AS t ORDER BY t.createdAt, t.id',
  tokensOf: 'MATCH (t:ApiToken {accountId: $accountId}) RETURN t {.*} AS t ORDER BY t.createdAt, t.id',
  tokenRemove: 'MATCH (t:ApiToken {id: $id}) DETACH DELETE t RETURN 1 AS removed',
  sessionCreate: 'CREATE (s:Session) SET s = $s',
  sessionByHash: 'MATCH (s:Session {idHash: $hash}) RETURN s {.*} AS s',
  sessionRemove: 'MATCH (s:Session {idHash: $hash}) DETACH DELETE s',
  sessionsExpired: 'MATCH (s:Session) WHERE s.expiresAt < $now WITH s LIMIT 10000 DETACH DELETE s RETURN count(*) AS n',
} as const;

type Props = Record<string, unknown>;
const CONSTRAINT = 'Neo.ClientError.Schema.ConstraintValidationFailed';
const ALREADY_THERE = new Set([
  'Neo.ClientError.Schema.EquivalentSchemaRuleAlreadyExists',
  'Neo.ClientError.Schema.ConstraintAlreadyExists',
  'Neo.ClientError.Schema.IndexAlreadyExists',
]);

const s = (p: Props, k: string): string => String(p[k]);
const num = (v: unknown): number => (neo4j.isInt(v) ? (v as { toNumber(): number }).toNumber() : Number(v));
const toAccount = (p: Props): Account => ({
  id: s(p, 'id'),
  name: s(p, 'name'),
  role: s(p, 'role') as Role,
  passwordHash: s(p, 'passwordHash'),
  createdAt: s(p, 'createdAt'),
  updatedAt: s(p, 'updatedAt'),
});
const toToken = (p: Props): ApiToken => ({
  id: s(p, 'id'),
  name: s(p, 'name'),
  role: s(p, 'role') as Role,
  accountId: s(p, 'accountId'),
  tokenHash: s(p, 'tokenHash'),
  createdAt: s(p, 'createdAt'),
});
const toSession = (p: Props): Session => ({
  idHash: s(p, 'idHash'),
  accountId: s(p, 'accountId'),
  csrfToken: s(p, 'csrfToken'),
  createdAt: s(p, 'createdAt'),
  expiresAt: s(p, 'expiresAt'),
});

/** An unreachable server becomes StoreError store_unavailable (503); other errors stay as they are. */
const unavailable = (err: unknown): unknown =>
  isUnavailable(err) ? new StoreError('store_unavailable', 'The account database is unavailable') : err;

async function outage<T>(work: () => Promise<T>): Promise<T> {
  try {
    return await work();
  } catch (err) {
    throw unavailable(err);
  }
}

export class Neo4jAccounts implements AccountStore {
  readonly kind = 'neo4j' as const;

  private readonly runner: Runner;

  private constructor(
    private readonly driver: Driver,
    database: string,
    private readonly ownsDriver: boolean,
  ) {
    this.runner = new Runner(driver, database);
  }

  /** Applies the constraints (idempotent) and returns the store. */
  static async open(driver: Driver, database = 'neo4j', ownsDriver = false): Promise<Neo4jAccounts> {
    const store = new Neo4jAccounts(driver, database, ownsDriver);
    const session = driver.session({ database, defaultAccessMode: neo4j.session.WRITE });
    try {
      for (const statement of SCHEMA) {
        try {
          await session.run(statement);
        } catch (err) {
          if (!(err instanceof Neo4jError && ALREADY_THERE.has(err.code))) throw unavailable(err);
        }
      }
    } finally {
      await session.close();
    }
    return store;
  }

  /** Reads with the graph store's short retry window; an unreachable server is StoreError store_unavailable (503). */
  private read(text: string, params: Props = {}): Promise<Props[]> {
    return outage(() => this.runner.read(text, params));
  }

  private write(text: string, params: Props = {}): Promise<Props[]> {
    return outage(() => this.runner.write((tx) => tx.run(text, params)));
  }

  /** A transaction of several statements; AccountErrors pass through, driver errors are mapped. */
  private transaction<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return outage(() => this.runner.write(work));
  }

  async countAccounts(): Promise<number> {
    const [row] = await this.read(Q.count);
    return num(row.n);
  }

  async listAccounts(): Promise<Account[]> {
    return (await this.read(Q.list)).map((r) => toAccount(r.a as Props));
  }

  async getAccount(id: string): Promise<Account | undefined> {
    const [row] = await this.read(Q.byId, { id });
    return row ? toAccount(row.a as Props) : undefined;
  }

  async getAccountByName(name: string): Promise<Account | undefined> {
    const [row] = await this.read(Q.byName, { name });
    return row ? toAccount(row.a as Props) : undefined;
  }

  async createAccount(a: Account): Promise<Account> {
    try {
      await this.write(Q.create, { a: { ...a } });
      return a;
    } catch (err) {
      if (err instanceof Neo4jError && err.code === CONSTRAINT)
        throw new AccountError('account_exists', `Account "${a.name}" already exists`);
      throw err;
    }
  }

  async updateAccount(id: string, change: { role?: Role; passwordHash?: string }, at: string): Promise<Account> {
    return this.transaction(async (tx) => {
      const [found] = await tx.run(Q.byId, { id });
      const prev = found?.a as Props | undefined;
      if (!prev) throw new AccountError('account_not_found', `Account "${id}" not found`);
      const [row] = await tx.run(Q.update, {
        id,
        role: change.role ?? prev.role,
        passwordHash: change.passwordHash ?? prev.passwordHash,
        at,
      });
      if (change.passwordHash) await tx.run(Q.endSessions, { id });
      return toAccount(row.a as Props);
    });
  }

  async removeAccount(id: string): Promise<void> {
    const rows = await this.write(Q.remove, { id });
    if (rows.length === 0) throw new AccountError('account_not_found', `Account "${id}" not found`);
  }

  async createToken(t: ApiToken): Promise<ApiToken> {
    await this.write(Q.tokenCreate, { t: { ...t } });
    return t;
  }

  async tokenByHash(hash: string): Promise<ApiToken | undefined> {
    const [row] = await this.read(Q.tokenByHash, { hash });
    return row ? toToken(row.t as Props) : undefined;
  }

  async listTokens(accountId?: string): Promise<ApiToken[]> {
    const rows = accountId ? await this.read(Q.tokensOf, { accountId }) : await this.read(Q.tokensAll);
    return rows.map((r) => toToken(r.t as Props));
  }

  async removeToken(id: string): Promise<void> {
    const rows = await this.write(Q.tokenRemove, { id });
    if (rows.length === 0) throw new AccountError('token_not_found', `Token "${id}" not found`);
  }

  async createSession(x: Session): Promise<Session> {
    await this.write(Q.sessionCreate, { s: { ...x } });
    return x;
  }

  async sessionByHash(hash: string): Promise<Session | undefined> {
    const [row] = await this.read(Q.sessionByHash, { hash });
    return row ? toSession(row.s as Props) : undefined;
  }

  async removeSession(hash: string): Promise<void> {
    await this.write(Q.sessionRemove, { hash });
  }

  async removeExpiredSessions(now: string): Promise<number> {
    const [row] = await this.write(Q.sessionsExpired, { now });
    return row ? num(row.n) : 0;
  }

  async dump(): Promise<AccountDump> {
    return { accounts: await this.listAccounts(), tokens: await this.listTokens() };
  }

  async restore(dump: AccountDump): Promise<void> {
    await this.transaction(async (tx) => {
      const [row] = await tx.run(Q.count);
      if (num(row.n) > 0)
        throw new AccountError('accounts_not_empty', 'The store already has accounts; restore needs an empty store');
      await tx.run('UNWIND $rows AS row CREATE (a:Account) SET a = row', {
        rows: dump.accounts.map((a) => ({ ...a })),
      });
      await tx.run('UNWIND $rows AS row CREATE (t:ApiToken) SET t = row', {
        rows: dump.tokens.map((t) => ({ ...t })),
      });
    });
  }

  async close(): Promise<void> {
    if (this.ownsDriver) await this.driver.close();
  }
}
