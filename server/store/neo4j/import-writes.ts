import type { NodeRecord, RelationRecord } from '../../../core/model/records.js';
import { sendBatches } from './batches.js';
import type { HistoryLog } from './history.js';
import { nodeToProps, relationRow, toNumber, type PropMap } from './mapping.js';
import { cypher } from './queries.js';
import { requireEndpoints } from './record-io.js';
import type { Run } from './runner.js';
import { nodeLabel, relationType, type SafeName } from './whitelist.js';

/**
 * The import's writes, as record-io's writeNodes and writeRelations make them, but sent as one pipeline: every
 * statement goes out without waiting for the one before. The server runs a transaction's statements in the order
 * sent (node creates before the relations that match them), so the result is the same; the gain is that the server
 * works on one statement while this process packs the next, instead of one round trip per label and type.
 */
export async function writeImport(
  run: Run,
  nodes: { before: ReadonlyMap<string, NodeRecord>; after: ReadonlyMap<string, NodeRecord> },
  rels: { before: ReadonlyMap<string, RelationRecord>; after: ReadonlyMap<string, RelationRecord> },
  history: HistoryLog,
): Promise<void> {
  const sends: Promise<unknown>[] = [...sendNodes(run, nodes.before, nodes.after)];
  const relSends = sendRelations(run, rels.before, rels.after);
  sends.push(relSends.done, history.flush());
  const [created] = await Promise.all([relSends.created, ...sends]);
  if (created < relSends.expected) {
    await requireEndpoints(run, [...rels.after.values()]);
    throw new Error(`${relSends.expected - created} relations were not created, yet all their endpoints exist`);
  }
}

function push<K, V>(groups: Map<K, V[]>, key: K, value: V): void {
  const list = groups.get(key);
  if (list) list.push(value);
  else groups.set(key, [value]);
}

/** Creates, kind changes (label swaps), then property updates: the statements, already sent. */
function sendNodes(
  run: Run,
  before: ReadonlyMap<string, NodeRecord>,
  after: ReadonlyMap<string, NodeRecord>,
): Promise<unknown>[] {
  const creates = new Map<SafeName, PropMap[]>();
  const relabels = new Map<string, { from: SafeName; to: SafeName; ids: string[] }>();
  const updates: PropMap[] = [];
  for (const [id, rec] of after) {
    const prev = before.get(id);
    if (!prev) {
      push(creates, nodeLabel(rec.kind), nodeToProps(rec));
      continue;
    }
    if (prev.kind !== rec.kind) {
      const key = `${prev.kind}>${rec.kind}`;
      const group = relabels.get(key) ?? { from: nodeLabel(prev.kind), to: nodeLabel(rec.kind), ids: [] };
      group.ids.push(id);
      relabels.set(key, group);
    }
    updates.push(nodeToProps(rec));
  }
  const sends: Promise<unknown>[] = [];
  for (const [label, rows] of creates)
    sends.push(sendBatches(run, cypher('node-create', { KIND: label }), rows, (batch) => ({ rows: batch })));
  for (const { from, to, ids } of relabels.values())
    sends.push(
      sendBatches(run, cypher('node-relabel', { OLD_KIND: from, KIND: to }), ids, (batch) => ({ ids: batch })),
    );
  if (updates.length > 0) sends.push(sendBatches(run, cypher('node-update'), updates, (batch) => ({ rows: batch })));
  return sends;
}

/**
 * Deletes of relations whose type or endpoints changed (a relationship cannot change them), creates, then updates.
 * A created relation with a missing endpoint creates nothing: `created` then falls short of `expected`.
 */
function sendRelations(
  run: Run,
  before: ReadonlyMap<string, RelationRecord>,
  after: ReadonlyMap<string, RelationRecord>,
): { created: Promise<number>; expected: number; done: Promise<unknown> } {
  const deletes = new Map<SafeName, string[]>();
  const creates = new Map<SafeName, unknown[][]>();
  const updates = new Map<SafeName, unknown[][]>();
  let expected = 0;
  for (const [id, rec] of after) {
    const prev = before.get(id);
    const type = relationType(rec.type);
    if (prev && prev.type === rec.type && prev.from === rec.from && prev.to === rec.to) {
      push(updates, type, relationRow(rec));
      continue;
    }
    if (prev) push(deletes, relationType(prev.type), prev.id);
    push(creates, type, relationRow(rec));
    expected++;
  }
  const sends: Promise<unknown>[] = [];
  for (const [type, ids] of deletes)
    sends.push(sendBatches(run, cypher('relation-delete', { TYPE: type }), ids, (batch) => ({ ids: batch })));
  const counts: Promise<PropMap[]>[] = [];
  for (const [type, rows] of creates)
    counts.push(sendBatches(run, cypher('relation-create', { TYPE: type }), rows, (batch) => ({ rows: batch })));
  for (const [type, rows] of updates)
    sends.push(sendBatches(run, cypher('relation-update', { TYPE: type }), rows, (batch) => ({ rows: batch })));
  const created = Promise.all(counts).then((all) => all.flat().reduce((sum, row) => sum + toNumber(row.created), 0));
  return { created, expected, done: Promise.all(sends) };
}
