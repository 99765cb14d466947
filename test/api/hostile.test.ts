import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import fc from 'fast-check';
import type { FastifyInstance, InjectOptions } from 'fastify';
import { mkdtempSync, writeFileSync, mkdirSync } from 'node:fs';
import { tmpdir } from 'node:os';
import { join } from 'node:path';
import { buildApp } from '../../server/app.js';
import { SqliteStore } from '../../server/store/sqlite/sqlite-store.js';
import { tempDbPath, SOURCE } from '../helpers/app.js';
import { CSP } from '../../server/plugins/security.js';

/**
 * Hostile and careless input, generated (fast-check): every write route and every import format gets malformed
 * input: random JSON shapes, wrong types, long strings within the limits, unicode, prototype-pollution keys, Cypher
 * metacharacters in kinds, types and property names, impossible dates. Nothing may answer 5xx, and after every
 * refused request the store is exactly as before (counts, history length, views).
 */

const RUNS = {
  nodeCreate: 1800,
  nodeUpdate: 1300,
  relationCreate: 1600,
  relationUpdate: 1000,
  importJson: 1500,
  importRaw: 1200,
  views: 1000,
  anyRoute: 1000,
  queries: 600,
};
const TOTAL = Object.values(RUNS).reduce((a, b) => a + b, 0);

const CYPHER = [
  '`) DETACH DELETE n //',
  'Organisation:Admin',
  "x' OR 1=1 --",
  'MATCH (n) DETACH DELETE n',
  '$where',
  '{id: 1}',
  'a`b',
  'Entity|Counter',
  '\\u0060',
  'n.id})-[:X]->(m',
];
const PROTO = ['__proto__', 'constructor', 'prototype', '__defineGetter__', 'toString', 'hasOwnProperty'];
const BAD_DATES = [
  '2024-02-30',
  '2023-13-01',
  '0000-00-00',
  '99999-01-01',
  '2024-1-1',
  'yesterday',
  '',
  '2024-01-01T00:00:00Z',
  '２０２４-01-01',
  '2024-01-01\u0000',
];
const WEIRD = [
  '\u0000',
  '\u202e',
  '\ud800',
  '𝔘𝔫𝔦𝔠𝔬𝔡𝔢',
  '<img src=x onerror=alert(1)>',
  '../../etc/passwd',
  '%00',
  '\r\n\r\nHTTP/1.1 200 OK',
  '=cmd|" /C calc"!A0',
  '🚀'.repeat(50),
];

const text = fc.oneof(
  fc.string(),
  fc.string({ unit: 'grapheme', maxLength: 40 }),
  fc.string({ unit: 'binary', maxLength: 40 }),
  fc.constantFrom(...CYPHER, ...PROTO, ...BAD_DATES, ...WEIRD),
  fc.nat({ max: 4 }).map((k) => 'ä'.repeat([0, 1, 299, 300, 5000][k])),
);
const key = fc.oneof(
  fc.constantFrom(
    ...PROTO,
    ...CYPHER,
    'id',
    'kind',
    'name',
    'props',
    'orgType',
    'kommunkod',
    'orgnr',
    'weight',
    'sources',
    'validFrom',
  ),
  fc.string({ maxLength: 12 }),
);
const leaf = fc.oneof(
  text,
  fc.integer(),
  fc.double(),
  fc.boolean(),
  fc.constant(null),
  fc.constantFrom(1e308, -0, Number.MAX_SAFE_INTEGER + 2),
);
const json = fc.letrec((tie) => ({
  value: fc.oneof({ depthSize: 'small', withCrossShrink: true }, leaf, tie('array'), tie('object')),
  array: fc.array(tie('value'), { maxLength: 5 }),
  object: fc.dictionary(key, tie('value'), { maxKeys: 6 }),
})).value;

/** Replace, delete or add one field of a valid object with something hostile. */
const mutate = (base: Record<string, unknown>, fields: string[]) =>
  fc.oneof(
    fc
      .record({ field: fc.constantFrom(...fields), value: json })
      .map(({ field, value }) => ({ ...base, [field]: value })),
    fc.constantFrom(...fields).map((field) => Object.fromEntries(Object.entries(base).filter(([k]) => k !== field))),
    fc
      .record({ k: key, v: json })
      .map(
        ({ k, v }) =>
          JSON.parse(JSON.stringify({ ...base })) &&
          Object.assign(
            JSON.parse(JSON.stringify(base)),
            JSON.parse(`{${JSON.stringify(k)}:${JSON.stringify(v) ?? 'null'}}`),
          ),
      ),
    fc
      .record({ k: key, v: json })
      .map(({ k, v }) => ({ ...base, props: JSON.parse(`{${JSON.stringify(k)}:${JSON.stringify(v) ?? 'null'}}`) })),
    fc.constantFrom(...BAD_DATES).map((d) => ({ ...base, validFrom: d, validTo: d })),
    fc.constantFrom(...CYPHER, ...PROTO).map((c) => ({ ...base, kind: c, type: c })),
  );

