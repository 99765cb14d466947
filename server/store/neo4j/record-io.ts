import type { NodeRecord, RelationInput, RelationRecord } from '../../../core/model/records.js';
import { StoreError } from '../errors.js';
import { sendBatches } from './batches.js';
import { nodeFromProps, nodeToProps, relationFromRow, relationRow, toNumber, type PropMap } from './mapping.js';
import { cypher } from './queries.js';
import type { Run } from './runner.js';
import { allRelationTypes, nodeLabel, relationType, type SafeName } from './whitelist.js';

/**
 * Reading and writing whole records, in batches. Single-record methods and the bulk import share these, so both
 * write the same way: CREATE for ids known to be new, MATCH by id for the rest (the lookups already happened in the
 * same, serialised transaction, so MERGE would only repeat them).
 */

const unique = (ids: string[]): string[] => [...new Set(ids)];

function push<K, V>(groups: Map<K, V[]>, key: K, value: V): void {
  const list = groups.get(key);
  if (list) list.push(value);
  else groups.set(key, [value]);
}

export async function nodesById(run: Run, ids: string[]): Promise<Map<string, NodeRecord>> {
  const rows = await sendBatches(run, cypher('nodes-get'), unique(ids), (batch) => ({ ids: batch }));
  return new Map(rows.map((row) => nodeFromProps(row.n as PropMap)).map((n) => [n.id, n]));
}

/** Catalogue types that have (or once had) relationships: a superset of those in use, from the token list. */
async function typesInUse(run: Run): Promise<SafeName[]> {
  const catalogue = new Set<string>(allRelationTypes());
  const rows = await run(cypher('relation-types-present'));
  return rows
    .map((r) => r.type as string)
    .filter((t) => catalogue.has(t))
    .map(relationType);
}

/** The ids among `ids` that were ever written as relations (relations-seen.cypher: one history seek per id). */
async function seenRelationIds(run: Run, ids: string[]): Promise<string[]> {
  const rows = await sendBatches(run, cypher('relations-seen'), ids, (batch) => ({ ids: batch }));
  return rows.map((row) => row.id as string);
}

/**
 * The bulk form of relationsById. Ids never written as relations (all of them in a first import) are sorted out by
 * their history first, so a first import costs that one lookup and nothing else (the types in use and the count are
 * read only when some id was seen). Relationship indexes are per type, so the rest cost one seek per id and type;
 * when the graph holds fewer relationships than that, one scan of them all is cheaper. Otherwise one statement per
 * type and batch (a disjunction would need a Distinct over a union and a new plan whenever the set changes).
 */
export async function relationsByIdBulk(run: Run, ids: string[]): Promise<Map<string, RelationRecord>> {
  if (ids.length === 0) return new Map();
  const list = await seenRelationIds(run, unique(ids));
  if (list.length === 0) return new Map();
  const [types, [count]] = await Promise.all([typesInUse(run), run(cypher('relation-count'))]);
  const stored = toNumber(count.n);
  let rows: PropMap[];
  if (stored === 0 || types.length === 0) rows = [];
  else if (stored < list.length * types.length) rows = await run(cypher('relations-scan-ids'), { ids: list });
  else {
    const sends = types.map((type) =>
      sendBatches(run, cypher('relations-get-typed', { TYPE: type }), list, (batch) => ({ ids: batch })),
    );
    rows = (await Promise.all(sends)).flat();
  }
  return new Map(rows.map(relationFromRow).map((r) => [r.id, r]));
}

/**
 * Looks relation ids up over every type (ids are unique across types, not just within one): one index seek per type.
 * Bulk callers pass the types in use, found inside the same serialised transaction, to skip empty indexes.
 */
export async function relationsById(
  run: Run,
  ids: string[],
  types: SafeName[] = allRelationTypes(),
): Promise<Map<string, RelationRecord>> {
  if (types.length === 0) return new Map();
  const rows = await sendBatches(run, cypher('relations-get', { ANY_TYPE: types }), unique(ids), (batch) => ({
    ids: batch,
  }));
  return new Map(rows.map(relationFromRow).map((r) => [r.id, r]));
}

/** The kinds of the nodes among `ids` that exist. */
export async function nodeKinds(run: Run, ids: string[]): Promise<Map<string, string>> {
  const rows = await sendBatches(run, cypher('node-kinds'), unique(ids), (batch) => ({ ids: batch }));
  return new Map(rows.map((row) => [row.id as string, row.kind as string]));
}

export async function missingNodes(run: Run, ids: string[]): Promise<Set<string>> {
  const rows = await sendBatches(run, cypher('nodes-missing'), unique(ids), (batch) => ({ ids: batch }));
  return new Set(rows.map((row) => row.id as string));
}

