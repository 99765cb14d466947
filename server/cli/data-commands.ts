import { readFileSync, writeFileSync } from 'node:fs';
import { loadConfig } from '../config.js';
import { describeStore, openStore } from '../open-store.js';
import { seedIfEmpty } from '../seed.js';
import { GraphService } from '../services/graph-service.js';
import { ApiProblem } from '../problems.js';
import { SNAPSHOT_FORMAT, SNAPSHOT_VERSION, type SnapshotFile } from '../../core/model/snapshot-file.js';
import type { Batch, NodeInput, RelationInput } from '../../core/model/records.js';
import type { GraphStore } from '../store/graph-store.js';

async function withStore<T>(fn: (store: GraphStore) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const store = await openStore(config).catch((err: Error) => {
    throw new Error(`cannot open the store (${describeStore(config)}): ${err.message}`);
  });
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

export async function seedCommand(): Promise<number> {
  return withStore(async (store) => {
    const r = await seedIfEmpty(store);
    console.log(
      r
        ? `seeded: ${r.nodesCreated} nodes, ${r.relationsCreated} relations`
        : 'the store is not empty; nothing was seeded',
    );
    return 0;
  });
}

/** Reads a batch or a snapshot file; meta fields of a snapshot are dropped (the store stamps its own). */
export function readBatchFile(path: string): Batch {
  const data = JSON.parse(readFileSync(path, 'utf8')) as Partial<SnapshotFile> & Partial<Batch>;
  const nodes = (data.nodes ?? []).map((n) => strip(n as Record<string, unknown>) as unknown as NodeInput);
  const relations = (data.relations ?? []).map((r) => strip(r as Record<string, unknown>) as unknown as RelationInput);
  return { nodes, relations };
}

const META = ['version', 'createdAt', 'createdBy', 'updatedAt', 'updatedBy'];
const strip = (rec: Record<string, unknown>) =>
  Object.fromEntries(Object.entries(rec).filter(([k]) => !META.includes(k)));

export async function importCommand(file: string): Promise<number> {
  const batch = readBatchFile(file);
  return withStore(async (store) => {
    try {
      const r = await new GraphService(store).importBatch(batch, { actor: 'cli' });
      console.log(
        `imported: ${r.nodesCreated} nodes created, ${r.nodesUpdated} updated; ${r.relationsCreated} relations created, ${r.relationsUpdated} updated`,
      );
      return 0;
    } catch (err) {
      if (err instanceof ApiProblem) {
        console.error(`error: ${err.message}`);
        for (const p of err.problems) console.error(`  ${p.path}: ${p.message.en}`);
        return 2;
      }
      throw err;
    }
  });
}

export async function exportCommand(
  format: string,
  out: string | undefined,
  asOf: string | undefined,
): Promise<number> {
  if (format !== 'json') {
    console.error(`error: unknown export format "${format}" (supported: json)`);
    return 2;
  }
  return withStore(async (store) => {
    const snap = await store.snapshot(asOf ? { asOf } : {});
    const file: SnapshotFile = {
      format: SNAPSHOT_FORMAT,
      version: SNAPSHOT_VERSION,
      exportedAt: new Date().toISOString(),
      ...(asOf ? { asOf } : {}),
      nodes: snap.nodes,
      relations: snap.relations.map((r) => ({ ...r })),
    } as SnapshotFile;
    const json = JSON.stringify(file, null, 2);
    if (out) writeFileSync(out, json);
    else process.stdout.write(`${json}\n`);
    return 0;
  });
}
