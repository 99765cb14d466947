import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import { fold } from '../../../core/text/fold.js';
import type { GraphJsonItems, GraphJsonParts } from '../../../core/graph/serialize.js';
import type {
  JsonValue,
  Batch,
  NodeInput,
  NodeRecord,
  Page,
  RelationInput,
  RelationRecord,
  Snapshot,
  SnapshotQuery,
} from '../../../core/model/records.js';
import type {
  GraphStore,
  SavedView,
  HistoryEntry,
  HistoryQuery,
  ImportResult,
  NodeQuery,
  RawDump,
  RelationQuery,
  StoreStats,
  WriteContext,
} from '../graph-store.js';
import { StoreError, alreadyExists, notFound, versionMismatch } from '../errors.js';
import { buildNode, buildRelation, stamp } from '../record-builders.js';
import { validOn } from '../as-of.js';
import { migrate } from './migrations.js';
import { revision, snapshotItems, snapshotJson } from './snapshot-json.js';
import { ensureGraphJson } from './graph-json.js';
import {
  NODE_COLUMNS,
  RELATION_COLUMNS,
  nodeFromRow,
  relationFromRow,
  type NodeRow,
  type RelationRow,
} from './rows.js';
import { HISTORY_SELECT, resolveHistory, type HistoryRow } from './history-rows.js';
import {
  INSERT_NODE,
  INSERT_RELATION,
  TRY_INSERT_NODE,
  TRY_INSERT_RELATION,
  UPDATE_NODE,
  UPDATE_RELATION,
  nodeValues,
  relationValues,
} from './row-writes.js';

type Rel = RelationInput & { id: string };

const MMAP_BYTES = 2 ** 30;

interface ViewRow {
  name: string;
  state: string;
  version: number;
  updated_at: string;
  updated_by: string;
}

const viewFromRow = (r: ViewRow): SavedView => ({
  name: r.name,
  state: JSON.parse(r.state),
  version: r.version,
  updatedAt: r.updated_at,
  updatedBy: r.updated_by,
});

/** The embedded store: one SQLite file in WAL mode. better-sqlite3 is synchronous, so each method is one transaction. */
export class SqliteStore implements GraphStore {
  readonly kind = 'sqlite' as const;
  /** The database file (':memory:' for none): a worker thread opens it for heavy reads and an import's write. */
  readonly file: string;
  private readonly db: Database.Database;
  // Prepared once per SQL text: preparing is most of the cost of a single-row write.
  private readonly statements = new Map<string, Database.Statement>();

  constructor(path: string) {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    this.file = path;
    this.db = new Database(path);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('foreign_keys = ON');
    this.db.pragma('busy_timeout = 5000');
    // Pages read through the OS cache in place: a whole-graph read walks the id index to rows all over the file,
    // and through SQLite's small page cache each page was copied in again (10k actors: 95 → 60 ms).
    this.db.pragma(`mmap_size = ${MMAP_BYTES}`);
    migrate(this.db);
    ensureGraphJson(this.db);
  }

  async stats(): Promise<StoreStats> {
    const byKind = this.db.prepare('SELECT kind, COUNT(*) AS n FROM nodes GROUP BY kind').all() as {
      kind: string;
      n: number;
    }[];
    const byType = this.db.prepare('SELECT type, COUNT(*) AS n FROM relations GROUP BY type').all() as {
      type: string;
      n: number;
    }[];
    return {
      nodes: byKind.reduce((s, r) => s + r.n, 0),
      relations: byType.reduce((s, r) => s + r.n, 0),
      nodesByKind: Object.fromEntries(byKind.map((r) => [r.kind, r.n])),
      relationsByType: Object.fromEntries(byType.map((r) => [r.type, r.n])),
    };
  }

  async nodeKinds(ids: string[]): Promise<Map<string, string>> {
    if (ids.length === 0) return new Map();
    const rows = this.stmt('SELECT id, kind FROM nodes WHERE id IN (SELECT value FROM json_each(?))').all(
      JSON.stringify([...new Set(ids)]),
    ) as { id: string; kind: string }[];
    return new Map(rows.map((r) => [r.id, r.kind]));
  }

  async getNode(id: string): Promise<NodeRecord | undefined> {
    return this.nodeById(id);
  }

