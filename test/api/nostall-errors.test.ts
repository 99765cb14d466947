import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import { request as httpRequest } from 'node:http';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { buildApp } from '../../server/app.js';
import { SqliteStore } from '../../server/store/sqlite/sqlite-store.js';
import { Neo4jStore } from '../../server/store/neo4j/neo4j-store.js';
import type { GraphStore } from '../../server/store/graph-store.js';
import { SECURITY_HEADERS } from '../../server/plugins/framework-errors.js';
import { describeNeo4j } from '../helpers/neo4j.js';
import { tempDbPath } from '../helpers/app.js';

/**
 * Issue 18, errors: paging parameters are bounded integers (400, never a store error), lone UTF-16 surrogates are
 * refused in every body, query and path (400), and Fastify's and Node's own refusals (bad URL encoding, over-long
 * parameters, huge headers) are problem+json with the security headers, like every other answer.
 */

const problemJson = (res: { headers: Record<string, unknown> }) =>
  expect(String(res.headers['content-type'])).toContain('application/problem+json');

function expectSecurityHeaders(headers: Record<string, unknown>): void {
  for (const [name, value] of Object.entries(SECURITY_HEADERS)) expect(headers[name], name).toBe(value);
}

function storeSuite(label: string, open: () => Promise<GraphStore>): void {
  describe(`paging and Unicode on ${label}`, () => {
    let app: FastifyInstance;
    beforeAll(async () => {
      app = await buildApp({ store: await open() });
    });
    afterAll(async () => app?.close());

    it.each(['1e20', 'Infinity', '-1', '1.5', '9007199254740993', 'NaN', 'x'])(
      'answers 400 to GET /api/nodes?offset=%s',
      async (offset) => {
        const res = await app.inject({ method: 'GET', url: `/api/nodes?offset=${offset}` });
        expect(res.statusCode).toBe(400);
        problemJson(res);
        expect(res.json().code).toBe('validation_failed');
        expect(res.json().problems[0].path).toBe('/querystring/offset');
      },
    );

    it.each(['/api/relations?offset=1e20', '/api/nodes?limit=Infinity', '/api/relations?limit=1e20'])(
      'answers 400 to %s',
      async (url) => {
        const res = await app.inject({ method: 'GET', url });
        expect(res.statusCode).toBe(400);
        problemJson(res);
      },
    );

    it('still pages with a large valid offset', async () => {
      const res = await app.inject({ method: 'GET', url: '/api/nodes?offset=999999999&limit=5' });
      expect(res.statusCode).toBe(200);
      expect(res.json().items).toEqual([]);
    });

    it('refuses a lone surrogate in a node (400 invalid_unicode, with the field) and writes nothing', async () => {
      const body = `{"id":"org:surrogat-${label}","kind":"Organisation","name":"x\\udfffy","props":{"orgType":"arbetsgivare"}}`;
      const res = await app.inject({
        method: 'POST',
        url: '/api/nodes',
        headers: { 'content-type': 'application/json' },
        payload: body,
      });
      expect(res.statusCode).toBe(400);
      problemJson(res);
      expect(res.json()).toMatchObject({ code: 'invalid_unicode' });
      expect(res.json().problems[0]).toMatchObject({ path: '/name', code: 'lone_surrogate' });
      expect(res.json().problems[0].message.sv).toMatch(/ogiltigt tecken/);
      const get = await app.inject({ method: 'GET', url: `/api/nodes/org:surrogat-${label}` });
      expect(get.statusCode).toBe(404);
    });

    it('refuses lone surrogates in keys, nested values, imports and queries', async () => {
      const cases: Array<[string, string, string, string]> = [
        ['POST', '/api/nodes', '{"id":"org:x1","kind":"Organisation","name":"a","props":{"k\\ud800":1}}', '/props/k'],
        ['POST', '/api/import?dryRun=true', '{"nodes":[{"id":"org:x2","name":"\\ud83d"}]}', '/nodes/0/name'],
        ['PUT', '/api/views/v', '{"state":{"a":["ok","\\udc00"]}}', '/state/a/1'],
      ];
      for (const [method, url, payload, path] of cases) {
        const res = await app.inject({
          method: method as 'POST' | 'PUT',
          url,
          headers: { 'content-type': 'application/json' },
          payload,
        });
        expect(res.statusCode, url).toBe(400);
        expect(res.json().code).toBe('invalid_unicode');
        expect(res.json().problems[0].path.startsWith(path)).toBe(true);
      }
      // A well-formed pair (an emoji) is text and passes this check.
      const ok = await app.inject({
        method: 'GET',
        url: `/api/nodes?q=${encodeURIComponent('\ud83d\ude80')}`,
      });
      expect(ok.statusCode).toBe(200);
    });
  });
}

storeSuite('SQLite', async () => new SqliteStore(tempDbPath()));
describeNeo4j('paging and Unicode on Neo4j', (uri) => {
  storeSuite('Neo4j', () => Neo4jStore.open({ uri }));
});

describe("Fastify's and Node's own refusals", () => {
  let app: FastifyInstance;
  let port: number;
  beforeAll(async () => {
    app = await buildApp({ store: new SqliteStore(tempDbPath()) });
    await app.listen({ host: '127.0.0.1', port: 0 });
    port = (app.server.address() as AddressInfo).port;
  });
  afterAll(async () => app?.close());

  const check = (res: LightMyRequestResponse, status: number, code: string) => {
    expect(res.statusCode).toBe(status);
    problemJson(res);
    expect(res.json()).toMatchObject({ status, code });
    expectSecurityHeaders(res.headers);
  };

  it('hand-written security headers equal what helmet sends on ordinary answers', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/nope' });
    expectSecurityHeaders(res.headers);
  });

  it('answers a bad percent-encoding with 400 bad_url as problem+json', async () => {
    check(await app.inject({ method: 'GET', url: '/api/nodes/%ED%BF%BF' }), 400, 'bad_url');
    check(await app.inject({ method: 'GET', url: '/api/nodes/%E0%A4%A' }), 400, 'bad_url');
  });

  it('answers an over-long path parameter with 414 as problem+json', async () => {
    check(await app.inject({ method: 'GET', url: `/api/nodes/${'a'.repeat(600)}` }), 414, 'path_too_long');
  });

  it('answers over-large headers with 431 as problem+json with the security headers (real socket)', async () => {
    const res = await new Promise<{ status: number; headers: Record<string, unknown>; body: string }>(
      (resolve, reject) => {
        const req = httpRequest(
          { host: '127.0.0.1', port, path: '/api/health', headers: { 'x-big': 'a'.repeat(40_000) } },
          (r) => {
            let body = '';
            r.on('data', (c: Buffer) => (body += c.toString()));
            r.on('end', () => resolve({ status: r.statusCode ?? 0, headers: r.headers, body }));
          },
        );
        req.on('error', reject);
        req.end();
      },
    );
    expect(res.status).toBe(431);
    problemJson(res);
    expect(JSON.parse(res.body)).toMatchObject({ status: 431, code: 'headers_too_large' });
    expectSecurityHeaders(res.headers);
  });
});
