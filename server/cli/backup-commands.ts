import {
  closeSync,
  existsSync,
  fsyncSync,
  openSync,
  readFileSync,
  renameSync,
  statSync,
  unlinkSync,
  writeSync,
} from 'node:fs';
import { basename, dirname, join, resolve } from 'node:path';
import neo4j from 'neo4j-driver';
import type { Config } from '../config.js';
import { loadConfig } from '../config.js';
import { describeStore, openStore } from '../open-store.js';
import type { GraphStore, HistoryEntry, RawDump, SavedView, StoreKind } from '../store/graph-store.js';
import type { AccountDump, AccountStore } from '../store/accounts/account-store.js';
import { isRole } from '../store/accounts/account-store.js';
import { openAccounts } from '../store/accounts/open.js';
import type { NodeRecord, RelationRecord } from '../../core/model/records.js';
import { NODE_KIND_IDS } from '../../core/model/catalogue/node-kinds.js';
import { RELATION_KIND_IDS } from '../../core/model/catalogue/relation-kinds.js';

export const BACKUP_FORMAT = 'aktorsatlas-backup';
export const BACKUP_VERSION = 1;
/** JSON.parse cannot read a string much larger than this anyway. */
const MAX_BACKUP_BYTES = 512 * 1024 * 1024;
const ALL = Number.MAX_SAFE_INTEGER;

/** A backup: the store's records, history and views exactly as stored, and optionally accounts and tokens (hashes). */
export interface BackupFile extends RawDump {
  format: typeof BACKUP_FORMAT;
  version: typeof BACKUP_VERSION;
  createdAt: string;
  store: StoreKind;
  accounts?: AccountDump;
}

export class BackupError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'BackupError';
  }
}

/**
 * Reads history, then the records and views, then history again; if a write came in between, it tries again, so the
 * records are exactly the state the history leads to (a consistent backup of a running server).
 */
export async function createBackup(store: GraphStore, accounts?: AccountStore): Promise<BackupFile> {
  for (let attempt = 0; attempt < 10; attempt++) {
    const history = await store.history({ limit: ALL });
    const snap = await store.snapshot({});
    const views = await store.listViews();
    // History is append-only: the same length and last entry means no write came in between.
    const again = await store.history({ limit: ALL });
    if (again.length !== history.length || again.at(-1)?.seq !== history.at(-1)?.seq) continue;
    return {
      format: BACKUP_FORMAT,
      version: BACKUP_VERSION,
      createdAt: new Date().toISOString(),
      store: store.kind,
      nodes: snap.nodes,
      relations: snap.relations,
      history,
      views,
      ...(accounts ? { accounts: await accounts.dump() } : {}),
    };
  }
  throw new BackupError('The store kept changing during the backup; try again when it is quieter');
}

const isObj = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);
const isStr = (v: unknown): v is string => typeof v === 'string';
const isInt = (v: unknown, min = 0): v is number => Number.isSafeInteger(v) && (v as number) >= min;
const NODE_KINDS = new Set<string>(NODE_KIND_IDS);
const RELATION_TYPES = new Set<string>(RELATION_KIND_IDS);

function meta(r: Record<string, unknown>): boolean {
  return isInt(r.version, 1) && isStr(r.createdAt) && isStr(r.createdBy) && isStr(r.updatedAt) && isStr(r.updatedBy);
}

function checkNode(n: unknown, where: string): NodeRecord {
  if (
    !isObj(n) ||
    !isStr(n.id) ||
    !isStr(n.kind) ||
    !NODE_KINDS.has(n.kind) ||
    !isStr(n.name) ||
    !isObj(n.props) ||
    !meta(n) ||
    (n.nameEn !== undefined && !isStr(n.nameEn))
  ) {
    throw new BackupError(`${where} is not a node record`);
  }
  return n as unknown as NodeRecord;
}

function checkRelation(r: unknown, where: string): RelationRecord {
  const date = (v: unknown) => v === null || isStr(v);
  if (
    !isObj(r) ||
    !isStr(r.id) ||
    !isStr(r.type) ||
    !RELATION_TYPES.has(r.type) ||
    !isStr(r.from) ||
    !isStr(r.to) ||
    typeof r.weight !== 'number' ||
    !Number.isFinite(r.weight) ||
    !isObj(r.props) ||
    !Array.isArray(r.sources) ||
    !isStr(r.evidence) ||
    !date(r.validFrom) ||
    !date(r.validTo) ||
    !meta(r)
  ) {
    throw new BackupError(`${where} is not a relation record`);
  }
  return r as unknown as RelationRecord;
}

