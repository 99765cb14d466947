// The stored graph fragments of the SQLite store (server/store/sqlite/graph-json.ts): a database written before
// they existed (schema 2) comes out of migration 3 serving the same GET /api/graph bytes as a fresh import, and a
// store whose fragments were made by other code rebuilds them on open. Real SQLite files, real app.
import Database from 'better-sqlite3';
import type { FastifyInstance } from 'fastify';
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { buildApp } from '../../server/app.js';
import { SqliteStore } from '../../server/store/sqlite/sqlite-store.js';
import { migrate } from '../../server/store/sqlite/migrations.js';
import { generateNetwork } from '../../core/synthetic/generate.js';
import { toSerializedGraph } from '../../core/graph/serialize.js';
import type { Batch, NodeRecord, RelationInput, RelationRecord } from '../../core/model/records.js';
import { nodeValues, relationValues } from '../../server/store/sqlite/row-writes.js';
import { tempDbPath } from '../helpers/app.js';

const at = { actor: 'graph-json-test', at: '2026-03-04T05:06:07.000Z' };
const later = { actor: 'graph-json-test', at: '2026-03-05T05:06:07.000Z' };
const odd = 'Å "citat" \\ snedstreck\nrad\ttab \u0001 </script> 😀';

/** A synthetic network plus records that stress the text: escapes, unicode, nested props, notes, odd weights. */
function batch(): Batch & { relations: (RelationInput & { id: string })[] } {
  const net = generateNetwork({ actors: 150, seed: 11 });
  return {
    nodes: [
      ...net.nodes,
      { id: 'org:odd-a', kind: 'Organisation', name: odd, nameEn: 'E "n"', props: { orgType: odd } },
      { id: 'nw:odd-c', kind: 'Network', name: 'Nät', props: { networkType: 'forum', nested: { l: [1, 2.5, null] } } },
    ],
    relations: [
      ...net.relations.map((r, i) => ({ ...r, id: r.id ?? `rel:gen-${i}` })),
      {
        id: 'rel:odd-1',
        type: 'MEMBER_OF',
        from: 'org:odd-a',
        to: 'nw:odd-c',
        weight: 1 / 3,
        props: { role: odd },
        sources: [{ url: 'https://example.org/k', title: odd }],
        evidence: 'confirmed',
        validFrom: '2020-01-01',
        validTo: '2022-12-31',
        note: odd,
      },
    ],
  };
}

const QUERIES = ['', '?kinds=Organisation', '?relationTypes=MEMBER_OF', '?asOf=2021-06-01'];

// Closing an app closes its store: the apps are closed after the tests.
const apps: FastifyInstance[] = [];

async function bodies(store: SqliteStore): Promise<string[]> {
  const app = await buildApp({ store });
  apps.push(app);
  const out: string[] = [];
  for (const q of QUERIES) {
    const res = await app.inject({ method: 'GET', url: `/api/graph${q}` });
    expect(res.statusCode).toBe(200);
    out.push(res.body);
  }
  return out;
}

/** The store's row values without the fragment (second to last; the id stays last): a schema-2 row. */
const withoutGraphJson = (values: unknown[]): unknown[] => [...values.slice(0, -2), values[values.length - 1]];

/** Rows as the schema-2 store wrote them (its INSERT statements, no graph_json). */
function writeOldRows(path: string, nodes: NodeRecord[], relations: RelationRecord[]): void {
  const db = new Database(path);
  try {
    expect(migrate(db, 2)).toEqual([1, 2]);
    const n = db.prepare(
      'INSERT INTO nodes (kind, name, name_en, props, search, version, created_at, created_by, updated_at, updated_by, id) VALUES (?,?,?,?,?,?,?,?,?,?,?)',
    );
    const r = db.prepare(
      'INSERT INTO relations (type, from_id, to_id, weight, props, sources, evidence, valid_from, valid_to, note, version, created_at, created_by, updated_at, updated_by, id) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)',
    );
    const h = db.prepare(
      'INSERT INTO history (record_id, record_type, version, op, actor, at, before) VALUES (?,?,?,?,?,?,?)',
    );
    db.transaction(() => {
      for (const x of nodes) {
        n.run(...withoutGraphJson(nodeValues(x)));
        h.run(x.id, 'node', x.version, 'create', x.createdBy, x.createdAt, null);
      }
      for (const x of relations) {
        r.run(...withoutGraphJson(relationValues(x)));
        h.run(x.id, 'relation', x.version, 'create', x.createdBy, x.createdAt, null);
      }
    })();
  } finally {
    db.close();
  }
}

