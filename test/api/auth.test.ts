import { describe, it, expect, beforeAll, afterAll } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../server/app.js';
import { SqliteStore } from '../../server/store/sqlite/sqlite-store.js';
import { SqliteAccounts } from '../../server/store/accounts/sqlite-accounts.js';
import { hashPassword, verifyPassword } from '../../server/auth/passwords.js';
import { tempDbPath, SOURCE } from '../helpers/app.js';
import { PASSWORD, appWithAccounts, cookieOf, signIn, type Session } from '../helpers/accounts.js';
import { randomUUID } from 'node:crypto';
import neo4j from 'neo4j-driver';
import type { Account, AccountStore, ApiToken, Role } from '../../server/store/accounts/account-store.js';
import { Neo4jAccounts } from '../../server/store/accounts/neo4j-accounts.js';
import { addUser } from '../../server/auth/users.js';
import { describeNeo4j } from '../helpers/neo4j.js';

const org = (key: string) => ({
  id: `org:auth-${key}`,
  kind: 'Organisation',
  name: `Auth ${key}`,
  props: { orgType: 'arbetsgivare' },
});
const net = { id: 'nw:auth-net', kind: 'Network', name: 'Auth-nätverket', props: { networkType: 'forum' } };
const member = (key: string) => ({
  type: 'MEMBER_OF',
  from: `org:auth-${key}`,
  to: 'nw:auth-net',
  sources: [SOURCE],
  evidence: 'confirmed',
});

describe('passwords', () => {
  it('hashes with scrypt and a per-user salt, and verifies in constant time', async () => {
    const a = await hashPassword('hemligt lösenord');
    const b = await hashPassword('hemligt lösenord');
    expect(a).toMatch(/^scrypt\$16384\$8\$1\$[\w-]{22}\$[\w-]{43}$/);
    expect(a).not.toBe(b);
    expect(await verifyPassword('hemligt lösenord', a)).toBe(true);
    expect(await verifyPassword('hemligt lösenord!', a)).toBe(false);
    expect(await verifyPassword('x', 'scrypt$1048577$8$1$abc$def')).toBe(false);
    expect(await verifyPassword('x', 'md5$whatever')).toBe(false);
  });
});

describe('auth: open local mode (no accounts)', () => {
  let app: FastifyInstance;
  beforeAll(async () => {
    const path = tempDbPath();
    app = await buildApp({ store: new SqliteStore(path), accounts: new SqliteAccounts(path) });
  });
  afterAll(async () => app.close());

  it('says so in /api/me, and lets the local user write as "local"', async () => {
    const me = await app.inject({ method: 'GET', url: '/api/me' });
    expect(me.json()).toMatchObject({ user: null, mode: 'open-local', role: 'admin', csrfToken: null });
    const res = await app.inject({ method: 'POST', url: '/api/nodes', payload: org('local') });
    expect(res.statusCode).toBe(201);
    expect(res.json().createdBy).toBe('local');
  });

  it('serves only loopback: another client address or a foreign Host header gets 401', async () => {
    const remote = await app.inject({ method: 'GET', url: '/api/nodes', remoteAddress: '192.0.2.7' });
    expect(remote.statusCode).toBe(401);
    const rebinding = await app.inject({
      method: 'POST',
      url: '/api/nodes',
      headers: { host: 'evil.example' },
      payload: org('dns'),
    });
    expect(rebinding.statusCode).toBe(401);
    const ipv6 = await app.inject({
      method: 'GET',
      url: '/api/nodes',
      remoteAddress: '::1',
      headers: { host: '[::1]:3000' },
    });
    expect(ipv6.statusCode).toBe(200);
  });

  it('refuses writes from another origin (CSRF against localhost)', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/nodes',
      headers: { origin: 'https://evil.example' },
      payload: org('csrf'),
    });
    expect(res.statusCode).toBe(403);
    expect(res.json().code).toBe('cross_origin');
    const site = await app.inject({
      method: 'POST',
      url: '/api/nodes',
      headers: { 'sec-fetch-site': 'cross-site' },
      payload: org('csrf'),
    });
    expect(site.statusCode).toBe(403);
    const same = await app.inject({
      method: 'POST',
      url: '/api/nodes',
      headers: { origin: 'http://localhost:80' },
      payload: org('same'),
    });
    expect(same.statusCode).toBe(201);
  });

  it('has no sign-in without accounts, and lets the local user create the first admin', async () => {
    const login = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { name: 'ada', password: PASSWORD },
    });
    expect(login.statusCode).toBe(409);
    const notAdmin = await app.inject({
      method: 'POST',
      url: '/api/users',
      payload: { name: 'ada', role: 'editor', password: PASSWORD },
    });
    expect(notAdmin.statusCode).toBe(400);
    const created = await app.inject({
      method: 'POST',
      url: '/api/users',
      payload: { name: 'Ada', role: 'admin', password: PASSWORD },
    });
    expect(created.statusCode).toBe(201);
    expect(created.json()).toMatchObject({ name: 'ada', role: 'admin' });
    expect(created.json().passwordHash).toBeUndefined();
    // From now on, every write needs a session or a token.
    const write = await app.inject({ method: 'POST', url: '/api/nodes', payload: org('after') });
    expect(write.statusCode).toBe(401);
    expect(write.headers['www-authenticate']).toContain('Bearer');
    expect((await app.inject({ method: 'GET', url: '/api/me' })).json()).toMatchObject({
      user: null,
      mode: 'sign-in-required',
      role: null,
    });
  });
});

