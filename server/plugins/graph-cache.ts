import { gzip } from 'node:zlib';
import fp from 'fastify-plugin';
import type { FastifyInstance, FastifyReply, FastifyRequest } from 'fastify';
import { contentEtag } from '../http/etag.js';
import { coalesced } from './coalesced.js';
import { PatchableGraph } from './graph-patch.js';

export interface GraphCacheOptions {
  /** false turns the cache off: every GET /api/graph reads the store. */
  enabled?: boolean;
  /** Most cached answers (different query strings); default 64. */
  maxEntries?: number;
  /**
   * How long a revision read may be reused (ms). 0 = read it for every request (SQLite: a local query). Default:
   * 0 on SQLite, 500 on Neo4j, where the read is a network round trip that would otherwise cap cached reads at
   * a few hundred a second. Writes through this server still show at once; other processes' after at most this.
   */
  revisionMaxAgeMs?: number;
}

/** A serialised graph: the bytes sent and their ETag, and its gzip variant once a client asked for one. */
export interface GraphBody {
  body: Buffer;
  etag: string;
  gzip?: Buffer;
  gzipping?: Promise<void>;
}

interface Entry extends GraphBody {
  revision: string;
  generation: number;
}

export interface GraphCache {
  /** The answer for this request: shared with concurrent requests for the same graph, cached while it is valid. */
  load(request: FastifyRequest, build: () => Promise<string>): Promise<GraphBody>;
  /** How the unfiltered graph was kept up to date: full reads of the store, and catch-ups from history. */
  stats(): { rebuilds: number; patches: number };
}

const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);
/** The unfiltered graph, kept as fragments and patched from history (graph-patch.ts). */
const PATCHED_URL = '/api/graph';
/** A catch-up longer than this (a bulk import, another process's burst) reads the whole graph instead. */
const PATCH_MAX = 2000;
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
const encode = (json: string): GraphBody => withEtag(Buffer.from(json, 'utf8'));
const withEtag = (body: Buffer): GraphBody => ({ body, etag: contentEtag(body) });

