import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { execFileSync, spawnSync } from 'node:child_process';
import { mkdtempSync, readFileSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { SaxesParser } from 'saxes';
import { sqliteApp } from '../helpers/app.js';
import type { NodeRecord, RelationRecord, Snapshot } from '../../core/model/records.js';
import { readXlsx, writeXlsx } from '../../core/exchange/xlsx.js';
import { parseCsv } from '../../core/exchange/csv.js';
import { BILLION_LAUGHS, XXE, excelStyleWorkbook } from '../unit/exchange/helpers.js';

const SAMPLES = new URL('../../fixtures/import-samples/', import.meta.url);
const sample = (name: string) => readFileSync(new URL(name, SAMPLES));
const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';

/** A multipart/form-data body with file parts. */
function multipart(parts: Array<{ field: string; filename: string; type: string; data: Buffer | Uint8Array }>): {
  payload: Buffer;
  headers: Record<string, string>;
} {
  const boundary = '----aktorsatlas' + Math.random().toString(16).slice(2);
  const chunks: Buffer[] = [];
  for (const p of parts) {
    chunks.push(
      Buffer.from(
        `--${boundary}\r\nContent-Disposition: form-data; name="${p.field}"; filename="${p.filename}"\r\nContent-Type: ${p.type}\r\n\r\n`,
      ),
    );
    chunks.push(Buffer.from(p.data));
    chunks.push(Buffer.from('\r\n'));
  }
  chunks.push(Buffer.from(`--${boundary}--\r\n`));
  return { payload: Buffer.concat(chunks), headers: { 'content-type': `multipart/form-data; boundary=${boundary}` } };
}

const snapshotOf = async (app: FastifyInstance): Promise<Snapshot> => {
  const store = (app as unknown as { store: { snapshot(q: object): Promise<Snapshot> } }).store;
  return store.snapshot({});
};

/** Records without the store's own meta fields (version, created/updated), sorted by id. */
const content = (s: Snapshot) => ({
  nodes: s.nodes
    .map(({ version: _v, createdAt: _a, createdBy: _b, updatedAt: _c, updatedBy: _d, ...rest }: NodeRecord) => rest)
    .sort((a, b) => (a.id < b.id ? -1 : 1)),
  relations: s.relations
    .map(({ version: _v, createdAt: _a, createdBy: _b, updatedAt: _c, updatedBy: _d, ...rest }: RelationRecord) => rest)
    .sort((a, b) => (a.id < b.id ? -1 : 1)),
});

const counts = async (app: FastifyInstance) => {
  const s = await snapshotOf(app);
  return [s.nodes.length, s.relations.length];
};

const exportFile = async (app: FastifyInstance, query: string): Promise<LightMyRequestResponse> => {
  const res = await app.inject({ method: 'GET', url: `/api/export?${query}` });
  expect(res.statusCode, res.body.slice(0, 500)).toBe(200);
  return res;
};

function wellFormed(xml: string): Array<{ name: string; attrs: Record<string, string> }> {
  const p = new SaxesParser();
  const out: Array<{ name: string; attrs: Record<string, string> }> = [];
  p.on('error', (e) => {
    throw e;
  });
  p.on('opentag', (t) => out.push({ name: t.name, attrs: t.attributes as Record<string, string> }));
  p.write(xml).close();
  return out;
}

describe('API: export and import of files', () => {
  let seeded: FastifyInstance;
  let seededSnap: Snapshot;
  beforeAll(async () => {
    ({ app: seeded } = await sqliteApp({ seed: true }));
    seededSnap = await snapshotOf(seeded);
    expect(seededSnap.nodes.length).toBeGreaterThan(100);
  });
  afterAll(async () => seeded.close());

  describe('round trips into an empty store give an identical graph', () => {
    for (const [format, type] of [
      ['json', 'application/json'],
      ['gexf', 'application/gexf+xml'],
      ['graphml', 'application/graphml+xml'],
      ['xlsx', XLSX_TYPE],
    ] as const) {
      it(`${format}`, async () => {
        const res = await exportFile(seeded, `format=${format}`);
        expect(res.headers['content-type']).toContain(type.split(';')[0]);
        expect(res.headers['content-disposition']).toMatch(
          new RegExp(`attachment; filename="aktorsatlas-\\d{4}-\\d{2}-\\d{2}\\.${format}"`),
        );
        const { app: empty } = await sqliteApp();
        try {
          const imp = await empty.inject({
            method: 'POST',
            url: `/api/import?format=${format}`,
            headers: { 'content-type': type },
            payload: res.rawPayload,
          });
          expect(imp.statusCode, imp.body.slice(0, 2000)).toBe(200);
          expect(imp.json()).toMatchObject({
            dryRun: false,
            nodesCreated: seededSnap.nodes.length,
            relationsCreated: seededSnap.relations.length,
            nodesUpdated: 0,
            relationsUpdated: 0,
          });
          const after = await snapshotOf(empty);
          expect(content(after)).toEqual(content(seededSnap));
          // Provenance in particular: every source of every relation.
          const sources = (s: Snapshot) =>
            Object.fromEntries(s.relations.map((r) => [r.id, [r.evidence, r.sources, r.validFrom, r.validTo]]));
          expect(sources(after)).toEqual(sources(seededSnap));
        } finally {
          await empty.close();
        }
      });
    }
  });

  it('GEXF and GraphML are read by NetworkX with the same nodes, edges and attributes', () => {
    return (async () => {
      const dir = mkdtempSync(join(tmpdir(), 'aktorsatlas-nx-'));
      const gexf = join(dir, 'net.gexf');
      const graphml = join(dir, 'net.graphml');
      writeFileSync(gexf, (await exportFile(seeded, 'format=gexf')).rawPayload);
      writeFileSync(graphml, (await exportFile(seeded, 'format=graphml')).rawPayload);
      const script = `
import json, sys, networkx as nx
out = {}
for name, G in (('gexf', nx.read_gexf(sys.argv[1], version='1.3')), ('graphml', nx.read_graphml(sys.argv[2]))):
    edges = []
    if G.is_multigraph():
        for u, v, k, d in G.edges(keys=True, data=True):
            edges.append({'u': u, 'v': v, 'id': d.get('id', k), 'data': d})
    else:
        for u, v, d in G.edges(data=True):
            edges.append({'u': u, 'v': v, 'id': d.get('id'), 'data': d})
    out[name] = {'directed': G.is_directed(), 'nodes': {n: d for n, d in G.nodes(data=True)}, 'edges': edges}
print(json.dumps(out))
`;
      const result = JSON.parse(
        execFileSync('python3', ['-c', script, gexf, graphml], { encoding: 'utf8', maxBuffer: 64 * 1024 * 1024 }),
      ) as Record<
        string,
        {
          directed: boolean;
          nodes: Record<string, Record<string, unknown>>;
          edges: Array<{ u: string; v: string; id: string; data: Record<string, unknown> }>;
        }
      >;
      for (const name of ['gexf', 'graphml']) {
        const g = result[name];
        expect(g.directed).toBe(true);
        expect(Object.keys(g.nodes).sort()).toEqual(seededSnap.nodes.map((n) => n.id).sort());
        expect(g.edges).toHaveLength(seededSnap.relations.length);
        for (const n of seededSnap.nodes) {
          const d = g.nodes[n.id];
          expect(d.label).toBe(n.name);
          expect(d.kind).toBe(n.kind);
          if (n.nameEn !== undefined) expect(d.nameEn).toBe(n.nameEn);
          for (const [k, v] of Object.entries(n.props)) {
            if (Array.isArray(v) || (typeof v === 'object' && v !== null))
              expect(JSON.parse(String(d[`propjson_${k}`]))).toEqual(v);
            else expect(d[`prop_${k}`]).toEqual(v);
          }
        }
        const byId = new Map(g.edges.map((e) => [e.id, e]));
        for (const r of seededSnap.relations) {
          const e = byId.get(r.id)!;
          expect(e, r.id).toBeDefined();
          expect([e.u, e.v]).toEqual([r.from, r.to]);
          expect(e.data.type).toBe(r.type);
          expect(e.data.evidence).toBe(r.evidence);
          expect(e.data.weight).toBe(r.weight);
          expect(JSON.parse(String(e.data.sources))).toEqual(r.sources);
          expect(e.data.validFrom ?? null).toBe(r.validFrom);
          expect(e.data.validTo ?? null).toBe(r.validTo);
          for (const [k, v] of Object.entries(r.props)) expect(e.data[`prop_${k}`]).toEqual(v);
        }
      }
    })();
  });

  it('imports again what NetworkX writes back (GEXF 1.2draft and GraphML from another writer)', async () => {
    const dir = mkdtempSync(join(tmpdir(), 'aktorsatlas-nx-back-'));
    const [gexf, graphml, gexfOut, graphmlOut] = ['in.gexf', 'in.graphml', 'out.gexf', 'out.graphml'].map((f) =>
      join(dir, f),
    );
    writeFileSync(gexf, (await exportFile(seeded, 'format=gexf')).rawPayload);
    writeFileSync(graphml, (await exportFile(seeded, 'format=graphml')).rawPayload);
    const script = `
import sys, networkx as nx
nx.write_gexf(nx.read_gexf(sys.argv[1], version='1.3'), sys.argv[3], version='1.2draft')
nx.write_graphml(nx.read_graphml(sys.argv[2]), sys.argv[4])
`;
    execFileSync('python3', ['-c', script, gexf, graphml, gexfOut, graphmlOut]);
    expect(readFileSync(gexfOut, 'utf8')).toContain('http://www.gexf.net/1.2draft');
    for (const [file, format] of [
      [gexfOut, 'gexf'],
      [graphmlOut, 'graphml'],
    ] as const) {
      const { app: empty } = await sqliteApp();
      try {
        const imp = await empty.inject({
          method: 'POST',
          url: `/api/import?format=${format}`,
          headers: { 'content-type': 'application/xml' },
          payload: readFileSync(file),
        });
        expect(imp.statusCode, imp.body.slice(0, 2000)).toBe(200);
        expect(content(await snapshotOf(empty))).toEqual(content(seededSnap));
      } finally {
        await empty.close();
      }
    }
  });

  it('SVG of the view is well-formed XML with a legend, title, date and source line', async () => {
    const res = await exportFile(
      seeded,
      'format=svg&kinds=Organisation,Network&relationTypes=MEMBER_OF&title=' +
        encodeURIComponent('Medlemskap <&> nätverk'),
    );
    expect(res.headers['content-type']).toContain('image/svg+xml');
    const elements = wellFormed(res.body);
    expect(elements[0].name).toBe('svg');
    expect(elements.filter((e) => e.name === 'g').map((e) => e.attrs.class)).toEqual(
      expect.arrayContaining(['legend', 'title', 'footer', 'nodes', 'edges']),
    );
    expect(res.body).toContain('Medlemskap &lt;&amp;&gt; nätverk');
    expect(res.body).toMatch(/\d{4}-\d{2}-\d{2}/);
    expect(res.body).toContain('Källa: Aktörsatlas');
    expect(res.body).toContain('Färg: Typ av aktör');
    const orgs = seededSnap.nodes.filter((n) => n.kind === 'Organisation' || n.kind === 'Network').length;
    expect(elements.filter((e) => e.attrs['data-node'] !== undefined)).toHaveLength(orgs);
  });

  it('uses a saved view’s positions and filters', async () => {
    const [a, b] = seededSnap.nodes.filter((n) => n.kind === 'Organisation');
    const put = await seeded.inject({
      method: 'PUT',
      url: '/api/views/export-test',
      payload: {
        state: {
          format: 'aktorsatlas-view',
          version: 1,
          view: { filters: { kinds: ['Organisation'], relationTypes: null, asOf: null, evidence: ['confirmed'] } },
          positions: { [a.id]: [10, 20], [b.id]: [-5, 3.5] },
        },
      },
    });
    expect(put.statusCode, put.body).toBeLessThan(300);
    const gexf = (await exportFile(seeded, 'format=gexf&view=export-test')).body;
    const els = wellFormed(gexf);
    expect(els.filter((e) => e.name === 'node').length).toBe(
      seededSnap.nodes.filter((n) => n.kind === 'Organisation').length,
    );
    const positions = els.filter((e) => e.name === 'viz:position');
    expect(positions).toHaveLength(2);
    expect(positions).toEqual(
      expect.arrayContaining([
        { name: 'viz:position', attrs: { x: '10', y: '20', z: '0' } },
        { name: 'viz:position', attrs: { x: '-5', y: '3.5', z: '0' } },
      ]),
    );
    // The view's evidence filter applies: only confirmed relations are exported.
    expect(els.filter((e) => e.name === 'edge').length).toBeGreaterThan(0);
    expect(
      els
        .filter((e) => e.name === 'attvalue' && e.attrs.for === 'evidence')
        .every((e) => e.attrs.value === 'confirmed'),
    ).toBe(true);
  });

  it('answers problem+json for a PNG over the pixel limit (PNG and PDF themselves: test/api/report.test.ts)', async () => {
    const res = await seeded.inject({ method: 'GET', url: '/api/export?format=png&width=8000&height=8000&scale=4' });
    expect(res.statusCode).toBe(413);
    expect(res.headers['content-type']).toContain('application/problem+json');
    expect(res.json()).toMatchObject({ status: 413, code: 'image_too_large' });
  });

  it('serves the import template as XLSX and CSV, Swedish and English', async () => {
    const x = await seeded.inject({ method: 'GET', url: '/api/import/template?format=xlsx&lang=sv' });
    expect(x.statusCode).toBe(200);
    const wb = readXlsx(new Uint8Array(x.rawPayload));
    expect(wb.sheets.map((s) => s.name)).toEqual(['Aktörer', 'Relationer', 'Instruktioner']);
    expect(wb.sheets[0].rows[0].slice(0, 3).map((c) => c?.text)).toEqual(['Id', 'Nodtyp', 'Namn']);
    const c = await seeded.inject({ method: 'GET', url: '/api/import/template?format=csv&lang=en&table=relations' });
    expect(c.body.slice(1, 60)).toBe('Id;Relation type;From;To;Evidence;Source URL;Source title;S'.slice(0, 59));
  });
});

describe('API: spreadsheet imports', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    ({ app } = await sqliteApp());
  });
  afterAll(async () => app.close());

  it('imports a Swedish-Excel CSV pair (Windows-1252, semicolons): preview first, then commit, then upsert', async () => {
    const files = () =>
      multipart([
        {
          field: 'actors',
          filename: 'aktorer-excel-sv-1252.csv',
          type: 'text/csv',
          data: sample('aktorer-excel-sv-1252.csv'),
        },
        {
          field: 'relations',
          filename: 'relationer-excel-sv-1252.csv',
          type: 'text/csv',
          data: sample('relationer-excel-sv-1252.csv'),
        },
      ]);
    const preview = await app.inject({ method: 'POST', url: '/api/import?format=csv&dryRun=true', ...files() });
    expect(preview.statusCode, preview.body).toBe(200);
    const p = preview.json();
    expect(p).toMatchObject({
      dryRun: true,
      format: 'csv',
      encoding: 'windows-1252',
      nodes: 4,
      relations: 3,
      nodesCreated: 4,
      relationsCreated: 3,
    });
    expect(p.report).toEqual(
      expect.arrayContaining([
        expect.objectContaining({
          severity: 'warning',
          sheet: 'aktorer-excel-sv-1252.csv',
          row: 3,
          column: 'Kommunkod',
          code: 'value_adjusted',
        }),
      ]),
    );
    expect(p.mapping[0].columns.slice(0, 5)).toEqual([
      { header: 'Id', field: 'id' },
      { header: 'Nodtyp', field: 'kind' },
      { header: 'Namn', field: 'name' },
      { header: 'Namn (engelska)', field: 'nameEn' },
      { header: 'Typ', field: 'props.orgType|props.networkType' },
    ]);
    expect(await counts(app)).toEqual([0, 0]);

    const commit = await app.inject({ method: 'POST', url: '/api/import?format=csv', ...files() });
    expect(commit.statusCode, commit.body).toBe(200);
    expect(commit.json()).toMatchObject({ dryRun: false, nodesCreated: 4, relationsCreated: 3 });
    const snap = await snapshotOf(app);
    const byName = new Map(snap.nodes.map((n) => [n.name, n]));
    expect(byName.get('Ölands Kvarn & Båt AB')).toMatchObject({
      id: 'org:olands-kvarn-bat-ab',
      props: { orgType: 'arbetsgivare', orgnr: '556036-0793', kommunkod: '0686', level: 'lokal', active: true },
    });
    expect(byName.get('Höglandets Vårdförbund')).toMatchObject({
      id: 'org:hoglandets-vardforbund',
      nameEn: 'Highland Care Federation',
      props: { orgType: 'kommunalforbund', kommunkod: '0687' },
    });
    expect(byName.get('Eksjö Näringslivsråd')!.props).toMatchObject({
      worksWith: ['validering', 'unga'],
      active: false,
    });
    expect(byName.get('Kompetensrådet Höglandet')).toMatchObject({
      kind: 'Network',
      props: { networkType: 'kompetensrad', level: 'delregional' },
    });
    const member = snap.relations.find((r) => r.from === 'org:olands-kvarn-bat-ab')!;
    expect(member).toMatchObject({
      type: 'MEMBER_OF',
      to: 'nw:kompetensrad-hoglandet',
      evidence: 'confirmed',
      weight: 1.5,
      validFrom: '2024-01-01',
      validTo: null,
      note: 'Invald i mars; "ordinarie" ledamot, arvode 2 000 €',
      sources: [
        {
          url: 'https://example.se/protokoll-2024-03',
          title: 'Protokoll från kompetensrådet – mars 2024',
          date: '2024-03-12',
        },
      ],
      props: { role: 'Ledamot', seats: 2 },
    });
    expect(snap.relations.find((r) => r.type === 'COLLABORATES_WITH')).toMatchObject({
      from: 'org:hoglandets-vardforbund',
      to: 'org:eksjo-naringslivsrad',
      evidence: 'probable',
    });

    // The same files again: every row finds its record (by id, by organisationsnummer, by its generated id).
    const again = await app.inject({ method: 'POST', url: '/api/import?format=csv', ...files() });
    expect(again.json()).toMatchObject({ nodesCreated: 0, nodesUpdated: 4, relationsCreated: 0, relationsUpdated: 3 });
    expect(await counts(app)).toEqual([4, 3]);
  });

  it('a file with three bad rows imports nothing, and the report names the three rows and why', async () => {
    const before = await counts(app);
    const res = await app.inject({
      method: 'POST',
      url: '/api/import?format=csv&table=actors',
      headers: { 'content-type': 'text/csv' },
      payload: sample('aktorer-tre-fel-1252.csv'),
    });
    expect(res.statusCode).toBe(400);
    expect(res.headers['content-type']).toContain('application/problem+json');
    const body = res.json();
    expect(body.code).toBe('validation_failed');
    expect(body.detail).toMatch(/^3 record\(s\)/);
    const errors = body.report.filter((r: { severity: string }) => r.severity === 'error');
    expect(errors.map((r: { row: number; column: string; code: string }) => [r.row, r.column, r.code])).toEqual([
      [3, 'Nodtyp', 'unknown_kind'],
      [5, 'Organisationsnummer', 'orgnr_checksum'],
      [6, 'Namn', 'formula'],
    ]);
    expect(errors[0].message.sv).toContain('Okänd nodtyp "Företagare"');
    expect(errors[1].message.sv).toMatch(/kontrollsiffra/);
    expect(errors[2].message.en).toMatch(/formula \(=HYPERLINK/);
    expect(errors.every((r: { sheet: string }) => r.sheet === 'actors')).toBe(true);
    expect(await counts(app)).toEqual(before);
  });

  it('imports an XLSX workbook built with our writer (English headers), names resolved across sheets', async () => {
    const bytes = writeXlsx([
      {
        name: 'Actors',
        rows: [
          ['Id', 'Kind', 'Name', 'Type', 'Municipality code', 'Places', 'Form'],
          ['org:savsjo-kommun-x', 'Organisation', 'Sävsjö kommun (x)', 'Municipality', '0684', null, null],
          [null, 'Education programme', 'Vård- och omsorgsprogrammet Sävsjö', null, null, 24, 'Upper secondary'],
        ],
      },
      {
        name: 'Relations',
        rows: [
          ['Relation type', 'From', 'To', 'Evidence', 'Source URL', 'Source title', 'Valid from'],
          [
            'operates',
            'Sävsjö kommun (x)',
            'Vård- och omsorgsprogrammet Sävsjö',
            'confirmed',
            'https://example.se/savsjo',
            'Sävsjö kommun: utbildningar',
            '2022-08-15',
          ],
        ],
      },
    ]);
    const res = await app.inject({
      method: 'POST',
      url: '/api/import',
      headers: { 'content-type': XLSX_TYPE },
      payload: Buffer.from(bytes),
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({ format: 'xlsx', nodesCreated: 2, relationsCreated: 1 });
    const snap = await snapshotOf(app);
    expect(snap.nodes.find((n) => n.name === 'Vård- och omsorgsprogrammet Sävsjö')).toMatchObject({
      id: 'edu:vard-och-omsorgsprogrammet-savsjo',
      kind: 'EducationProgramme',
      props: { places: 24, form: 'gymnasium' },
    });
    expect(snap.relations.find((r) => r.type === 'OPERATES')).toMatchObject({
      from: 'org:savsjo-kommun-x',
      to: 'edu:vard-och-omsorgsprogrammet-savsjo',
      validFrom: '2022-08-15',
    });
  });

  it('refuses formula cells of an Excel workbook by sheet, row and column', async () => {
    const before = await counts(app);
    const res = await app.inject({
      method: 'POST',
      url: '/api/import?format=xlsx&dryRun=true',
      headers: { 'content-type': XLSX_TYPE },
      payload: Buffer.from(excelStyleWorkbook()),
    });
    expect(res.statusCode).toBe(400);
    const errors = res.json().report.filter((r: { severity: string }) => r.severity === 'error');
    expect(errors).toEqual(
      expect.arrayContaining([expect.objectContaining({ sheet: 'Aktörer', row: 4, column: 'Namn', code: 'formula' })]),
    );
    expect(errors).toEqual(
      expect.arrayContaining([expect.objectContaining({ sheet: 'Relationer', row: 1, code: 'missing_column' })]),
    );
    expect(await counts(app)).toEqual(before);
  });

  it('reads Kumu’s columns, with a default source for connections that have none', async () => {
    const files = () =>
      multipart([
        { field: 'actors', filename: 'kumu-elements.csv', type: 'text/csv', data: sample('kumu-elements.csv') },
        {
          field: 'relations',
          filename: 'kumu-connections.csv',
          type: 'text/csv',
          data: sample('kumu-connections.csv'),
        },
      ]);
    const without = await app.inject({ method: 'POST', url: '/api/import?format=csv', ...files() });
    expect(without.statusCode).toBe(400);
    expect(
      without
        .json()
        .report.filter((r: { severity: string }) => r.severity === 'error')
        .map((r: { code: string }) => r.code),
    ).toEqual(['missing_column', 'missing_column']);
    const url =
      '/api/import?format=csv&defaultSourceUrl=' +
      encodeURIComponent('https://kumu.io/aktorsatlas/karta') +
      '&defaultSourceTitle=Kumu-karta&defaultEvidence=probable';
    const res = await app.inject({ method: 'POST', url, ...files() });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json()).toMatchObject({
      encoding: 'utf-8-bom',
      nodesCreated: 2,
      relationsCreated: 1,
      mapping: [{ dialect: 'kumu' }, { dialect: 'template' }],
    });
    const snap = await snapshotOf(app);
    expect(snap.relations.find((r) => r.to === 'nw:teknikcollege-jonkoping')).toMatchObject({
      type: 'MEMBER_OF',
      from: 'org:jonkopings-tekniska-gymnasium',
      evidence: 'probable',
      sources: [{ url: 'https://kumu.io/aktorsatlas/karta', title: 'Kumu-karta' }],
      note: 'Medlem sedan 2019',
    });
  });

  it('warns of likely duplicates in the preview without stopping the import', async () => {
    const csv = Buffer.from('Namn;Nodtyp;Typ\nÖlands Kvarn och Båt;Organisation;Arbetsgivare\n', 'utf8');
    const res = await app.inject({
      method: 'POST',
      url: '/api/import?format=csv&table=actors&dryRun=true',
      headers: { 'content-type': 'text/csv' },
      payload: csv,
    });
    expect(res.statusCode, res.body).toBe(200);
    expect(res.json().report).toEqual([
      expect.objectContaining({
        severity: 'warning',
        row: 2,
        column: 'Namn',
        code: 'likely_duplicate',
        message: expect.objectContaining({ sv: expect.stringContaining('org:olands-kvarn-bat-ab') }),
      }),
    ]);
  });

  it('neutralises text cells that could run as formulas in CSV and XLSX exports', async () => {
    const names = ['=HYPERLINK("http://evil.example","x")', '+cmd|calc', '-2+3', '@SUM(A1)', '\tTabbed', '\rReturn'];
    for (const [i, name] of names.entries()) {
      const r = await app.inject({
        method: 'POST',
        url: '/api/nodes',
        payload: { id: `org:formula-${i}`, kind: 'Organisation', name, props: { orgType: 'arbetsgivare' } },
      });
      expect(r.statusCode, r.body).toBe(201);
    }
    const csv = await exportFile(app, 'format=csv&table=nodes');
    const rows = parseCsv(csv.body.replace(/^\uFEFF/, ''), ',');
    const csvNames = rows.filter((r) => r[0]?.startsWith('org:formula-')).map((r) => r[2]);
    expect(csvNames).toEqual(names.map((n) => `'${n}`));
    const xlsx = readXlsx(new Uint8Array((await exportFile(app, 'format=xlsx')).rawPayload));
    const sheet = xlsx.sheets.find((s) => s.name === 'Aktörer')!;
    const cells = sheet.rows.filter((r) => r[0]?.text.startsWith('org:formula-')).map((r) => r[2]!);
    expect(cells.map((c) => c.text)).toEqual(names.map((n) => `'${n}`));
    expect(cells.every((c) => c.formula === undefined)).toBe(true);
    for (const sheetRows of xlsx.sheets.map((s) => s.rows)) {
      for (const cell of sheetRows.flat())
        if (cell && !cell.numeric) expect(/^[=+\-@\t\r]/.test(cell.text)).toBe(false);
    }
    // And they import back as the names they were.
    const { app: other } = await sqliteApp();
    try {
      const res = await other.inject({
        method: 'POST',
        url: '/api/import?format=csv&table=actors',
        headers: { 'content-type': 'text/csv' },
        payload: csv.rawPayload,
      });
      expect(res.statusCode, res.body).toBe(200);
      const back = await snapshotOf(other);
      expect(names.map((_, i) => back.nodes.find((n) => n.id === `org:formula-${i}`)?.name)).toEqual(names);
    } finally {
      await other.close();
    }
  });
});