describe('auth: accounts, roles and route classes', () => {
  let app: FastifyInstance;
  let accounts: SqliteAccounts;
  let admin: Session;
  let editor: Session;
  let viewer: Session;
  beforeAll(async () => {
    ({ app, accounts } = await appWithAccounts({ ada: 'admin', eddie: 'editor', vera: 'viewer' }));
    admin = await signIn(app, 'ada');
    editor = await signIn(app, 'eddie');
    viewer = await signIn(app, 'vera');
  });
  afterAll(async () => app.close());

  it('signs in with an HttpOnly, SameSite=Strict session cookie and returns the CSRF token', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { name: 'EDDIE', password: PASSWORD },
    });
    expect(res.statusCode).toBe(200);
    const raw = String(res.headers['set-cookie']);
    expect(raw).toMatch(/^aktorsatlas_session=[\w-]{43};/);
    expect(raw).toContain('HttpOnly');
    expect(raw).toContain('SameSite=Strict');
    expect(raw).toContain('Path=/');
    expect(raw).not.toContain('Secure'); // plain HTTP
    expect(res.json()).toMatchObject({
      user: { name: 'eddie', role: 'editor' },
      role: 'editor',
      mode: 'accounts',
      via: 'session',
    });
    expect(res.json().csrfToken).toMatch(/^[\w-]{43}$/);
    const me = await app.inject({ method: 'GET', url: '/api/me', headers: { cookie: cookieOf(res)! } });
    expect(me.json()).toMatchObject({ user: { name: 'eddie' }, csrfToken: res.json().csrfToken });
    expect(me.headers['cache-control']).toBe('no-store');
  });

  it('stores only hashes of session ids', async () => {
    const id = editor.cookie.split('=')[1];
    const sessions = await accounts.sessionByHash(id);
    expect(sessions).toBeUndefined();
  });

  it('refuses a wrong password or an unknown name with the same 401', async () => {
    const wrong = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { name: 'vera', password: 'wrong password!' },
    });
    const unknown = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { name: 'nobody', password: 'wrong password!' },
    });
    expect(wrong.statusCode).toBe(401);
    expect(unknown.statusCode).toBe(401);
    expect(wrong.json().code).toBe(unknown.json().code);
  });

  it('reads need a viewer: 401 without credentials, 200 for each role', async () => {
    expect((await app.inject({ method: 'GET', url: '/api/nodes' })).statusCode).toBe(401);
    expect((await app.inject({ method: 'GET', url: '/api/graph' })).statusCode).toBe(401);
    expect((await app.inject({ method: 'GET', url: '/api/history' })).statusCode).toBe(401);
    for (const s of [viewer, editor, admin]) {
      expect((await app.inject({ method: 'GET', url: '/api/nodes', headers: { cookie: s.cookie } })).statusCode).toBe(
        200,
      );
      expect((await app.inject({ method: 'GET', url: '/api/graph', headers: { cookie: s.cookie } })).statusCode).toBe(
        200,
      );
    }
    expect((await app.inject({ method: 'GET', url: '/api/health' })).statusCode).toBe(200);
    expect((await app.inject({ method: 'GET', url: '/api/catalogue' })).statusCode).toBe(200);
  });

  it('writes: 401 without credentials, 403 for a viewer, success for an editor (every write route)', async () => {
    const ifMatch = (v: number) => ({ 'if-match': `W/"${v}"` });
    const writes = [
      { method: 'POST', url: '/api/nodes', payload: org('a'), ok: 201 },
      { method: 'POST', url: '/api/nodes', payload: net, ok: 201 },
      {
        method: 'PUT',
        url: '/api/nodes/org:auth-a',
        headers: ifMatch(1),
        payload: { ...org('a'), name: 'Auth A2' },
        ok: 200,
      },
      { method: 'POST', url: '/api/relations', payload: member('a'), ok: 201 },
      {
        method: 'PUT',
        url: '/api/relations/rel:member_of:org:auth-a:nw:auth-net',
        headers: ifMatch(1),
        payload: { ...member('a'), weight: 2 },
        ok: 200,
      },
      { method: 'POST', url: '/api/import', payload: { nodes: [org('b')], relations: [member('b')] }, ok: 200 },
      { method: 'PUT', url: '/api/views/karta', payload: { state: { zoom: 1 } }, ok: 200 },
      { method: 'DELETE', url: '/api/views/karta', headers: ifMatch(1), ok: 204 },
      { method: 'DELETE', url: '/api/relations/rel:member_of:org:auth-a:nw:auth-net', headers: ifMatch(2), ok: 204 },
      { method: 'DELETE', url: '/api/nodes/org:auth-b', headers: ifMatch(1), ok: 204 },
    ] as const;
    for (const w of writes) {
      const base = { method: w.method, url: w.url, ...('payload' in w ? { payload: w.payload } : {}) };
      const extra = 'headers' in w ? w.headers : {};
      const anon = await app.inject({ ...base, headers: { ...extra } });
      expect(anon.statusCode, `${w.method} ${w.url} anonymous`).toBe(401);
      const asViewer = await app.inject({ ...base, headers: { ...extra, ...viewer.headers } });
      expect(asViewer.statusCode, `${w.method} ${w.url} viewer`).toBe(403);
      expect(asViewer.json().code).toBe('forbidden');
      const asEditor = await app.inject({ ...base, headers: { ...extra, ...editor.headers } });
      expect(asEditor.statusCode, `${w.method} ${w.url} editor: ${asEditor.body}`).toBe(w.ok);
    }
  });

  it('records the signed-in user as the author in the record and in history', async () => {
    const node = await app.inject({ method: 'GET', url: '/api/nodes/org:auth-a', headers: { cookie: viewer.cookie } });
    expect(node.json()).toMatchObject({ createdBy: 'eddie', updatedBy: 'eddie' });
    const h = await app.inject({ method: 'GET', url: '/api/history?author=eddie', headers: { cookie: viewer.cookie } });
    expect(h.json().items.length).toBeGreaterThanOrEqual(8);
    expect(h.json().items.every((e: { actor: string }) => e.actor === 'eddie')).toBe(true);
  });

  it('needs the CSRF token on a cookie-authenticated write', async () => {
    const none = await app.inject({
      method: 'POST',
      url: '/api/nodes',
      headers: { cookie: editor.cookie },
      payload: org('c'),
    });
    expect(none.statusCode).toBe(403);
    expect(none.json().code).toBe('csrf_failed');
    const wrong = await app.inject({
      method: 'POST',
      url: '/api/nodes',
      headers: { cookie: editor.cookie, 'x-csrf-token': viewer.csrf },
      payload: org('c'),
    });
    expect(wrong.statusCode).toBe(403);
    expect(
      (await app.inject({ method: 'POST', url: '/api/nodes', headers: editor.headers, payload: org('c') })).statusCode,
    ).toBe(201);
  });

  it('user management needs an admin', async () => {
    for (const s of [undefined, viewer, editor]) {
      const res = await app.inject({ method: 'GET', url: '/api/users', headers: s ? s.headers : {} });
      expect(res.statusCode).toBe(s ? 403 : 401);
      const add = await app.inject({
        method: 'POST',
        url: '/api/users',
        headers: s ? s.headers : {},
        payload: { name: 'mallory', role: 'admin', password: PASSWORD },
      });
      expect(add.statusCode).toBe(s ? 403 : 401);
    }
    const list = await app.inject({ method: 'GET', url: '/api/users', headers: admin.headers });
    expect(list.statusCode).toBe(200);
    expect(list.json().items.map((u: { name: string }) => u.name)).toEqual(['ada', 'eddie', 'vera']);
    expect(JSON.stringify(list.json())).not.toContain('scrypt');
    const add = await app.inject({
      method: 'POST',
      url: '/api/users',
      headers: admin.headers,
      payload: { name: 'walt', role: 'viewer', password: PASSWORD },
    });
    expect(add.statusCode).toBe(201);
    const dup = await app.inject({
      method: 'POST',
      url: '/api/users',
      headers: admin.headers,
      payload: { name: 'WALT', role: 'viewer', password: PASSWORD },
    });
    expect(dup.statusCode).toBe(409);
    const short = await app.inject({
      method: 'POST',
      url: '/api/users',
      headers: admin.headers,
      payload: { name: 'x', role: 'viewer', password: 'short' },
    });
    expect(short.statusCode).toBe(400);
    const badName = await app.inject({
      method: 'POST',
      url: '/api/users',
      headers: admin.headers,
      payload: { name: '../etc', role: 'viewer', password: PASSWORD },
    });
    expect(badName.statusCode).toBe(400);
    const promote = await app.inject({
      method: 'PUT',
      url: '/api/users/walt',
      headers: admin.headers,
      payload: { role: 'editor' },
    });
    expect(promote.json()).toMatchObject({ name: 'walt', role: 'editor' });
    const lastAdmin = await app.inject({
      method: 'PUT',
      url: '/api/users/ada',
      headers: admin.headers,
      payload: { role: 'editor' },
    });
    expect(lastAdmin.statusCode).toBe(409);
    const removeLast = await app.inject({ method: 'DELETE', url: '/api/users/ada', headers: admin.headers });
    expect(removeLast.statusCode).toBe(409);
    expect((await app.inject({ method: 'DELETE', url: '/api/users/walt', headers: admin.headers })).statusCode).toBe(
      204,
    );
    expect((await app.inject({ method: 'DELETE', url: '/api/users/walt', headers: admin.headers })).statusCode).toBe(
      404,
    );
  });

  it('a role change applies to open sessions', async () => {
    await app.inject({
      method: 'POST',
      url: '/api/users',
      headers: admin.headers,
      payload: { name: 'rolf', role: 'editor', password: PASSWORD },
    });
    const rolf = await signIn(app, 'rolf');
    expect(
      (await app.inject({ method: 'POST', url: '/api/nodes', headers: rolf.headers, payload: org('rolf1') }))
        .statusCode,
    ).toBe(201);
    await app.inject({ method: 'PUT', url: '/api/users/rolf', headers: admin.headers, payload: { role: 'viewer' } });
    expect(
      (await app.inject({ method: 'POST', url: '/api/nodes', headers: rolf.headers, payload: org('rolf2') }))
        .statusCode,
    ).toBe(403);
    // A new password ends the sessions.
    await app.inject({
      method: 'PUT',
      url: '/api/users/rolf',
      headers: admin.headers,
      payload: { password: 'a brand new password' },
    });
    expect((await app.inject({ method: 'GET', url: '/api/nodes', headers: rolf.headers })).statusCode).toBe(401);
  });

  it('API tokens: shown once, stored hashed, used as Bearer without CSRF, capped at the creator role, revocable', async () => {
    const denied = await app.inject({
      method: 'POST',
      url: '/api/auth/tokens',
      headers: viewer.headers,
      payload: { name: 'script' },
    });
    expect(denied.statusCode).toBe(403);
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/tokens',
      headers: editor.headers,
      payload: { name: 'nightly import' },
    });
    expect(res.statusCode).toBe(201);
    const { token, id, role } = res.json();
    expect(token).toMatch(/^akt_[\w-]{43}$/);
    expect(role).toBe('editor');
    const listed = await app.inject({ method: 'GET', url: '/api/auth/tokens', headers: editor.headers });
    expect(JSON.stringify(listed.json())).not.toContain(token);
    expect(listed.json().items.map((t: { id: string }) => t.id)).toContain(id);
    const bearer = { authorization: `Bearer ${token}` };
    const write = await app.inject({ method: 'POST', url: '/api/nodes', headers: bearer, payload: org('token') });
    expect(write.statusCode).toBe(201);
    expect(write.json().createdBy).toBe('eddie');
    expect((await app.inject({ method: 'GET', url: '/api/me', headers: bearer })).json()).toMatchObject({
      via: 'token',
      role: 'editor',
      csrfToken: null,
    });
    const tooHigh = await app.inject({
      method: 'POST',
      url: '/api/auth/tokens',
      headers: editor.headers,
      payload: { name: 'x', role: 'admin' },
    });
    expect(tooHigh.statusCode).toBe(403);
    const readOnly = await app.inject({
      method: 'POST',
      url: '/api/auth/tokens',
      headers: editor.headers,
      payload: { name: 'reader', role: 'viewer' },
    });
    const ro = { authorization: `Bearer ${readOnly.json().token}` };
    expect((await app.inject({ method: 'GET', url: '/api/nodes', headers: ro })).statusCode).toBe(200);
    expect((await app.inject({ method: 'POST', url: '/api/nodes', headers: ro, payload: org('ro') })).statusCode).toBe(
      403,
    );
    const bad = await app.inject({
      method: 'GET',
      url: '/api/nodes',
      headers: { authorization: 'Bearer akt_not-a-real-token' },
    });
    expect(bad.statusCode).toBe(401);
    expect(bad.json().code).toBe('invalid_token');
    expect(
      (await app.inject({ method: 'GET', url: '/api/nodes', headers: { authorization: 'Basic YWRhOnB3' } })).statusCode,
    ).toBe(401);
    expect(
      (await app.inject({ method: 'DELETE', url: `/api/auth/tokens/${id}`, headers: viewer.headers })).statusCode,
    ).toBe(404);
    expect(
      (await app.inject({ method: 'DELETE', url: `/api/auth/tokens/${id}`, headers: editor.headers })).statusCode,
    ).toBe(204);
    expect((await app.inject({ method: 'GET', url: '/api/nodes', headers: bearer })).statusCode).toBe(401);
  });

  it('signs out: the session ends and the cookie is cleared', async () => {
    const s = await signIn(app, 'vera');
    const noCsrf = await app.inject({ method: 'POST', url: '/api/auth/logout', headers: { cookie: s.cookie } });
    expect(noCsrf.statusCode).toBe(403);
    const out = await app.inject({ method: 'POST', url: '/api/auth/logout', headers: s.headers });
    expect(out.statusCode).toBe(204);
    expect(String(out.headers['set-cookie'])).toMatch(/aktorsatlas_session=;.*Expires=Thu, 01 Jan 1970/);
    expect((await app.inject({ method: 'GET', url: '/api/nodes', headers: { cookie: s.cookie } })).statusCode).toBe(
      401,
    );
  });

  it('every /api route is in one class, and without credentials only the public ones answer', async () => {
    const PUBLIC = [
      'GET /api/health',
      'GET /api/catalogue',
      'GET /api/me',
      'POST /api/auth/login',
      'POST /api/auth/logout',
      // The questionnaire: a respondent has a link, not an account (the token is the credential).
      'GET /api/survey-response/:token',
      'GET /api/survey-response/:token/search',
      'PUT /api/survey-response/:token',
      'POST /api/survey-response/:token/submit',
    ];
    const routes = app.registeredRoutes.filter((r) => r.includes(' /api/'));
    expect(routes.length).toBeGreaterThan(20);
    for (const r of routes) {
      const [method, path] = r.split(' ');
      const url = path.replace(/:(\w+)/g, 'org:x');
      const res = await app.inject({ method: method as 'GET', url, ...(method === 'GET' ? {} : { payload: {} }) });
      if (PUBLIC.includes(r)) expect(res.statusCode, r).not.toBe(401);
      else expect(res.statusCode, r).toBe(401);
    }
  });
});

