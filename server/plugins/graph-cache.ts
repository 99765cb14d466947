import fp from 'fastify-plugin';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { contentEtag } from '../http/etag.js';
import { coalesced } from './coalesced.js';

export interface GraphCacheOptions {
  /** false turns the cache off: every GET /api/graph reads the store. */
  enabled?: boolean;
  /** Most cached answers (different query strings); default 64. */
  maxEntries?: number;
}

/** A serialised graph: the bytes sent and their ETag. */
export interface GraphBody {
  body: Buffer;
  etag: string;
}

interface Entry extends GraphBody {
  revision: string;
  generation: number;
}

export interface GraphCache {
  /** The answer for this request: shared with concurrent requests for the same graph, cached while it is valid. */
  load(request: FastifyRequest, build: () => Promise<string>): Promise<GraphBody>;
}

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);
const CACHED_ROUTES = new Set(['/api/graph']);

declare module 'fastify' {
  interface FastifyInstance {
    graphCache: GraphCache;
  }
  interface FastifyRequest {
    /** The store revision and cache generation checked when this request began (undefined: not cached). */
    graphCacheKey?: { revision: string; generation: number };
  }
}

/** Encoded once: a hit sends these bytes as they are, and the ETag hashes exactly them. */
const encode = (json: string): GraphBody => {
  const body = Buffer.from(json, 'utf8');
  return { body, etag: contentEtag(body) };
};

/** Sends a graph body (or 304 when If-None-Match has its ETag). */
export function sendGraph(request: FastifyRequest, reply: FastifyReply, graph: GraphBody): FastifyReply {
  reply.header('etag', graph.etag);
  const inm = request.headers['if-none-match'];
  if (inm && inm.split(',').some((t) => t.trim() === graph.etag)) return reply.code(304).send();
  return reply.type('application/json; charset=utf-8').send(graph.body);
}

/**
 * Reuses the serialised answer of GET /api/graph (the whole network: the most requested and most expensive read)
 * while the store's revision is unchanged. The revision moves with every committed write, from any process (the CLI,
 * another server on the same Neo4j), and is read once per request — concurrent requests share one read that started
 * after they arrived — so a cached graph is never older than the request. Concurrent misses share one store read.
 * A write through this server also clears the cache before its answer is sent. Runs after authentication (its hook
 * is registered after auth's), so a cached answer is never served to someone who may not read.
 */
export default fp<GraphCacheOptions>(async function graphCache(app: FastifyInstance, opts) {
  const enabled = opts.enabled ?? true;
  const max = opts.maxEntries ?? 64;
  const cache = new Map<string, Entry>();
  const building = new Map<string, Promise<GraphBody>>();
  const revision = coalesced(() => app.store.revision());
  let generation = 0;

  const cacheable = (request: FastifyRequest) =>
    enabled && request.method === 'GET' && CACHED_ROUTES.has(request.routeOptions.url ?? '');

  app.decorate('graphCache', {
    async load(request, build) {
      const key = request.graphCacheKey;
      if (!key) {
        return encode(await build());
      }
      const id = `${key.revision}\n${key.generation}\n${request.url}`;
      let pending = building.get(id);
      if (!pending) {
        pending = build().then(encode);
        building.set(id, pending);
        pending
          .then((graph) => {
            // Read after the revision was, so it is at least that new; a write seen since then drops it.
            if (key.generation !== generation) return;
            if (cache.size >= max && !cache.has(request.url)) cache.delete(cache.keys().next().value as string);
            cache.set(request.url, { ...graph, ...key });
          })
          .catch(() => undefined)
          .finally(() => building.delete(id));
      }
      return pending;
    },
  } satisfies GraphCache);

  app.addHook('onRequest', async (request, reply) => {
    if (!cacheable(request)) return;
    let current: string;
    try {
      current = await revision();
    } catch {
      // The store is unreachable: the handler's own read reports it.
      return;
    }
    const hit = cache.get(request.url);
    if (hit && hit.revision === current && hit.generation === generation) return sendGraph(request, reply, hit);
    request.graphCacheKey = { revision: current, generation };
  });

  app.addHook('onSend', async (request, reply, payload) => {
    // A write that succeeded (it has committed): forget every cached graph before the client hears back.
    if (!SAFE.has(request.method) && reply.statusCode < 400) {
      generation++;
      cache.clear();
    }
    return payload;
  });
});