const validNode = { id: 'org:hostile-new', kind: 'Organisation', name: 'Ny aktör', props: { orgType: 'arbetsgivare' } };
const validRel = {
  type: 'COLLABORATES_WITH',
  from: 'org:hostile-a',
  to: 'org:hostile-b',
  sources: [SOURCE],
  evidence: 'confirmed',
};

describe(`hostile input: ${TOTAL} generated requests, no 5xx, nothing written when refused`, () => {
  let app: FastifyInstance;
  let store: SqliteStore;
  const counts = { total: 0, refused: 0, accepted: 0 };
  const statuses = new Map<number, number>();
  /** HOSTILE_COLLECT=1: list every kind of 5xx instead of stopping at the first (for reports). */
  const found = new Map<string, string>();

  const fingerprint = async () => {
    const s = await store.stats();
    const h = await store.history({ limit: 1_000_000 });
    const v = await store.listViews();
    return JSON.stringify([s, h.length, h.at(-1)?.seq ?? 0, v.map((x) => [x.name, x.version])]);
  };

  /** Sends one request; checks no 5xx, and an unchanged store when refused. */
  const send = async (options: InjectOptions) => {
    const before = await fingerprint();
    const res = await app.inject(options);
    counts.total++;
    statuses.set(res.statusCode, (statuses.get(res.statusCode) ?? 0) + 1);
    if (res.statusCode >= 500 && process.env.HOSTILE_COLLECT) {
      const sig = `${options.method} ${options.url?.toString().split('?')[0]} ${String(options.headers?.['content-type'] ?? '')}`;
      if (!found.has(sig))
        found.set(
          sig,
          String(typeof options.payload === 'string' ? options.payload : JSON.stringify(options.payload)).slice(0, 300),
        );
      return res;
    }
    if (res.statusCode >= 500)
      throw new Error(
        `${res.statusCode} for ${options.method} ${options.url}: ${res.body.slice(0, 500)}\npayload: ${String(typeof options.payload === 'string' ? options.payload : JSON.stringify(options.payload)).slice(0, 500)}`,
      );
    if (res.statusCode >= 400) {
      counts.refused++;
      expect(res.headers['content-type']).toContain('application/problem+json');
      const after = await fingerprint();
      if (after !== before)
        throw new Error(`store changed by a refused ${options.method} ${options.url} (${res.statusCode})`);
    } else counts.accepted++;
    return res;
  };

  beforeAll(async () => {
    store = new SqliteStore(tempDbPath());
    const ctx = { actor: 'setup' };
    await store.createNode(
      { id: 'org:hostile-a', kind: 'Organisation', name: 'A', props: { orgType: 'arbetsgivare' } },
      ctx,
    );
    await store.createNode({ id: 'org:hostile-b', kind: 'Organisation', name: 'B', props: { orgType: 'kommun' } }, ctx);
    await store.createNode({ id: 'nw:hostile-n', kind: 'Network', name: 'N', props: { networkType: 'forum' } }, ctx);
    await store.createRelation(
      {
        id: 'rel:hostile',
        type: 'MEMBER_OF',
        from: 'org:hostile-a',
        to: 'nw:hostile-n',
        sources: [SOURCE],
        evidence: 'confirmed',
      },
      ctx,
    );
    await store.saveView('bas', { a: 1 }, undefined, ctx);
    app = await buildApp({ store });
    await app.ready();
  });
  afterAll(async () => {
    await app.close();
    if (found.size > 0) console.log('5xx found:', JSON.stringify([...found], null, 1));
    console.log(
      `hostile: ${counts.total} requests, ${counts.refused} refused, ${counts.accepted} accepted; statuses ${JSON.stringify(Object.fromEntries(statuses))}`,
    );
    expect(Object.getPrototypeOf({})).toBe(Object.prototype);
    expect(({} as Record<string, unknown>).polluted).toBeUndefined();
  });

  const ifMatch = fc.oneof(
    fc.constant(undefined),
    fc.constantFrom('W/"1"', '"1"', 'W/"999"', '*', 'W/"-1"', 'W/"1e3"', 'W/"01"', '"9007199254740993"'),
    fc.string({ maxLength: 20 }),
  );
  const headers = (m: string | undefined) => (m === undefined ? {} : { 'if-match': m });

  it(`POST /api/nodes (${RUNS.nodeCreate})`, async () => {
    await fc.assert(
      fc.asyncProperty(fc.oneof(mutate(validNode, ['id', 'kind', 'name', 'nameEn', 'props']), json), async (body) => {
        await send({ method: 'POST', url: '/api/nodes', payload: body as object });
      }),
      { numRuns: RUNS.nodeCreate },
    );
  });

  it(`PUT /api/nodes/:id (${RUNS.nodeUpdate})`, async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(mutate({ ...validNode, id: 'org:hostile-a' }, ['id', 'kind', 'name', 'nameEn', 'props']), json),
        ifMatch,
        fc.constantFrom(
          'org:hostile-a',
          'nw:hostile-n',
          'org:missing',
          '..%2F..%2Fetc',
          '%00%00%00',
          '__proto__',
          encodeURIComponent('`) DETACH DELETE n //'),
        ),
        async (body, m, id) => {
          await send({ method: 'PUT', url: `/api/nodes/${id}`, headers: headers(m), payload: body as object });
        },
      ),
      { numRuns: RUNS.nodeUpdate },
    );
  });

  it(`POST /api/relations (${RUNS.relationCreate})`, async () => {
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          mutate(validRel, [
            'type',
            'from',
            'to',
            'weight',
            'props',
            'sources',
            'evidence',
            'validFrom',
            'validTo',
            'note',
            'id',
          ]),
          json,
        ),
        async (body) => {
          await send({ method: 'POST', url: '/api/relations', payload: body as object });
        },
      ),
      { numRuns: RUNS.relationCreate },
    );
  });

  it(`PUT and DELETE /api/relations/:id (${RUNS.relationUpdate})`, async () => {
    const base = { ...validRel, type: 'MEMBER_OF', to: 'nw:hostile-n', id: 'rel:hostile' };
    await fc.assert(
      fc.asyncProperty(
        fc.oneof(
          mutate(base, [
            'type',
            'from',
            'to',
            'weight',
            'props',
            'sources',
            'evidence',
            'validFrom',
            'validTo',
            'note',
            'id',
          ]),
          json,
        ),
        ifMatch,
        fc.boolean(),
        async (body, m, del) => {
          if (del) await send({ method: 'DELETE', url: '/api/relations/rel:missing', headers: headers(m) });
          else
            await send({
              method: 'PUT',
              url: '/api/relations/rel:hostile',
              headers: headers(m),
              payload: body as object,
            });
        },
      ),
      { numRuns: RUNS.relationUpdate },
    );
  });

  it(`POST /api/import, JSON batches (${RUNS.importJson})`, async () => {
    const node = fc.oneof(mutate(validNode, ['id', 'kind', 'name', 'props']), json);
    const rel = fc.oneof(mutate(validRel, ['type', 'from', 'to', 'sources', 'evidence', 'validFrom', 'props']), json);
    const batch = fc.oneof(
      fc.record({ nodes: fc.array(node, { maxLength: 4 }), relations: fc.array(rel, { maxLength: 4 }) }),
      fc.record({ nodes: json, relations: json }),
      fc.record({
        format: fc.constantFrom('aktorsatlas-snapshot', 'x'),
        version: json,
        nodes: fc.array(node, { maxLength: 3 }),
        relations: fc.constant([]),
      }),
      json,
    );
    await fc.assert(
      fc.asyncProperty(batch, fc.boolean(), async (body, dryRun) => {
        await send({ method: 'POST', url: `/api/import${dryRun ? '?dryRun=true' : ''}`, payload: body as object });
      }),
      { numRuns: RUNS.importJson },
    );
  });

  it(`POST /api/import, raw CSV, XLSX, GEXF, GraphML and broken JSON (${RUNS.importRaw})`, async () => {
    const csvRow = fc
      .array(fc.oneof(text, fc.constantFrom('"', '""', ';', ',', '\t', '=1+1', '\r', '\n')), { maxLength: 8 })
      .map((cells) => cells.join(fc.sample(fc.constantFrom(',', ';', '\t'), 1)[0]));
    const csv = fc.oneof(
      fc.array(csvRow, { maxLength: 6 }).map((rows) => ['id,kind,name,orgType', ...rows].join('\n')),
      fc
        .array(csvRow, { maxLength: 6 })
        .map((rows) => ['from;to;type;evidence;sourceUrl;validFrom', ...rows].join('\r\n')),
      fc.string(),
    );
    const attr = fc.oneof(text, fc.constantFrom('&xxe;', '&lol9;', ']]>', '<![CDATA[x]]>'));
    const xml = fc.oneof(
      fc
        .record({ id: attr, label: attr, kind: attr })
        .map(
          (n) =>
            `<?xml version="1.0"?><gexf xmlns="http://gexf.net/1.3" version="1.3"><graph defaultedgetype="directed"><nodes><node id="${n.id}" label="${n.label}"><attvalues><attvalue for="kind" value="${n.kind}"/></attvalues></node></nodes><edges/></graph></gexf>`,
        ),
      fc
        .record({ id: attr, d: attr })
        .map(
          (n) =>
            `<?xml version="1.0"?><graphml xmlns="http://graphml.graphdrawing.org/xmlns"><key id="k" for="node" attr.name="kind" attr.type="string"/><graph edgedefault="undirected"><node id="${n.id}"><data key="k">${n.d}</data></node><edge source="${n.id}" target="x"/></graph></graphml>`,
        ),
      fc.constantFrom(
        '<?xml version="1.0"?><!DOCTYPE x [<!ENTITY xxe SYSTEM "file:///etc/passwd">]><gexf><graph><nodes><node id="&xxe;"/></nodes></graph></gexf>',
        '<?xml version="1.0"?><!DOCTYPE lolz [<!ENTITY lol "lol"><!ENTITY lol2 "&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;&lol;"><!ENTITY lol3 "&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;&lol2;">]><graphml><graph><node id="&lol3;"/></graph></graphml>',
        `<graphml>${'<graph>'.repeat(5000)}`,
        '<gexf',
      ),
      fc.string(),
    );
    const raw = fc.oneof(
      csv.map((body) => ({
        type: 'text/csv',
        body,
        q: fc.sample(
          fc.constantFrom(
            '',
            '?table=actors',
            '?table=relations',
            '?delimiter=semicolon&encoding=windows-1252',
            '?mapping=%7B%22__proto__%22%3A%22id%22%7D',
          ),
          1,
        )[0],
      })),
      xml.map((body) => ({
        type: fc.sample(
          fc.constantFrom('application/gexf+xml', 'application/graphml+xml', 'application/xml', 'text/xml'),
          1,
        )[0],
        body,
        q: '',
      })),
      fc.uint8Array({ maxLength: 300 }).map((b) => ({
        type: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
        body: Buffer.from([0x50, 0x4b, 0x03, 0x04, ...b]),
        q: '',
      })),
      fc.string().map((body) => ({ type: 'application/json', body, q: '' })),
      fc.string().map((body) => ({
        type: fc.sample(
          fc.constantFrom('application/octet-stream', 'text/plain', 'image/png', 'multipart/form-data; boundary=x'),
          1,
        )[0],
        body,
        q: '?format=csv',
      })),
    );
    await fc.assert(
      fc.asyncProperty(raw, async ({ type, body, q }) => {
        await send({ method: 'POST', url: `/api/import${q}`, headers: { 'content-type': type }, payload: body });
      }),
      { numRuns: RUNS.importRaw },
    );
  });

  it(`PUT and DELETE /api/views/:name (${RUNS.views})`, async () => {
    const name = fc.oneof(
      fc.constantFrom(
        'bas',
        'ny vy',
        '..%2F..%2Fetc%2Fpasswd',
        '%2e%2e',
        '..',
        'a%00b',
        '__proto__',
        'constructor',
        encodeURIComponent('Översikt/2'),
        'x'.repeat(81),
        encodeURIComponent('<script>'),
      ),
      fc.string({ maxLength: 30 }).map(encodeURIComponent),
    );
    await fc.assert(
      fc.asyncProperty(
        name,
        fc.oneof(fc.record({ state: json }), json),
        ifMatch,
        fc.boolean(),
        async (n, body, m, del) => {
          if (del) await send({ method: 'DELETE', url: `/api/views/${n}`, headers: headers(m) });
          else await send({ method: 'PUT', url: `/api/views/${n}`, headers: headers(m), payload: body as object });
        },
      ),
      { numRuns: RUNS.views },
    );
  });

  it(`any JSON to any write route, with hostile headers (${RUNS.anyRoute})`, async () => {
    const routes = [
      'POST /api/nodes',
      'PUT /api/nodes/org:hostile-b',
      'DELETE /api/nodes/org:hostile-b',
      'POST /api/relations',
      'POST /api/import',
      'PUT /api/views/x',
      'POST /api/auth/login',
      'POST /api/auth/tokens',
      'POST /api/users',
    ];
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...routes),
        fc.oneof(json, fc.string({ maxLength: 200 })),
        fc.constantFrom(
          'application/json',
          'application/json; charset=latin1',
          'text/plain',
          'application/x-www-form-urlencoded',
          'application/json\r\nX-Injected: 1',
          '',
        ),
        ifMatch,
        async (route, body, type, m) => {
          const [method, url] = route.split(' ');
          const payload = typeof body === 'string' ? body : JSON.stringify(body);
          // A body that would create the first account is not sent: it would end open local mode for the later runs.
          if (url === '/api/users') return;
          try {
            await send({
              method: method as 'POST',
              url,
              headers: { ...headers(m), ...(type ? { 'content-type': type } : {}) },
              payload,
            });
          } catch (err) {
            // light-my-request refuses an invalid header value itself (CR/LF): not a request the server saw.
            if (/Invalid character in header/.test(String(err))) return;
            throw err;
          }
        },
      ),
      { numRuns: RUNS.anyRoute },
    );
  });

  it(`query strings of read routes (${RUNS.queries})`, async () => {
    const routes = [
      '/api/nodes',
      '/api/relations',
      '/api/graph',
      '/api/history',
      '/api/history/graph',
      '/api/history/diff',
      '/api/nodes/org:hostile-a/neighbourhood',
      '/api/export',
    ];
    const param = fc.constantFrom(
      'q',
      'kind',
      'kinds',
      'relationTypes',
      'asOf',
      'limit',
      'offset',
      'since',
      'until',
      'at',
      'from',
      'to',
      'format',
      'depth',
      'record',
      'author',
      '__proto__',
      'type',
      'nodeId',
    );
    await fc.assert(
      fc.asyncProperty(
        fc.constantFrom(...routes),
        fc.array(fc.tuple(param, text), { maxLength: 4 }),
        async (route, pairs) => {
          const qs = new URLSearchParams(pairs).toString();
          await send({ method: 'GET', url: `${route}?${qs}` });
        },
      ),
      { numRuns: RUNS.queries },
    );
  });
});

