import fp from 'fastify-plugin';
import helmet from '@fastify/helmet';
import type { FastifyInstance } from 'fastify';
import { ApiProblem } from '../problems.js';
import { splitCsv } from '../schemas/common.js';
import { illFormedPath } from '../../core/exchange/limits.js';
import { problem } from '../../core/model/problems.js';
import type { StoreStats } from '../store/graph-store.js';

export interface SecurityOptions {
  /** Allow cross-origin requests from exactly this origin (AKTORSATLAS_CORS_ORIGIN); none by default. */
  corsOrigin?: string;
  /** Longest accepted query string, in bytes (default 8 KiB); longer gets 414. */
  maxQueryBytes?: number;
  /** Most nodes / relations one GET /api/graph may return (default 50,000 / 250,000); more gets 413. */
  maxGraphNodes?: number;
  maxGraphRelations?: number;
}

/**
 * The Content-Security-Policy of the app: scripts, styles, workers and connections from this origin only; no inline
 * script, no inline style elements, no plugins, no framing. `data:`/`blob:` images and `blob:` workers are what
 * Sigma and the PNG export need.
 */
export const CSP_DIRECTIVES = {
  'default-src': ["'self'"],
  'script-src': ["'self'"],
  'style-src': ["'self'"],
  'img-src': ["'self'", 'data:', 'blob:'],
  'connect-src': ["'self'"],
  'worker-src': ["'self'", 'blob:'],
  'object-src': ["'none'"],
  'frame-ancestors': ["'none'"],
  'base-uri': ["'self'"],
  'form-action': ["'self'"],
};

export const CSP = Object.entries(CSP_DIRECTIVES)
  .map(([k, v]) => `${k} ${v.join(' ')}`)
  .join('; ');

/** Swagger UI (/docs) loads only its own files but needs its inline bootstrap styles; still no inline script. */
export const DOCS_CSP =
  "default-src 'self'; script-src 'self'; style-src 'self' 'unsafe-inline'; img-src 'self' data:; connect-src 'self'; object-src 'none'; frame-ancestors 'none'; base-uri 'self'; form-action 'self'";

/**
 * Security headers (helmet with the CSP above), CORS closed unless one origin is configured, and per-request limits:
 * query-string size, and the size of the graph one request may ask for. (Body and upload limits are set where the
 * body is read: 1 MiB for JSON routes, 10 MiB for a view, 50 MiB per imported file.)
 */
export default fp<SecurityOptions>(async function security(app: FastifyInstance, opts) {
  const maxQuery = opts.maxQueryBytes ?? 8 * 1024;
  const maxNodes = opts.maxGraphNodes ?? 50_000;
  const maxRelations = opts.maxGraphRelations ?? 250_000;

  app.decorate('graphLimits', { nodes: maxNodes, relations: maxRelations });
  await app.register(helmet, {
    contentSecurityPolicy: { useDefaults: false, directives: CSP_DIRECTIVES },
    // Cross-origin isolation is not needed and would block the blob: workers of some browsers.
    crossOriginEmbedderPolicy: false,
    referrerPolicy: { policy: 'no-referrer' },
    frameguard: { action: 'deny' },
  });

  if (opts.corsOrigin) {
    const cors = (await import('@fastify/cors')).default;
    await app.register(cors, {
      origin: opts.corsOrigin,
      credentials: false,
      methods: ['GET', 'HEAD', 'POST', 'PUT', 'DELETE'],
      allowedHeaders: ['authorization', 'content-type', 'if-match', 'if-none-match'],
      exposedHeaders: ['etag', 'location', 'retry-after'],
      maxAge: 600,
    });
  }

  app.addHook('onRequest', async (request) => {
    const q = request.url.indexOf('?');
    if (q >= 0 && Buffer.byteLength(request.url.slice(q + 1)) > maxQuery) {
      throw new ApiProblem(414, 'query_too_long', `The query string is longer than ${maxQuery} bytes`);
    }
  });

  // Text that is not Unicode (a lone UTF-16 surrogate) is refused in every body, query and path before validation.
  app.addHook('preValidation', async (request) => {
    const parts = { '': request.body, '/querystring': request.query, '/params': request.params };
    for (const [base, value] of Object.entries(parts)) {
      const at = illFormedPath(value);
      if (at === undefined) continue;
      throw new ApiProblem(400, 'invalid_unicode', 'The input holds a lone UTF-16 surrogate (not Unicode text)', [
        problem(
          base + at,
          'lone_surrogate',
          'Texten innehåller ett ogiltigt tecken (ett ensamt UTF-16-surrogattecken)',
          'The text holds an invalid character (a lone UTF-16 surrogate)',
        ),
      ]);
    }
  });

  // The graph endpoint refuses, before reading it, a graph larger than the limit: filter by kinds or relation types.
  let stats: { value: StoreStats; until: number } | undefined;
  app.addHook('preHandler', async (request) => {
    if (request.method !== 'GET' || request.routeOptions.url !== '/api/graph') return;
    const now = Date.now();
    if (!stats || stats.until <= now) stats = { value: await app.store.stats(), until: now + 1_000 };
    const query = request.query as { kinds?: string; relationTypes?: string };
    const kinds = splitCsv(query.kinds);
    const types = splitCsv(query.relationTypes);
    const nodes = kinds ? kinds.reduce((s, k) => s + (stats!.value.nodesByKind[k] ?? 0), 0) : stats.value.nodes;
    const relations = types
      ? types.reduce((s, t) => s + (stats!.value.relationsByType[t] ?? 0), 0)
      : stats.value.relations;
    if (nodes > maxNodes || relations > maxRelations) {
      throw new ApiProblem(
        413,
        'graph_too_large',
        `The graph has ${nodes} nodes and ${relations} relations; one request may return at most ${maxNodes} nodes and ${maxRelations} relations. Filter with kinds= or relationTypes=, or page with /api/nodes and /api/relations.`,
      );
    }
  });
});