describe('API: hostile and oversized files', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    ({ app } = await sqliteApp());
    const r = await app.inject({
      method: 'POST',
      url: '/api/nodes',
      payload: { id: 'org:a', kind: 'Organisation', name: 'A', props: { orgType: 'kommun' } },
    });
    expect(r.statusCode).toBe(201);
  });
  afterAll(async () => app.close());

  const hostile: Array<[string, string, string]> = [
    ['XXE in GraphML', 'graphml', XXE],
    ['billion laughs in GEXF', 'gexf', BILLION_LAUGHS],
    // A larger billion laughs: a megabyte of entity declarations after the DOCTYPE.
    [
      'a megabyte of entities',
      'gexf',
      BILLION_LAUGHS.replace('<!ENTITY lol "lol">', '<!ENTITY lol "lol">' + '<!ENTITY pad "x">'.repeat(60_000)),
    ],
  ];
  for (const [name, format, xml] of hostile) {
    it(`refuses ${name} with 400, quickly and in bounded memory, and writes nothing`, async () => {
      global.gc?.();
      const heapBefore = process.memoryUsage().heapUsed;
      const started = performance.now();
      const res = await app.inject({
        method: 'POST',
        url: `/api/import?format=${format}`,
        headers: { 'content-type': 'application/xml' },
        payload: xml,
      });
      const ms = performance.now() - started;
      const grown = process.memoryUsage().heapUsed - heapBefore;
      expect(res.statusCode).toBe(400);
      expect(res.json()).toMatchObject({
        code: 'xml_doctype',
        report: [expect.objectContaining({ severity: 'error', row: 2, code: 'xml_doctype' })],
      });
      expect(grown).toBeLessThan(50 * 1024 * 1024);
      expect(ms).toBeLessThan(1000);
      expect(await counts(app)).toEqual([1, 0]);
    });
  }

  it('refuses files over the upload limit with 413', async () => {
    const big = Buffer.alloc(50 * 1024 * 1024 + 1, 0x41);
    for (const type of ['application/gexf+xml', 'text/csv', XLSX_TYPE]) {
      const res = await app.inject({
        method: 'POST',
        url: '/api/import',
        headers: { 'content-type': type },
        payload: big,
      });
      expect(res.statusCode).toBe(413);
      expect(res.json()).toMatchObject({ status: 413, code: 'body_too_large' });
    }
    const mp = multipart([{ field: 'actors', filename: 'big.csv', type: 'text/csv', data: big }]);
    const res = await app.inject({ method: 'POST', url: '/api/import?format=csv', ...mp });
    expect(res.statusCode).toBe(413);
    expect(await counts(app)).toEqual([1, 0]);
  });

  it('names a wrong encoding, a workbook that is not one, and an unknown kind in GEXF', async () => {
    const latin = Buffer.from([...Buffer.from('Namn;Nodtyp\n'), 0xc5, 0x73, 0x61, ...Buffer.from(';Organisation\n')]);
    const enc = await app.inject({
      method: 'POST',
      url: '/api/import?format=csv&table=actors&encoding=utf-8',
      headers: { 'content-type': 'text/csv' },
      payload: latin,
    });
    expect(enc.statusCode).toBe(400);
    expect(enc.json()).toMatchObject({
      code: 'encoding',
      report: [
        expect.objectContaining({
          row: 2,
          message: expect.objectContaining({ en: expect.stringMatching(/not valid UTF-8 \(byte 0xC5 on line 2\)/) }),
        }),
      ],
    });
    const notXlsx = await app.inject({
      method: 'POST',
      url: '/api/import',
      headers: { 'content-type': XLSX_TYPE },
      payload: Buffer.from('Namn;Nodtyp\n'),
    });
    expect(notXlsx.statusCode).toBe(400);
    expect(notXlsx.json().code).toBe('xlsx_not_zip');
    const gexf = `<?xml version="1.0"?>\n<gexf xmlns="http://gexf.net/1.3" version="1.3"><graph defaultedgetype="directed">\n<attributes class="node"><attribute id="kind" title="kind" type="string"/></attributes>\n<nodes>\n<node id="org:b" label="B"><attvalues><attvalue for="kind" value="Company"/></attvalues></node>\n<node id="org:b" label="B again"><attvalues><attvalue for="kind" value="Organisation"/></attvalues></node>\n</nodes><edges>\n<edge id="rel:x" source="org:b" target="org:nowhere"><attvalues></attvalues></edge>\n</edges></graph></gexf>`;
    const res = await app.inject({
      method: 'POST',
      url: '/api/import?format=gexf',
      headers: { 'content-type': 'application/xml' },
      payload: gexf,
    });
    expect(res.statusCode).toBe(400);
    const rows = res
      .json()
      .report.map((r: { sheet: string; row: number; column: string; code: string }) => [
        r.sheet,
        r.row,
        r.column,
        r.code,
      ]);
    expect(rows).toEqual(
      expect.arrayContaining([
        ['nodes', 5, 'kind', 'unknown_kind'],
        ['nodes', 6, 'id', 'duplicate_id'],
        ['nodes', 6, 'prop_orgType', 'required'],
        ['edges', 8, 'type', 'missing_type'],
        ['edges', 8, 'sources', 'required'],
      ]),
    );
    expect(await counts(app)).toEqual([1, 0]);
  });
});

