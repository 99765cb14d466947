import fp from 'fastify-plugin';
import type { FastifyError, FastifyInstance, FastifyReply } from 'fastify';
import { StoreError } from '../store/errors.js';
import { ApiProblem } from '../problems.js';
import type { Problem } from '../../core/model/problems.js';
import { ajvProblems } from './ajv-problems.js';

const STORE_STATUS: Record<StoreError['code'], number> = {
  not_found: 404,
  already_exists: 409,
  version_mismatch: 412,
  dangling_endpoint: 400,
  store_unavailable: 503,
};

const TITLES: Record<number, string> = {
  400: 'Bad Request',
  401: 'Unauthorized',
  403: 'Forbidden',
  404: 'Not Found',
  408: 'Request Timeout',
  409: 'Conflict',
  412: 'Precondition Failed',
  413: 'Content Too Large',
  414: 'URI Too Long',
  415: 'Unsupported Media Type',
  422: 'Unprocessable Content',
  428: 'Precondition Required',
  429: 'Too Many Requests',
  431: 'Request Header Fields Too Large',
  500: 'Internal Server Error',
  503: 'Service Unavailable',
};

/** The RFC 9457 body of a problem (also written by hand where Fastify answers before any hook runs). */
export function problemBody(
  status: number,
  code: string,
  detail: string,
  problems: Problem[] = [],
  extra: Record<string, unknown> = {},
) {
  return {
    type: `urn:aktorsatlas:problem:${code}`,
    title: TITLES[status] ?? 'Error',
    status,
    code,
    detail,
    ...(problems.length > 0 ? { problems } : {}),
    ...extra,
  };
}

export function sendProblem(
  reply: FastifyReply,
  status: number,
  code: string,
  detail: string,
  problems: Problem[] = [],
  extra: Record<string, unknown> = {},
) {
  return reply
    .status(status)
    .type('application/problem+json')
    .send(problemBody(status, code, detail, problems, extra));
}

/** Maps every failure to problem+json; 5xx details stay in the log, never in the answer. */
export default fp(async function errors(app: FastifyInstance) {
  app.setErrorHandler((error: FastifyError, request, reply) => {
    if (error instanceof ApiProblem) {
      // A busy pool says when to come back (Retry-After), as the rate limiter does.
      if (typeof error.extra.retryAfter === 'number') reply.header('retry-after', String(error.extra.retryAfter));
      return sendProblem(reply, error.status, error.code, error.message, error.problems, error.extra);
    }
    if (error instanceof StoreError) {
      const status = STORE_STATUS[error.code];
      if (status >= 500) request.log.warn({ err: error }, 'store unavailable');
      const problems: Problem[] =
        error.code === 'dangling_endpoint'
          ? [
              {
                path: `/${String(error.details.end ?? '')}`,
                code: 'unknown_node',
                message: {
                  sv: `Noden "${String(error.details.node)}" finns inte`,
                  en: `Node "${String(error.details.node)}" does not exist`,
                },
              },
            ]
          : [];
      return sendProblem(
        reply,
        status,
        error.code,
        error.message,
        problems,
        error.code === 'already_exists' || error.code === 'version_mismatch' ? { id: error.details.id } : {},
      );
    }
    // The Neo4j whitelist refuses kinds, types and property names outside the catalogue before any query is built.
    if ((error as Error).name === 'UnsafeIdentifierError')
      return sendProblem(reply, 400, 'unsafe_identifier', error.message);
    if (error.validation) {
      const where = error.validationContext ?? 'body';
      return sendProblem(reply, 400, 'validation_failed', `Invalid ${where}`, ajvProblems(error.validation, where));
    }
    if (error.code === 'FST_ERR_CTP_BODY_TOO_LARGE')
      return sendProblem(reply, 413, 'body_too_large', 'The request body is larger than the limit');
    if (error.code === 'FST_ERR_CTP_INVALID_MEDIA_TYPE')
      return sendProblem(reply, 415, 'unsupported_media_type', error.message);
    if (error.code === 'FST_ERR_CTP_EMPTY_JSON_BODY')
      return sendProblem(reply, 400, 'empty_body', 'The JSON body is empty');
    if (error instanceof SyntaxError || error.code === 'FST_ERR_CTP_INVALID_JSON_BODY') {
      return sendProblem(reply, 400, 'malformed_json', `Malformed JSON: ${error.message}`, [
        {
          path: '',
          code: 'malformed_json',
          message: { sv: 'Kroppen är inte giltig JSON', en: 'The body is not valid JSON' },
        },
      ]);
    }
    if (error.statusCode === 429) return sendProblem(reply, 429, 'rate_limited', error.message);
    if (error.statusCode && error.statusCode >= 400 && error.statusCode < 500) {
      return sendProblem(reply, error.statusCode, error.code?.toLowerCase() ?? 'bad_request', error.message);
    }
    request.log.error({ err: error }, 'unhandled error');
    return sendProblem(reply, 500, 'internal_error', 'An internal error occurred');
  });

  app.setNotFoundHandler((request, reply) =>
    sendProblem(reply, 404, 'route_not_found', `No route ${request.method} ${request.url}`),
  );
});
