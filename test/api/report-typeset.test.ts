import { execFileSync } from 'node:child_process';
import { mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { labelOverlap } from '../../core/render/labels.js';
import { mapModel } from '../../core/render/map-model.js';
import type { Snapshot } from '../../core/model/records.js';
import { buildReport } from '../../core/report/build.js';
import { isPublicSourceUrl } from '../../core/report/provenance.js';
import { REPORT_MAP } from '../../server/render/export-file.js';
import { pdfMap } from '../../server/report/pdf-writer.js';
import { columnWidths } from '../../server/report/pdf-table.js';
import { sqliteApp } from '../helpers/app.js';
import { flat, pdfText, pixelStats, renderPage } from '../helpers/pdf.js';

/** docs/decisions.md: at most 1 % of the map's label area may lie under another label (the culling gives 0). */
const MAX_LABEL_OVERLAP = 0.01;
const LOOPBACK = 'http://127.0.0.1:8080/api/gaps';

const layoutText = (pdf: Uint8Array, pages: string[] = []): string => {
  const file = join(mkdtempSync(join(tmpdir(), 'aktorsatlas-typeset-')), 'r.pdf');
  writeFileSync(file, pdf);
  return execFileSync('pdftotext', [...pages, '-layout', '-enc', 'UTF-8', file, '-'], { encoding: 'utf8' });
};
const pageText = (pdf: Uint8Array, page: number) => flat(layoutText(pdf, ['-f', String(page), '-l', String(page)]));

/** Every word of the report's own text (paragraphs, tables, items), to tell a real word from a fragment. */
const modelWords = (model: ReturnType<typeof buildReport>): Set<string> => {
  const texts = [model.title, model.subtitle, model.mapHeading, model.mapIntro, ...model.meta];
  for (const s of model.sections)
    texts.push(
      s.heading,
      s.after ?? '',
      ...(s.paragraphs ?? []),
      ...(s.table ? [...s.table.columns, ...s.table.rows.flat()] : []),
      ...(s.items ?? []).flatMap((i) => [i.title, i.text, ...(i.notes ?? [])]),
    );
  return new Set(texts.join(' ').split(/\s+/));
};

describe('API: the PDF typeset for A4 (labels, table headers, public sources)', () => {
  let app: FastifyInstance;
  let snapshot: Snapshot;
  let pdf: Uint8Array;
  let layout: string;

  beforeAll(async () => {
    ({ app } = await sqliteApp({ seed: true }));
    // An action saved from a finding in the browser cites the app's own address: the appendix must not list it.
    const seeded = await app.store.snapshot({});
    const action = seeded.nodes.find((n) => n.kind === 'Action')!;
    const owner = seeded.nodes.find((n) => n.kind === 'Organisation')!;
    const res = await app.inject({
      method: 'POST',
      url: '/api/relations',
      payload: {
        type: 'RESPONSIBLE_FOR',
        from: owner.id,
        to: action.id,
        evidence: 'confirmed',
        sources: [{ url: LOOPBACK, title: 'Åtgärd från ett fynd', date: '2026-11-30' }],
      },
    });
    expect(res.statusCode, res.body).toBe(201);
    snapshot = await app.store.snapshot({});
    const pdfRes = await app.inject({ method: 'GET', url: '/api/export?format=pdf&lang=sv' });
    expect(pdfRes.statusCode, pdfRes.body.slice(0, 300)).toBe(200);
    pdf = new Uint8Array(pdfRes.rawPayload);
    layout = layoutText(pdf);
  }, 240_000);
  afterAll(async () => app.close());

  it('culls map labels by node size so that the labels of the printed map do not overlap', () => {
    const map = mapModel(snapshot, { ...REPORT_MAP, date: '2026-12-01' });
    const uncut = mapModel(snapshot, { ...REPORT_MAP, date: '2026-12-01', maxLabels: 30 });
    const printed = pdfMap(map);
    const measured = labelOverlap(printed);
    expect(measured.ratio).toBeLessThanOrEqual(MAX_LABEL_OVERLAP);
    expect(measured.pairs).toBe(0);
    // Still a labelled map: the largest actors keep their names, and the largest node is among them.
    expect(measured.labels).toBeGreaterThanOrEqual(8);
    const largest = [...printed.nodes].sort((a, b) => b.size - a.size)[0];
    expect(largest.label).toBeTruthy();
    // The measure can fail: the same candidates at paper size without culling overlap.
    const naive = { ...uncut, labelSize: printed.labelSize, nodes: uncut.nodes };
    expect(labelOverlap(naive).pairs).toBeGreaterThan(0);
  });

  it('opens with the summary on the first page; the map comes after it', () => {
    const first = pageText(pdf, 1);
    expect(first).toContain('Sammanfattning');
    expect(first).not.toContain('Kartan visar');
    expect(pageText(pdf, 2)).toContain('Kartan visar');
  });

  it('renders a readable map page (pdftoppm)', () => {
    const stats = pixelStats(renderPage(pdf, 2, 60));
    expect(stats.inked).toBeGreaterThan(0.05);
    expect(stats.coloured).toBeGreaterThan(0.003);
  });

  it('never breaks a table header word (pdftotext -layout against the known headers)', () => {
    const model = buildReport(snapshot, { lang: 'sv' });
    const known = modelWords(model);
    const headerWords = [
      ...new Set(model.sections.flatMap((s) => s.table?.columns ?? []).flatMap((c) => c.split(/\s+/))),
    ];
    expect(headerWords).toContain('Snittpunkt');
    const tokens = new Set(layout.split(/\s+/));
    for (const word of headerWords) {
      expect(layout, word).toContain(word);
      // A fragment: a proper prefix of a header word printed as a token of its own that the report never uses.
      for (let k = 2; k < word.length; k++) {
        const head = word.slice(0, k);
        if (tokens.has(head)) expect(known.has(head), `"${word}" broken after "${head}"`).toBe(true);
      }
    }
  });

  it('gives a header word room even in a narrow column', () => {
    const cols = columnWidths([1, 8, 1], [50, 20, 60], 400);
    expect(cols[0]).toBeGreaterThanOrEqual(50);
    expect(cols[2]).toBeGreaterThanOrEqual(60);
    expect(cols.reduce((a, b) => a + b, 0)).toBeCloseTo(400, 6);
  });

  it('cites only public source URLs in the appendix, and says what has none', () => {
    const text = flat(pdfText(pdf));
    const appendix = text.slice(text.indexOf('Bilaga: källor och belägg'));
    expect(appendix.length).toBeGreaterThan(100);
    expect(appendix).not.toMatch(/127\.0\.0\.1|localhost|\[::1\]/);
    expect(appendix).toMatch(/1 relationer är registrerade direkt i Aktörsatlas/);
    expect(appendix).toContain('https://');
    expect(isPublicSourceUrl(LOOPBACK)).toBe(false);
    expect(isPublicSourceUrl('http://localhost:3000/x')).toBe(false);
    expect(isPublicSourceUrl('http://192.168.1.4/x')).toBe(false);
    expect(isPublicSourceUrl('https://www.rjl.se/')).toBe(true);
    expect(isPublicSourceUrl('ftp://example.org/')).toBe(false);
  });
});
