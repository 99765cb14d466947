import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { mkdtempSync, readFileSync, statSync } from 'node:fs';
import { spawnSync } from 'node:child_process';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import neo4j, { type AuthToken, type Driver } from 'neo4j-driver';
import type { GraphStore } from '../../server/store/graph-store.js';
import { SqliteStore } from '../../server/store/sqlite/sqlite-store.js';
import { SqliteAccounts } from '../../server/store/accounts/sqlite-accounts.js';
import { Neo4jStore } from '../../server/store/neo4j/neo4j-store.js';
import { restoreNeo4j } from '../../server/store/neo4j/restore.js';
import {
  BackupError,
  createBackup,
  parseBackup,
  restoreBackup,
  cliPath,
  type BackupFile,
} from '../../server/cli/backup-commands.js';
import { GraphService } from '../../server/services/graph-service.js';
import { seedIfEmpty } from '../../server/seed.js';
import { addUser } from '../../server/auth/users.js';
import { asRecorded } from '../../core/history/as-recorded.js';
import { describeNeo4j } from '../helpers/neo4j.js';
import { startNeo4j, type RunningNeo4j } from '../../tools/neo4j/index.js';
import { freePort } from '../helpers/server.js';

const BIN = new URL('../../bin/aktorsatlas.js', import.meta.url).pathname;
const tmp = (name: string) => join(mkdtempSync(join(tmpdir(), 'aktorsatlas-backup-')), name);
const SOURCE = { url: 'https://example.org/backup', title: 'Backupkälla' };

/** The Jönköping network, then edits on chosen dates by different authors, a deletion and two views. */
async function fill(store: GraphStore): Promise<void> {
  await seedIfEmpty(store);
  const svc = new GraphService(store);
  const org = (k: string, name: string) => ({
    id: `org:backup-${k}`,
    kind: 'Organisation',
    name,
    props: { orgType: 'arbetsgivare' },
  });
  await svc.createNode(org('a', 'Backup <img src=x onerror=alert(1)> AB'), {
    actor: 'ada',
    at: '2025-01-02T09:00:00.000Z',
  });
  await svc.createNode(org('b', 'Backup B 🚀 "citat" \\ snedstreck'), {
    actor: 'eddie',
    at: '2025-01-03T09:00:00.000Z',
  });
  await svc.updateNode('org:backup-a', { ...org('a', 'Backup A2'), nameEn: 'Backup A two' }, 1, {
    actor: 'eddie',
    at: '2025-02-01T10:00:00.000Z',
  });
  const rel = await svc.createRelation(
    {
      type: 'COLLABORATES_WITH',
      from: 'org:backup-a',
      to: 'org:backup-b',
      sources: [SOURCE],
      evidence: 'probable',
      validFrom: '2024-01-01',
      weight: 2.5,
      props: { topic: 'test' },
      note: 'anteckning',
    },
    { actor: 'ada', at: '2025-02-02T10:00:00.000Z' },
  );
  await store.deleteRelation(rel.id, 1, { actor: 'ada', at: '2025-03-01T10:00:00.000Z' });
  await svc.createRelation(
    { type: 'COLLABORATES_WITH', from: 'org:backup-a', to: 'org:backup-b', sources: [SOURCE], evidence: 'confirmed' },
    { actor: 'ada', at: '2025-03-02T10:00:00.000Z' },
  );
  await store.saveView(
    'Översikt',
    {
      camera: { x: 0.5, y: 0.25, ratio: 1.5 },
      filters: { kinds: ['Organisation'] },
      positions: { 'org:backup-a': [1.25, -3] },
    },
    undefined,
    { actor: 'ada' },
  );
  await store.saveView('Tom', null, undefined, { actor: 'eddie' });
}

const ALL = { limit: Number.MAX_SAFE_INTEGER };

async function expectIdentical(restored: GraphStore, backup: BackupFile): Promise<void> {
  const snap = await restored.snapshot({});
  expect(snap.nodes).toEqual(backup.nodes);
  expect(snap.relations).toEqual(backup.relations);
  expect(await restored.history(ALL)).toEqual(backup.history);
  expect(await restored.listViews()).toEqual(backup.views);
}

