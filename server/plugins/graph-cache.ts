import fp from 'fastify-plugin';
import type { FastifyInstance, FastifyRequest } from 'fastify';

export interface GraphCacheOptions {
  /** How long an answer may be reused without a write seen by this process (default 1000 ms; 0 = no cache). */
  ttlMs?: number;
  /** Most cached answers (different query strings); default 64. */
  maxEntries?: number;
}

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);
const CACHED_ROUTES = new Set(['/api/graph']);

declare module 'fastify' {
  interface FastifyRequest {
    /** The cache generation when this request began (undefined: not a cacheable request). */
    graphCacheGeneration?: number;
  }
}

/**
 * Reuses the serialised answer of GET /api/graph (the whole network, the most requested and most expensive read)
 * until a write. Any successful write through this server clears the cache before its answer is sent, so a client
 * always reads its own writes; writes by other processes (the CLI, another server on the same Neo4j) show after at
 * most `ttlMs`. Runs after authentication, so a cached answer is never served to someone who may not read.
 */
export default fp<GraphCacheOptions>(async function graphCache(app: FastifyInstance, opts) {
  const ttl = opts.ttlMs ?? 1000;
  if (ttl <= 0) return;
  const max = opts.maxEntries ?? 64;
  const cache = new Map<string, { body: Buffer; etag: string; until: number }>();
  let generation = 0;

  const cacheable = (request: FastifyRequest) =>
    request.method === 'GET' && CACHED_ROUTES.has(request.routeOptions.url ?? '');

  app.addHook('onRequest', async (request, reply) => {
    if (!cacheable(request)) return;
    const hit = cache.get(request.url);
    if (hit && hit.until > Date.now()) {
      reply.header('etag', hit.etag);
      const inm = request.headers['if-none-match'];
      if (inm && inm.split(',').some((t) => t.trim() === hit.etag)) return reply.code(304).send();
      return reply.type('application/json; charset=utf-8').send(hit.body);
    }
    request.graphCacheGeneration = generation;
  });

  app.addHook('onSend', async (request, reply, payload) => {
    if (!SAFE.has(request.method)) {
      // A write that succeeded (it has committed): forget every cached graph before the client hears back.
      if (reply.statusCode < 400) {
        generation++;
        cache.clear();
      }
      return payload;
    }
    const started = request.graphCacheGeneration;
    if (started === undefined || started !== generation || reply.statusCode !== 200 || typeof payload !== 'string')
      return payload;
    const etag = reply.getHeader('etag');
    if (typeof etag !== 'string') return payload;
    if (cache.size >= max) cache.delete(cache.keys().next().value as string);
    // Kept as bytes, so a hit is not encoded again.
    cache.set(request.url, { body: Buffer.from(payload, 'utf8'), etag, until: Date.now() + ttl });
    return payload;
  });
});
