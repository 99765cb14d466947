import fp from 'fastify-plugin';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import type { SurveyStore } from '../store/survey/survey-store.js';
import { RateLimiter } from '../auth/rate-limit.js';
import { ApiProblem } from '../problems.js';
import { problem } from '../../core/model/problems.js';
import { SurveyRounds } from './rounds.js';
import { SurveyResponses } from './responses.js';
import { SurveyReview } from './review.js';
import type { Mailer } from '../mail/mailer.js';

export interface SurveyOptions {
  /** The survey store; without one the survey routes answer 503. */
  store?: SurveyStore;
  /** The public address of the app, for invitation links and the round's source (default: the request's). */
  publicUrl?: string;
  /** Requests per window per token and per client address on the response routes. */
  perToken?: number;
  perAddress?: number;
  windowMs?: number;
  /** Sends invitations by SMTP (server/mail); absent = links and CSV only. */
  mailer?: Mailer;
}

export interface Surveys {
  rounds: SurveyRounds;
  responses: SurveyResponses;
  review: SurveyReview;
  mailer: Mailer | undefined;
  baseUrl(request: FastifyRequest): string;
  /** Counts a response-route request against the client's and the token's limits; throws 429 when over. */
  limit(request: FastifyRequest, token: string): void;
}

declare module 'fastify' {
  interface FastifyInstance {
    surveys: () => Surveys;
  }
}

const unavailable = () =>
  new ApiProblem(503, 'surveys_unavailable', 'Survey rounds are not available on this server', [
    problem(
      '',
      'surveys_unavailable',
      'Enkätomgångar finns inte på den här servern',
      'Survey rounds are not available on this server',
    ),
  ]);

/** Survey rounds beside the graph store; closes the survey store on shutdown. */
export default fp<SurveyOptions>(async function surveysPlugin(app: FastifyInstance, opts) {
  const window = opts.windowMs ?? 10 * 60_000;
  const byToken = new RateLimiter(opts.perToken ?? 120, window);
  const byAddress = new RateLimiter(opts.perAddress ?? 600, window);
  const store = opts.store;
  const surveys: Surveys | undefined = store && {
    rounds: new SurveyRounds(store, app.store),
    responses: new SurveyResponses(store, app.store),
    review: new SurveyReview(store, app.store, app.graph),
    mailer: opts.mailer,
    baseUrl: (request) => (opts.publicUrl ?? `${request.protocol}://${request.host}`).replace(/\/+$/, ''),
    limit(request, token) {
      for (const hit of [byAddress.hit(request.ip), byToken.hit(token)]) {
        if (!hit.allowed)
          throw new ApiProblem(
            429,
            'rate_limited',
            'Too many requests; wait a moment',
            [
              problem(
                '',
                'rate_limited',
                'För många försök. Vänta en stund.',
                'Too many attempts. Please wait a moment.',
              ),
            ],
            { retryAfter: hit.retryAfter },
          );
      }
    },
  };
  app.decorate('surveys', () => {
    if (!surveys) throw unavailable();
    return surveys;
  });
  app.addHook('onClose', async () => {
    await store?.close();
    opts.mailer?.close();
  });
});
