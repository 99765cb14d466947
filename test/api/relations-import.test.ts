import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { SOURCE, sqliteApp } from '../helpers/app.js';

describe('API: relations and import', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    ({ app } = await sqliteApp());
    for (const payload of [
      { id: 'org:a', kind: 'Organisation', name: 'A', props: { orgType: 'kommun' } },
      { id: 'nw:council', kind: 'Network', name: 'Rådet', props: { networkType: 'kompetensrad' } },
      { id: 'ssyk:2221', kind: 'Occupation', name: 'Sjuksköterskor', props: { ssyk: '2221' } },
    ]) {
      expect((await app.inject({ method: 'POST', url: '/api/nodes', payload })).statusCode).toBe(201);
    }
  });
  afterAll(async () => app.close());

  const countRelations = async () =>
    (await app.inject({ method: 'GET', url: '/api/relations?limit=1' })).json().total as number;
  const countNodes = async () =>
    (await app.inject({ method: 'GET', url: '/api/nodes?limit=1' })).json().total as number;

  it('creates a relation with provenance and a generated id', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/relations',
      payload: {
        type: 'MEMBER_OF',
        from: 'org:a',
        to: 'nw:council',
        sources: [SOURCE],
        evidence: 'uncertain',
        props: { seats: 2, seatsWomen: 1, seatsMen: 1 },
      },
    });
    expect(res.statusCode).toBe(201);
    expect(res.json()).toMatchObject({
      id: 'rel:member_of:org:a:nw:council',
      evidence: 'uncertain',
      weight: 1,
      validFrom: null,
    });
  });

  it('names a missing source', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/relations',
      payload: { type: 'MEMBER_OF', from: 'org:a', to: 'nw:council', evidence: 'confirmed' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().problems).toEqual([expect.objectContaining({ path: '/sources', code: 'required' })]);
  });

  it('names an endpoint the catalogue does not allow', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/relations',
      payload: { type: 'MEMBER_OF', from: 'org:a', to: 'ssyk:2221', sources: [SOURCE], evidence: 'confirmed' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().problems).toEqual([expect.objectContaining({ path: '/to', code: 'endpoint_kind' })]);
  });

  it('names a bad evidence level and a bad date', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/relations',
      payload: {
        type: 'DEMANDS',
        from: 'org:a',
        to: 'ssyk:2221',
        sources: [SOURCE],
        evidence: 'sure',
        validFrom: '2020-13',
      },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().problems.map((p: { path: string }) => p.path)).toEqual(
      expect.arrayContaining(['/evidence', '/validFrom']),
    );
  });

  it('refuses a batch with one bad record, writes nothing, and names the record by index', async () => {
    const before = [await countNodes(), await countRelations()];
    const res = await app.inject({
      method: 'POST',
      url: '/api/import',
      payload: {
        nodes: [
          { id: 'org:b', kind: 'Organisation', name: 'B', props: { orgType: 'arbetsgivare' } },
          { id: 'org:c', kind: 'Organisation', name: 'C', props: { orgType: 'arbetsgivare' } },
        ],
        relations: [
          { type: 'DEMANDS', from: 'org:b', to: 'ssyk:2221', sources: [SOURCE], evidence: 'confirmed' },
          {
            type: 'DEMANDS',
            from: 'org:c',
            to: 'ssyk:2221',
            sources: [{ url: 'not a url', title: 'x' }],
            evidence: 'confirmed',
          },
        ],
      },
    });
    expect(res.statusCode).toBe(400);
    const paths = res.json().problems.map((p: { path: string }) => p.path) as string[];
    expect(paths.every((p) => p.startsWith('/relations/1/'))).toBe(true);
    expect(res.json().detail).toMatch(/1 record/);
    expect([await countNodes(), await countRelations()]).toEqual(before);
  });

  it('imports a good batch, and a dry run writes nothing', async () => {
    const batch = {
      nodes: [{ id: 'org:b', kind: 'Organisation', name: 'B', props: { orgType: 'arbetsgivare' } }],
      relations: [{ type: 'DEMANDS', from: 'org:b', to: 'ssyk:2221', sources: [SOURCE], evidence: 'probable' }],
    };
    const before = await countNodes();
    const dry = await app.inject({ method: 'POST', url: '/api/import?dryRun=true', payload: batch });
    expect(dry.statusCode).toBe(200);
    expect(await countNodes()).toBe(before);
    const res = await app.inject({ method: 'POST', url: '/api/import', payload: batch });
    expect(res.json()).toMatchObject({ dryRun: false, nodesCreated: 1, relationsCreated: 1 });
  });
});
