import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { strToU8, zipSync, Deflate } from 'fflate';
import { buildApp } from '../../server/app.js';
import { SqliteStore } from '../../server/store/sqlite/sqlite-store.js';
import { Neo4jStore } from '../../server/store/neo4j/neo4j-store.js';
import type { GraphStore } from '../../server/store/graph-store.js';
import { writeXlsx, readXlsx } from '../../core/exchange/xlsx.js';
import { ExchangeError } from '../../core/exchange/errors.js';
import { describeNeo4j } from '../helpers/neo4j.js';
import { tempDbPath } from '../helpers/app.js';

/**
 * Issue 18, import limits decided up front: string lengths are the first check of an import (JSON, CSV, XLSX), so
 * the duplicate-name check and validation never run on a 300,000-character name; and a workbook is inflated as a
 * stream that stops at the cap, whatever sizes its zip headers claim.
 */

const XLSX_TYPE = 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet';
const LONG = 300_000;
const longName = (c: string) => `Kommun ${c.repeat(LONG)}`;

type Report = Array<{ severity: string; code: string; column?: string | null; row?: number | null }>;

function storeSuite(label: string, open: () => Promise<GraphStore>): void {
  describe(`import text limits on ${label}`, () => {
    let app: FastifyInstance;
    beforeAll(async () => {
      app = await buildApp({ store: await open() });
    });
    afterAll(async () => app?.close());

    it('JSON: an over-long name is reported as too_long before any other check (no unknown kind, no duplicate)', async () => {
      const node = (id: string, name: string, kind = 'Organisation') => ({
        id,
        kind,
        name,
        props: { orgType: 'arbetsgivare' },
      });
      const res = await app.inject({
        method: 'POST',
        url: '/api/import?dryRun=true',
        payload: {
          nodes: [
            node('org:lang-a', longName('a')),
            node('org:lang-b', `${longName('a')}b`),
            node('org:okand', 'Okänd', 'NoSuchKind'),
          ],
          relations: [],
        },
      });
      expect(res.statusCode).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      const body = res.json();
      expect(body.problems.map((p: { path: string; code: string }) => [p.path, p.code])).toEqual([
        ['/nodes/0/name', 'too_long'],
        ['/nodes/1/name', 'too_long'],
      ]);
      expect(body.problems[0].message.sv).toContain('högst 300 tecken');
      expect((body.report as Report).some((r) => r.code === 'likely_duplicate')).toBe(false);
    });

    it('CSV: an over-long name is refused with too_long on its row and column', async () => {
      const csv = `Namn;Nodtyp;Typ\n${longName('å')};Organisation;Arbetsgivare\n${longName('å')}x;Organisation;Arbetsgivare\n`;
      const res = await app.inject({
        method: 'POST',
        url: '/api/import?dryRun=true&format=csv&table=actors',
        headers: { 'content-type': 'text/csv' },
        payload: Buffer.from(csv, 'utf8'),
      });
      expect(res.statusCode).toBe(400);
      const errors = (res.json().report as Report).filter((r) => r.severity === 'error');
      expect(errors.map((r) => [r.row, r.column, r.code])).toEqual([
        [2, 'Namn', 'too_long'],
        [3, 'Namn', 'too_long'],
      ]);
    });

    it('XLSX: a 1,000,000-character name in a tiny workbook is refused with too_long', async () => {
      const name = 'x'.repeat(1_000_000);
      const bytes = writeXlsx([
        {
          name: 'Aktörer',
          rows: [
            ['Namn', 'Nodtyp', 'Typ'],
            [name, 'Organisation', 'Arbetsgivare'],
            [`${name}y`, 'Organisation', 'Arbetsgivare'],
          ],
        },
      ]);
      expect(bytes.length).toBeLessThan(20_000);
      const res = await app.inject({
        method: 'POST',
        url: '/api/import?dryRun=true',
        headers: { 'content-type': XLSX_TYPE },
        payload: Buffer.from(bytes),
      });
      expect(res.statusCode).toBe(400);
      const errors = (res.json().report as Report).filter((r) => r.severity === 'error');
      expect(errors.map((r) => [r.row, r.column, r.code])).toEqual([
        [2, 'Namn', 'too_long'],
        [3, 'Namn', 'too_long'],
      ]);
    });

    // Past 1 MiB a JSON body is parsed and checked in the worker (server/routes/import.ts): the same answers.
    const bigJson = (nodes: unknown[]) =>
      JSON.stringify({ nodes, relations: [], exportedAt: `2026-12-07 ${'x'.repeat(1_100_000)}` });
    const org = (id: string, name: string) => ({ id, kind: 'Organisation', name, props: { orgType: 'arbetsgivare' } });

    it('JSON over 1 MiB: imported through the worker, and the node is stored', async () => {
      // A fresh id each run: the Neo4j test server keeps what earlier runs wrote.
      const id = `org:stor-json-${Date.now()}`;
      const payload = bigJson([org(id, 'Stor JSON-fil AB')]);
      expect(payload.length).toBeGreaterThan(1024 * 1024);
      const res = await app.inject({
        method: 'POST',
        url: '/api/import',
        headers: { 'content-type': 'application/json' },
        payload,
      });
      expect(res.statusCode).toBe(200);
      expect(res.json()).toMatchObject({ nodesCreated: 1 });
      expect((await app.inject({ method: 'GET', url: `/api/nodes/${id}` })).json().name).toBe('Stor JSON-fil AB');
    });

    it('JSON over 1 MiB: a lone surrogate and bad JSON are refused with 400 problem+json, nothing written', async () => {
      const bad = bigJson([org('org:stor-bad', 'Ensamt \udfff tecken')]);
      const res = await app.inject({
        method: 'POST',
        url: '/api/import',
        headers: { 'content-type': 'application/json' },
        payload: bad,
      });
      expect(res.statusCode).toBe(400);
      expect(res.headers['content-type']).toContain('application/problem+json');
      expect(JSON.stringify(res.json())).toContain('lone_surrogate');
      expect((await app.inject({ method: 'GET', url: '/api/nodes/org:stor-bad' })).statusCode).toBe(404);
      const broken = await app.inject({
        method: 'POST',
        url: '/api/import',
        headers: { 'content-type': 'application/json' },
        payload: `${bigJson([])}}`,
      });
      expect(broken.statusCode).toBe(400);
      expect(broken.headers['content-type']).toContain('application/problem+json');
    });
  });
}

