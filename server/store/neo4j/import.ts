import type { Batch, NodeRecord, RelationInput, RelationRecord } from '../../../core/model/records.js';
import type { ImportResult } from '../graph-store.js';
import { buildNode, buildRelation } from '../record-builders.js';
import { HistoryLog } from './history.js';
import { writeImport } from './import-writes.js';
import { nodesById, relationsByIdBulk, requireEndpoints } from './record-io.js';
import type { Tx } from './runner.js';
import { assertPropKeys, nodeLabel, relationType } from './whitelist.js';

type Rel = RelationInput & { id: string };
export type ImportBatch = Batch & { relations: Rel[] };

/** Everything that would reach Cypher text is checked before the transaction starts. */
export function checkBatch(batch: ImportBatch): void {
  for (const n of batch.nodes) {
    nodeLabel(n.kind);
    assertPropKeys(n.props);
  }
  for (const r of batch.relations) {
    relationType(r.type);
    assertPropKeys(r.props);
  }
}

/**
 * The import, inside one write transaction: all lookups first (in batches, by indexed id), then the records are
 * computed in input order exactly as the SQLite store does (a repeated id is an update of the earlier row), and only
 * then written, grouped by label and type, with UNWIND, as one pipeline of statements (import-writes.ts). A dangling
 * endpoint throws from writeImport, and the transaction rolls back: nothing is written.
 */
export async function importInTx(
  tx: Tx,
  batch: ImportBatch,
  ctx: { actor: string; at: string },
): Promise<ImportResult> {
  const result: ImportResult = { nodesCreated: 0, nodesUpdated: 0, relationsCreated: 0, relationsUpdated: 0 };
  const relations: Rel[] = batch.relations;

  // The counter lock and the two lookups go out together; the server runs them in that order, so the lookups still
  // read under the lock that serialises writers.
  const [history, storedNodes, storedRels] = await Promise.all([
    HistoryLog.open(tx, ctx),
    nodesById(
      tx.run,
      batch.nodes.map((n) => n.id),
    ),
    relationsByIdBulk(
      tx.run,
      relations.map((r) => r.id),
    ),
  ]);
  const nodes = new Map<string, NodeRecord>();
  for (const input of batch.nodes) {
    const prev = nodes.get(input.id) ?? storedNodes.get(input.id);
    const rec = buildNode(input, ctx, prev);
    nodes.set(rec.id, rec);
    history.add('node', prev ? 'update' : 'create', prev ?? null, rec);
    if (prev) result.nodesUpdated++;
    else result.nodesCreated++;
  }

  const rels = new Map<string, RelationRecord>();
  for (const input of relations) {
    const prev = rels.get(input.id) ?? storedRels.get(input.id);
    const rec = buildRelation(input, ctx, prev);
    rels.set(rec.id, rec);
    history.add('relation', prev ? 'update' : 'create', prev ?? null, rec);
    if (prev) result.relationsUpdated++;
    else result.relationsCreated++;
  }

  // writeRelations checks the endpoints of the final records; an id repeated with other endpoints is checked in
  // full, as the SQLite store checks every occurrence (first dangling one in input order).
  if (relations.some((r) => rels.get(r.id)?.from !== r.from || rels.get(r.id)?.to !== r.to))
    await requireEndpoints(tx.run, relations, new Set(nodes.keys()));

  await writeImport(tx.run, { before: storedNodes, after: nodes }, { before: storedRels, after: rels }, history);
  return result;
}