/** Parses and checks a backup file: shapes, catalogue kinds, unique ids, relation endpoints, history order. */
export function parseBackup(text: string): BackupFile {
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw new BackupError(`not JSON: ${(err as Error).message}`);
  }
  if (!isObj(data) || data.format !== BACKUP_FORMAT)
    throw new BackupError(`not an Aktörsatlas backup (format must be "${BACKUP_FORMAT}")`);
  if (data.version !== BACKUP_VERSION)
    throw new BackupError(
      `backup version ${String(data.version)} is not supported (this is version ${BACKUP_VERSION})`,
    );
  for (const k of ['nodes', 'relations', 'history', 'views'] as const)
    if (!Array.isArray(data[k])) throw new BackupError(`${k} must be a list`);
  const nodes = (data.nodes as unknown[]).map((n, i) => checkNode(n, `nodes[${i}]`));
  const relations = (data.relations as unknown[]).map((r, i) => checkRelation(r, `relations[${i}]`));
  const ids = new Set<string>();
  for (const n of nodes) {
    if (ids.has(n.id)) throw new BackupError(`node id "${n.id}" appears twice`);
    ids.add(n.id);
  }
  const relIds = new Set<string>();
  for (const r of relations) {
    if (relIds.has(r.id)) throw new BackupError(`relation id "${r.id}" appears twice`);
    relIds.add(r.id);
    if (!ids.has(r.from) || !ids.has(r.to))
      throw new BackupError(`relation "${r.id}" has an endpoint that is not in the backup`);
  }
  let prev = 0;
  const history = (data.history as unknown[]).map((e, i): HistoryEntry => {
    if (
      !isObj(e) ||
      !isInt(e.seq, 1) ||
      e.seq <= prev ||
      !isStr(e.recordId) ||
      (e.recordType !== 'node' && e.recordType !== 'relation') ||
      !isInt(e.version) ||
      (e.op !== 'create' && e.op !== 'update' && e.op !== 'delete') ||
      !isStr(e.actor) ||
      !isStr(e.at) ||
      (e.before !== null && !isObj(e.before)) ||
      (e.after !== null && !isObj(e.after))
    ) {
      throw new BackupError(`history[${i}] is not a history entry (or is out of order)`);
    }
    prev = e.seq;
    return e as unknown as HistoryEntry;
  });
  const views = (data.views as unknown[]).map((v, i): SavedView => {
    if (
      !isObj(v) ||
      !isStr(v.name) ||
      !isInt(v.version, 1) ||
      !isStr(v.updatedAt) ||
      !isStr(v.updatedBy) ||
      !('state' in v)
    )
      throw new BackupError(`views[${i}] is not a view`);
    return v as unknown as SavedView;
  });
  let accounts: AccountDump | undefined;
  if (data.accounts !== undefined) {
    const a = data.accounts;
    if (!isObj(a) || !Array.isArray(a.accounts) || !Array.isArray(a.tokens))
      throw new BackupError('accounts must be {accounts, tokens}');
    for (const [i, x] of a.accounts.entries()) {
      if (
        !isObj(x) ||
        !isStr(x.id) ||
        !isStr(x.name) ||
        !isRole(x.role) ||
        !isStr(x.passwordHash) ||
        !isStr(x.createdAt) ||
        !isStr(x.updatedAt)
      )
        throw new BackupError(`accounts[${i}] is not an account`);
    }
    for (const [i, x] of a.tokens.entries()) {
      if (
        !isObj(x) ||
        !isStr(x.id) ||
        !isStr(x.name) ||
        !isRole(x.role) ||
        !isStr(x.accountId) ||
        !isStr(x.tokenHash) ||
        !isStr(x.createdAt)
      )
        throw new BackupError(`tokens[${i}] is not a token`);
    }
    accounts = a as unknown as AccountDump;
  }
  return {
    format: BACKUP_FORMAT,
    version: BACKUP_VERSION,
    createdAt: isStr(data.createdAt) ? data.createdAt : '',
    store: data.store === 'neo4j' ? 'neo4j' : 'sqlite',
    nodes,
    relations,
    history,
    views,
    ...(accounts ? { accounts } : {}),
  };
}

/** What can take a raw restore: a store with restoreRaw, or the Neo4j restore function bound to a driver. */
export type RawRestore = (dump: RawDump) => Promise<void>;

export async function restoreBackup(restore: RawRestore, backup: BackupFile, accounts?: AccountStore): Promise<void> {
  if (accounts && backup.accounts && (await accounts.countAccounts()) > 0)
    throw new BackupError('the target already has accounts; restore needs an empty store');
  await restore({ nodes: backup.nodes, relations: backup.relations, history: backup.history, views: backup.views });
  if (accounts && backup.accounts) await accounts.restore(backup.accounts);
}

/**
 * A file name from the command line. The operator may name any file they can write, but not a name with a NUL or
 * other control characters, not a directory, and (for output) not an existing file unless --force.
 */
