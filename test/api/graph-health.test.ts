import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { MultiGraph } from 'graphology';
import { sqliteApp } from '../helpers/app.js';
import { JONKOPING_MUNICIPALITIES } from '../../core/model/kommunkod.js';

interface SerialNode {
  key: string;
  attributes: Record<string, unknown>;
}

describe('API: health and the seeded Jönköping graph', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    ({ app } = await sqliteApp({ seed: true }));
  });
  afterAll(async () => app.close());

  it('reports the store, the version and counts', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/health' });
    expect(res.statusCode).toBe(200);
    expect(res.json()).toMatchObject({
      status: 'ok',
      store: 'sqlite',
      version: expect.stringMatching(/^\d+\.\d+\.\d+/),
    });
    expect(res.json().counts.nodes).toBeGreaterThan(60);
  });

  it('returns graphology JSON with ≥ 60 organisations, ≥ 150 relations and all 13 municipalities', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/graph' });
    expect(res.statusCode).toBe(200);
    const body = res.json();
    const graph = MultiGraph.from(body); // graphology itself must accept it
    const orgs = (body.nodes as SerialNode[]).filter((n) => n.attributes.kind === 'Organisation');
    expect(orgs.length).toBeGreaterThanOrEqual(60);
    expect(graph.size).toBeGreaterThanOrEqual(150);
    const municipalities = (body.nodes as SerialNode[]).filter((n) => n.attributes.kind === 'Municipality');
    expect(Object.fromEntries(municipalities.map((m) => [m.attributes.kommunkod, m.key]))).toEqual(
      Object.fromEntries(Object.keys(JONKOPING_MUNICIPALITIES).map((k) => [k, `kommun:${k}`])),
    );
    expect(res.headers.etag).toMatch(/^W\/"/);
    const again = await app.inject({
      method: 'GET',
      url: '/api/graph',
      headers: { 'if-none-match': String(res.headers.etag) },
    });
    expect(again.statusCode).toBe(304);
  });

  it('filters by kinds, relation types and valid time', async () => {
    const onlyNetworks = (
      await app.inject({ method: 'GET', url: '/api/graph?kinds=Organisation,Network&relationTypes=MEMBER_OF' })
    ).json();
    expect(
      (onlyNetworks.nodes as SerialNode[]).every((n) =>
        ['Organisation', 'Network'].includes(String(n.attributes.kind)),
      ),
    ).toBe(true);
    expect(
      (onlyNetworks.edges as { attributes: { type: string } }[]).every((e) => e.attributes.type === 'MEMBER_OF'),
    ).toBe(true);
    const all = (await app.inject({ method: 'GET', url: '/api/graph' })).json();
    const in2010 = (await app.inject({ method: 'GET', url: '/api/graph?asOf=2010-06-01' })).json();
    expect(in2010.attributes.asOf).toBe('2010-06-01');
    expect(in2010.edges.length).toBeLessThan(all.edges.length);
    const bad = await app.inject({ method: 'GET', url: '/api/graph?asOf=yesterday' });
    expect(bad.statusCode).toBe(400);
    expect(bad.json().problems[0].path).toBe('/querystring/asOf');
  });

  it('searches ignoring case and diacritics', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/nodes?q=jonkoping&kind=Municipality' });
    expect(res.json().items.map((n: { id: string }) => n.id)).toEqual(['kommun:0680']);
    const varn = await app.inject({ method: 'GET', url: '/api/nodes?q=VARNAMO' });
    expect(varn.json().items.map((n: { id: string }) => n.id)).toContain('kommun:0683');
  });

  it('serves the catalogue', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/catalogue' });
    const body = res.json();
    expect(body.nodeKinds.map((k: { id: string }) => k.id)).toEqual(
      expect.arrayContaining(['Organisation', 'Network', 'Municipality', 'Action']),
    );
    expect(body.relationKinds.find((k: { id: string }) => k.id === 'MEMBER_OF').label).toEqual({
      sv: 'medlem i',
      en: 'member of',
    });
  });

  it('answers an unknown route with problem+json', async () => {
    const res = await app.inject({ method: 'GET', url: '/api/nothing' });
    expect(res.statusCode).toBe(404);
    expect(res.headers['content-type']).toContain('application/problem+json');
  });
});
