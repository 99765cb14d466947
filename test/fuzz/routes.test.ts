import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import fc from 'fast-check';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { buildApp } from '../../server/app.js';
import { SqliteStore } from '../../server/store/sqlite/sqlite-store.js';
import { SqliteAccounts } from '../../server/store/accounts/sqlite-accounts.js';
import { tempDbPath } from '../helpers/app.js';

/**
 * Issue 18, the fuzz suite: every registered route (GET, POST, PUT, DELETE; the routes are read from the app, so a
 * new one is covered without editing this file) gets generated hostile input: path parameters with broken
 * percent-encoding, lone surrogates and over-long text; query strings with 1e20, Infinity, NaN, repeated keys and
 * prototype keys; headers (If-Match, Prefer, Authorization, cookies, content types); bodies of any JSON shape,
 * malformed JSON and raw bytes. Nothing may answer 5xx, and every error must be problem+json with a `code`.
 */

const RUNS = 10_500;

const NUMBERS = ['1e20', 'Infinity', '-Infinity', 'NaN', '-0', '0x10', '1.5', '-1', '9007199254740993', '', '1e-7'];
const HOSTILE = [
  '%ED%BF%BF',
  '%E0%A4%A',
  '%00',
  '%',
  '..%2F..%2Fetc%2Fpasswd',
  '%F0%9F%9A%80',
  encodeURIComponent('x\udfffy'.replace('\udfff', '')) + '%ED%A0%80',
  "x'%20OR%201=1",
  '__proto__',
  'constructor',
  'a'.repeat(600),
  '%C3%A4'.repeat(100),
];
const KEYS = [
  'offset',
  'limit',
  'kind',
  'q',
  'format',
  'metrics',
  'asOf',
  'depth',
  'seed',
  'dryRun',
  'view',
  '__proto__',
  'constructor',
  'k',
];

const segment = fc.oneof(
  fc.constantFrom(...HOSTILE, ...NUMBERS),
  fc.string({ maxLength: 30 }).map(encodeURIComponent),
  fc.constantFrom('org:a', 'org:hostile', 'x', 'v1'),
);
const queryValue = fc.oneof(
  fc.constantFrom(...NUMBERS, ...HOSTILE),
  fc.string({ maxLength: 40 }).map(encodeURIComponent),
);
const query = fc
  .array(fc.tuple(fc.constantFrom(...KEYS), queryValue), { maxLength: 5 })
  .map((pairs) => (pairs.length ? `?${pairs.map(([k, v]) => `${k}=${v}`).join('&')}` : ''));

const leaf = fc.oneof(
  fc.string({ maxLength: 30 }),
  fc.string({ unit: 'binary', maxLength: 20 }),
  fc.constantFrom('x\udfffy', '\ud800', 'ä'.repeat(301), '=cmd|" /C calc"!A0', '<script>', ''),
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
);
const json = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small' }, leaf, tie('array'), tie('object')),
  array: fc.array(tie('value'), { maxLength: 4 }),
  object: fc.dictionary(
    fc.oneof(
      fc.constantFrom(...KEYS, 'id', 'name', 'nodes', 'relations', 'state', 'password'),
      fc.string({ maxLength: 8 }),
    ),
    tie('value'),
    { maxKeys: 5 },
  ),
})).value;
const body = fc.oneof(
  json.map((v) => ({ type: 'application/json', payload: JSON.stringify(v) ?? 'null' })),
  fc
    .constantFrom('{', '{"a":', '[1,2', '"\\ud800"', '{"__proto__":{"x":1}}', 'null', '')
    .map((payload) => ({ type: 'application/json', payload })),
  fc.string({ maxLength: 200 }).map((payload) => ({ type: 'text/csv', payload })),
  fc.uint8Array({ maxLength: 200 }).map((bytes) => ({ type: 'application/octet-stream', payload: Buffer.from(bytes) })),
  fc
    .constantFrom(
      'text/plain',
      'application/xml',
      'multipart/form-data; boundary=x',
      'application/x-www-form-urlencoded',
    )
    .map((type) => ({ type, payload: 'a=1&b' })),
);
const headers = fc.record(
  {
    'if-match': fc.constantFrom('W/"1"', '"x"', '*', 'W/"1e20"', 'W/"-1"', ''),
    'if-none-match': fc.constantFrom('W/"1"', '*', 'garbage'),
    prefer: fc.constantFrom('respond-async', 'wait=1', ''),
    authorization: fc.constantFrom('Bearer x', 'Basic Og==', 'Bearer ' + 'a'.repeat(500), ''),
    cookie: fc.constantFrom('aktorsatlas_session=x', 'aktorsatlas_session=%ED%BF%BF', 'a=b; c'),
    'x-csrf-token': fc.constantFrom('x', ''),
    origin: fc.constantFrom('http://evil.example', 'null'),
    accept: fc.constantFrom('text/event-stream', 'application/xml', '*/*'),
  },
  { requiredKeys: [] },
);

