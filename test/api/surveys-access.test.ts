/**
 * Who may do what with survey rounds, on a real SQLite file with accounts: editors manage rounds, viewers may not;
 * the response routes need no account; rate limits per token and per address; bounded sizes.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../server/app.js';
import { SqliteStore } from '../../server/store/sqlite/sqlite-store.js';
import { SqliteAccounts } from '../../server/store/accounts/sqlite-accounts.js';
import { SqliteSurveys } from '../../server/store/survey/sqlite-survey.js';
import { addUser } from '../../server/auth/users.js';
import { tempDbPath } from '../helpers/app.js';
import { PASSWORD, signIn, type Session } from '../helpers/accounts.js';

const A = 'org:s1-access-a';
const ROUND = { title: 'Behörighet', relationTypes: ['COLLABORATES_WITH'], respondents: [A], closesAt: '2099-12-31' };

describe('survey rounds: access, rate limits and sizes (SQLite)', () => {
  let app: FastifyInstance;
  let editor: Session;
  let viewer: Session;

  beforeAll(async () => {
    const path = tempDbPath();
    const store = new SqliteStore(path);
    const accounts = new SqliteAccounts(path);
    await addUser(accounts, { name: 'redaktor', role: 'editor', password: PASSWORD });
    await addUser(accounts, { name: 'lasare', role: 'viewer', password: PASSWORD });
    await store.createNode(
      { id: A, kind: 'Organisation', name: 'Aktör A', props: { orgType: 'kommun' } },
      { actor: 't' },
    );
    app = await buildApp({
      store,
      accounts,
      surveys: { store: new SqliteSurveys(path), perToken: 5, perAddress: 1000 },
    });
    editor = await signIn(app, 'redaktor');
    viewer = await signIn(app, 'lasare');
  });
  afterAll(async () => {
    await app?.close();
  });

  it('editors create rounds and issue links; viewers and anonymous callers may not', async () => {
    const anonymous = await app.inject({ method: 'POST', url: '/api/surveys', payload: ROUND });
    expect(anonymous.statusCode).toBe(401);
    const asViewer = await app.inject({ method: 'POST', url: '/api/surveys', payload: ROUND, headers: viewer.headers });
    expect(asViewer.statusCode).toBe(403);
    expect((await app.inject({ method: 'GET', url: '/api/surveys', headers: viewer.headers })).statusCode).toBe(403);
    const created = await app.inject({ method: 'POST', url: '/api/surveys', payload: ROUND, headers: editor.headers });
    expect(created.statusCode, created.body).toBe(201);
    const id = created.json().id as string;
    expect(
      (await app.inject({ method: 'GET', url: `/api/surveys/${id}`, headers: editor.headers })).json().createdBy,
    ).toBe('redaktor');
    const links = await app.inject({ method: 'POST', url: `/api/surveys/${id}/invitations`, headers: editor.headers });
    expect(links.statusCode).toBe(201);
    const token = (links.json() as { url: string }[])[0].url.split('/enkat/')[1];

    // The respondent has no account and no cookie, yet may read the questionnaire and search the register.
    expect((await app.inject({ method: 'GET', url: `/api/survey-response/${token}` })).statusCode).toBe(200);
    const search = await app.inject({ method: 'GET', url: `/api/survey-response/${token}/search?q=akt%C3%B6r` });
    expect(search.json().items).toEqual([{ id: A, kind: 'Organisation', name: 'Aktör A' }]);
    expect((await app.inject({ method: 'GET', url: '/api/nodes?q=akt' })).statusCode).toBe(401);
    const big = {
      ties: [],
      newTies: Array.from({ length: 51 }, () => ({ type: 'COLLABORATES_WITH', counterpartId: A })),
    };
    const tooMany = await app.inject({ method: 'PUT', url: `/api/survey-response/${token}`, payload: big });
    expect(tooMany.statusCode).toBe(400);
    const huge = await app.inject({
      method: 'PUT',
      url: `/api/survey-response/${token}`,
      payload: JSON.stringify({ ties: [], newTies: [], pad: 'x'.repeat(300_000) }),
      headers: { 'content-type': 'application/json' },
    });
    expect(huge.statusCode).toBe(413);
    // The per-token limit (5 in this app) is spent: the next request is refused with Retry-After.
    const statuses: number[] = [];
    for (let i = 0; i < 3; i++)
      statuses.push((await app.inject({ method: 'GET', url: `/api/survey-response/${token}` })).statusCode);
    expect(statuses.at(-1)).toBe(429);
    const limited = await app.inject({ method: 'GET', url: `/api/survey-response/${token}` });
    expect(limited.headers['content-type']).toContain('application/problem+json');
    expect(Number(limited.headers['retry-after'])).toBeGreaterThan(0);
    expect(limited.json().code).toBe('rate_limited');
  });

  it('refuses a round for a node that is not an organisation, a past closing date and an unknown relation kind', async () => {
    const res = await app.inject({
      method: 'POST',
      url: '/api/surveys',
      headers: editor.headers,
      payload: { ...ROUND, respondents: [A, A, 'kommun:0680'], closesAt: '2001-01-01' },
    });
    expect(res.statusCode).toBe(400);
    expect(
      res
        .json()
        .problems.map((p: { code: string }) => p.code)
        .sort(),
    ).toEqual(['duplicate', 'in_the_past', 'not_an_organisation']);
    const kind = await app.inject({
      method: 'POST',
      url: '/api/surveys',
      headers: editor.headers,
      payload: { ...ROUND, relationTypes: ['OWNS'] },
    });
    expect(kind.statusCode).toBe(400);
  });
});
