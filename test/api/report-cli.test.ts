import { describe, it, expect } from 'vitest';
import { spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { pngSize } from '../../server/render/png.js';
import { SqliteStore } from '../../server/store/sqlite/sqlite-store.js';
import { flat, pdfText, pixelStats, renderPage } from '../helpers/pdf.js';

const BIN = new URL('../../bin/aktorsatlas.js', import.meta.url).pathname;

describe('CLI: aktorsatlas report and export --format png', () => {
  const dir = mkdtempSync(join(tmpdir(), 'aktorsatlas-cli-report-'));
  const db = join(dir, 'seeded.db');
  const cli = (args: string[]) =>
    spawnSync('node', [BIN, ...args], { encoding: 'utf8', env: { ...process.env, AKTORSATLAS_DB: db, NEO4J_URI: '' } });

  it('writes the Swedish report of a saved view, with the view’s filters, and a PNG at 4×', async () => {
    expect(cli(['seed']).status).toBe(0);
    const store = new SqliteStore(db);
    const snap = await store.snapshot({});
    const [a] = snap.nodes.filter((n) => n.kind === 'Organisation');
    await store.saveView(
      'länsbild',
      {
        format: 'aktorsatlas-view',
        version: 1,
        view: { filters: { kinds: null, relationTypes: null, asOf: null, evidence: ['confirmed'] } },
        positions: { [a.id]: [10, 20] },
      },
      undefined,
      { actor: 'test' },
    );
    await store.close();
    const confirmed = snap.relations.filter((r) => r.evidence === 'confirmed').length;

    const file = join(dir, 'report.pdf');
    const r = cli(['report', '--view', 'länsbild', '--lang', 'sv', '-o', file]);
    expect(r.status, r.stderr).toBe(0);
    const pdf = new Uint8Array(readFileSync(file));
    const text = flat(pdfText(pdf));
    expect(text).toContain('Aktörsatlas – rapport');
    expect(text).toContain('Vy: länsbild');
    expect(text).toContain('Nyckelaktörer');
    expect(text).toContain('Glapp i samordningen');
    expect(text).toContain('Metod');
    // The view's evidence filter applies: only confirmed relations are counted.
    expect(text).toContain(`${snap.nodes.length} noder och ${confirmed} relationer`);
    expect(confirmed).toBeLessThan(snap.relations.length);
    expect(pixelStats(renderPage(pdf, 2, 50)).coloured).toBeGreaterThan(0.003);

    const png = join(dir, 'map.png');
    const p = cli([
      'export',
      '--format',
      'png',
      '--view',
      'länsbild',
      '--width',
      '600',
      '--height',
      '400',
      '--scale',
      '4',
      '-o',
      png,
    ]);
    expect(p.status, p.stderr).toBe(0);
    expect(pngSize(new Uint8Array(readFileSync(png)))).toEqual({ width: 2400, height: 1600 });

    const missing = cli(['report', '--view', 'nope', '-o', join(dir, 'x.pdf')]);
    expect(missing.status).toBe(2);
    expect(missing.stderr).toContain('no saved view "nope"');
    expect(cli(['export', '--format', 'png', '--scale', '9', '-o', join(dir, 'x.png')]).status).toBe(2);
  }, 300_000);
});
