import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { sqliteApp } from '../helpers/app.js';

describe('API: nodes', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    ({ app } = await sqliteApp());
  });
  afterAll(async () => app.close());

  const org = {
    id: 'org:testbolaget',
    kind: 'Organisation',
    name: 'Testbolaget i Jönköping',
    props: { orgType: 'arbetsgivare', kommunkod: '0680' },
  };

  it('creates a node and answers 201 with an ETag', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/nodes', payload: org });
    expect(res.statusCode).toBe(201);
    expect(res.headers.etag).toBe('W/"1"');
    expect(res.json()).toMatchObject({ id: 'org:testbolaget', version: 1, createdBy: 'local' });
  });

  it('answers 304 to a matching If-None-Match', async () => {
    const res = await app.inject({
      method: 'GET',
      url: '/api/nodes/org:testbolaget',
      headers: { 'if-none-match': 'W/"1"' },
    });
    expect(res.statusCode).toBe(304);
  });

  it('refuses a stale If-Match with 412 and leaves the record unchanged', async () => {
    const ok = await app.inject({
      method: 'PUT',
      url: '/api/nodes/org:testbolaget',
      headers: { 'if-match': 'W/"1"' },
      payload: { ...org, name: 'Testbolaget AB' },
    });
    expect(ok.statusCode).toBe(200);
    expect(ok.headers.etag).toBe('W/"2"');
    const stale = await app.inject({
      method: 'PUT',
      url: '/api/nodes/org:testbolaget',
      headers: { 'if-match': 'W/"1"' },
      payload: { ...org, name: 'Överskrivet' },
    });
    expect(stale.statusCode).toBe(412);
    expect(stale.headers['content-type']).toContain('application/problem+json');
    expect(stale.json()).toMatchObject({ code: 'version_mismatch', status: 412 });
    const now = await app.inject({ method: 'GET', url: '/api/nodes/org:testbolaget' });
    expect(now.json()).toMatchObject({ name: 'Testbolaget AB', version: 2 });
  });

  it('refuses a kind change with 400 before the version check, and 404 for a missing node', async () => {
    // Id prefixes tie an id to its kind, so only a record written past validation can meet a body of another kind.
    const odd = { ...org, id: 'org:udda', kind: 'Network', props: { networkType: 'branschrad' } };
    await app.store.createNode(odd, { actor: 'test' });
    const res = await app.inject({
      method: 'PUT',
      url: '/api/nodes/org:udda',
      headers: { 'if-match': 'W/"9"' },
      payload: { ...org, id: 'org:udda' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json()).toMatchObject({ code: 'validation_failed', problems: [{ path: '/kind', code: 'kind_change' }] });
    expect(await app.store.getNode('org:udda')).toMatchObject({ kind: 'Network', version: 1 });
    const missing = await app.inject({
      method: 'PUT',
      url: '/api/nodes/org:finnsinte',
      headers: { 'if-match': 'W/"1"' },
      payload: { ...org, id: 'org:finnsinte' },
    });
    expect(missing.statusCode).toBe(404);
    expect(missing.json()).toMatchObject({ code: 'not_found' });
  });

  it('requires If-Match on writes to existing records (428)', async () => {
    const res = await app.inject({ method: 'DELETE', url: '/api/nodes/org:testbolaget' });
    expect(res.statusCode).toBe(428);
    expect(res.json().code).toBe('precondition_required');
  });

  it('names the field of an unknown kind', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/nodes',
      payload: { ...org, id: 'org:x', kind: 'Spaceship' },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().problems).toEqual([expect.objectContaining({ path: '/kind', code: 'unknown_kind' })]);
  });

  it('checks kommunkod and organisationsnummer, in Swedish and English', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/nodes',
      payload: { ...org, id: 'org:y', props: { orgType: 'arbetsgivare', kommunkod: '0699', orgnr: '556036-0794' } },
    });
    expect(res.statusCode).toBe(400);
    const problems = res.json().problems as { path: string; code: string; message: { sv: string; en: string } }[];
    expect(problems.map((p) => [p.path, p.code])).toEqual(
      expect.arrayContaining([
        ['/props/kommunkod', 'kommunkod_unknown'],
        ['/props/orgnr', 'orgnr_checksum'],
      ]),
    );
    expect(problems[0].message.sv).toMatch(/\w/);
    expect(problems[0].message.en).toMatch(/\w/);
    const good = await app.inject({
      method: 'POST',
      url: '/api/nodes',
      payload: { ...org, id: 'org:z', props: { orgType: 'arbetsgivare', orgnr: '556036-0793' } },
    });
    expect(good.statusCode).toBe(201);
  });

  it('rejects a wrong id prefix and an unknown property, nothing written', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/nodes',
      payload: { ...org, id: 'nw:wrong', props: { orgType: 'arbetsgivare', colour: 'red' } },
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().problems.map((p: { path: string }) => p.path)).toEqual(
      expect.arrayContaining(['/id', '/props/colour']),
    );
    expect((await app.inject({ method: 'GET', url: '/api/nodes/nw:wrong' })).statusCode).toBe(404);
  });

  it('rejects wrong types with the field named', async () => {
    const res = await app.inject({ method: 'POST', url: '/api/nodes', payload: { ...org, id: 'org:w', name: 42 } });
    expect(res.statusCode).toBe(400);
    expect(res.json().problems).toEqual(
      expect.arrayContaining([expect.objectContaining({ path: '/name', code: 'type' })]),
    );
  });

  it('answers malformed JSON with 400 problem+json', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/nodes',
      headers: { 'content-type': 'application/json' },
      payload: '{"id": "org:a",',
    });
    expect(res.statusCode).toBe(400);
    expect(res.json().code).toBe('malformed_json');
  });

  it('deletes with the right If-Match', async () => {
    const res = await app.inject({ method: 'DELETE', url: '/api/nodes/org:z', headers: { 'if-match': 'W/"1"' } });
    expect(res.statusCode).toBe(204);
    expect((await app.inject({ method: 'GET', url: '/api/nodes/org:z' })).statusCode).toBe(404);
  });
});

describe('API: body limit', () => {
  it('refuses an oversized body with 413 problem+json', async () => {
    const { app } = await sqliteApp({ bodyLimit: 2048 });
    const res = await app.inject({
      method: 'POST',
      url: '/api/nodes',
      payload: { id: 'org:big', kind: 'Organisation', name: 'x'.repeat(5000), props: { orgType: 'ideell' } },
    });
    expect(res.statusCode).toBe(413);
    expect(res.json()).toMatchObject({ code: 'body_too_large' });
    await app.close();
  });
});