describe('CLI: export --format gexf|graphml|csv|xlsx|svg and import-file', () => {
  const BIN = new URL('../../bin/aktorsatlas.js', import.meta.url).pathname;
  const dir = mkdtempSync(join(tmpdir(), 'aktorsatlas-cli-exchange-'));
  const cli = (args: string[], db: string) =>
    spawnSync('node', [BIN, ...args], { encoding: 'utf8', env: { ...process.env, AKTORSATLAS_DB: db, NEO4J_URI: '' } });

  it('exports every format of the seeded network from the command line (real Node, no bundler)', () => {
    const db = join(dir, 'seeded.db');
    expect(cli(['seed'], db).status).toBe(0);
    for (const format of ['gexf', 'graphml', 'csv', 'xlsx', 'svg']) {
      const file = join(dir, `out.${format}`);
      const r = cli(
        [
          'export',
          '--format',
          format,
          '-o',
          file,
          '--lang',
          'en',
          ...(format === 'csv' ? ['--table', 'relations'] : []),
        ],
        db,
      );
      expect(r.status, r.stderr).toBe(0);
      const bytes = readFileSync(file);
      if (format === 'xlsx')
        expect(readXlsx(new Uint8Array(bytes)).sheets.map((s) => s.name)).toEqual(['Actors', 'Relations']);
      else if (format === 'csv') expect(bytes.toString('utf8').slice(1, 30)).toBe('Id,Relation type,From,From (n');
      else expect(wellFormed(bytes.toString('utf8')).length).toBeGreaterThan(100);
    }
    const bmp = cli(['export', '--format', 'bmp'], db);
    expect(bmp.status).not.toBe(0);
  }, 300_000);

  it('imports files with a report: a Swedish-Excel CSV pair, then a file with three bad rows (exit 2, nothing written)', () => {
    const db = join(dir, 'empty.db');
    const s = (name: string) => new URL(name, SAMPLES).pathname;
    const dry = cli(
      ['import-file', s('aktorer-excel-sv-1252.csv'), s('relationer-excel-sv-1252.csv'), '--dry-run'],
      db,
    );
    expect(dry.status, dry.stderr).toBe(0);
    expect(dry.stdout).toContain(
      'would import (dry run, nothing written): 4 nodes created, 0 updated; 3 relations created',
    );
    expect(dry.stderr).toContain('read as windows-1252');
    const bad = cli(['import-file', s('aktorer-tre-fel-1252.csv'), '--table', 'actors'], db);
    expect(bad.status).toBe(2);
    expect(bad.stderr).toContain('row 3, Nodtyp: Unknown kind "Företagare"');
    expect(bad.stderr).toContain('row 5, Organisationsnummer');
    expect(bad.stderr).toContain('row 6, Namn: The cell holds a formula');
    const commit = cli(['import-file', s('aktorer-excel-sv-1252.csv'), s('relationer-excel-sv-1252.csv')], db);
    expect(commit.stdout).toContain('imported: 4 nodes created');
  }, 180_000);
});
