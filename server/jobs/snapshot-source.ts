import type { Snapshot } from '../../core/model/records.js';
import type { GraphStore } from '../store/graph-store.js';
import { SqliteStore } from '../store/sqlite/sqlite-store.js';

/**
 * Where a worker task gets the whole network. A SQLite store's file is read by the worker itself (its own connection;
 * WAL lets it read while the main connection serves requests), so neither the read nor the copy of a 20k-actor
 * snapshot into the thread runs on the event loop. Other stores hand over the snapshot read on the main thread.
 */
export type SnapshotSource = { kind: 'value'; snapshot: Snapshot } | { kind: 'sqlite'; file: string; revision: string };

/** The file a worker thread may open, or undefined (an in-memory or a Neo4j store). */
export function sqliteFile(store: GraphStore): string | undefined {
  return store instanceof SqliteStore && store.file !== ':memory:' ? store.file : undefined;
}

// One connection and one snapshot per worker thread: the latest file and revision read.
let open: { file: string; store: SqliteStore } | undefined;
let cached: { file: string; revision: string; snapshot: Snapshot } | undefined;

/** The worker's connection to a store file (opened once per thread). */
export function workerStore(file: string): SqliteStore {
  if (open?.file !== file) {
    void open?.store.close();
    open = { file, store: new SqliteStore(file) };
  }
  return open.store;
}

/** In a worker thread: the snapshot a task was given, or read from the store file (reused while the revision holds). */
export async function resolveSnapshot(source: SnapshotSource): Promise<Snapshot> {
  if (source.kind === 'value') return source.snapshot;
  if (cached?.file === source.file && cached.revision === source.revision) return cached.snapshot;
  const store = workerStore(source.file);
  // The revision before the read: a write landing during it only makes the entry look older than it is.
  const revision = await store.revision();
  const snapshot = await store.snapshot({});
  cached = { file: source.file, revision, snapshot };
  return snapshot;
}

/** Tasks given a source where their answer function takes a snapshot. */
export type WithSource<T> = Omit<T, 'snapshot'> & { snapshot: SnapshotSource };

/** Runs an answer function on its input with the snapshot resolved. */
export const withSnapshot =
  <T extends { snapshot: Snapshot }, R>(answer: (input: T) => R) =>
  async (input: WithSource<T>) =>
    answer({ ...input, snapshot: await resolveSnapshot(input.snapshot) } as T);