describe('auth: rate limit, anonymous read, Secure cookie', () => {
  it('limits sign-in attempts per IP and name (429 with Retry-After)', async () => {
    const { app } = await appWithAccounts({ ada: 'admin' });
    const codes: number[] = [];
    for (let i = 0; i < 6; i++) {
      codes.push(
        (
          await app.inject({
            method: 'POST',
            url: '/api/auth/login',
            payload: { name: 'ada', password: `wrong password ${i}` },
          })
        ).statusCode,
      );
    }
    expect(codes).toEqual([401, 401, 401, 401, 401, 429]);
    const limited = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      payload: { name: 'ada', password: PASSWORD },
    });
    expect(limited.statusCode).toBe(429);
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    // Another IP is not affected.
    const other = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      remoteAddress: '127.0.0.2',
      payload: { name: 'ada', password: PASSWORD },
    });
    expect(other.statusCode).toBe(200);
    await app.close();
  });

  it('lets anyone read, and nobody write, with anonymous read', async () => {
    const { app } = await appWithAccounts({ ada: 'admin' }, { auth: { anonymousRead: true } });
    expect((await app.inject({ method: 'GET', url: '/api/me' })).json()).toMatchObject({
      user: null,
      mode: 'anonymous-read',
      role: 'viewer',
    });
    expect((await app.inject({ method: 'GET', url: '/api/nodes', remoteAddress: '198.51.100.4' })).statusCode).toBe(
      200,
    );
    expect((await app.inject({ method: 'POST', url: '/api/nodes', payload: org('anon') })).statusCode).toBe(401);
    expect((await app.inject({ method: 'GET', url: '/api/users' })).statusCode).toBe(401);
    await app.close();
  });

  it('marks the cookie Secure behind TLS (X-Forwarded-Proto from a trusted proxy)', async () => {
    const { app } = await appWithAccounts({ ada: 'admin' }, { trustProxy: true });
    const res = await app.inject({
      method: 'POST',
      url: '/api/auth/login',
      headers: { 'x-forwarded-proto': 'https' },
      payload: { name: 'ada', password: PASSWORD },
    });
    expect(res.statusCode).toBe(200);
    expect(String(res.headers['set-cookie'])).toContain('Secure');
    await app.close();
  });
});

