import type { Socket } from 'node:net';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { problemBody } from './errors.js';
import { CSP } from './security.js';

/**
 * The headers helmet adds (server/plugins/security.ts), written by hand for the answers Fastify and Node give before
 * any hook runs: a bad URL encoding, an over-long path parameter, over-large headers, a malformed request line.
 */
export const SECURITY_HEADERS: Readonly<Record<string, string>> = {
  'content-security-policy': CSP.replaceAll('; ', ';'),
  'cross-origin-opener-policy': 'same-origin',
  'cross-origin-resource-policy': 'same-origin',
  'origin-agent-cluster': '?1',
  'referrer-policy': 'no-referrer',
  'strict-transport-security': 'max-age=31536000; includeSubDomains',
  'x-content-type-options': 'nosniff',
  'x-dns-prefetch-control': 'off',
  'x-download-options': 'noopen',
  'x-frame-options': 'DENY',
  'x-permitted-cross-domain-policies': 'none',
  'x-xss-protection': '0',
};

const PROBLEM_TYPE = 'application/problem+json; charset=utf-8';

/** Fastify's router errors (bad percent-encoding, a parameter longer than maxParamLength) as problem+json. */
export function frameworkErrors(error: Error & { code?: string }, _request: FastifyRequest, reply: FastifyReply) {
  const [status, code, detail] =
    error.code === 'FST_ERR_MAX_PARAM_LENGTH'
      ? [414, 'path_too_long', 'A path parameter is longer than the limit']
      : error.code === 'FST_ERR_BAD_URL'
        ? [400, 'bad_url', 'The URL is not valid percent-encoded UTF-8']
        : [400, 'bad_request', 'The request could not be routed'];
  return reply
    .status(status)
    .headers(SECURITY_HEADERS)
    .type(PROBLEM_TYPE)
    .send(problemBody(status, code, detail));
}

/** Errors Node's HTTP parser raises before Fastify sees a request (431 headers too large, 408, 400). */
export function clientErrorHandler(err: Error & { code?: string }, socket: Socket): void {
  if (err.code === 'ECONNRESET' || socket.destroyed) return;
  const [status, code, detail] =
    err.code === 'HPE_HEADER_OVERFLOW'
      ? [431, 'headers_too_large', 'The request headers are larger than the limit']
      : err.code === 'ERR_HTTP_REQUEST_TIMEOUT'
        ? [408, 'request_timeout', 'The request took too long to arrive']
        : [400, 'malformed_request', 'The request is not valid HTTP'];
  const body = JSON.stringify(problemBody(status, code, detail));
  const reason = { 400: 'Bad Request', 408: 'Request Timeout', 431: 'Request Header Fields Too Large' }[status];
  const headers = Object.entries({
    ...SECURITY_HEADERS,
    'content-type': PROBLEM_TYPE,
    'content-length': String(Buffer.byteLength(body)),
    connection: 'close',
  })
    .map(([k, v]) => `${k}: ${v}`)
    .join('\r\n');
  if (socket.writable) socket.write(`HTTP/1.1 ${status} ${reason}\r\n${headers}\r\n\r\n${body}`);
  socket.destroy(err);
}
