import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../server/app.js';
import { SqliteStore } from '../../server/store/sqlite/sqlite-store.js';
import { seedIfEmpty } from '../../server/seed.js';

export const tempDbPath = (): string => join(mkdtempSync(join(tmpdir(), 'aktorsatlas-api-')), 'test.db');

/** A real app on a real SQLite file in a temp folder. */
export async function sqliteApp(
  opts: { seed?: boolean; path?: string; bodyLimit?: number } = {},
): Promise<{ app: FastifyInstance; path: string }> {
  const path = opts.path ?? tempDbPath();
  const store = new SqliteStore(path);
  if (opts.seed) await seedIfEmpty(store);
  const app = await buildApp({ store, ...(opts.bodyLimit ? { bodyLimit: opts.bodyLimit } : {}) });
  return { app, path };
}

export const SOURCE = { url: 'https://example.org/kalla', title: 'Testkälla' };