describe('SQLite stored graph fragments', () => {
  const freshPath = tempDbPath();
  let fresh: SqliteStore;
  let want: string[];
  let nodes: NodeRecord[];
  let relations: RelationRecord[];

  beforeAll(async () => {
    fresh = new SqliteStore(freshPath);
    const b = batch();
    await fresh.importBatch(b, at);
    // Every write path: import updates, single updates, creates and deletes, at a later time.
    await fresh.importBatch(
      { nodes: [{ ...b.nodes[0], name: 'Omdöpt' }], relations: [{ ...b.relations[0], weight: 0.7 }] },
      later,
    );
    await fresh.updateNode('org:odd-a', { id: 'org:odd-a', kind: 'Organisation', name: odd, props: {} }, 1, later);
    const rel = b.relations.find((r) => r.id === 'rel:odd-1') as RelationInput & { id: string };
    await fresh.updateRelation(rel.id, { ...rel, weight: 2, note: 'ny' }, 1, later);
    await fresh.createNode({ id: 'org:odd-new', kind: 'Organisation', name: 'Ny', props: {} }, later);
    await fresh.createRelation(
      {
        id: 'rel:odd-new',
        type: 'COLLABORATES_WITH',
        from: 'org:odd-new',
        to: 'org:odd-a',
        weight: 1e-7,
        sources: [],
        evidence: 'confirmed',
      },
      later,
    );
    await fresh.deleteRelation(b.relations[1].id, undefined, later);
    ({ nodes, relations } = await fresh.snapshot({}));
    want = await bodies(fresh);
  });
  afterAll(async () => {
    for (const app of apps) await app.close();
  });

  /** Opens the database at `path` as a store (migrating and checking its fragments) and compares its bodies. */
  async function expectServesWant(path: string): Promise<void> {
    const store = new SqliteStore(path);
    try {
      expect(await bodies(store)).toEqual(want);
    } finally {
      await store.close();
    }
  }

  it('serves exactly the record serialisation', async () => {
    for (const [i, q] of QUERIES.entries()) {
      const params = new URLSearchParams(q.slice(1));
      const snap = await fresh.snapshot({
        kinds: params.get('kinds')?.split(','),
        relationTypes: params.get('relationTypes')?.split(','),
        asOf: params.get('asOf') ?? undefined,
      });
      expect(want[i]).toBe(JSON.stringify(toSerializedGraph(snap, { store: 'sqlite' })));
    }
    expect(JSON.parse(want[0]).edges.length).toBeGreaterThan(500);
  });

  it('a schema-2 database, migrated, serves the same bytes as a fresh import', async () => {
    const path = tempDbPath();
    writeOldRows(path, nodes, relations);
    // The migration itself fills every row (not only the check when a store opens).
    const db = new Database(path);
    expect(migrate(db)).toEqual([3]);
    const blank = (table: string) =>
      db.prepare(`SELECT count(*) FROM ${table} WHERE graph_json NOT LIKE '{"key":%}'`).pluck().get();
    expect([blank('nodes'), blank('relations')]).toEqual([0, 0]);
    db.close();
    await expectServesWant(path);
  });

  it('rebuilds fragments made by other code when the store is opened', async () => {
    const path = tempDbPath();
    writeOldRows(path, nodes, relations);
    await new SqliteStore(path).close();
    const db = new Database(path);
    db.exec(
      `UPDATE store_meta SET value = 'older code'; UPDATE nodes SET graph_json = '{}'; UPDATE relations SET graph_json = '{}'`,
    );
    db.close();
    await expectServesWant(path);
  });

  it('a backup restored into an empty store serves the same bytes', async () => {
    const target = new SqliteStore(tempDbPath());
    try {
      const history = await fresh.history({ limit: 100_000 });
      await target.restoreRaw({ nodes, relations, history, views: [] });
      expect(await bodies(target)).toEqual(want);
    } finally {
      await target.close();
    }
  });
});
