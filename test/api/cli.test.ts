import { describe, it, expect } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Value } from 'typebox/value';
import { SnapshotFileSchema } from '../../core/model/snapshot-file.js';

const BIN = new URL('../../bin/aktorsatlas.js', import.meta.url).pathname;

function cli(args: string[], db: string) {
  return spawnSync('node', [BIN, ...args], {
    encoding: 'utf8',
    env: { ...process.env, AKTORSATLAS_DB: db, NEO4J_URI: '' },
  });
}

describe('CLI', () => {
  const dir = mkdtempSync(join(tmpdir(), 'aktorsatlas-cli-'));
  const db = join(dir, 'cli.db');

  it('has --help for each command', () => {
    for (const cmd of ['serve', 'seed', 'import', 'export', 'analyse']) {
      const out = execFileSync('node', [BIN, cmd, '--help'], { encoding: 'utf8' });
      expect(out).toContain(`Usage: aktorsatlas ${cmd}`);
    }
  });

  it('seeds an empty store once, exports a snapshot valid against its schema, and imports it', () => {
    expect(cli(['seed'], db).stdout).toMatch(/seeded: \d+ nodes/);
    expect(cli(['seed'], db).stdout).toContain('not empty');
    const file = join(dir, 'snap.json');
    expect(cli(['export', '--format', 'json', '-o', file], db).status).toBe(0);
    const snap = JSON.parse(readFileSync(file, 'utf8'));
    expect(Value.Check(SnapshotFileSchema, snap)).toBe(true);
    expect(snap.nodes.length).toBeGreaterThan(100);
    const other = join(dir, 'other.db');
    const imported = cli(['import', file], other);
    expect(imported.status).toBe(0);
    expect(imported.stdout).toMatch(new RegExp(`imported: ${snap.nodes.length} nodes created`));
  });

  it('refuses a bad batch with exit code 2 and names the record', () => {
    const bad = join(dir, 'bad.json');
    writeFileSync(bad, JSON.stringify({ nodes: [{ id: 'org:x', kind: 'Nope', name: 'X' }], relations: [] }));
    const r = cli(['import', bad], join(dir, 'third.db'));
    expect(r.status).toBe(2);
    expect(r.stderr).toContain('/nodes/0/kind');
  });
});
