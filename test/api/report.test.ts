import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { runGaps } from '../../core/analysis/gaps/index.js';
import { metricDescriptor } from '../../core/analysis/registry.js';
import { pngSize } from '../../server/render/png.js';
import { projectActors } from '../../core/graph/projection.js';
import type { Snapshot } from '../../core/model/records.js';
import { buildReport } from '../../core/report/build.js';
import { writeReportPdf } from '../../server/report/pdf-writer.js';
import { sqliteApp } from '../helpers/app.js';
import { networkx } from '../helpers/networkx.js';
import { flat, pdfPages, pdfText, pixelStats, renderPage } from '../helpers/pdf.js';

/** The text between two headings (the section), whitespace folded. */
const section = (text: string, from: string, to: string) => {
  const a = text.indexOf(from);
  const b = text.indexOf(to, a + from.length);
  expect(a, from).toBeGreaterThanOrEqual(0);
  expect(b, to).toBeGreaterThan(a);
  return flat(text.slice(a, b));
};

describe('API: the PDF report and the PNG map', () => {
  let app: FastifyInstance;
  let snapshot: Snapshot;
  let sv: Uint8Array;
  let svText: string;

  beforeAll(async () => {
    ({ app } = await sqliteApp({ seed: true }));
    snapshot = await app.store.snapshot({});
    const res = await app.inject({ method: 'GET', url: '/api/export?format=pdf&lang=sv' });
    expect(res.statusCode, res.body.slice(0, 300)).toBe(200);
    expect(res.headers['content-type']).toBe('application/pdf');
    expect(res.headers['content-disposition']).toMatch(
      /^attachment; filename="aktorsatlas-rapport-\d{4}-\d{2}-\d{2}\.pdf"$/,
    );
    sv = new Uint8Array(res.rawPayload);
    svText = pdfText(sv);
  }, 180_000);
  afterAll(async () => app.close());

  it('is an A4 PDF with the title, view and date on the first page', () => {
    expect(Buffer.from(sv.subarray(0, 5)).toString()).toBe('%PDF-');
    expect(pdfPages(sv)).toBeGreaterThanOrEqual(6);
    const first = flat(svText.slice(0, 400));
    expect(first).toContain('Aktörsatlas – rapport');
    expect(first).toContain('Vy: hela registret');
    expect(first).toMatch(/Skapad: \d{4}-\d{2}-\d{2}/);
  });

  it("lists as key actors NetworkX's top actors by betweenness, in order", () => {
    const { graph } = projectActors(snapshot);
    const edges: Array<[string, string]> = [];
    graph.forEachEdge((_e, _a, s, t) => edges.push([s, t]));
    const nx = networkx({ directed: false, weighted: false, nodes: graph.nodes(), edges });
    const top = Object.entries(nx.nodes)
      .sort(([, a], [, b]) => b.betweenness - a.betweenness)
      .slice(0, 2)
      .map(([id]) => snapshot.nodes.find((n) => n.id === id)!.name);
    const keyActors = section(svText, 'Nyckelaktörer', 'Grupperingar');
    expect(keyActors).toContain('Mellanhet (normerad)');
    expect(keyActors.indexOf(top[0])).toBeGreaterThan(0);
    expect(keyActors.indexOf(top[1])).toBeGreaterThan(keyActors.indexOf(top[0]));
  });

  it('has the communities, the gaps with their explanations and the action plan', () => {
    expect(section(svText, 'Grupperingar', 'Glapp i samordningen')).toMatch(/Modularitet Q = 0,\d+/);
    const gaps = section(svText, 'Glapp i samordningen', 'Handlingsplan');
    const first = runGaps(snapshot, { seed: 1 }).findings.find((f) => f.severity === 'high')!;
    expect(gaps).toContain(flat(first.title.sv));
    expect(gaps).toContain(flat(first.explanation.sv).slice(0, 80));
    const plan = section(svText, 'Handlingsplan', 'Metod');
    expect(plan).toContain('Skapa ett kompetensråd för länet');
    expect(plan).toContain('Ansvarig: Region Jönköpings län');
    expect(plan).toContain('Status: Planerad');
  });

  it('has method notes from the metric registry: formula, reference, weight meaning, projection and seed', () => {
    const method = section(svText, 'Metod', 'Bilaga: källor och belägg');
    const b = metricDescriptor('betweenness')!;
    expect(method).toContain(b.label.sv);
    expect(method).toContain(`Formel: ${b.formula}`);
    expect(method).toContain('Brandes, U. (2001)');
    expect(method).toContain('Vikter: vägmått: avstånd = 1/styrka');
    expect(method).toContain('enmodsprojektionen');
    expect(method).toContain('Louvain-frö 1');
    expect(method).toContain('Glappens definitioner');
  });

  it('has the provenance appendix: relations by evidence level, sources and the as-of date', () => {
    const appendix = flat(svText.slice(svText.indexOf('Bilaga: källor och belägg')));
    const confirmed = snapshot.relations.filter((r) => r.evidence === 'confirmed').length;
    expect(appendix).toContain(`${snapshot.nodes.length} noder och ${snapshot.relations.length} relationer`);
    expect(appendix).toContain(`Bekräftad ${confirmed}`);
    expect(appendix).toContain('Per datum: alla relationer oavsett giltighetstid');
    expect(appendix).toContain(snapshot.relations[0].sources[0].title);
  });

  it('renders the map on the first page (pdftoppm): not blank, and in colour', () => {
    const page = renderPage(sv, 1, 50);
    const { colours, inked, coloured } = pixelStats(page);
    expect(colours).toBeGreaterThan(100);
    expect(inked).toBeGreaterThan(0.05);
    expect(coloured).toBeGreaterThan(0.003);
    // A text-only page has no colour: the check above is not met by any page.
    expect(pixelStats(renderPage(sv, 2, 50)).coloured).toBeLessThan(0.001);
  });

  it('writes the report in English with --lang en', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/export?format=pdf&lang=en&title=County%20report' });
    expect(res.statusCode).toBe(200);
    const text = pdfText(new Uint8Array(res.rawPayload));
    for (const h of ['County report', 'Key actors', 'Communities', 'Coordination gaps', 'Action plan', 'Method'])
      expect(text).toContain(h);
    expect(text).toContain('Appendix: sources and evidence');
    expect(flat(text)).toContain('Weights: path measure: distance = 1/strength');
    expect(text).not.toContain('Nyckelaktörer');
  }, 180_000);

  it('falls back to the standard PDF font and still gives back å, ä, ö', async () => {
    const small = { ...snapshot, nodes: snapshot.nodes.slice(0, 60) };
    const ids = new Set(small.nodes.map((n) => n.id));
    small.relations = snapshot.relations.filter((r) => ids.has(r.from) && ids.has(r.to));
    const pdf = await writeReportPdf(buildReport(small, { lang: 'sv' }), { fonts: 'standard', mapScale: 1 });
    expect(Buffer.from(pdf).toString('latin1')).toContain('/BaseFont /Helvetica');
    const text = flat(pdfText(pdf));
    expect(text).toContain('Aktörsatlas – rapport');
    expect(text).toContain('Nyckelaktörer');
    expect(text).toContain('Jönköpings län');
    expect(text).toContain('Formel: C_B(v) = Sum _{s!=v!=t} sigma_st(v)/sigma_st');
  }, 120_000);

  it('serves the PNG map at 4 × the CSS size', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/export?format=png&width=700&height=450&scale=4' });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-type']).toBe('image/png');
    expect(pngSize(new Uint8Array(res.rawPayload))).toEqual({ width: 2800, height: 1800 });
    const tooBig = await app.inject({ method: 'GET', url: '/api/export?format=png&width=8000&height=8000&scale=4' });
    expect(tooBig.statusCode).toBe(413);
    expect(tooBig.json()).toMatchObject({ code: 'image_too_large' });
    expect((await app.inject({ method: 'GET', url: '/api/export?format=png&scale=5' })).statusCode).toBe(400);
  }, 60_000);

  it('documents PNG and PDF in the OpenAPI description', async () => {
    const spec = (await app.inject({ method: 'GET', url: '/openapi.json' })).json();
    const op = spec.paths['/api/export'].get;
    const format = op.parameters.find((p: { name: string }) => p.name === 'format');
    expect(JSON.stringify(format.schema)).toContain('"pdf"');
    expect(op.parameters.some((p: { name: string }) => p.name === 'scale')).toBe(true);
    expect(Object.keys(op.responses['200'].content)).toEqual(expect.arrayContaining(['image/png', 'application/pdf']));
  });
});
