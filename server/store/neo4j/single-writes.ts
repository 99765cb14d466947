import type { NodeInput, NodeRecord, RelationInput, RelationRecord } from '../../../core/model/records.js';
import { relationKind } from '../../../core/model/catalogue/relation-kinds.js';
import type { EndpointCheck, WriteContext } from '../graph-store.js';
import { alreadyExists, notFound, versionMismatch } from '../errors.js';
import { buildNode, buildRelation } from '../record-builders.js';
import { historyEntry, nodeToProps, relationFromRow, relationRow, toNumber, int } from './mapping.js';
import { cypher, type Names, type QueryName } from './queries.js';
import { nodeKinds, nodesById, relationsById, requireEndpoints } from './record-io.js';
import type { Run } from './runner.js';
import { nodeLabel, relationType } from './whitelist.js';

/**
 * Single-record writes in two round trips and without a global lock: the record is read (no lock), the new record
 * built from it, then one auto-commit statement locks the record, checks that its version is still the one read, writes
 * it and appends the history (history-tail.cypher takes the counter last). When the guard fails nothing is written
 * and the write starts again from a fresh read, so an If-Match against the record's current version gets its 412.
 */
export interface Runs {
  read: Run;
  writeOne: Run;
}
type Rel = RelationInput & { id: string };
type Ctx = WriteContext & { at: string };

/** A write that loses this many races in a row to writers of the same record gives up. */
const MAX_ATTEMPTS = 25;

const byId = (a: { id: string }, b: { id: string }): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

function checkVersion(id: string, expected: number | undefined, actual: number): void {
  if (expected !== undefined && expected !== actual) throw versionMismatch(id, expected, actual);
}

/** Runs the guarded statement `name` with the history tail; true when it wrote. */
async function commit(
  runs: Runs,
  name: QueryName,
  names: Names,
  params: Record<string, unknown>,
  entries: unknown[][],
  ctx: Ctx,
): Promise<boolean> {
  const text = `${cypher(name, names)}\n${cypher('history-tail')}`;
  const [row] = await runs.writeOne(text, { ...params, entries, actor: ctx.actor, at: ctx.at });
  return toNumber(row?.written ?? 0) > 0;
}

/** Repeats `attempt` (read, build, guarded write) until it writes or throws. */
async function retrying<T>(attempt: () => Promise<T | undefined>): Promise<T> {
  for (let i = 0; i < MAX_ATTEMPTS; i++) {
    const done = await attempt();
    if (done !== undefined) return done;
  }
  throw new Error(`The write lost ${MAX_ATTEMPTS} races in a row to writers of the same record`);
}

export async function createNode(runs: Runs, input: NodeInput, ctx: Ctx): Promise<NodeRecord> {
  const rec = buildNode(input, ctx);
  // CREATE always yields its row; a taken id fails on the entity_id constraint (mapped to already_exists).
  await commit(
    runs,
    'node-create-write',
    { KIND: nodeLabel(rec.kind) },
    { row: nodeToProps(rec) },
    [historyEntry('node', 'create', null, rec)],
    ctx,
  );
  return rec;
}

export function updateNode(
  runs: Runs,
  id: string,
  input: NodeInput,
  expected: number | undefined,
  ctx: Ctx,
  check?: (prev: NodeRecord) => void,
): Promise<NodeRecord> {
  return retrying(async () => {
    const prev = (await nodesById(runs.read, [id])).get(id);
    if (!prev) throw notFound('Node', id);
    check?.(prev);
    checkVersion(id, expected, prev.version);
    const rec = buildNode({ ...input, id }, ctx, prev);
    const names = { OLD_KIND: nodeLabel(prev.kind), KIND: nodeLabel(rec.kind) };
    const params = { row: nodeToProps(rec), version: int(prev.version) };
    const entries = [historyEntry('node', 'update', prev, rec)];
    return (await commit(runs, 'node-update-write', names, params, entries, ctx)) ? rec : undefined;
  });
}

export function deleteNode(runs: Runs, id: string, expected: number | undefined, ctx: Ctx): Promise<true> {
  return retrying(async () => {
    const [found, relRows] = await Promise.all([
      nodesById(runs.read, [id]),
      runs.read(cypher('node-relations'), { id }),
    ]);
    const prev = found.get(id);
    if (!prev) throw notFound('Node', id);
    checkVersion(id, expected, prev.version);
    const rels = relRows.map(relationFromRow).sort(byId);
    const entries = [
      ...rels.map((rel) => historyEntry('relation', 'delete', rel, null)),
      historyEntry('node', 'delete', prev, null),
    ];
    const params = { id, version: int(prev.version), rels: rels.map((r) => `${r.id}@${r.version}`) };
    return (await commit(runs, 'node-delete-write', {}, params, entries, ctx)) || undefined;
  });
}

/**
 * With `endpoints` the statement also requires the endpoints' kinds that the catalogue allows for the type (read
 * under the endpoints' locks), so the caller need not read them first; they are read only when it wrote nothing.
 */
export function createRelation(runs: Runs, input: Rel, ctx: Ctx, endpoints?: EndpointCheck): Promise<RelationRecord> {
  const kind = endpoints ? relationKind(input.type) : undefined;
  const allowed = { fromKinds: kind?.from ?? null, toKinds: kind?.to ?? null };
  return retrying(async () => {
    const rec = buildRelation(input, ctx);
    const names = { TYPE: relationType(rec.type) };
    const entries = [historyEntry('relation', 'create', null, rec)];
    const params = { row: relationRow(rec), ...allowed };
    if (await commit(runs, 'relation-create-write', names, params, entries, ctx)) return rec;
    // No row: an endpoint is missing or of a kind not allowed, or the id is taken by another type; else an endpoint
    // came back or changed kind meanwhile: again. Endpoint problems first, as a caller checking first reports them.
    endpoints?.(await nodeKinds(runs.read, [input.from, input.to]));
    if ((await relationsById(runs.read, [input.id])).size > 0) throw alreadyExists('Relation', input.id);
    if (!endpoints) await requireEndpoints(runs.read, [input]);
    return undefined;
  });
}

export function updateRelation(
  runs: Runs,
  id: string,
  input: Rel,
  expected: number | undefined,
  ctx: Ctx,
): Promise<RelationRecord> {
  return retrying(async () => {
    const prev = (await relationsById(runs.read, [id])).get(id);
    if (!prev) throw notFound('Relation', id);
    checkVersion(id, expected, prev.version);
    const rec = buildRelation({ ...input, id }, ctx, prev);
    const same = prev.type === rec.type && prev.from === rec.from && prev.to === rec.to;
    const names = { OLD_TYPE: relationType(prev.type), TYPE: relationType(rec.type) };
    const params = { row: relationRow(rec), version: int(prev.version) };
    const entries = [historyEntry('relation', 'update', prev, rec)];
    const query = same ? 'relation-update-write' : 'relation-replace-write';
    if (await commit(runs, query, names, params, entries, ctx)) return rec;
    if (!same) await requireEndpoints(runs.read, [{ ...input, id }]);
    return undefined;
  });
}

export function deleteRelation(runs: Runs, id: string, expected: number | undefined, ctx: Ctx): Promise<true> {
  return retrying(async () => {
    const prev = (await relationsById(runs.read, [id])).get(id);
    if (!prev) throw notFound('Relation', id);
    checkVersion(id, expected, prev.version);
    const params = { id, version: int(prev.version) };
    const entries = [historyEntry('relation', 'delete', prev, null)];
    return (
      (await commit(runs, 'relation-delete-write', { TYPE: relationType(prev.type) }, params, entries, ctx)) ||
      undefined
    );
  });
}
