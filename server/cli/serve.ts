import closeWithGrace from 'close-with-grace';
import { buildApp } from '../app.js';
import { loadConfig } from '../config.js';
import { describeStore, openStore } from '../open-store.js';
import { seedIfEmpty } from '../seed.js';

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
    store = await openStore(config);
  } catch (err) {
    console.error(`aktorsatlas: cannot open the store (${describeStore(config)}): ${(err as Error).message}`);
    return 1;
  }
  if (config.seed) {
    const seeded = await seedIfEmpty(store);
    if (seeded) console.log(`aktorsatlas: seeded the empty store with the Jönköpings län network (${seeded.nodesCreated} nodes, ${seeded.relationsCreated} relations)`);
  }
  const app = await buildApp({ store, logger: { level: config.logLevel }, webRoot: config.webRoot });
  closeWithGrace({ delay: 10_000 }, async ({ err }) => {
    if (err) app.log.error({ err }, 'closing after error');
    await app.close();
  });
  await app.listen({ host: config.host, port: config.port });
  console.log(`aktorsatlas: serving http://${config.host}:${config.port} (store: ${describeStore(config)})`);
  return -1; // keep running
}
