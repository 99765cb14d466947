import { describe, it, expect } from 'vitest';
import { appWithAccounts, PASSWORD } from '../helpers/accounts.js';
import { loadConfig } from '../../server/config.js';

/**
 * Issue 18, proxy trust: X-Forwarded-For is believed only from the configured proxies (a list of addresses or a hop
 * count); the client is the right-most untrusted address. Rotating the left-most address no longer escapes the
 * sign-in limiter, and a remote client of a proxy on the same host is not the open local mode's local user.
 */

const org = (id: string) => ({ id, kind: 'Organisation', name: 'Proxybolaget', props: { orgType: 'arbetsgivare' } });

describe('trusted proxies', () => {
  const settings: Array<[string, number | boolean | string[]]> = [
    ['a list of proxy addresses', ['127.0.0.1']],
    ['one hop', 1],
    ['true (one hop)', true],
  ];
  it.each(settings)('keeps the sign-in limiter per client behind %s', async (_label, trustProxy) => {
    const { app } = await appWithAccounts(
      { ada: 'admin' },
      {
        trustProxy,
        auth: { loginLimit: { perName: 100, perIp: 3, windowMs: 60_000 } },
      },
    );
    const codes: number[] = [];
    for (let i = 0; i < 5; i++) {
      const res = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        remoteAddress: '127.0.0.1',
        // A client forging ever new left-most addresses; the proxy appends the address it saw.
        headers: { 'x-forwarded-for': `10.9.8.${i}, 203.0.113.7` },
        payload: { name: 'ada', password: `wrong ${i}` },
      });
      codes.push(res.statusCode);
    }
    expect(codes).toEqual([401, 401, 401, 429, 429]);
    // The right password from another client behind the same proxy still works.
    const other = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      remoteAddress: '127.0.0.1',
      headers: { 'x-forwarded-for': '203.0.113.8' },
      payload: { name: 'ada', password: PASSWORD },
    });
    expect(other.statusCode).toBe(200);
    await app.close();
  });

  it('does not treat a remote client of a same-host proxy as the local user of an install without accounts', async () => {
    const { app } = await appWithAccounts({}, { trustProxy: ['127.0.0.1', '::1'] });
    const remote = await app.inject({
      method: 'POST',
      url: '/api/nodes',
      remoteAddress: '127.0.0.1',
      headers: { 'x-forwarded-for': '198.51.100.9' },
      payload: org('org:proxy-remote'),
    });
    expect([401, 403]).toContain(remote.statusCode);
    expect(remote.headers['content-type']).toContain('application/problem+json');
    const local = await app.inject({
      method: 'POST',
      url: '/api/nodes',
      remoteAddress: '127.0.0.1',
      payload: org('org:proxy-local'),
    });
    expect(local.statusCode).toBe(201);
    const viaProxyFromHere = await app.inject({
      method: 'GET',
      url: '/api/nodes/org:proxy-local',
      remoteAddress: '127.0.0.1',
      headers: { 'x-forwarded-for': '127.0.0.1' },
    });
    expect(viaProxyFromHere.statusCode).toBe(200);
    await app.close();
  });

  it('ignores X-Forwarded-For from an address that is not a trusted proxy', async () => {
    const { app } = await appWithAccounts(
      { ada: 'admin' },
      { trustProxy: ['10.0.0.1'], auth: { loginLimit: { perName: 100, perIp: 2, windowMs: 60_000 } } },
    );
    const codes: number[] = [];
    for (let i = 0; i < 3; i++) {
      const res = await app.inject({
        method: 'POST',
        url: '/api/auth/login',
        remoteAddress: '198.51.100.20',
        headers: { 'x-forwarded-for': `10.1.1.${i}` },
        payload: { name: 'ada', password: `wrong ${i}` },
      });
      codes.push(res.statusCode);
    }
    expect(codes).toEqual([401, 401, 429]);
    await app.close();
  });

  it('reads AKTORSATLAS_TRUST_PROXY as a hop count or a list of addresses, and refuses anything else', () => {
    expect(loadConfig({}).trustProxy).toBe(0);
    expect(loadConfig({ AKTORSATLAS_TRUST_PROXY: '1' }).trustProxy).toBe(1);
    expect(loadConfig({ AKTORSATLAS_TRUST_PROXY: '127.0.0.1, 10.0.0.0/8,::1' }).trustProxy).toEqual([
      '127.0.0.1',
      '10.0.0.0/8',
      '::1',
    ]);
    expect(() => loadConfig({ AKTORSATLAS_TRUST_PROXY: 'yes' })).toThrow(/hop count/);
  });
});
