import closeWithGrace from 'close-with-grace';
import { buildApp } from '../app.js';
import { loadConfig } from '../config.js';
import { describeStore, openStore } from '../open-store.js';
import { seedIfEmpty } from '../seed.js';
import { openAccounts } from '../store/accounts/open.js';
import { openSurveys } from '../store/survey/open.js';
import { mailConfigFromEnv, smtpMailer } from '../mail/mailer.js';

/** Loopback names and addresses: the only ones an install without accounts may listen on. */
export const isLoopbackHost = (host: string): boolean =>
  /^(localhost|127\.\d{1,3}\.\d{1,3}\.\d{1,3}|::1|\[::1\])$/i.test(host);

export interface ServeFlags {
  port?: string;
  host?: string;
  seed?: boolean;
}

/** Starts the server; exits with one clear line if the store cannot be opened. */
export async function serve(flags: ServeFlags): Promise<number> {
  const config = loadConfig({
    ...process.env,
    ...(flags.port ? { PORT: flags.port } : {}),
    ...(flags.host ? { HOST: flags.host } : {}),
    ...(flags.seed === false ? { AKTORSATLAS_SEED: '0' } : {}),
  });
  let store;
  try {
    store = await openStore(config, { warmUp: true });
  } catch (err) {
    console.error(`aktorsatlas: cannot open the store (${describeStore(config)}): ${(err as Error).message}`);
    return 1;
  }
  let accounts;
  try {
    accounts = await openAccounts(config, store);
  } catch (err) {
    await store.close();
    console.error(`aktorsatlas: cannot open the accounts (${describeStore(config)}): ${(err as Error).message}`);
    return 1;
  }
  const accountCount = await accounts.countAccounts();
  if (accountCount === 0 && !isLoopbackHost(config.host)) {
    console.error(
      `aktorsatlas: refusing to listen on ${config.host} without accounts: create an admin with \`aktorsatlas user add NAME --role admin\`, or listen on 127.0.0.1`,
    );
    await accounts.close();
    await store.close();
    return 1;
  }
  if (config.seed) {
    const seeded = await seedIfEmpty(store);
    if (seeded)
      console.log(
        `aktorsatlas: seeded the empty store with the Jönköpings län network (${seeded.nodesCreated} nodes, ${seeded.relationsCreated} relations)`,
      );
  }
  const app = await buildApp({
    store,
    accounts,
    surveys: {
      store: await openSurveys(config, store),
      ...(process.env.AKTORSATLAS_PUBLIC_URL ? { publicUrl: process.env.AKTORSATLAS_PUBLIC_URL } : {}),
      ...(mailConfigFromEnv(process.env) ? { mailer: smtpMailer(mailConfigFromEnv(process.env)!) } : {}),
    },
    logger: { level: config.logLevel },
    webRoot: config.webRoot,
    auth: {
      anonymousRead: config.anonymousRead,
      secureCookie: config.secureCookie,
      sessionTtlMs: config.sessionHours * 3600_000,
    },
    security: config.corsOrigin ? { corsOrigin: config.corsOrigin } : {},
    trustProxy: config.trustProxy,
    ...(config.jobThreshold !== undefined ? { jobs: { jobThreshold: config.jobThreshold } } : {}),
  });
  closeWithGrace({ delay: 10_000 }, async ({ err }) => {
    if (err) app.log.error({ err }, 'closing after error');
    await app.close();
  });
  await app.listen({ host: config.host, port: config.port });
  const access =
    accountCount === 0
      ? 'open local mode: no accounts, loopback only'
      : `accounts: ${accountCount}, sign-in required${config.anonymousRead ? ', anonymous read on' : ''}`;
  const address = app.server.address();
  const port = typeof address === 'object' && address ? address.port : config.port;
  console.log(
    `aktorsatlas: serving http://${config.host.includes(':') ? `[${config.host}]` : config.host}:${port} (store: ${describeStore(config)}; ${access})`,
  );
  return -1; // keep running
}