export const dangling = (r: RelationInput & { id: string }, end: 'from' | 'to', node: string): StoreError =>
  new StoreError('dangling_endpoint', `Relation "${r.id}": ${end} node "${node}" does not exist`, {
    id: r.id,
    end,
    node,
  });

/** Throws dangling_endpoint for the first relation (in order) with an endpoint that is neither known nor stored. */
export async function requireEndpoints(
  run: Run,
  rels: (RelationInput & { id: string })[],
  known: ReadonlySet<string> = new Set(),
): Promise<void> {
  const missing = await missingNodes(
    run,
    rels.flatMap((r) => [r.from, r.to]).filter((id) => !known.has(id)),
  );
  if (missing.size === 0) return;
  for (const r of rels) {
    if (missing.has(r.from)) throw dangling(r, 'from', r.from);
    if (missing.has(r.to)) throw dangling(r, 'to', r.to);
  }
}

/** Writes the final state of nodes; `before` holds those that existed when the transaction began. */
export async function writeNodes(
  run: Run,
  before: ReadonlyMap<string, NodeRecord>,
  after: ReadonlyMap<string, NodeRecord>,
): Promise<void> {
  const creates = new Map<SafeName, PropMap[]>();
  const relabels = new Map<string, { from: SafeName; to: SafeName; ids: string[] }>();
  const updates: PropMap[] = [];
  for (const [id, rec] of after) {
    const prev = before.get(id);
    const label = nodeLabel(rec.kind);
    if (!prev) {
      push(creates, label, nodeToProps(rec));
      continue;
    }
    if (prev.kind !== rec.kind) {
      const key = `${prev.kind}>${rec.kind}`;
      const group = relabels.get(key) ?? { from: nodeLabel(prev.kind), to: label, ids: [] };
      group.ids.push(id);
      relabels.set(key, group);
    }
    updates.push(nodeToProps(rec));
  }
  for (const [label, rows] of creates)
    await sendBatches(run, cypher('node-create', { KIND: label }), rows, (batch) => ({ rows: batch }));
  for (const { from, to, ids } of relabels.values()) {
    await sendBatches(run, cypher('node-relabel', { OLD_KIND: from, KIND: to }), ids, (batch) => ({ ids: batch }));
  }
  await sendBatches(run, cypher('node-update'), updates, (batch) => ({ rows: batch }));
}

export async function deleteRelations(run: Run, rels: Iterable<RelationRecord>): Promise<void> {
  const byType = new Map<SafeName, string[]>();
  for (const r of rels) push(byType, relationType(r.type), r.id);
  for (const [type, ids] of byType)
    await sendBatches(run, cypher('relation-delete', { TYPE: type }), ids, (batch) => ({ ids: batch }));
}

/**
 * Writes the final state of relations. A relationship cannot change its type or endpoints, so a relation whose
 * type, from or to changed is deleted and created again (same id, same transaction). A created relation whose
 * endpoint is missing throws dangling_endpoint (the caller's transaction then rolls back): the endpoints are checked
 * by the CREATE's own MATCH, and looked up one by one only on that error path.
 */
export async function writeRelations(
  run: Run,
  before: ReadonlyMap<string, RelationRecord>,
  after: ReadonlyMap<string, RelationRecord>,
): Promise<void> {
  const creates = new Map<SafeName, unknown[][]>();
  const updates = new Map<SafeName, unknown[][]>();
  const replaced: RelationRecord[] = [];
  for (const [id, rec] of after) {
    const prev = before.get(id);
    const type = relationType(rec.type);
    const row = relationRow(rec);
    if (prev && prev.type === rec.type && prev.from === rec.from && prev.to === rec.to) {
      push(updates, type, row);
    } else {
      if (prev) replaced.push(prev);
      push(creates, type, row);
    }
  }
  await deleteRelations(run, replaced);
  let created = 0;
  for (const [type, rows] of creates) {
    const counts = await sendBatches(run, cypher('relation-create', { TYPE: type }), rows, (batch) => ({
      rows: batch,
    }));
    created += counts.reduce((sum, row) => sum + toNumber(row.created), 0);
  }
  const expected = [...creates.values()].reduce((sum, rows) => sum + rows.length, 0);
  if (created < expected) {
    await requireEndpoints(run, [...after.values()]);
    throw new Error(`${expected - created} relations were not created, yet all their endpoints exist`);
  }
  for (const [type, rows] of updates)
    await sendBatches(run, cypher('relation-update', { TYPE: type }), rows, (batch) => ({ rows: batch }));
}
