import { describe, it, expect } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { existsSync, mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { Value } from 'typebox/value';
import { SnapshotFileSchema } from '../../core/model/snapshot-file.js';
import { isFresh, readManifest } from '../../tools/build/dist.mjs';
import { REPO_ROOT, startServer } from '../helpers/server.js';

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

  it('runs compiled JavaScript from dist/, rebuilt from the sources it names', () => {
    expect(cli(['--version'], db).status).toBe(0);
    const manifest = readManifest();
    expect(manifest).not.toBeNull();
    expect(isFresh(manifest!)).toBe(true);
    expect(Object.keys(manifest!.inputs)).toEqual(
      expect.arrayContaining(['server/cli/main.ts', 'server/jobs/tasks.ts']),
    );
    expect(readFileSync(join(REPO_ROOT, 'dist', manifest!.main), 'utf8')).toContain('aktorsatlas');
    // A source whose size or time differs from the recorded one makes the build stale.
    const [size, mtime] = manifest!.inputs['server/cli/main.ts'];
    expect(isFresh({ ...manifest!, inputs: { 'server/cli/main.ts': [size, mtime + 1] } })).toBe(false);
    expect(isFresh({ ...manifest!, inputs: { 'server/cli/main.ts': [size + 1, mtime] } })).toBe(false);
  });

  it('runs analyse from its own bundle through a code cache, rebuilt from the sources it loads', () => {
    const graphml = join(REPO_ROOT, 'fixtures', 'reference', 'karate.graphml');
    const first = cli(['analyse', graphml], db);
    expect(first.status, first.stderr).toBe(0);
    const manifest = readManifest()!;
    // The first successful run leaves V8's code cache beside the bundle; the next run uses it, same output.
    expect(existsSync(join(REPO_ROOT, 'dist', `${manifest.analyse}.v8cache`))).toBe(true);
    const second = cli(['analyse', graphml], db);
    expect(second.stdout).toBe(first.stdout);
    expect(Object.keys(JSON.parse(second.stdout).nodes)).toHaveLength(34);
    expect(manifest.analyseInputs).toEqual(expect.arrayContaining(['server/cli/analyse.ts', 'core/analysis/panel.ts']));
    expect(manifest.analyseInputs).not.toContain('server/cli/main.ts');
    expect(isFresh(manifest, manifest.analyseInputs)).toBe(true);
    // Its own flags (also --resolution, which the command parser does not list), its own errors.
    const csv = cli(['analyse', graphml, '--format', 'csv', '--resolution', '0.5'], db);
    expect(csv.status, csv.stderr).toBe(0);
    expect(csv.stdout.split('\n')[0]).toMatch(/^id,degree,/);
    const bad = cli(['analyse', graphml, '--format', 'xml'], db);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('--format must be json or csv');
  });

  it('stops quietly when the reader closes the pipe early (analyse | head)', () => {
    // Far more output than a pipe holds (64 KiB), so the writer meets the closed pipe.
    const csv = join(dir, 'ring.csv');
    const rows = Array.from({ length: 1500 }, (_, i) => `a${i},a${(i + 1) % 1500}\na${i},a${(i * 7 + 3) % 1500}`);
    writeFileSync(csv, `source,target\n${rows.join('\n')}\n`);
    for (const args of [
      ['analyse', csv],
      ['export', '--format', 'json'],
    ]) {
      const r = spawnSync('sh', ['-c', 'node "$0" "$@" | head -c 10 > /dev/null', BIN, ...args], {
        encoding: 'utf8',
        env: { ...process.env, AKTORSATLAS_DB: db, NEO4J_URI: '' },
      });
      expect(r.status, r.stderr).toBe(0);
      expect(r.stderr).not.toMatch(/EPIPE|Unhandled/);
    }
  });

  it('serves from the compiled build, with the worker pool running the compiled tasks', async () => {
    const server = await startServer({ timeoutMs: 120_000 });
    try {
      const res = await fetch(`${server.url}/api/analysis`);
      expect(res.status, server.output()).toBe(200);
      const body = (await res.json()) as { projection: { actors: number } };
      expect(body.projection.actors).toBeGreaterThan(50);
    } finally {
      await server.stop();
    }
  });
});
