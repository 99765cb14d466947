import type Database from 'better-sqlite3';
import { graphJsonFormat, rebuildGraphJson } from './graph-json.js';

/**
 * Versioned schema migrations; each runs once, in order, in one transaction with its `up` (if any), and is recorded
 * in schema_migrations.
 */
const MIGRATIONS: { version: number; sql: string; up?: (db: Database.Database) => void }[] = [
  {
    version: 1,
    sql: `
      CREATE TABLE nodes (
        id TEXT PRIMARY KEY,
        kind TEXT NOT NULL,
        name TEXT NOT NULL,
        name_en TEXT,
        props TEXT NOT NULL,
        search TEXT NOT NULL,
        version INTEGER NOT NULL,
        created_at TEXT NOT NULL, created_by TEXT NOT NULL,
        updated_at TEXT NOT NULL, updated_by TEXT NOT NULL
      );
      CREATE INDEX nodes_kind ON nodes(kind);
      CREATE TABLE relations (
        id TEXT PRIMARY KEY,
        type TEXT NOT NULL,
        from_id TEXT NOT NULL REFERENCES nodes(id),
        to_id TEXT NOT NULL REFERENCES nodes(id),
        weight REAL NOT NULL,
        props TEXT NOT NULL,
        sources TEXT NOT NULL,
        evidence TEXT NOT NULL,
        valid_from TEXT, valid_to TEXT,
        note TEXT,
        version INTEGER NOT NULL,
        created_at TEXT NOT NULL, created_by TEXT NOT NULL,
        updated_at TEXT NOT NULL, updated_by TEXT NOT NULL
      );
      CREATE INDEX relations_from ON relations(from_id);
      CREATE INDEX relations_to ON relations(to_id);
      CREATE INDEX relations_type ON relations(type);
      CREATE TABLE history (
        seq INTEGER PRIMARY KEY AUTOINCREMENT,
        record_id TEXT NOT NULL,
        record_type TEXT NOT NULL,
        version INTEGER NOT NULL,
        op TEXT NOT NULL,
        actor TEXT NOT NULL,
        at TEXT NOT NULL,
        before TEXT,
        after TEXT
      );
      CREATE INDEX history_record ON history(record_id);
      CREATE INDEX history_at ON history(at);
    `,
  },
  {
    version: 2,
    sql: `
      CREATE TABLE views (
        name TEXT PRIMARY KEY,
        state TEXT NOT NULL,
        version INTEGER NOT NULL,
        updated_at TEXT NOT NULL,
        updated_by TEXT NOT NULL
      );
    `,
  },
  {
    // Each row's GET /api/graph fragment (graph-json.ts), filled here for the rows already stored.
    version: 3,
    sql: `
      ALTER TABLE nodes ADD COLUMN graph_json TEXT NOT NULL DEFAULT '';
      ALTER TABLE relations ADD COLUMN graph_json TEXT NOT NULL DEFAULT '';
      CREATE TABLE store_meta (key TEXT PRIMARY KEY, value TEXT NOT NULL);
    `,
    up: (db) => rebuildGraphJson(db, graphJsonFormat()),
  },
];

/** Runs the migrations not yet applied, up to `upTo` (tests stop early to build an older schema). */
export function migrate(db: Database.Database, upTo = Infinity): number[] {
  db.exec('CREATE TABLE IF NOT EXISTS schema_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)');
  const done = new Set(
    (db.prepare('SELECT version FROM schema_migrations').all() as { version: number }[]).map((r) => r.version),
  );
  const applied: number[] = [];
  for (const m of MIGRATIONS) {
    if (done.has(m.version) || m.version > upTo) continue;
    db.transaction(() => {
      db.exec(m.sql);
      m.up?.(db);
      db.prepare('INSERT INTO schema_migrations (version, applied_at) VALUES (?, ?)').run(
        m.version,
        new Date().toISOString(),
      );
    })();
    applied.push(m.version);
  }
  return applied;
}
