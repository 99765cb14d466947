import fp from 'fastify-plugin';
import fastifyStatic from '@fastify/static';
import { existsSync } from 'node:fs';
import type { FastifyInstance } from 'fastify';

/** Serves the built front end (web/dist) at /, when it has been built. */
export default fp<{ root: string }>(async function web(app: FastifyInstance, opts) {
  if (!existsSync(opts.root)) {
    app.log.warn(`front end not built (${opts.root} missing): run "npm run build:web"`);
    return;
  }
  await app.register(fastifyStatic, { root: opts.root, prefix: '/', wildcard: false, index: ['index.html'] });
});
