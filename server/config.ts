import { resolve } from 'node:path';

/** Runtime configuration from the environment (documented in the README). */
export interface Config {
  host: string;
  port: number;
  sqlitePath: string;
  neo4j?: { uri: string; user?: string; password?: string; database: string };
  seed: boolean;
  webRoot: string;
  logLevel: string;
  /** AKTORSATLAS_ANONYMOUS_READ=1: requests without credentials may read (once accounts exist). */
  anonymousRead: boolean;
  /** AKTORSATLAS_CORS_ORIGIN: the one other origin allowed to call the API (none by default). */
  corsOrigin?: string;
  /**
   * AKTORSATLAS_TRUST_PROXY: behind reverse proxies (client IP and TLS from X-Forwarded-*): a hop count (1 = the one
   * proxy in front) or a comma-separated list of proxy addresses or CIDR ranges. Unset or 0: none.
   */
  trustProxy: number | string[];
  /** AKTORSATLAS_SECURE_COOKIE: auto (Secure when the request came over TLS), always or never. */
  secureCookie: 'auto' | 'always' | 'never';
  /** AKTORSATLAS_SESSION_HOURS: how long a sign-in lasts (default 12). */
  sessionHours: number;
  /** AKTORSATLAS_JOB_THRESHOLD: the estimated cost (nodes + relations) from which work runs as a job (default 20000). */
  jobThreshold?: number;
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const root = resolve(new URL('..', import.meta.url).pathname);
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535)
    throw new Error(`PORT must be a port number, not "${env.PORT}"`);
  return {
    host: env.HOST ?? '127.0.0.1',
    port,
    sqlitePath: resolve(env.AKTORSATLAS_DB ?? resolve(root, 'data', 'aktorsatlas.db')),
    ...(env.NEO4J_URI
      ? {
          neo4j: {
            uri: env.NEO4J_URI,
            ...(env.NEO4J_USER ? { user: env.NEO4J_USER } : {}),
            ...(env.NEO4J_PASSWORD ? { password: env.NEO4J_PASSWORD } : {}),
            database: env.NEO4J_DATABASE ?? 'neo4j',
          },
        }
      : {}),
    seed: env.AKTORSATLAS_SEED !== '0',
    webRoot: resolve(root, 'web', 'dist'),
    logLevel: env.LOG_LEVEL ?? 'info',
    anonymousRead: env.AKTORSATLAS_ANONYMOUS_READ === '1',
    ...(env.AKTORSATLAS_CORS_ORIGIN ? { corsOrigin: env.AKTORSATLAS_CORS_ORIGIN } : {}),
    trustProxy: trustProxy(env.AKTORSATLAS_TRUST_PROXY),
    secureCookie: secureCookie(env.AKTORSATLAS_SECURE_COOKIE),
    sessionHours: sessionHours(env.AKTORSATLAS_SESSION_HOURS),
    ...(env.AKTORSATLAS_JOB_THRESHOLD ? { jobThreshold: jobThreshold(env.AKTORSATLAS_JOB_THRESHOLD) } : {}),
  };
}

const ADDRESS = /^[0-9a-f.:]+(\/\d{1,3})?$/i;

function trustProxy(v: string | undefined): number | string[] {
  const text = (v ?? '').trim();
  if (text === '' || text === '0') return 0;
  if (/^\d+$/.test(text)) {
    const hops = Number(text);
    if (hops <= 10) return hops;
  }
  const list = text.split(',').map((s) => s.trim());
  if (list.every((a) => ADDRESS.test(a) || a === 'loopback' || a === 'linklocal' || a === 'uniquelocal')) return list;
  throw new Error(
    `AKTORSATLAS_TRUST_PROXY must be a hop count (0–10) or a comma-separated list of proxy addresses, not "${v}"`,
  );
}

function secureCookie(v: string | undefined): Config['secureCookie'] {
  if (v === undefined || v === '' || v === 'auto') return 'auto';
  if (v === 'always' || v === '1') return 'always';
  if (v === 'never' || v === '0') return 'never';
  throw new Error(`AKTORSATLAS_SECURE_COOKIE must be auto, always or never, not "${v}"`);
}

function sessionHours(v: string | undefined): number {
  const h = Number(v ?? 12);
  if (!(h > 0 && h <= 24 * 90))
    throw new Error(`AKTORSATLAS_SESSION_HOURS must be a number of hours (0–2160), not "${v}"`);
  return h;
}

function jobThreshold(v: string): number {
  const n = Number(v);
  if (!(Number.isInteger(n) && n >= 0)) throw new Error(`AKTORSATLAS_JOB_THRESHOLD must be a whole number, not "${v}"`);
  return n;
}
