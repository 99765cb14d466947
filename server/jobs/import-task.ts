import { prepareImport, type PreparedImport } from '../../core/exchange/import-flow.js';
import type { GraphStore, WriteContext } from '../store/graph-store.js';
import { resolveSnapshot, workerStore, type WithSource } from './snapshot-source.js';
import type { Progress } from './tasks.js';

type CheckInput = WithSource<Parameters<typeof prepareImport>[0]>;

/**
 * In a worker thread: an import checked against the store's snapshot and, for a SQLite file (`write`), written there
 * too, in one transaction with its history (SqliteStore.importBatch on the worker's own connection), so neither the
 * write nor a copy of the batch back to the main thread holds the event loop. Without `write` the batch comes back
 * for the main thread to write (Neo4j, an in-memory store).
 */
export async function checkAndWrite(
  input: CheckInput & { write?: { file: string; ctx: WriteContext } },
  progress: Progress,
): Promise<PreparedImport> {
  const { write, ...rest } = input;
  const prepared = prepareImport({ ...rest, snapshot: await resolveSnapshot(input.snapshot) }, progress);
  if (!write || !prepared.batch) return prepared;
  progress(0.9, 'write');
  const batch = prepared.batch as Parameters<GraphStore['importBatch']>[0];
  const counts = await workerStore(write.file).importBatch(batch, write.ctx);
  return { outcome: { ...prepared.outcome, ...counts } };
}