/** The account store contract, on SQLite and on Neo4j (names are namespaced; everything is removed at the end). */
function accountContract(label: string, open: () => Promise<AccountStore>): void {
  describe(`account store: ${label}`, () => {
    let accounts: AccountStore;
    const ns = `u${randomUUID().slice(0, 6)}`;
    const now = '2025-01-01T00:00:00.000Z';
    const account = (name: string, role: Role = 'editor'): Account => ({
      id: randomUUID(),
      name: `${ns}-${name}`,
      role,
      passwordHash: 'scrypt$16384$8$1$x$y',
      createdAt: now,
      updatedAt: now,
    });
    beforeAll(async () => {
      accounts = await open();
    });
    afterAll(async () => {
      for (const a of await accounts.listAccounts()) if (a.name.startsWith(ns)) await accounts.removeAccount(a.id);
      await accounts.close();
    });

    it('creates, finds, updates and refuses duplicate names', async () => {
      const a = await accounts.createAccount(account('anna'));
      expect(await accounts.getAccount(a.id)).toEqual(a);
      expect(await accounts.getAccountByName(a.name)).toEqual(a);
      await expect(accounts.createAccount({ ...account('anna'), id: randomUUID() })).rejects.toMatchObject({
        code: 'account_exists',
      });
      const b = await accounts.updateAccount(a.id, { role: 'admin' }, '2025-02-01T00:00:00.000Z');
      expect(b).toMatchObject({ role: 'admin', passwordHash: a.passwordHash, updatedAt: '2025-02-01T00:00:00.000Z' });
      await expect(accounts.updateAccount('nope', { role: 'viewer' }, now)).rejects.toMatchObject({
        code: 'account_not_found',
      });
      expect((await accounts.listAccounts()).filter((x) => x.name.startsWith(ns)).map((x) => x.name)).toEqual([a.name]);
      expect(await accounts.countAccounts()).toBeGreaterThanOrEqual(1);
    });

    it('keeps tokens and sessions by hash; a new password ends the sessions; removal takes both', async () => {
      const a = await accounts.createAccount(account('tina'));
      const token: ApiToken = {
        id: randomUUID(),
        name: 'script',
        role: 'viewer',
        accountId: a.id,
        tokenHash: `h-${randomUUID()}`,
        createdAt: now,
      };
      await accounts.createToken(token);
      expect(await accounts.tokenByHash(token.tokenHash)).toEqual(token);
      expect(await accounts.listTokens(a.id)).toEqual([token]);
      const s1 = {
        idHash: `s-${randomUUID()}`,
        accountId: a.id,
        csrfToken: 'c1',
        createdAt: now,
        expiresAt: '2999-01-01T00:00:00.000Z',
      };
      const old = {
        idHash: `s-${randomUUID()}`,
        accountId: a.id,
        csrfToken: 'c0',
        createdAt: now,
        expiresAt: '2000-01-01T00:00:00.000Z',
      };
      await accounts.createSession(s1);
      await accounts.createSession(old);
      expect(await accounts.sessionByHash(s1.idHash)).toEqual(s1);
      expect(await accounts.removeExpiredSessions(new Date().toISOString())).toBeGreaterThanOrEqual(1);
      expect(await accounts.sessionByHash(old.idHash)).toBeUndefined();
      await accounts.updateAccount(a.id, { passwordHash: 'scrypt$16384$8$1$new$new' }, now);
      expect(await accounts.sessionByHash(s1.idHash)).toBeUndefined();
      const s2 = { ...s1, idHash: `s-${randomUUID()}` };
      await accounts.createSession(s2);
      await accounts.removeSession(s2.idHash);
      expect(await accounts.sessionByHash(s2.idHash)).toBeUndefined();
      await accounts.createSession({ ...s1, idHash: `s-${randomUUID()}` });
      await accounts.removeAccount(a.id);
      expect(await accounts.tokenByHash(token.tokenHash)).toBeUndefined();
      expect(await accounts.getAccount(a.id)).toBeUndefined();
      await expect(accounts.removeToken(token.id)).rejects.toMatchObject({ code: 'token_not_found' });
    });

    it('signs in through the API on this store', async () => {
      await addUser(accounts, { name: `${ns}-ed`, role: 'editor', password: PASSWORD });
      const app = await buildApp({ store: new SqliteStore(tempDbPath()), accounts: wrapNoClose(accounts) });
      const s = await signIn(app, `${ns}-ed`);
      const res = await app.inject({ method: 'POST', url: '/api/nodes', headers: s.headers, payload: org(`${ns}`) });
      expect(res.statusCode).toBe(201);
      expect(res.json().createdBy).toBe(`${ns}-ed`);
      const t = await app.inject({
        method: 'POST',
        url: '/api/auth/tokens',
        headers: s.headers,
        payload: { name: 'x' },
      });
      expect(
        (
          await app.inject({ method: 'GET', url: '/api/me', headers: { authorization: `Bearer ${t.json().token}` } })
        ).json().user.name,
      ).toBe(`${ns}-ed`);
      await app.close();
    });
  });
}

/** The app closes its account store; the contract keeps using it, so hand the app a view whose close does nothing. */
function wrapNoClose(a: AccountStore): AccountStore {
  return new Proxy(a, {
    get: (target, prop) =>
      prop === 'close' ? async () => undefined : (target as unknown as Record<string | symbol, unknown>)[prop],
  }) as AccountStore;
}

accountContract('sqlite', async () => new SqliteAccounts(tempDbPath()));
describeNeo4j('account store on Neo4j', (uri) => {
  accountContract('neo4j', async () => {
    const driver = neo4j.driver(uri, undefined, { disableLosslessIntegers: true });
    return Neo4jAccounts.open(driver, 'neo4j', true);
  });
});
