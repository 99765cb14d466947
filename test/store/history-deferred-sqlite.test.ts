import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import Database from 'better-sqlite3';
import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteStore } from '../../server/store/sqlite/sqlite-store.js';
import type { HistoryEntry } from '../../server/store/graph-store.js';
import type { NodeInput, RelationInput } from '../../core/model/records.js';

const SOURCE = { url: 'https://example.org/k', title: 'Källa' };
const org = (k: string, name: string): NodeInput => ({
  id: `org:${k}`,
  kind: 'Organisation',
  name,
  props: { orgType: 'arbetsgivare' },
});
const member = (weight: number): RelationInput & { id: string } => ({
  id: 'rel:m:a:n',
  type: 'MEMBER_OF',
  from: 'org:a',
  to: 'nw:n',
  weight,
  sources: [SOURCE],
  evidence: 'confirmed',
});

/**
 * SQLite stores a history entry's `after` once (as the live row, then as the next entry's `before`), see
 * server/store/sqlite/history-rows.ts. Here every entry's `after` must still be the record as it was written, through
 * creates, updates, a delete, a re-create under the same id and imports that create and update.
 */
describe('sqlite history: deferred after', () => {
  const path = join(mkdtempSync(join(tmpdir(), 'aktorsatlas-deferred-')), 'h.db');
  let store: SqliteStore;
  const written: { seq?: number; id: string; after: unknown }[] = [];
  let history: HistoryEntry[];

  beforeAll(async () => {
    store = new SqliteStore(path);
    const ctx = { actor: 'tester' };
    const a1 = await store.createNode(org('a', 'A ett'), ctx);
    written.push({ id: 'org:a', after: a1 });
    const n = await store.createNode({ id: 'nw:n', kind: 'Network', name: 'N', props: { networkType: 'forum' } }, ctx);
    written.push({ id: 'nw:n', after: n });
    const a2 = await store.updateNode('org:a', org('a', 'A två'), 1, ctx);
    written.push({ id: 'org:a', after: a2 });
    const r1 = await store.createRelation(member(1), ctx);
    written.push({ id: r1.id, after: r1 });
    const r2 = await store.updateRelation(r1.id, member(2), 1, ctx);
    written.push({ id: r1.id, after: r2 });
    await store.deleteNode('org:a', 2, ctx); // takes the relation with it
    written.push({ id: r1.id, after: null }, { id: 'org:a', after: null });
    const a3 = await store.createNode(org('a', 'A tre'), ctx);
    written.push({ id: 'org:a', after: a3 });
    // An import that creates one node and updates another, then a relation created and updated in one batch.
    await store.importBatch(
      { nodes: [org('b', 'B'), org('a', 'A fyra')], relations: [member(3), { ...member(4) }] },
      { actor: 'importer' },
    );
    history = await store.history({ limit: 100 });
  });
  afterAll(async () => {
    await store?.close();
  });

  it('gives every entry the record as written, and the next entry of the same record that record as before', () => {
    expect(history.slice(0, written.length).map((h) => h.after)).toEqual(written.map((w) => w.after));
    const byRecord = new Map<string, HistoryEntry[]>();
    for (const h of history) byRecord.set(h.recordId, [...(byRecord.get(h.recordId) ?? []), h]);
    for (const entries of byRecord.values()) {
      for (let i = 1; i < entries.length; i++) expect(entries[i].before).toEqual(entries[i - 1].after);
    }
  });

  it('writes imports as creates and updates with versions, and the last entry of each record is its live row', async () => {
    const imported = history.slice(written.length);
    expect(imported.map((h) => [h.recordId, h.op, h.version, h.actor])).toEqual([
      ['org:b', 'create', 1, 'importer'],
      ['org:a', 'update', 2, 'importer'],
      ['rel:m:a:n', 'create', 1, 'importer'],
      ['rel:m:a:n', 'update', 2, 'importer'],
    ]);
    expect(imported[3].before).toMatchObject({ weight: 3, version: 1 });
    expect(imported[3].after).toEqual(await store.getRelation('rel:m:a:n'));
    expect(imported[1].after).toEqual(await store.getNode('org:a'));
    expect(imported[1].after).toMatchObject({ name: 'A fyra', version: 2 });
  });

  it('stores the record JSON once: creates and updates keep no after of their own', () => {
    const db = new Database(path, { readonly: true });
    try {
      const rows = db.prepare('SELECT op, before, after FROM history ORDER BY seq').all() as {
        op: string;
        before: string | null;
        after: string | null;
      }[];
      expect(rows.every((r) => r.after === null)).toBe(true);
      expect(rows.filter((r) => r.op !== 'create').every((r) => r.before !== null)).toBe(true);
    } finally {
      db.close();
    }
  });

  it('answers a query by record id and a time window the same as the whole history', async () => {
    const forA = await store.history({ recordId: 'org:a', limit: 100 });
    expect(forA).toEqual(history.filter((h) => h.recordId === 'org:a'));
    const last = await store.history({ actor: 'importer', limit: 100 });
    expect(last).toEqual(history.filter((h) => h.actor === 'importer'));
  });
});