export function cliPath(raw: string, purpose: 'input' | 'output', force = false): string {
  // eslint-disable-next-line no-control-regex
  if (raw.length === 0 || /[\u0000-\u001f\u007f]/.test(raw))
    throw new BackupError('the file name is empty or contains control characters');
  const path = resolve(raw);
  if (purpose === 'input') {
    if (!existsSync(path) || !statSync(path).isFile()) throw new BackupError(`${raw} is not a file`);
    if (statSync(path).size > MAX_BACKUP_BYTES)
      throw new BackupError(`${raw} is larger than ${MAX_BACKUP_BYTES} bytes`);
  } else {
    if (existsSync(path) && statSync(path).isDirectory()) throw new BackupError(`${raw} is a directory`);
    if (existsSync(path) && !force) throw new BackupError(`${raw} exists; use --force to overwrite it`);
    if (!existsSync(dirname(path))) throw new BackupError(`the folder of ${raw} does not exist`);
  }
  return path;
}

/** Writes next to the target, flushes, then renames: a crash never leaves half a backup under the real name. */
function writeAtomically(path: string, text: string, mode: number): void {
  const tmp = join(dirname(path), `.${basename(path)}.${process.pid}.tmp`);
  const fd = openSync(tmp, 'w', mode);
  try {
    writeSync(fd, text);
    fsyncSync(fd);
  } finally {
    closeSync(fd);
  }
  try {
    renameSync(tmp, path);
  } catch (err) {
    unlinkSync(tmp);
    throw err;
  }
}

async function withStores<T>(
  config: Config,
  fn: (store: GraphStore, accounts: AccountStore) => Promise<T>,
): Promise<T> {
  const store = await openStore(config).catch((err: Error) => {
    throw new BackupError(`cannot open the store (${describeStore(config)}): ${err.message}`);
  });
  let accounts: AccountStore | undefined;
  try {
    accounts = await openAccounts(config, store);
    return await fn(store, accounts);
  } finally {
    await accounts?.close();
    await store.close();
  }
}

function report(err: unknown): number {
  if (err instanceof BackupError) {
    console.error(`error: ${err.message}`);
    return 2;
  }
  const code = (err as { code?: string }).code;
  if (code === 'already_exists' || code === 'accounts_not_empty') {
    console.error(`error: ${(err as Error).message}`);
    return 2;
  }
  throw err;
}

export async function backupCommand(opts: {
  output: string;
  withAccounts?: boolean;
  force?: boolean;
}): Promise<number> {
  try {
    const path = cliPath(opts.output, 'output', opts.force);
    const config = loadConfig();
    const backup = await withStores(config, (store, accounts) =>
      createBackup(store, opts.withAccounts ? accounts : undefined),
    );
    // Password hashes are secrets too: a backup with accounts is readable by its owner only.
    writeAtomically(path, JSON.stringify(backup), opts.withAccounts ? 0o600 : 0o644);
    console.log(
      `backup: ${backup.nodes.length} nodes, ${backup.relations.length} relations, ${backup.history.length} history entries, ${backup.views.length} views` +
        `${backup.accounts ? `, ${backup.accounts.accounts.length} accounts` : ''} -> ${path}`,
    );
    return 0;
  } catch (err) {
    return report(err);
  }
}

export async function restoreCommand(file: string, opts: { withoutAccounts?: boolean } = {}): Promise<number> {
  try {
    const path = cliPath(file, 'input');
    const backup = parseBackup(readFileSync(path, 'utf8'));
    const config = loadConfig();
    await withStores(config, async (store, accounts) => {
      const target = opts.withoutAccounts ? undefined : accounts;
      if (store.restoreRaw) return restoreBackup((dump) => store.restoreRaw!(dump), backup, target);
      if (store.kind === 'neo4j' && config.neo4j) {
        const { restoreNeo4j } = await import('../store/neo4j/restore.js');
        const c = config.neo4j;
        const driver = neo4j.driver(
          c.uri,
          c.user !== undefined ? neo4j.auth.basic(c.user, c.password ?? '') : undefined,
          { disableLosslessIntegers: true },
        );
        try {
          return await restoreBackup((dump) => restoreNeo4j(driver, c.database, dump), backup, target);
        } finally {
          await driver.close();
        }
      }
      throw new BackupError(`the ${store.kind} store cannot restore a backup`);
    });
    console.log(
      `restored: ${backup.nodes.length} nodes, ${backup.relations.length} relations, ${backup.history.length} history entries, ${backup.views.length} views${backup.accounts && !opts.withoutAccounts ? `, ${backup.accounts.accounts.length} accounts` : ''}`,
    );
    return 0;
  } catch (err) {
    return report(err);
  }
}
