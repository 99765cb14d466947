import { describe, it, expect } from 'vitest';
import { Validator } from '@seriousme/openapi-schema-validator';
import { sqliteApp } from '../helpers/app.js';

describe('OpenAPI', () => {
  it('is valid OpenAPI 3 and lists every route', async () => {
    const { app } = await sqliteApp();
    await app.ready();
    const res = await app.inject({ method: 'GET', url: '/openapi.json' });
    expect(res.statusCode).toBe(200);
    const spec = res.json();
    const result = await new Validator().validate(spec);
    expect(result.errors ?? []).toEqual([]);
    expect(result.valid).toBe(true);
    const documented = new Set(
      Object.entries(spec.paths as Record<string, Record<string, unknown>>).flatMap(([path, ops]) =>
        Object.keys(ops).map((m) => `${m.toUpperCase()} ${path}`),
      ),
    );
    const api = app.registeredRoutes.filter((r) => r.includes(' /api/')).map((r) => r.replace(/:(\w+)/g, '{$1}'));
    expect(api.length).toBeGreaterThanOrEqual(16);
    for (const r of api) expect(documented).toContain(r);
    const expected = [
      'GET /api/health',
      'GET /api/catalogue',
      'GET /api/nodes',
      'POST /api/nodes',
      'GET /api/nodes/{id}',
      'PUT /api/nodes/{id}',
      'DELETE /api/nodes/{id}',
      'GET /api/nodes/{id}/neighbourhood',
      'GET /api/relations',
      'POST /api/relations',
      'GET /api/relations/{id}',
      'PUT /api/relations/{id}',
      'DELETE /api/relations/{id}',
      'GET /api/graph',
      'POST /api/import',
      'GET /api/history',
    ];
    for (const e of expected) expect(documented).toContain(e);
    const docs = await app.inject({ method: 'GET', url: '/docs/' });
    expect(docs.statusCode).toBe(200);
    expect(docs.body).toContain('swagger');
    await app.close();
  });
});
