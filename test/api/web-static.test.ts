import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { mkdirSync, mkdtempSync, writeFileSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { gunzipSync } from 'node:zlib';
import { buildApp } from '../../server/app.js';
import { SqliteStore } from '../../server/store/sqlite/sqlite-store.js';
import { tempDbPath } from '../helpers/app.js';

describe('the built front end, served from memory', () => {
  let app: FastifyInstance;
  const code = `export const atlas = ${JSON.stringify('Aktörsatlas '.repeat(400))};\n`;
  beforeAll(async () => {
    const webRoot = mkdtempSync(join(tmpdir(), 'aktorsatlas-web-'));
    writeFileSync(
      join(webRoot, 'index.html'),
      '<!doctype html><script type="module" src="/assets/app-1a2b.js"></script>',
    );
    mkdirSync(join(webRoot, 'assets'));
    writeFileSync(join(webRoot, 'assets', 'app-1a2b.js'), code);
    writeFileSync(join(webRoot, 'assets', 'logo.png'), Buffer.from([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]));
    app = await buildApp({ store: new SqliteStore(tempDbPath()), webRoot });
    await app.ready();
    writeFileSync(join(webRoot, 'assets', 'late.js'), 'added after start-up'); // not served: read at start-up
  });
  afterAll(async () => app.close());

  it('sends hashed assets gzip-compressed to clients that accept it, cached for a year', async () => {
    const res = await app.inject({ method: 'GET', url: '/assets/app-1a2b.js', headers: { 'accept-encoding': 'gzip' } });
    expect(res.statusCode).toBe(200);
    expect(res.headers['content-encoding']).toBe('gzip');
    expect(res.headers['content-type']).toBe('text/javascript; charset=utf-8');
    expect(res.headers['cache-control']).toBe('public, max-age=31536000, immutable');
    expect(res.headers.vary).toContain('accept-encoding');
    expect(gunzipSync(res.rawPayload).toString('utf8')).toBe(code);
    const plain = await app.inject({ method: 'GET', url: '/assets/app-1a2b.js' });
    expect(plain.headers['content-encoding']).toBeUndefined();
    expect(plain.body).toBe(code);
  });

  it('serves the page at / and /index.html, revalidated on every visit, and answers 304 to its ETag', async () => {
    const page = await app.inject({ method: 'GET', url: '/' });
    expect(page.statusCode).toBe(200);
    expect(page.headers['content-type']).toBe('text/html; charset=utf-8');
    expect(page.headers['cache-control']).toBe('no-cache');
    expect(page.body).toContain('/assets/app-1a2b.js');
    expect((await app.inject({ method: 'GET', url: '/index.html' })).body).toBe(page.body);
    const etag = String(page.headers.etag);
    const again = await app.inject({ method: 'GET', url: '/', headers: { 'if-none-match': etag } });
    expect(again.statusCode).toBe(304);
    expect(again.body).toBe('');
    const head = await app.inject({ method: 'HEAD', url: '/' });
    expect(head.statusCode).toBe(200);
    expect(head.body).toBe('');
  });

  it('sends binary files as they are, and nothing that was not there at start-up', async () => {
    const png = await app.inject({ method: 'GET', url: '/assets/logo.png', headers: { 'accept-encoding': 'gzip' } });
    expect(png.headers['content-type']).toBe('image/png');
    expect(png.headers['content-encoding']).toBeUndefined();
    expect([...png.rawPayload]).toEqual([0x89, 0x50, 0x4e, 0x47, 1, 2, 3]);
    expect((await app.inject({ method: 'GET', url: '/assets/late.js' })).statusCode).toBe(404);
    expect((await app.inject({ method: 'GET', url: '/assets/' })).statusCode).toBe(404);
  });

  it('keeps the files out of the OpenAPI document', async () => {
    const doc = (await app.inject({ method: 'GET', url: '/openapi.json' })).json() as { paths: object };
    expect(Object.keys(doc.paths).filter((p) => !p.startsWith('/api/'))).toEqual([]);
  });
});
