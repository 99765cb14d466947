import { createHash } from 'node:crypto';
import type { FastifyReply, FastifyRequest } from 'fastify';
import { ApiProblem } from '../problems.js';

/** Weak ETag of a versioned record: W/"<version>". */
export const versionEtag = (version: number): string => `W/"${version}"`;

/** ETag of a derived representation (lists, the graph): a content hash. */
export const contentEtag = (body: string | Uint8Array): string =>
  `W/"${createHash('sha1').update(body).digest('base64url').slice(0, 27)}"`;

/**
 * The version a write expects, from If-Match. Writes to existing records require it so that
 * concurrent edits are detected rather than silently overwritten.
 */
export function expectedVersion(request: FastifyRequest): number {
  const header = request.headers['if-match'];
  if (header === undefined || header === '') {
    throw new ApiProblem(
      428,
      'precondition_required',
      'This write needs an If-Match header with the ETag of the version you edited',
    );
  }
  const m = /^(?:W\/)?"(\d+)"$/.exec(String(header).trim());
  if (!m)
    throw new ApiProblem(412, 'version_mismatch', `If-Match "${String(header)}" is not a version ETag such as W/"3"`);
  return Number(m[1]);
}

/** Sends a 304 when the client's If-None-Match matches. */
export function notModified(request: FastifyRequest, reply: FastifyReply, etag: string): boolean {
  reply.header('etag', etag);
  const inm = request.headers['if-none-match'];
  if (
    inm &&
    inm
      .split(',')
      .map((s) => s.trim())
      .includes(etag)
  ) {
    reply.code(304).send();
    return true;
  }
  return false;
}