storeSuite('SQLite', async () => new SqliteStore(tempDbPath()));
describeNeo4j('import text limits on Neo4j', (uri) => {
  storeSuite('Neo4j', () => Neo4jStore.open({ uri }));
});

/** A deflate stream of `mib` MiB of one letter, made in steps so the test itself never holds it inflated. */
function deflatedLetters(mib: number): Uint8Array {
  const out: Uint8Array[] = [];
  const d = new Deflate({ level: 6 }, (chunk) => out.push(chunk));
  const step = new Uint8Array(1024 * 1024).fill(0x41);
  for (let i = 0; i < mib; i++) d.push(step, i === mib - 1);
  const all = new Uint8Array(out.reduce((s, c) => s + c.length, 0));
  let at = 0;
  for (const c of out) {
    all.set(c, at);
    at += c.length;
  }
  return all;
}

/** Replaces the stored sheet of a zip by `data` (raw deflate), with both headers claiming it inflates to 100 bytes. */
function lyingZip(data: Uint8Array): Uint8Array {
  const head = `<worksheet xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main"><sheetData/></worksheet>`;
  const zip = zipSync(
    {
      'xl/workbook.xml': strToU8(
        '<workbook xmlns="http://schemas.openxmlformats.org/spreadsheetml/2006/main" xmlns:r="http://schemas.openxmlformats.org/officeDocument/2006/relationships"><sheets><sheet name="Aktörer" sheetId="1" r:id="rId1"/></sheets></workbook>',
      ),
      'xl/worksheets/sheet1.xml': [strToU8(head), { level: 0 }],
    },
    { level: 0 },
  );
  // Rebuild by hand: local header + data + central directory entry, with the sheet's data swapped for `data`.
  const dv = new DataView(zip.buffer, zip.byteOffset, zip.byteLength);
  const parts: Uint8Array[] = [];
  const central: Uint8Array[] = [];
  let offset = 0;
  for (let i = 0; dv.getUint32(i, true) === 0x04034b50;) {
    const nameLen = dv.getUint16(i + 26, true);
    const extraLen = dv.getUint16(i + 28, true);
    const size = dv.getUint32(i + 18, true);
    const name = new TextDecoder().decode(zip.subarray(i + 30, i + 30 + nameLen));
    const body =
      name === 'xl/worksheets/sheet1.xml'
        ? data
        : zip.subarray(i + 30 + nameLen + extraLen, i + 30 + nameLen + extraLen + size);
    const local = new Uint8Array(30 + nameLen);
    local.set(zip.subarray(i, i + 30 + nameLen));
    const lv = new DataView(local.buffer);
    lv.setUint16(28, 0, true);
    if (name === 'xl/worksheets/sheet1.xml') {
      lv.setUint16(8, 8, true); // deflate
      lv.setUint32(18, data.length, true);
      lv.setUint32(22, 100, true); // the lie
      lv.setUint32(14, 0, true);
    }
    const c = new Uint8Array(46 + nameLen);
    const cv = new DataView(c.buffer);
    cv.setUint32(0, 0x02014b50, true);
    cv.setUint16(4, 20, true);
    // Version needed, flags, method, time, date, CRC, sizes, name and extra lengths: as in the local header.
    c.set(local.subarray(4, 30), 6);
    cv.setUint32(42, offset, true);
    c.set(local.subarray(30, 30 + nameLen), 46);
    parts.push(local, body);
    central.push(c);
    offset += local.length + body.length;
    i += 30 + nameLen + extraLen + size;
  }
  const cdSize = central.reduce((s, c) => s + c.length, 0);
  const end = new Uint8Array(22);
  const ev = new DataView(end.buffer);
  ev.setUint32(0, 0x06054b50, true);
  ev.setUint16(8, central.length, true);
  ev.setUint16(10, central.length, true);
  ev.setUint32(12, cdSize, true);
  ev.setUint32(16, offset, true);
  const all = [...parts, ...central, end];
  const out = new Uint8Array(all.reduce((s, c) => s + c.length, 0));
  let at = 0;
  for (const p of all) {
    out.set(p, at);
    at += p.length;
  }
  return out;
}

describe('XLSX inflated as a capped stream', () => {
  it('stops a part whose zip headers claim 100 bytes but which inflates to 64 MiB at the part cap', () => {
    const bytes = lyingZip(deflatedLetters(64));
    expect(bytes.length).toBeLessThan(200_000);
    let caught: unknown;
    try {
      readXlsx(bytes, { maxPartBytes: 8 * 1024 * 1024 });
    } catch (err) {
      caught = err;
    }
    expect(caught).toBeInstanceOf(ExchangeError);
    expect((caught as ExchangeError).code).toBe('xlsx_too_large_unzipped');
    expect((caught as ExchangeError).details.part).toBe('xl/worksheets/sheet1.xml');
  });
});