describe('fuzz: every route with hostile input', () => {
  let app: FastifyInstance;
  let routes: Array<{ method: string; url: string }>;
  const seen = new Map<string, number>();

  beforeAll(async () => {
    const path = tempDbPath();
    // Open local mode (no accounts) reaches every handler; a separate accounts file keeps it empty.
    app = await buildApp({ store: new SqliteStore(path), accounts: new SqliteAccounts(tempDbPath()) });
    await app.ready();
    routes = app.registeredRoutes
      .map((r) => {
        const [method, url] = r.split(' ');
        return { method, url };
      })
      .filter((r) => r.url.startsWith('/api/') && ['GET', 'POST', 'PUT', 'DELETE'].includes(r.method));
    // A node and a relation for the routes that find something.
    await app.inject({
      method: 'POST',
      url: '/api/nodes',
      payload: { id: 'org:hostile', kind: 'Organisation', name: 'Fuzz', props: { orgType: 'ideell' } },
    });
  });
  afterAll(async () => app?.close());

  it(`answers ${RUNS} generated hostile requests with no 5xx and only problem+json errors`, async () => {
    expect(routes.length).toBeGreaterThan(25);
    await fc.assert(
      fc.asyncProperty(
        fc.nat({ max: 10_000 }),
        fc.array(segment, { minLength: 3, maxLength: 3 }),
        query,
        body,
        headers,
        async (pick, segments, q, b, h) => {
          const route = routes[pick % routes.length];
          let i = 0;
          const url = route.url.replace(/:[A-Za-z]+/g, () => segments[i++ % segments.length]) + q;
          const withBody = route.method === 'POST' || route.method === 'PUT';
          const req: InjectOptions = {
            method: route.method as InjectOptions['method'],
            url,
            headers: { ...h, ...(withBody ? { 'content-type': b.type } : {}) },
            ...(withBody ? { payload: b.payload } : {}),
          };
          const res = await app.inject(req);
          seen.set(`${route.method} ${route.url}`, (seen.get(`${route.method} ${route.url}`) ?? 0) + 1);
          if (res.statusCode >= 500)
            throw new Error(`${res.statusCode} for ${route.method} ${url}: ${res.body.slice(0, 300)}`);
          if (res.statusCode >= 400) {
            const type = String(res.headers['content-type']);
            if (!type.includes('application/problem+json'))
              throw new Error(`${res.statusCode} without problem+json for ${route.method} ${url}: ${type}`);
            const code = (res.json() as { code?: unknown }).code;
            if (typeof code !== 'string') throw new Error(`problem without code for ${route.method} ${url}`);
          }
        },
      ),
      { numRuns: RUNS, seed: 18_2026 },
    );
    // Every route was reached.
    expect(seen.size).toBe(routes.length);
  }, 900_000);
});
