import Fastify, { type FastifyInstance, type FastifyServerOptions } from 'fastify';
import type { TypeBoxTypeProvider } from '@fastify/type-provider-typebox';
import type { GraphStore } from './store/graph-store.js';
import errors from './plugins/errors.js';
import storePlugin from './plugins/store.js';
import actor from './plugins/actor.js';
import openapi from './plugins/openapi.js';
import webPlugin from './plugins/web.js';
import meta from './routes/meta.js';
import nodes from './routes/nodes.js';
import relations from './routes/relations.js';
import graph from './routes/graph.js';
import importRoute from './routes/import.js';
import history from './routes/history.js';
import views from './routes/views.js';
import analysis from './routes/analysis.js';
import completeness from './routes/completeness.js';
import gaps from './routes/gaps.js';
import platform from './routes/platform.js';
import council from './routes/council.js';
import scenarios from './routes/scenarios.js';
import exchange from './routes/exchange.js';
import { APP_VERSION } from './version.js';
import { clientErrorHandler, frameworkErrors } from './plugins/framework-errors.js';
import { installValidators } from './plugins/validators.js';
import security, { type SecurityOptions } from './plugins/security.js';
import authPlugin from './plugins/auth.js';
import authRoutes from './routes/auth.js';
import graphCache, { type GraphCacheOptions } from './plugins/graph-cache.js';
import type { AccountStore } from './store/accounts/account-store.js';
import { SqliteSurveys } from './store/survey/sqlite-survey.js';
import { sqliteFile } from './jobs/snapshot-source.js';
import type { AuthOptions } from './auth/service.js';
import jobsPlugin, { type JobsOptions } from './jobs/plugin.js';
import jobRoutes from './routes/jobs.js';
import surveysPlugin, { type SurveyOptions } from './survey/plugin.js';
import surveyRoutes from './routes/surveys.js';
import surveyResponseRoutes from './routes/survey-response.js';

export interface AppOptions {
  store: GraphStore;
  logger?: FastifyServerOptions['logger'];
  /** Body limit for ordinary JSON routes, in bytes (imports have their own, larger limit). */
  bodyLimit?: number;
  /** Serve the built front end from this folder, if it exists. */
  webRoot?: string;
  /** Accounts, tokens and sessions; absent (or empty) = open local mode: the local user on loopback may do all. */
  accounts?: AccountStore;
  /** Sign-in options (anonymous read, session lifetime, Secure cookie, sign-in rate limits). */
  auth?: AuthOptions;
  /** Security headers, CORS and per-request limits. */
  security?: SecurityOptions;
  /** The worker pool and jobs: threads, queue bound, time budget, and the cost from which work runs as a job. */
  jobs?: JobsOptions;
  /** Reuse of GET /api/graph answers while the store's revision is unchanged (enabled: false turns it off). */
  graphCache?: GraphCacheOptions;
  /**
   * Reverse proxies whose X-Forwarded-* are believed (client IP, TLS): their addresses or CIDR ranges, or a hop count.
   * The client is the right-most address not trusted; `true` means one hop (the proxy in front), never the chain.
   */
  trustProxy?: boolean | number | string[];
  /** Survey rounds (issue #22): their store, the public address for links, rate limits. */
  surveys?: SurveyOptions;
}

declare module 'fastify' {
  interface FastifyInstance {
    appVersion: string;
    /** "METHOD /path" of every registered route, so a test can check that OpenAPI lists them all. */
    registeredRoutes: string[];
  }
}

/** Fastify's trustProxy from ours: a list stays a list; a count (`true` = 1) trusts that many hops from the socket. */
function trustProxyOption(v: AppOptions['trustProxy']): {
  trustProxy?: string[] | ((a: string, hop: number) => boolean);
} {
  if (v === undefined || v === false || v === 0) return {};
  if (Array.isArray(v)) return v.length === 0 ? {} : { trustProxy: v };
  const hops = v === true ? 1 : v;
  return { trustProxy: (_address, hop) => hop < hops };
}

/** The Fastify app factory: plugins for errors, store and docs, then routes that only translate HTTP. */
export async function buildApp(options: AppOptions): Promise<FastifyInstance> {
  const app = Fastify({
    logger: options.logger ?? false,
    bodyLimit: options.bodyLimit ?? 1024 * 1024,
    return503OnClosing: true,
    // Ready waits for a warm worker thread (server/jobs), which loads tsx and the core modules: slow on a busy machine.
    pluginTimeout: 120_000,
    routerOptions: { maxParamLength: 500 },
    ...trustProxyOption(options.trustProxy),
    frameworkErrors,
    clientErrorHandler,
  }).withTypeProvider<TypeBoxTypeProvider>();

  app.decorate('appVersion', APP_VERSION);
  installValidators(app);
  const routes: string[] = [];
  app.decorate('registeredRoutes', routes);
  app.addHook('onRoute', (route) => {
    const methods = Array.isArray(route.method) ? route.method : [route.method];
    for (const m of methods) if (m !== 'HEAD') routes.push(`${m} ${route.url}`);
  });
  await app.register(errors);
  await app.register(security, options.security ?? {});
  await app.register(openapi, { version: APP_VERSION });
  await app.register(storePlugin, { store: options.store });
  await app.register(actor);
  await app.register(authPlugin, {
    ...options.auth,
    ...(options.accounts ? { accounts: options.accounts } : {}),
    ...(options.security?.corsOrigin ? { allowedOrigin: options.security.corsOrigin } : {}),
  });
  await app.register(graphCache, options.graphCache ?? {});
  await app.register(jobsPlugin, options.jobs ?? {});
  await app.register(authRoutes);
  await app.register(meta);
  await app.register(nodes);
  await app.register(relations);
  await app.register(graph);
  await app.register(importRoute);
  await app.register(history);
  await app.register(views);
  await app.register(analysis);
  await app.register(gaps);
  await app.register(platform);
  await app.register(council);
  await app.register(completeness);
  await app.register(scenarios);
  await app.register(exchange);
  await app.register(jobRoutes);
  // Survey rounds live beside the graph: an app on a SQLite store gets them in the same file unless told otherwise.
  const surveys = options.surveys ?? {};
  const surveyStore = surveys.store ?? defaultSurveys(options.store);
  await app.register(surveysPlugin, { ...surveys, ...(surveyStore ? { store: surveyStore } : {}) });
  await app.register(surveyRoutes);
  await app.register(surveyResponseRoutes);
  if (options.webRoot) await app.register(webPlugin, { root: options.webRoot });
  return app;
}

/** A SQLite graph store's file also holds its survey rounds; other stores get theirs from the caller (serve). */
function defaultSurveys(store: GraphStore): SqliteSurveys | undefined {
  const file = sqliteFile(store);
  return file ? new SqliteSurveys(file) : undefined;
}