describe('backup and restore (SQLite)', () => {
  let source: SqliteStore;
  let accounts: SqliteAccounts;
  let backup: BackupFile;
  beforeAll(async () => {
    const path = tmp('source.db');
    source = new SqliteStore(path);
    accounts = new SqliteAccounts(path);
    await fill(source);
    await addUser(accounts, { name: 'ada', role: 'admin', password: 'correct horse battery' });
    backup = parseBackup(JSON.stringify(await createBackup(source, accounts)));
  });
  afterAll(async () => {
    await source.close();
    await accounts.close();
  });

  it('is consistent: replaying its history gives its records', async () => {
    expect(backup.nodes.length).toBeGreaterThan(100);
    const replayed = asRecorded(backup.history, '9999-12-31T23:59:59.999Z');
    expect(replayed.nodes).toEqual(backup.nodes);
    expect(replayed.relations).toEqual(backup.relations);
    expect(backup.accounts?.accounts.map((a) => a.name)).toEqual(['ada']);
    expect(JSON.stringify(backup)).not.toContain('correct horse');
  });

  it('restores into an empty store losslessly: the same graph, history, views and accounts', async () => {
    const path = tmp('restored.db');
    const target = new SqliteStore(path);
    const targetAccounts = new SqliteAccounts(path);
    await restoreBackup((d) => target.restoreRaw(d), backup, targetAccounts);
    await expectIdentical(target, backup);
    expect(await target.snapshot({})).toEqual(await source.snapshot({}));
    expect(await target.history(ALL)).toEqual(await source.history(ALL));
    expect(await targetAccounts.dump()).toEqual(await accounts.dump());
    // The markup in a name is stored and returned verbatim.
    expect((await target.getNode('org:backup-a'))?.name).toBe('Backup A2');
    expect((await target.history({ recordId: 'org:backup-a', limit: 5 }))[0].after).toMatchObject({
      name: 'Backup <img src=x onerror=alert(1)> AB',
    });
    // History goes on from where it was.
    const last = backup.history.at(-1)!.seq;
    await target.createNode(
      { id: 'org:backup-c', kind: 'Organisation', name: 'C', props: { orgType: 'arbetsgivare' } },
      { actor: 'after' },
    );
    expect((await target.history({ recordId: 'org:backup-c', limit: 5 }))[0].seq).toBe(last + 1);
    // Restoring again refuses: the store is no longer empty, and nothing changes.
    const before = await target.history(ALL);
    await expect(restoreBackup((d) => target.restoreRaw(d), backup)).rejects.toMatchObject({ code: 'already_exists' });
    expect(await target.history(ALL)).toEqual(before);
    await target.close();
    await targetAccounts.close();
  });

  it('refuses malformed backups with a reason', () => {
    const text = JSON.stringify(backup);
    expect(() => parseBackup('{')).toThrow(BackupError);
    expect(() => parseBackup(JSON.stringify({ format: 'aktorsatlas-snapshot', version: 1 }))).toThrow(
      /not an Aktörsatlas backup/,
    );
    expect(() => parseBackup(text.replace('"version":1', '"version":99'))).toThrow(/not supported/);
    const dangling = JSON.parse(text);
    dangling.nodes = dangling.nodes.filter((n: { id: string }) => n.id !== 'org:backup-b');
    expect(() => parseBackup(JSON.stringify(dangling))).toThrow(/endpoint/);
    const badKind = JSON.parse(text);
    badKind.nodes[0].kind = 'Entity:Admin`) DETACH DELETE n //';
    expect(() => parseBackup(JSON.stringify(badKind))).toThrow(/not a node record/);
    const order = JSON.parse(text);
    order.history.reverse();
    expect(() => parseBackup(JSON.stringify(order))).toThrow(/out of order/);
  });

  it('refuses file names with control characters, directories, and overwriting without --force', () => {
    expect(() => cliPath('backup\u0000.json', 'output')).toThrow(BackupError);
    expect(() => cliPath('', 'output')).toThrow(BackupError);
    expect(() => cliPath(tmpdir(), 'output')).toThrow(/directory/);
    expect(() => cliPath('/no/such/folder/b.json', 'output')).toThrow(/folder/);
    expect(() => cliPath(tmpdir(), 'input')).toThrow(/not a file/);
  });

  it('works from the command line: backup -o FILE, then restore FILE into an empty store', () => {
    const env = (db: string) => ({ ...process.env, AKTORSATLAS_DB: db, NEO4J_URI: '' });
    const srcDb = tmp('cli.db');
    expect(spawnSync('node', [BIN, 'seed'], { env: env(srcDb), encoding: 'utf8' }).status).toBe(0);
    const add = spawnSync('node', [BIN, 'user', 'add', 'ada', '--role', 'admin', '--password-stdin'], {
      env: env(srcDb),
      input: 'correct horse battery\n',
      encoding: 'utf8',
    });
    expect(add.status, add.stderr).toBe(0);
    const file = tmp('cli-backup.json');
    const b = spawnSync('node', [BIN, 'backup', '-o', file, '--with-accounts'], { env: env(srcDb), encoding: 'utf8' });
    expect(b.status, b.stderr).toBe(0);
    expect(b.stdout).toMatch(/backup: \d+ nodes, \d+ relations, \d+ history entries, 0 views, 1 accounts/);
    expect(statSync(file).mode & 0o777).toBe(0o600);
    const dstDb = tmp('cli-restored.db');
    const r = spawnSync('node', [BIN, 'restore', file], { env: env(dstDb), encoding: 'utf8' });
    expect(r.status, r.stderr).toBe(0);
    const again = spawnSync('node', [BIN, 'restore', file], { env: env(dstDb), encoding: 'utf8' });
    expect(again.status).toBe(2);
    expect(again.stderr).toContain('empty store');
    const list = spawnSync('node', [BIN, 'user', 'list', '--json'], { env: env(dstDb), encoding: 'utf8' });
    expect(JSON.parse(list.stdout).map((u: { name: string }) => u.name)).toEqual(['ada']);
    const second = tmp('second.json');
    expect(spawnSync('node', [BIN, 'backup', '-o', second], { env: env(dstDb), encoding: 'utf8' }).status).toBe(0);
    const x = JSON.parse(readFileSync(file, 'utf8'));
    const y = JSON.parse(readFileSync(second, 'utf8'));
    for (const k of ['nodes', 'relations', 'history', 'views']) expect(y[k]).toEqual(x[k]);
  });
});

