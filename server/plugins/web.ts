import fp from 'fastify-plugin';
import { existsSync, readdirSync, readFileSync, statSync } from 'node:fs';
import { extname, join, relative, sep } from 'node:path';
import { gzipSync } from 'node:zlib';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { contentEtag } from '../http/etag.js';

/** A built front-end file, held in memory with its gzip variant. */
interface WebFile {
  body: Buffer;
  gzip: Buffer | null;
  etag: string;
  type: string;
  /** Hashed file names under assets/ never change: cache them for a year; the rest is revalidated. */
  immutable: boolean;
}

const TYPES: Record<string, string> = {
  '.html': 'text/html; charset=utf-8',
  '.js': 'text/javascript; charset=utf-8',
  '.mjs': 'text/javascript; charset=utf-8',
  '.css': 'text/css; charset=utf-8',
  '.json': 'application/json; charset=utf-8',
  '.map': 'application/json; charset=utf-8',
  '.svg': 'image/svg+xml',
  '.txt': 'text/plain; charset=utf-8',
  '.png': 'image/png',
  '.ico': 'image/x-icon',
  '.woff2': 'font/woff2',
};
const COMPRESSIBLE = new Set(['.html', '.js', '.mjs', '.css', '.json', '.map', '.svg', '.txt']);
/** The build is a few files of well under a megabyte; anything larger is not ours to hold in memory. */
const MAX_FILE_BYTES = 16 * 1024 * 1024;

function readTree(root: string): Map<string, WebFile> {
  const files = new Map<string, WebFile>();
  const walk = (dir: string) => {
    for (const entry of readdirSync(dir, { withFileTypes: true })) {
      const path = join(dir, entry.name);
      if (entry.isDirectory()) walk(path);
      else if (entry.isFile() && statSync(path).size <= MAX_FILE_BYTES) {
        const url = `/${relative(root, path).split(sep).join('/')}`;
        const ext = extname(entry.name).toLowerCase();
        const body = readFileSync(path);
        const gz = COMPRESSIBLE.has(ext) ? gzipSync(body, { level: 9 }) : null;
        files.set(url, {
          body,
          gzip: gz && gz.length < body.length ? gz : null,
          etag: contentEtag(body),
          type: TYPES[ext] ?? 'application/octet-stream',
          immutable: url.startsWith('/assets/'),
        });
      }
    }
  };
  walk(root);
  return files;
}

function sendFile(request: FastifyRequest, reply: FastifyReply, file: WebFile): FastifyReply {
  reply.header('vary', 'accept-encoding');
  reply.header('cache-control', file.immutable ? 'public, max-age=31536000, immutable' : 'no-cache');
  reply.header('etag', file.etag);
  if (request.headers['if-none-match'] === file.etag) return reply.code(304).send();
  reply.type(file.type);
  const gzip = file.gzip && /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''));
  if (gzip && file.gzip) return reply.header('content-encoding', 'gzip').send(file.gzip);
  return reply.send(file.body);
}

/**
 * Serves the built front end (web/dist) at /, when it has been built. The files are read and compressed once, at
 * start-up, and each answer is one write: a file stream's chunks each waited for the event loop, which the graph the
 * page preloads holds for its whole synchronous read. Only the files present at start-up are served, as before (a
 * rebuild needs a restart).
 */
export default fp<{ root: string }>(async function web(app: FastifyInstance, opts) {
  if (!existsSync(opts.root)) {
    app.log.warn(`front end not built (${opts.root} missing): run "npm run build:web"`);
    return;
  }
  const files = readTree(opts.root);
  const route = { schema: { hide: true } }; // not part of the API's OpenAPI document
  for (const [url, file] of files) {
    app.get(url, route, (request, reply) => sendFile(request, reply, file));
    if (url.endsWith('/index.html')) {
      const dir = url.slice(0, -'index.html'.length);
      if (!files.has(dir)) app.get(dir, route, (request, reply) => sendFile(request, reply, file));
    }
  }
  // The questionnaire of a survey round: every /enkat/{token} is the same page, which reads its token from the path.
  const survey = files.get('/survey.html');
  if (survey) app.get('/enkat/*', route, (request, reply) => sendFile(request, reply, survey));
});