/** The ETag of the gzip variant (a different representation needs a different strong ETag). */
const gzipEtag = (etag: string) => etag.replace(/"$/, '-gzip"');

const acceptsGzip = (request: FastifyRequest) => /\bgzip\b/.test(String(request.headers['accept-encoding'] ?? ''));

/**
 * Adds the gzip variant for a client that accepts it, once per body (concurrent requests share it), in libuv's
 * thread pool so the event loop keeps serving. Level 1: ~45 ms for 1/20 of the bytes of a 10k map's 15 MB, which
 * the browser otherwise receives on the same cores as the page it is starting (docs/decisions.md). A failed
 * compression leaves the identity body.
 */
async function withGzip(request: FastifyRequest, graph: GraphBody): Promise<GraphBody> {
  if (graph.gzip || !acceptsGzip(request)) return graph;
  graph.gzipping ??= new Promise<void>((resolve) =>
    gzip(graph.body, { level: 1 }, (err, gz) => {
      if (!err) graph.gzip = gz;
      resolve();
    }),
  );
  await graph.gzipping;
  return graph;
}

/**
 * Sends a graph body, gzip-encoded when it has a gzip variant and the client accepts it, or 304 when
 * If-None-Match names either variant's ETag.
 */
export function sendGraph(request: FastifyRequest, reply: FastifyReply, graph: GraphBody): FastifyReply {
  const gz = graph.gzip && acceptsGzip(request) ? graph.gzip : undefined;
  reply.header('vary', 'accept-encoding');
  reply.header('etag', gz ? gzipEtag(graph.etag) : graph.etag);
  const inm = request.headers['if-none-match'];
  const known = [graph.etag, gzipEtag(graph.etag)];
  if (inm && inm.split(',').some((t) => known.includes(t.trim()))) return reply.code(304).send();
  reply.type('application/json; charset=utf-8');
  if (gz) return reply.header('content-encoding', 'gzip').send(gz);
  return reply.send(graph.body);
}

/**
 * Reuses the serialised answer of GET /api/graph (the whole network: the most requested and most expensive read)
 * while the store's revision is unchanged. The revision moves with every committed write, from any process (the CLI,
 * another server on the same Neo4j), and is read once per request — concurrent requests share one read that started
 * after they arrived — so a cached graph is never older than the request. Concurrent misses share one store read.
 * The unfiltered graph is not read again after a write: it is patched from the history entries since its revision
 * (patchedGraph below). Filtered graphs are dropped by a write through this server before its answer is sent. Runs after authentication (its hook
 * is registered after auth's), so a cached answer is never served to someone who may not read.
 */
export default fp<GraphCacheOptions>(async function graphCache(app: FastifyInstance, opts) {
  const enabled = opts.enabled ?? true;
  const max = opts.maxEntries ?? 64;
  const cache = new Map<string, Entry>();
  const building = new Map<string, Promise<GraphBody>>();
  const maxAge = opts.revisionMaxAgeMs ?? (app.store.kind === 'neo4j' ? 500 : 0);
  const read = coalesced(() => app.store.revision());
  let recent: { value: string; at: number; generation: number } | null = null;
  /** The store revision; reused for `maxAge` ms unless this server has written since. */
  const revision = async (): Promise<string> => {
    if (maxAge > 0 && recent && recent.generation === generation && Date.now() - recent.at < maxAge)
      return recent.value;
    const g = generation;
    const value = await read();
    if (maxAge > 0) recent = { value, at: Date.now(), generation: g };
    return value;
  };
  let generation = 0;

  const patched = patchedGraph(app, PATCH_MAX);

  const cacheable = (request: FastifyRequest) =>
    enabled && request.method === 'GET' && CACHED_ROUTES.has(request.routeOptions.url ?? '');

  app.decorate('graphCache', {
    stats: () => ({ ...patched.stats }),
    async load(request, build) {
      const key = request.graphCacheKey;
      if (!key) return withGzip(request, encode(await build()));
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
            // The same object: a gzip variant made for one request is there for the next.
            cache.set(request.url, Object.assign(graph, key));
          })
          .catch(() => undefined)
          .finally(() => building.delete(id));
      }
      return withGzip(request, await pending);
    },
  } satisfies GraphCache);

  // preHandler, after the security plugin's size limit (413) and auth: a cached graph is never a way around them.
  app.addHook('preHandler', async (request, reply) => {
    if (!cacheable(request)) return;
    let current: string;
    try {
      current = await revision();
    } catch {
      // The store is unreachable: the handler's own read reports it.
      return;
    }
    if (request.url === PATCHED_URL && patched.usable) {
      const body = await patched.body(current);
      if (body) return sendGraph(request, reply, await withGzip(request, body));
    }
    const hit = cache.get(request.url);
    if (hit && hit.revision === current && hit.generation === generation)
      return sendGraph(request, reply, await withGzip(request, hit));
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

/**
 * The unfiltered graph as per-record fragments that follow the store's revision: a write (through this server or
 * another process) is applied from its history entries, a full read happens at start, after a restore (revision 0 or
 * history that does not follow on) and after a catch-up longer than `max` entries. One catch-up at a time.
 */
function patchedGraph(app: FastifyInstance, max: number) {
  const store = app.store;
  const stats = { rebuilds: 0, patches: 0 };
  let graph: PatchableGraph | null = null;
  let body: GraphBody | null = null;
  let queue: Promise<unknown> = Promise.resolve();

  const rebuild = async (revision: number): Promise<void> => {
    graph = null;
    body = null;
    if (!store.graphItems) return;
    const items = await store.graphItems();
    graph = new PatchableGraph(items, revision, { store: store.kind }, store.idOrder ?? 'utf16');
    stats.rebuilds++;
  };

  const catchUp = async (target: number): Promise<void> => {
    if (!graph || graph.revision === 0 || target < graph.revision) return rebuild(target);
    if (target === graph.revision) return;
    const entries = await store.history({ afterSeq: graph.revision, limit: max });
    if (entries.length >= max || !graph.apply(entries) || graph.revision < target) return rebuild(target);
    body = null;
    stats.patches++;
  };

  const step = async (revision: string): Promise<GraphBody | undefined> => {
    const target = Number(revision);
    if (!Number.isSafeInteger(target)) return undefined;
    try {
      await catchUp(target);
    } catch (err) {
      graph = null;
      body = null;
      app.log.warn({ err }, 'graph cache: catching up failed; the next request reads the store');
      return undefined;
    }
    if (!graph) return undefined;
    body ??= withEtag(graph.bytes());
    return body;
  };

  return {
    stats,
    usable: store.graphItems !== undefined,
    /** The graph at `revision` or later; undefined when the route should read the store itself. */
    body(revision: string): Promise<GraphBody | undefined> {
      const next = queue.then(() => step(revision));
      queue = next.catch(() => undefined);
      return next;
    },
  };
}
