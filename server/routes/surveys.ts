import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { writeCsv } from '../../core/exchange/csv.js';
import {
  CompareSchema,
  InvitationSchema,
  InvitationsRequestSchema,
  ReviewDecisionSchema,
  ReviewItemSchema,
  ReviewResultSchema,
  SummarySchema,
  SurveyCreateSchema,
  SurveySchema,
} from '../../core/survey/schemas.js';
import { ProblemSchema, errorResponses } from '../schemas/common.js';
import { fileResponse } from '../schemas/exchange.js';
import { JobSchema } from '../jobs/schema.js';
import { sendInvitations } from '../mail/send-invitations.js';

const tags = ['surveys'];
const Params = Type.Object({ id: Type.String({ minLength: 3, maxLength: 80 }) });
const errors = { ...errorResponses, 403: ProblemSchema, 410: ProblemSchema };
/** Editors manage rounds; the follow-up figures are readable by viewers. */
const editor = { access: 'write' as const };
/** A POST without a body means "everyone": an empty object. */
const emptyBody = async (request: { body: unknown }) => {
  if (request.body === undefined || request.body === null) request.body = {};
};

const SendResultSchema = Type.Object({
  sent: Type.Array(Type.String()),
  withoutAddress: Type.Array(Type.String()),
  failed: Type.Array(Type.String()),
});

const CSV_HEAD = ['organisation', 'roll', 'e-post', 'länk'];

/** Survey rounds, the editor's side (issue #22): rounds, invitations, review, follow-up and comparison. */
const rounds: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/api/surveys',
    {
      config: editor,
      schema: {
        tags,
        summary: 'Create a survey round',
        body: SurveyCreateSchema,
        response: { 201: Type.Object({ id: Type.String() }), ...errors },
      },
    },
    async (request, reply) => {
      const id = await app.surveys().rounds.create(request.body, request.actor);
      reply.header('location', `/api/surveys/${id}`);
      return reply.code(201).send({ id });
    },
  );

  app.get(
    '/api/surveys',
    {
      config: editor,
      schema: {
        tags,
        summary: 'List survey rounds, newest first',
        response: { 200: Type.Object({ items: Type.Array(SurveySchema) }), ...errors },
      },
    },
    async () => {
      const { rounds } = app.surveys();
      const list = await rounds.surveys.listSurveys();
      return { items: await Promise.all(list.map((s) => rounds.view(s))) };
    },
  );

  app.get(
    '/api/surveys/compare',
    {
      schema: {
        tags,
        summary: 'Round `to` against round `from`: ties new and lost, density, reach, key-actor ranks',
        querystring: Type.Object({
          from: Type.String({ minLength: 3, maxLength: 80 }),
          to: Type.String({ minLength: 3, maxLength: 80 }),
        }),
        response: { 200: CompareSchema, ...errors },
      },
    },
    async (request) => app.surveys().review.compare(request.query.from, request.query.to),
  );

  app.get(
    '/api/surveys/compare.pdf',
    {
      schema: {
        tags,
        summary: 'The PDF report with the section comparing round `to` with round `from`',
        querystring: Type.Object({
          from: Type.String({ minLength: 3, maxLength: 80 }),
          to: Type.String({ minLength: 3, maxLength: 80 }),
          lang: Type.Optional(Type.Union([Type.Literal('sv'), Type.Literal('en')])),
        }),
        response: { 200: fileResponse('The report (PDF)'), 202: JobSchema, ...errors },
      },
    },
    async (request, reply) => {
      const { from, to, lang } = request.query;
      const rounds = await app.surveys().review.compare(from, to);
      const options = { lang: lang ?? ('sv' as const), rounds };
      const cost = (await app.networkSize()) * 4;
      return app.answerOrJob(request, reply, 'export', cost, async ({ signal, progress }) => {
        const snapshot = await app.snapshotSource();
        const out = await app.work.run(
          'export',
          { format: 'pdf', snapshot, options },
          { signal, onProgress: progress },
        );
        return { kind: 'file', ...out };
      });
    },
  );

  app.get(
    '/api/surveys/:id',
    {
      config: editor,
      schema: {
        tags,
        summary: 'A survey round with its respondents',
        params: Params,
        response: { 200: SurveySchema, ...errors },
      },
    },
    async (request) => {
      const { rounds } = app.surveys();
      return rounds.view(await rounds.get(request.params.id));
    },
  );

  app.post(
    '/api/surveys/:id/close',
    {
      config: editor,
      schema: {
        tags,
        summary: 'Close a round: links stop working, mail addresses are erased',
        params: Params,
        response: { 200: SurveySchema, ...errors },
      },
    },
    async (request) => {
      const { rounds } = app.surveys();
      await rounds.get(request.params.id);
      return rounds.view(await rounds.surveys.closeSurvey(request.params.id, new Date().toISOString()));
    },
  );
};