  async listNodes(query: NodeQuery): Promise<Page<NodeRecord>> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (query.kind && query.kind.length > 0) {
      where.push(`kind IN (${query.kind.map(() => '?').join(',')})`);
      params.push(...query.kind);
    }
    if (query.q) {
      where.push("search LIKE ? ESCAPE '\\'");
      params.push(`%${fold(query.q).replace(/[\\%_]/g, (c) => `\\${c}`)}%`);
    }
    const clause = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
    const total = (this.db.prepare(`SELECT COUNT(*) AS n FROM nodes ${clause}`).get(...params) as { n: number }).n;
    const rows = this.db
      .prepare(`SELECT ${NODE_COLUMNS} FROM nodes ${clause} ORDER BY name COLLATE NOCASE, id LIMIT ? OFFSET ?`)
      .all(...params, query.limit, query.offset) as NodeRow[];
    return { items: rows.map(nodeFromRow), total, offset: query.offset, limit: query.limit };
  }

  async createNode(input: NodeInput, ctx: WriteContext): Promise<NodeRecord> {
    return this.db.transaction(() => {
      if (this.nodeById(input.id)) throw alreadyExists('Node', input.id);
      const rec = buildNode(input, ctx);
      this.writeNode(rec, true);
      this.record('node', rec.id, 'create', ctx, null, rec.version);
      return rec;
    })();
  }

  async updateNode(
    id: string,
    input: NodeInput,
    expectedVersion: number | undefined,
    ctx: WriteContext,
    check?: (prev: NodeRecord) => void,
  ): Promise<NodeRecord> {
    return this.db.transaction(() => {
      const prev = this.nodeById(id);
      if (!prev) throw notFound('Node', id);
      check?.(prev);
      if (expectedVersion !== undefined && prev.version !== expectedVersion)
        throw versionMismatch(id, expectedVersion, prev.version);
      const rec = buildNode({ ...input, id }, ctx, prev);
      this.writeNode(rec, false);
      this.record('node', id, 'update', ctx, prev, rec.version);
      return rec;
    })();
  }

  async deleteNode(id: string, expectedVersion: number | undefined, ctx: WriteContext): Promise<void> {
    this.db.transaction(() => {
      const prev = this.nodeById(id);
      if (!prev) throw notFound('Node', id);
      if (expectedVersion !== undefined && prev.version !== expectedVersion)
        throw versionMismatch(id, expectedVersion, prev.version);
      const rels = this.db
        .prepare(`SELECT ${RELATION_COLUMNS} FROM relations WHERE from_id = ? OR to_id = ?`)
        .all(id, id) as RelationRow[];
      for (const row of rels) {
        const rel = relationFromRow(row);
        this.db.prepare('DELETE FROM relations WHERE id = ?').run(rel.id);
        this.record('relation', rel.id, 'delete', ctx, rel, rel.version);
      }
      this.db.prepare('DELETE FROM nodes WHERE id = ?').run(id);
      this.record('node', id, 'delete', ctx, prev, prev.version);
    })();
  }

  async getRelation(id: string): Promise<RelationRecord | undefined> {
    return this.relationById(id);
  }

  async listRelations(query: RelationQuery): Promise<Page<RelationRecord>> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (query.type && query.type.length > 0) {
      where.push(`type IN (${query.type.map(() => '?').join(',')})`);
      params.push(...query.type);
    }
    if (query.nodeId) {
      where.push('(from_id = ? OR to_id = ?)');
      params.push(query.nodeId, query.nodeId);
    }
    if (query.from) {
      where.push('from_id = ?');
      params.push(query.from);
    }
    if (query.to) {
      where.push('to_id = ?');
      params.push(query.to);
    }
    const clause = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
    const total = (this.db.prepare(`SELECT COUNT(*) AS n FROM relations ${clause}`).get(...params) as { n: number }).n;
    const rows = this.db
      .prepare(`SELECT ${RELATION_COLUMNS} FROM relations ${clause} ORDER BY id LIMIT ? OFFSET ?`)
      .all(...params, query.limit, query.offset) as RelationRow[];
    return { items: rows.map(relationFromRow), total, offset: query.offset, limit: query.limit };
  }

  async createRelation(input: Rel, ctx: WriteContext): Promise<RelationRecord> {
    return this.db.transaction(() => {
      if (this.relationById(input.id)) throw alreadyExists('Relation', input.id);
      this.requireEndpoints(input);
      const rec = buildRelation(input, ctx);
      this.writeRelation(rec, true);
      this.record('relation', rec.id, 'create', ctx, null, rec.version);
      return rec;
    })();
  }

  async updateRelation(
    id: string,
    input: Rel,
    expectedVersion: number | undefined,
    ctx: WriteContext,
  ): Promise<RelationRecord> {
    return this.db.transaction(() => {
      const prev = this.relationById(id);
      if (!prev) throw notFound('Relation', id);
      if (expectedVersion !== undefined && prev.version !== expectedVersion)
        throw versionMismatch(id, expectedVersion, prev.version);
      this.requireEndpoints(input);
      const rec = buildRelation({ ...input, id }, ctx, prev);
      this.writeRelation(rec, false);
      this.record('relation', id, 'update', ctx, prev, rec.version);
      return rec;
    })();
  }

  async deleteRelation(id: string, expectedVersion: number | undefined, ctx: WriteContext): Promise<void> {
    this.db.transaction(() => {
      const prev = this.relationById(id);
      if (!prev) throw notFound('Relation', id);
      if (expectedVersion !== undefined && prev.version !== expectedVersion)
        throw versionMismatch(id, expectedVersion, prev.version);
      this.db.prepare('DELETE FROM relations WHERE id = ?').run(id);
      this.record('relation', id, 'delete', ctx, prev, prev.version);
    })();
  }

  async importBatch(batch: Batch & { relations: Rel[] }, ctx: WriteContext): Promise<ImportResult> {
    const result: ImportResult = { nodesCreated: 0, nodesUpdated: 0, relationsCreated: 0, relationsUpdated: 0 };
    const c = { ...ctx, at: stamp(ctx) };
    this.withoutForeignKeyChecks(() =>
      this.db.transaction(() => {
        // Insert first: the primary key finds an existing id (or a repeat in the batch) with no lookup of its own;
        // only then is the stored record read and updated.
        for (const n of batch.nodes) {
          if (this.writeNode(buildNode(n, c), 'tryInsert')) {
            this.record('node', n.id, 'create', c, null, 1);
            result.nodesCreated++;
            continue;
          }
          const prev = this.nodeById(n.id) as NodeRecord;
          const rec = buildNode(n, c, prev);
          this.writeNode(rec, false);
          this.record('node', rec.id, 'update', c, prev, rec.version);
          result.nodesUpdated++;
        }
        this.requireAllEndpoints(batch.relations);
        for (const r of batch.relations) {
          if (this.writeRelation(buildRelation(r, c), 'tryInsert')) {
            this.record('relation', r.id, 'create', c, null, 1);
            result.relationsCreated++;
            continue;
          }
          const prev = this.relationById(r.id) as RelationRecord;
          const rec = buildRelation(r, c, prev);
          this.writeRelation(rec, false);
          this.record('relation', rec.id, 'update', c, prev, rec.version);
          result.relationsUpdated++;
        }
      })(),
    );
    return result;
  }

  async snapshotJson(query: SnapshotQuery): Promise<GraphJsonParts> {
    return snapshotJson(this.db, query);
  }

  readonly idOrder = 'codepoint' as const;

  async graphItems(): Promise<GraphJsonItems> {
    return snapshotItems(this.db);
  }

  async revision(): Promise<string> {
    return revision(this.db);
  }

  async snapshot(query: SnapshotQuery): Promise<Snapshot> {
    let nodes = (this.db.prepare(`SELECT ${NODE_COLUMNS} FROM nodes ORDER BY id`).all() as NodeRow[]).map(nodeFromRow);
    if (query.kinds && query.kinds.length > 0) {
      const kinds = new Set(query.kinds);
      nodes = nodes.filter((n) => kinds.has(n.kind));
    }
    const ids = new Set(nodes.map((n) => n.id));
    const types = query.relationTypes && query.relationTypes.length > 0 ? new Set(query.relationTypes) : undefined;
    const relations = (this.db.prepare(`SELECT ${RELATION_COLUMNS} FROM relations ORDER BY id`).all() as RelationRow[])
      .map(relationFromRow)
      .filter((r) => ids.has(r.from) && ids.has(r.to))
      .filter((r) => !types || types.has(r.type))
      .filter((r) => !query.asOf || validOn(query.asOf, r.validFrom, r.validTo));
    return { nodes, relations, ...(query.asOf ? { asOf: query.asOf } : {}) };
  }

  async neighbourhood(id: string, depth: number): Promise<Snapshot> {
    if (!this.nodeById(id)) throw notFound('Node', id);
    const rows = this.db
      .prepare(
        `WITH RECURSIVE hood(id, d) AS (
           SELECT ?, 0
           UNION
           SELECT CASE WHEN r.from_id = hood.id THEN r.to_id ELSE r.from_id END, hood.d + 1
           FROM relations r JOIN hood ON r.from_id = hood.id OR r.to_id = hood.id
           WHERE hood.d < ?
         )
         SELECT DISTINCT id FROM hood`,
      )
      .all(id, depth) as { id: string }[];
    const ids = new Set(rows.map((r) => r.id));
    const snap = await this.snapshot({});
    return {
      nodes: snap.nodes.filter((n) => ids.has(n.id)),
      relations: snap.relations.filter((r) => ids.has(r.from) && ids.has(r.to)),
    };
  }

  async history(query: HistoryQuery): Promise<HistoryEntry[]> {
    const where: string[] = [];
    const params: unknown[] = [];
    if (query.recordId) {
      where.push('h.record_id = ?');
      params.push(query.recordId);
    }
    if (query.actor) {
      where.push('h.actor = ?');
      params.push(query.actor);
    }
    if (query.since) {
      where.push('h.at >= ?');
      params.push(query.since);
    }
    if (query.until) {
      where.push('h.at <= ?');
      params.push(query.until);
    }
    if (query.afterSeq !== undefined) {
      where.push('h.seq > ?');
      params.push(query.afterSeq);
    }
    const clause = where.length > 0 ? `WHERE ${where.join(' AND ')}` : '';
    // One read transaction: the live rows that complete deferred `after`s match the history rows.
    return this.db.transaction(() => {
      const rows = this.db
        .prepare(`${HISTORY_SELECT} ${clause} ORDER BY h.seq LIMIT ?`)
        .all(...params, query.limit) as HistoryRow[];
      return resolveHistory(rows, (type, id) => (type === 'node' ? this.nodeById(id) : this.relationById(id)));
    })();
  }

  async listViews(): Promise<SavedView[]> {
    return (this.db.prepare('SELECT * FROM views ORDER BY name').all() as ViewRow[]).map(viewFromRow);
  }

  async getView(name: string): Promise<SavedView | undefined> {
    const row = this.db.prepare('SELECT * FROM views WHERE name = ?').get(name) as ViewRow | undefined;
    return row ? viewFromRow(row) : undefined;
  }

  async saveView(
    name: string,
    state: JsonValue,
    expectedVersion: number | undefined,
    ctx: WriteContext,
  ): Promise<SavedView> {
    return this.db.transaction(() => {
      const row = this.db.prepare('SELECT * FROM views WHERE name = ?').get(name) as ViewRow | undefined;
      if (row && expectedVersion !== undefined && row.version !== expectedVersion)
        throw versionMismatch(name, expectedVersion, row.version);
      if (row && expectedVersion === undefined) throw alreadyExists('View', name);
      const view: SavedView = {
        name,
        state,
        version: (row?.version ?? 0) + 1,
        updatedAt: stamp(ctx),
        updatedBy: ctx.actor,
      };
      this.db
        .prepare(
          'INSERT INTO views (name, state, version, updated_at, updated_by) VALUES (?,?,?,?,?) ON CONFLICT(name) DO UPDATE SET state=excluded.state, version=excluded.version, updated_at=excluded.updated_at, updated_by=excluded.updated_by',
        )
        .run(name, JSON.stringify(state), view.version, view.updatedAt, view.updatedBy);
      return view;
    })();
  }

  async deleteView(name: string, expectedVersion: number | undefined, _ctx: WriteContext): Promise<void> {
    this.db.transaction(() => {
      const row = this.db.prepare('SELECT version FROM views WHERE name = ?').get(name) as
        { version: number } | undefined;
      if (!row) throw notFound('View', name);
      if (expectedVersion !== undefined && row.version !== expectedVersion)
        throw versionMismatch(name, expectedVersion, row.version);
      this.db.prepare('DELETE FROM views WHERE name = ?').run(name);
    })();
  }

  async restoreRaw(dump: RawDump): Promise<void> {
    this.db.transaction(() => {
      const count = (table: string) => (this.db.prepare(`SELECT COUNT(*) AS n FROM ${table}`).get() as { n: number }).n;
      if (['nodes', 'relations', 'history', 'views'].some((t) => count(t) > 0)) {
        throw new StoreError(
          'already_exists',
          'The store is not empty; a backup is restored only into an empty store',
          { id: 'store' },
        );
      }
      for (const n of dump.nodes) this.writeNode(n, true);
      for (const r of dump.relations) this.writeRelation(r, true);
      const h = this.db.prepare(
        'INSERT INTO history (seq, record_id, record_type, version, op, actor, at, before, after) VALUES (?,?,?,?,?,?,?,?,?)',
      );
      for (const e of dump.history) {
        h.run(
          e.seq,
          e.recordId,
          e.recordType,
          e.version,
          e.op,
          e.actor,
          e.at,
          e.before ? JSON.stringify(e.before) : null,
          e.after ? JSON.stringify(e.after) : null,
        );
      }
      const v = this.db.prepare('INSERT INTO views (name, state, version, updated_at, updated_by) VALUES (?,?,?,?,?)');
      for (const x of dump.views) v.run(x.name, JSON.stringify(x.state), x.version, x.updatedAt, x.updatedBy);
    })();
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }

  /**
   * Runs a bulk write with SQLite's per-row foreign-key checks off: the import checks every endpoint itself, in its
   * transaction (requireAllEndpoints), and the per-row check repeated that at two index lookups per relation.
   */
  private withoutForeignKeyChecks<T>(work: () => T): T {
    this.db.pragma('foreign_keys = OFF');
    try {
      return work();
    } finally {
      this.db.pragma('foreign_keys = ON');
    }
  }

  private stmt(sql: string): Database.Statement {
    let st = this.statements.get(sql);
    if (!st) {
      st = this.db.prepare(sql);
      this.statements.set(sql, st);
    }
    return st;
  }

  private nodeById(id: string): NodeRecord | undefined {
    const row = this.stmt(`SELECT ${NODE_COLUMNS} FROM nodes WHERE id = ?`).get(id) as NodeRow | undefined;
    return row ? nodeFromRow(row) : undefined;
  }

  private relationById(id: string): RelationRecord | undefined {
    const row = this.stmt(`SELECT ${RELATION_COLUMNS} FROM relations WHERE id = ?`).get(id) as RelationRow | undefined;
    return row ? relationFromRow(row) : undefined;
  }

  private requireEndpoints(r: Rel): void {
    this.requireAllEndpoints([r]);
  }

  /** Throws dangling_endpoint for the first relation, in order, with an end that is not a stored node. */
  private requireAllEndpoints(rels: Rel[]): void {
    if (rels.length === 0) return;
    const ends = new Set<string>();
    for (const r of rels) ends.add(r.from).add(r.to);
    const missing = new Set(
      (
        this.stmt(
          'SELECT j.value AS id FROM json_each(?) j WHERE NOT EXISTS (SELECT 1 FROM nodes n WHERE n.id = j.value)',
        ).all(JSON.stringify([...ends])) as { id: string }[]
      ).map((x) => x.id),
    );
    if (missing.size === 0) return;
    for (const r of rels) {
      for (const [end, id] of [
        ['from', r.from],
        ['to', r.to],
      ] as const) {
        if (missing.has(id)) {
          throw new StoreError('dangling_endpoint', `Relation "${r.id}": ${end} node "${id}" does not exist`, {
            id: r.id,
            end,
            node: id,
          });
        }
      }
    }
  }

  /** Writes a node row; `tryInsert` inserts unless the id exists and says whether it did (no lookup first). */
  private writeNode(n: NodeRecord, insert: boolean | 'tryInsert'): boolean {
    const sql = insert === 'tryInsert' ? TRY_INSERT_NODE : insert ? INSERT_NODE : UPDATE_NODE;
    return this.stmt(sql).run(nodeValues(n)).changes === 1;
  }

  private writeRelation(r: RelationRecord, insert: boolean | 'tryInsert'): boolean {
    const sql = insert === 'tryInsert' ? TRY_INSERT_RELATION : insert ? INSERT_RELATION : UPDATE_RELATION;
    return this.stmt(sql).run(relationValues(r)).changes === 1;
  }

  /** A history row; `after` is deferred (see history-rows.ts), so a create writes no record JSON twice. */
  private record(
    type: 'node' | 'relation',
    id: string,
    op: HistoryEntry['op'],
    ctx: WriteContext,
    before: NodeRecord | RelationRecord | null,
    version: number,
  ): void {
    this.stmt(
      'INSERT INTO history (record_id, record_type, version, op, actor, at, before) VALUES (?,?,?,?,?,?,?)',
    ).run(id, type, version, op, ctx.actor, stamp(ctx), before ? JSON.stringify(before) : null);
  }
}
