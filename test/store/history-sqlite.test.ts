import { mkdtempSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { SqliteStore } from '../../server/store/sqlite/sqlite-store.js';
import { historyContract } from './history-contract.js';

historyContract(
  'sqlite',
  async () => new SqliteStore(join(mkdtempSync(join(tmpdir(), 'aktorsatlas-history-')), 'test.db')),
);