/** Invitation links, the review queue and the follow-up of one round. */
const perRound: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/api/surveys/:id/invitations',
    {
      config: editor,
      preValidation: emptyBody,
      schema: {
        tags,
        summary: 'Issue invitation links (shown once; a new call replaces the old links)',
        params: Params,
        body: InvitationsRequestSchema,
        response: { 201: Type.Array(InvitationSchema), ...errors },
      },
    },
    async (request, reply) => {
      const s = app.surveys();
      const issued = await s.rounds.invite(request.params.id, request.body.nodeIds, s.baseUrl(request));
      return reply.code(201).send(issued.map(({ nodeId, url }) => ({ nodeId, url })));
    },
  );

  app.post(
    '/api/surveys/:id/invitations.csv',
    {
      config: editor,
      preValidation: emptyBody,
      schema: {
        tags,
        summary: 'Issue invitation links as a CSV for a mail merge (organisation, role, e-mail, link)',
        params: Params,
        body: InvitationsRequestSchema,
        response: { 201: Type.String(), ...errors },
      },
    },
    async (request, reply) => {
      const s = app.surveys();
      const issued = await s.rounds.invite(request.params.id, request.body.nodeIds, s.baseUrl(request));
      const names = await s.rounds.names(issued.map((x) => x.nodeId));
      const rows = issued.map((x) => [names.get(x.nodeId) ?? x.nodeId, x.respondent.role, x.respondent.email, x.url]);
      return reply
        .code(201)
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="inbjudningar.csv"')
        .send(writeCsv([CSV_HEAD, ...rows]));
    },
  );

  app.post(
    '/api/surveys/:id/invitations/send',
    {
      config: editor,
      preValidation: emptyBody,
      schema: {
        tags,
        summary: 'Mail new links to the respondents with a mail address (needs SMTP configured)',
        params: Params,
        body: InvitationsRequestSchema,
        response: { 201: SendResultSchema, ...errors },
      },
    },
    async (request, reply) => {
      const s = app.surveys();
      const out = await sendInvitations(
        s.rounds,
        s.mailer,
        request.params.id,
        request.body.nodeIds,
        s.baseUrl(request),
      );
      return reply.code(201).send(out);
    },
  );

  app.get(
    '/api/surveys/:id/invitations.csv',
    {
      config: editor,
      schema: {
        tags,
        summary:
          'The mail-merge list for reminders: organisation, role, e-mail, invited, answered (links are shown once, by the POST)',
        params: Params,
        response: { 200: Type.String(), ...errors },
      },
    },
    async (request, reply) => {
      const { rounds } = app.surveys();
      const s = await rounds.get(request.params.id);
      const respondents = await rounds.surveys.listRespondents(s.id);
      const names = await rounds.names(respondents.map((r) => r.nodeId));
      const rows = respondents.map((r) => [
        names.get(r.nodeId) ?? r.nodeId,
        r.role,
        r.email,
        r.invitedAt,
        r.submittedAt,
      ]);
      return reply
        .type('text/csv; charset=utf-8')
        .header('content-disposition', 'attachment; filename="svarande.csv"')
        .send(writeCsv([['organisation', 'roll', 'e-post', 'inbjuden', 'svarat'], ...rows]));
    },
  );

  app.get(
    '/api/surveys/:id/review',
    {
      config: editor,
      schema: {
        tags,
        summary: 'The review queue: confirmations, denials, new ties, new organisations',
        params: Params,
        response: { 200: Type.Object({ items: Type.Array(ReviewItemSchema) }), ...errors },
      },
    },
    async (request) => ({ items: await app.surveys().review.items(request.params.id) }),
  );

  app.post(
    '/api/surveys/:id/review',
    {
      config: editor,
      schema: {
        tags,
        summary: 'Accept or reject review items; accepted items are written as one batch with the round as source',
        params: Params,
        body: ReviewDecisionSchema,
        response: { 200: ReviewResultSchema, ...errors },
      },
    },
    async (request) => {
      const s = app.surveys();
      const url = `${s.baseUrl(request)}/api/surveys/${encodeURIComponent(request.params.id)}`;
      return s.review.decide(request.params.id, request.body, request.writeContext(), url);
    },
  );

  app.get(
    '/api/surveys/:id/summary',
    {
      schema: {
        tags,
        summary: 'Response rate overall, by municipality and helix; non-respondents; reciprocity',
        params: Params,
        response: { 200: SummarySchema, ...errors },
      },
    },
    async (request) => app.surveys().review.summary(request.params.id),
  );
};

const surveys: FastifyPluginAsyncTypebox = async (app) => {
  await app.register(rounds);
  await app.register(perRound);
};

export default surveys;
