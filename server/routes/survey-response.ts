import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { AnswersSchema, QuestionnaireSchema } from '../../core/survey/schemas.js';
import { ProblemSchema, errorResponses } from '../schemas/common.js';

const tags = ['survey response'];
/** Tokens are 43 base64url characters; the bound only keeps junk out, the lookup is by hash whatever is sent. */
const Params = Type.Object({ token: Type.String({ minLength: 1, maxLength: 100 }) });
const errors = { ...errorResponses, 410: ProblemSchema, 429: ProblemSchema };
/** No account: the token is the credential. No cookie session either, so no CSRF token is asked for. */
const open = { access: 'public' as const, csrf: false };
const SearchHit = Type.Object({
  id: Type.String(),
  kind: Type.String(),
  name: Type.String(),
  nameEn: Type.Optional(Type.String()),
});
const Saved = Type.Object({
  updatedAt: Type.Union([Type.String(), Type.Null()]),
  submittedAt: Type.Union([Type.String(), Type.Null()]),
});

/** The questionnaire of one invitation link (/enkat/{token}): read, save a draft, submit. */
const surveyResponse: FastifyPluginAsyncTypebox = async (app) => {
  // Limits before any work: counted when the route is matched, before the body is read or validated.
  app.addHook('onRequest', async (request) => {
    const token = (request.params as { token?: unknown }).token;
    app.surveys().limit(request, typeof token === 'string' ? token : '');
  });

  app.get(
    '/api/survey-response/:token',
    {
      config: open,
      schema: {
        tags,
        summary: "The organisation's questionnaire",
        params: Params,
        response: { 200: QuestionnaireSchema, ...errors },
      },
    },
    async (request, reply) => {
      const s = app.surveys();
      reply.header('cache-control', 'no-store');
      return s.responses.questionnaire(request.params.token);
    },
  );

  app.get(
    '/api/survey-response/:token/search',
    {
      config: open,
      schema: {
        tags,
        summary: 'Search the register for a counterpart (organisations, networks) or a topic (occupations, skills)',
        params: Params,
        querystring: Type.Object({
          q: Type.String({ minLength: 2, maxLength: 100 }),
          kind: Type.Optional(
            Type.Union([
              Type.Literal('Organisation'),
              Type.Literal('Network'),
              Type.Literal('Occupation'),
              Type.Literal('Skill'),
            ]),
          ),
        }),
        response: { 200: Type.Object({ items: Type.Array(SearchHit) }), ...errors },
      },
    },
    async (request) => {
      const { q, kind } = request.query;
      return { items: await app.surveys().responses.search(request.params.token, q, kind) };
    },
  );

  app.put(
    '/api/survey-response/:token',
    {
      config: open,
      bodyLimit: 256 * 1024,
      schema: {
        tags,
        summary: 'Save the answers as a draft (changeable until the round closes)',
        params: Params,
        body: AnswersSchema,
        response: { 200: Saved, ...errors },
      },
    },
    async (request) => {
      const s = app.surveys();
      const r = await s.responses.save(request.params.token, request.body, false);
      return { updatedAt: r.updatedAt, submittedAt: r.submittedAt };
    },
  );

  app.post(
    '/api/survey-response/:token/submit',
    {
      config: open,
      bodyLimit: 256 * 1024,
      preValidation: async (request) => {
        if (request.body === undefined || request.body === null) request.body = {};
      },
      schema: {
        tags,
        summary: 'Submit the answers (the body, or the saved draft when the body is empty)',
        params: Params,
        body: Type.Union([AnswersSchema, Type.Object({}, { additionalProperties: false })]),
        response: { 200: Saved, ...errors },
      },
    },
    async (request) => {
      const s = app.surveys();
      const body = request.body;
      const answers = 'ties' in body ? body : (await s.responses.questionnaire(request.params.token)).answers;
      const r = await s.responses.save(request.params.token, answers, true);
      return { updatedAt: r.updatedAt, submittedAt: r.submittedAt };
    },
  );
};

export default surveyResponse;