// neo4j-driver's typings omit auth.none(), which exists at runtime.
const authNone = (): AuthToken => (neo4j.auth as typeof neo4j.auth & { none: () => AuthToken }).none();

/**
 * Neo4j Community has one user database, and the shared test server holds other suites' data, so this suite runs
 * a throwaway Neo4j of its own (same jars, fresh home): filled, backed up, emptied, restored, compared.
 */
describeNeo4j('backup and restore (Neo4j)', () => {
  let server: RunningNeo4j;
  let store: Neo4jStore;
  let driver: Driver;
  beforeAll(async () => {
    server = await startNeo4j({
      port: await freePort(),
      home: mkdtempSync(join(tmpdir(), 'aktorsatlas-neo4j-backup-')),
      fresh: true,
    });
    store = await Neo4jStore.open({ uri: server.uri });
    driver = neo4j.driver(server.uri, authNone(), { disableLosslessIntegers: true });
  }, 240_000);
  afterAll(async () => {
    await store?.close();
    await driver?.close();
    await server?.stop();
  }, 240_000);

  it('restores into an empty Neo4j losslessly, and into SQLite from the same backup', async () => {
    await fill(store);
    const backup = parseBackup(JSON.stringify(await createBackup(store)));
    expect(asRecorded(backup.history, '9999-12-31T23:59:59.999Z').nodes).toEqual(backup.nodes);
    expect(await store.snapshot({})).toEqual({ nodes: backup.nodes, relations: backup.relations });

    // Not empty: refused, nothing written.
    await expect(restoreNeo4j(driver, 'neo4j', backup)).rejects.toMatchObject({ code: 'already_exists' });

    await driver.executeQuery('MATCH (n) WHERE NOT n:SchemaMigration DETACH DELETE n', {}, { database: 'neo4j' });
    expect((await store.stats()).nodes).toBe(0);
    await restoreNeo4j(driver, 'neo4j', backup);
    await expectIdentical(store, backup);
    const last = backup.history.at(-1)!.seq;
    await store.createNode(
      { id: 'org:backup-neo', kind: 'Organisation', name: 'Efter', props: { orgType: 'arbetsgivare' } },
      { actor: 'after' },
    );
    expect((await store.history({ recordId: 'org:backup-neo', limit: 5 }))[0].seq).toBe(last + 1);

    const sqlite = new SqliteStore(tmp('from-neo4j.db'));
    await restoreBackup((d) => sqlite.restoreRaw(d), backup);
    await expectIdentical(sqlite, backup);
    await sqlite.close();
    // A fresh JVM plans every statement for the first time: generous on a loaded machine.
  }, 240_000);
});
