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
}

export function loadConfig(env: NodeJS.ProcessEnv = process.env): Config {
  const root = resolve(new URL('..', import.meta.url).pathname);
  const port = Number(env.PORT ?? 3000);
  if (!Number.isInteger(port) || port < 0 || port > 65535) throw new Error(`PORT must be a port number, not "${env.PORT}"`);
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
  };
}