describe('security headers, CORS, limits and paths', () => {
  let app: FastifyInstance;
  let webRoot: string;
  beforeAll(async () => {
    webRoot = mkdtempSync(join(tmpdir(), 'aktorsatlas-web-'));
    writeFileSync(join(webRoot, 'index.html'), '<!doctype html><script type="module" src="/assets/app.js"></script>');
    mkdirSync(join(webRoot, 'assets'));
    writeFileSync(join(webRoot, 'assets', 'app.js'), 'console.log(1)');
    app = await buildApp({
      store: new SqliteStore(tempDbPath()),
      webRoot,
      security: { maxGraphNodes: 2, maxGraphRelations: 10 },
    });
    await app.ready();
  });
  afterAll(async () => app.close());

  it('sends a CSP without inline script, and the other security headers, on the app and the API', async () => {
    for (const url of ['/', '/api/health', '/api/nodes']) {
      const res = await app.inject({ method: 'GET', url });
      expect(res.statusCode).toBe(200);
      expect(String(res.headers['content-security-policy']).replace(/;\s*/g, '; ')).toBe(CSP);
      expect(res.headers['x-content-type-options']).toBe('nosniff');
      expect(res.headers['x-frame-options']).toBe('DENY');
      expect(res.headers['referrer-policy']).toBe('no-referrer');
    }
    expect(CSP).toContain("script-src 'self'");
    expect(CSP).not.toContain('unsafe-inline');
    expect(CSP).not.toContain('unsafe-eval');
    expect(CSP).toContain("frame-ancestors 'none'");
  });

  it('keeps /docs working under its own CSP (no inline script)', async () => {
    const res = await app.inject({ method: 'GET', url: '/docs/' });
    expect(res.statusCode).toBe(200);
    const csp = String(res.headers['content-security-policy']);
    expect(csp).toContain("script-src 'self'");
    expect(csp.split(';').find((d) => d.trim().startsWith('script-src'))).not.toContain('unsafe-inline');
    // Every script of the page is a file of its own: none is inline.
    const scripts = [...res.body.matchAll(/<script([^>]*)>([\s\S]*?)<\/script>/g)];
    expect(scripts.length).toBeGreaterThan(0);
    for (const [, attrs, body] of scripts) {
      expect(attrs).toContain('src=');
      expect(body.trim()).toBe('');
    }
    const init = await app.inject({ method: 'GET', url: '/docs/static/swagger-initializer.js' });
    expect(init.statusCode).toBe(200);
  });

  it('sends no CORS headers by default, and allows exactly the configured origin', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/nodes', headers: { origin: 'https://other.example' } });
    expect(res.headers['access-control-allow-origin']).toBeUndefined();
    const pre = await app.inject({
      method: 'OPTIONS',
      url: '/api/nodes',
      headers: { origin: 'https://other.example', 'access-control-request-method': 'POST' },
    });
    expect(pre.headers['access-control-allow-origin']).toBeUndefined();
    const cors = await buildApp({
      store: new SqliteStore(tempDbPath()),
      security: { corsOrigin: 'https://partner.example' },
    });
    const ok = await cors.inject({ method: 'GET', url: '/api/nodes', headers: { origin: 'https://partner.example' } });
    expect(ok.headers['access-control-allow-origin']).toBe('https://partner.example');
    const other = await cors.inject({ method: 'GET', url: '/api/nodes', headers: { origin: 'https://other.example' } });
    expect(other.headers['access-control-allow-origin']).not.toBe('https://other.example');
    await cors.close();
  });

  it('refuses a query string over 8 KiB (414) and a graph over the per-request limit (413)', async () => {
    const long = await app.inject({ method: 'GET', url: `/api/nodes?q=${'a'.repeat(9000)}` });
    expect(long.statusCode).toBe(414);
    expect(long.json().code).toBe('query_too_long');
    for (const id of ['a', 'b', 'c']) {
      await app.inject({
        method: 'POST',
        url: '/api/nodes',
        payload: { id: `org:limit-${id}`, kind: 'Organisation', name: id, props: { orgType: 'arbetsgivare' } },
      });
    }
    const big = await app.inject({ method: 'GET', url: '/api/graph' });
    expect(big.statusCode).toBe(413);
    expect(big.json().code).toBe('graph_too_large');
    expect((await app.inject({ method: 'GET', url: '/api/graph?kinds=Network' })).statusCode).toBe(200);
    const past = await app.inject({ method: 'GET', url: `/api/history/graph?at=${new Date().toISOString()}` });
    expect(past.statusCode).toBe(413);
  });

  it('serves no file outside the web root, whatever the path', async () => {
    for (const url of [
      '/../../../../etc/passwd',
      '/%2e%2e/%2e%2e/etc/passwd',
      '/assets/..%2f..%2f..%2fetc%2fpasswd',
      '/..%5c..%5cetc%5cpasswd',
      '/%00',
      '/assets/%2e%2e%2f%2e%2e%2fpackage.json',
    ]) {
      const res = await app.inject({ method: 'GET', url });
      expect(res.statusCode, url).toBeLessThan(500);
      expect(res.body).not.toContain('root:');
      expect(res.body).not.toContain('"name": "aktorsatlas"');
    }
    expect((await app.inject({ method: 'GET', url: '/assets/app.js' })).statusCode).toBe(200);
  });

  it('stores and returns markup in a name verbatim, as JSON (never as HTML)', async () => {
    const name = '<img src=x onerror=alert(1)> & <script>alert(2)</script>';
    const res = await app.inject({
      method: 'POST',
      url: '/api/nodes',
      payload: { id: 'org:xss', kind: 'Organisation', name, props: { orgType: 'arbetsgivare' } },
    });
    expect(res.statusCode).toBe(201);
    const got = await app.inject({ method: 'GET', url: '/api/nodes/org:xss' });
    expect(got.headers['content-type']).toContain('application/json');
    expect(got.json().name).toBe(name);
    const hist = await app.inject({ method: 'GET', url: '/api/history?record=org:xss' });
    expect(hist.json().items[0].after.name).toBe(name);
  });
});
