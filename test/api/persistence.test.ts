import { describe, it, expect } from 'vitest';
import { sqliteApp, tempDbPath } from '../helpers/app.js';

describe('persistence and seeding', () => {
  it('keeps data across a restart and seeds only an empty store', async () => {
    const path = tempDbPath();
    const first = await sqliteApp({ seed: true, path });
    const seeded = (await first.app.inject({ method: 'GET', url: '/api/health' })).json().counts;
    expect(seeded.nodes).toBeGreaterThan(100);
    const created = await first.app.inject({
      method: 'POST',
      url: '/api/nodes',
      payload: {
        id: 'org:efter-omstart',
        kind: 'Organisation',
        name: 'Efter omstart AB',
        props: { orgType: 'arbetsgivare' },
      },
    });
    expect(created.statusCode).toBe(201);
    await first.app.close();

    const second = await sqliteApp({ seed: true, path });
    const counts = (await second.app.inject({ method: 'GET', url: '/api/health' })).json().counts;
    expect(counts.nodes).toBe(seeded.nodes + 1);
    expect(counts.relations).toBe(seeded.relations);
    const node = await second.app.inject({ method: 'GET', url: '/api/nodes/org:efter-omstart' });
    expect(node.json()).toMatchObject({ name: 'Efter omstart AB', version: 1 });
    await second.app.close();
  });
});
