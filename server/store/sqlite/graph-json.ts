import { createHash } from 'node:crypto';
import type Database from 'better-sqlite3';
import { edgeJson, nodeJson } from '../../../core/graph/serialize.js';
import { RELATION_KINDS } from '../../../core/model/catalogue/relation-kinds.js';
import type { NodeRecord, RelationRecord } from '../../../core/model/records.js';
import type { NodeRow, RelationRow } from './rows.js';

/**
 * Each `nodes`/`relations` row keeps its graphology fragment for GET /api/graph in `graph_json`, made by
 * core/graph/serialize.ts `nodeJson`/`edgeJson` when the row is written, so a graph read only concatenates stored
 * text (snapshot-json.ts). The fragments depend on code (the serialiser, the catalogue's undirected kinds): the
 * fingerprint of that code's output is stored beside them, and a store opened by code that prints otherwise
 * rebuilds every fragment once.
 */
export const nodeGraphJson = (n: NodeRecord, propsJson: string): string =>
  nodeJson({
    id: n.id,
    kind: n.kind,
    name: n.name,
    nameEn: n.nameEn ?? null,
    propsJson,
    version: n.version,
    updatedAt: n.updatedAt,
  });

export const relationGraphJson = (r: RelationRecord, propsJson: string, sourcesJson: string): string =>
  edgeJson({
    id: r.id,
    type: r.type,
    from: r.from,
    to: r.to,
    weight: r.weight,
    propsJson,
    sourcesJson,
    evidence: r.evidence,
    validFrom: r.validFrom,
    validTo: r.validTo,
    note: r.note ?? null,
    version: r.version,
  });

const nodeRowJson = (r: NodeRow): string =>
  nodeJson({
    id: r.id,
    kind: r.kind,
    name: r.name,
    nameEn: r.name_en,
    propsJson: r.props,
    version: r.version,
    updatedAt: r.updated_at,
  });

const relationRowJson = (r: RelationRow): string =>
  edgeJson({
    id: r.id,
    type: r.type,
    from: r.from_id,
    to: r.to_id,
    weight: r.weight,
    propsJson: r.props,
    sourcesJson: r.sources,
    evidence: r.evidence,
    validFrom: r.valid_from,
    validTo: r.valid_to,
    note: r.note,
    version: r.version,
  });

/** A hash of the fragments the running code makes for probe records: one relation per catalogue kind, odd text. */
export function graphJsonFormat(): string {
  const node: NodeRow = {
    id: 'org:probe',
    kind: 'Organisation',
    name: 'Å "x" \\ \n 😀',
    name_en: 'E',
    props: '{"orgType":"x","n":[1,2.5,null]}',
    version: 2,
    created_at: '2020-01-01T00:00:00.000Z',
    created_by: 'probe',
    updated_at: '2021-01-01T00:00:00.000Z',
    updated_by: 'probe',
  };
  const texts = [nodeRowJson(node), nodeRowJson({ ...node, name_en: null, props: '{}' })];
  for (const k of RELATION_KINDS) {
    const rel: RelationRow = {
      id: `rel:${k.id}`,
      type: k.id,
      from_id: 'a',
      to_id: 'b',
      weight: 0.1,
      props: '{"role":"r"}',
      sources: '[{"url":"https://example.org","title":"t"}]',
      evidence: 'confirmed',
      valid_from: '2020-01-01',
      valid_to: null,
      note: 'n',
      version: 1,
      created_at: node.created_at,
      created_by: 'probe',
      updated_at: node.updated_at,
      updated_by: 'probe',
    };
    texts.push(relationRowJson(rel), relationRowJson({ ...rel, props: '{}', weight: 1 / 3, note: null }));
  }
  return createHash('sha256').update(texts.join('\n')).digest('hex');
}

const FORMAT_KEY = 'graph_json_format';

const CHUNK = 5000;

/** Rewrites every row's fragment from its columns and records the format; call inside a write transaction. */
export function rebuildGraphJson(db: Database.Database, format: string): void {
  rewrite(db, 'nodes', nodeRowJson);
  rewrite(db, 'relations', relationRowJson);
  db.prepare(
    'INSERT INTO store_meta (key, value) VALUES (?, ?) ON CONFLICT(key) DO UPDATE SET value = excluded.value',
  ).run(FORMAT_KEY, format);
}

// In rowid chunks: better-sqlite3 runs no other statement while one is being iterated, and a large table would not
// fit in memory at once.
function rewrite<R>(db: Database.Database, table: 'nodes' | 'relations', json: (row: R) => string): void {
  const read = db.prepare(`SELECT rowid AS rid, * FROM ${table} WHERE rowid > ? ORDER BY rowid LIMIT ${CHUNK}`);
  const write = db.prepare(`UPDATE ${table} SET graph_json = ? WHERE rowid = ?`);
  for (let last = -Infinity; ;) {
    const rows = read.all(last) as (R & { rid: number })[];
    for (const r of rows) write.run(json(r), r.rid);
    if (rows.length < CHUNK) return;
    last = rows[rows.length - 1].rid;
  }
}

/** Rebuilds the fragments when they were made by code that prints them otherwise (or never made). */
export function ensureGraphJson(db: Database.Database): boolean {
  const format = graphJsonFormat();
  const stored = () => db.prepare('SELECT value FROM store_meta WHERE key = ?').pluck().get(FORMAT_KEY);
  if (stored() === format) return false;
  // IMMEDIATE: a second process opening the store at the same time waits, then finds the work done.
  return db
    .transaction(() => {
      if (stored() === format) return false;
      rebuildGraphJson(db, format);
      return true;
    })
    .immediate();
}
