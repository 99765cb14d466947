/**
 * Invitations by SMTP: nodemailer, configured by a URL as the environment would give it, sends to a real local SMTP
 * server (the `smtp-server` package) started by the test; the mailed link opens the questionnaire. The address is
 * erased when the round closes. Real SQLite.
 */
import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { SMTPServer } from 'smtp-server';
import type { AddressInfo } from 'node:net';
import type { FastifyInstance } from 'fastify';
import { buildApp } from '../../server/app.js';
import { SqliteStore } from '../../server/store/sqlite/sqlite-store.js';
import { SqliteSurveys } from '../../server/store/survey/sqlite-survey.js';
import { mailConfigFromEnv, smtpMailer } from '../../server/mail/mailer.js';
import { tempDbPath } from '../helpers/app.js';
import { SurveyClient } from './surveys-client.js';

const A = 'org:s1-mail-a';
const B = 'org:s1-mail-b';

describe('survey invitations by SMTP (SQLite, a local SMTP server)', () => {
  let smtp: SMTPServer;
  let app: FastifyInstance;
  let plain: FastifyInstance;
  const received: { to: string[]; data: string }[] = [];

  beforeAll(async () => {
    smtp = new SMTPServer({
      authOptional: true,
      disabledCommands: ['STARTTLS'],
      onData(stream, session, done) {
        let data = '';
        stream.setEncoding('utf8');
        stream.on('data', (c: string) => (data += c));
        stream.on('end', () => {
          received.push({ to: session.envelope.rcptTo.map((r) => r.address), data });
          done();
        });
      },
    });
    await new Promise<void>((ok) => smtp.listen(0, '127.0.0.1', () => ok()));
    const port = (smtp.server.address() as AddressInfo).port;
    const config = mailConfigFromEnv({
      AKTORSATLAS_SMTP_URL: `smtp://127.0.0.1:${port}`,
      AKTORSATLAS_MAIL_FROM: 'atlas@example.org',
    });
    const path = tempDbPath();
    const store = new SqliteStore(path);
    for (const [id, name] of [
      [A, 'Mottagare A'],
      [B, 'Mottagare B'],
    ])
      await store.createNode({ id, kind: 'Organisation', name, props: { orgType: 'kommun' } }, { actor: 't' });
    app = await buildApp({
      store,
      surveys: { store: new SqliteSurveys(path), mailer: smtpMailer(config!), publicUrl: 'https://atlas.example.org/' },
    });
    const path2 = tempDbPath();
    plain = await buildApp({ store: new SqliteStore(path2), surveys: { store: new SqliteSurveys(path2) } });
  });
  afterAll(async () => {
    await app?.close();
    await plain?.close();
    await new Promise<void>((ok) => smtp.close(() => ok()));
  });

  it('mails each respondent with an address its own link; the link works; closing erases the address', async () => {
    const api = new SurveyClient(app);
    const id = await api.create({
      title: 'Utskick',
      relationTypes: ['COLLABORATES_WITH'],
      respondents: [{ nodeId: A, role: 'Kommunchef', email: 'kansli@a.example.org' }, B],
      closesAt: '2099-12-31',
    });
    const res = await app.inject({ method: 'POST', url: `/api/surveys/${id}/invitations/send` });
    expect(res.statusCode, res.body).toBe(201);
    expect(res.json()).toEqual({ sent: [A], withoutAddress: [B], failed: [] });
    expect(received).toHaveLength(1);
    expect(received[0].to).toEqual(['kansli@a.example.org']);
    const body = received[0].data.replace(/=\r?\n/g, '');
    const link = /https:\/\/atlas\.example\.org\/enkat\/([A-Za-z0-9_-]{43})/.exec(body);
    expect(link).not.toBeNull();
    expect(body).toContain('Kommunchef');
    expect((await api.questionnaire(link![1])).organisation.id).toBe(A);

    await app.inject({ method: 'POST', url: `/api/surveys/${id}/close` });
    const csv = await app.inject({ method: 'GET', url: `/api/surveys/${id}/invitations.csv` });
    expect(csv.body).not.toContain('kansli@a.example.org');
  });

  it('without SMTP settings, sending answers 409 problem+json and the links stay available', async () => {
    const api = new SurveyClient(plain);
    expect(mailConfigFromEnv({})).toBeUndefined();
    const node = { id: A, kind: 'Organisation', name: 'A', props: { orgType: 'kommun' } };
    await plain.store.createNode(node, { actor: 't' });
    const id = await api.create({
      title: 'Inget utskick',
      relationTypes: ['MEMBER_OF'],
      respondents: [A],
      closesAt: '2099-12-31',
    });
    const res = await plain.inject({ method: 'POST', url: `/api/surveys/${id}/invitations/send` });
    expect(res.statusCode).toBe(409);
    expect(res.json()).toMatchObject({
      code: 'mail_not_configured',
      problems: [{ message: { sv: expect.stringContaining('e-post') } }],
    });
    expect(await api.invite(id)).toHaveLength(1);
  });
});
