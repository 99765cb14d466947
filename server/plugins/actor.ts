import fp from 'fastify-plugin';
import type { FastifyInstance } from 'fastify';
import type { WriteContext } from '../store/graph-store.js';

declare module 'fastify' {
  interface FastifyRequest {
    /** Who is writing; the sign-in plugin sets `actor` once accounts exist. */
    actor: string;
    writeContext(): WriteContext;
  }
}

/** The author recorded on every write. Without accounts, the local single user. */
export default fp(async function actor(app: FastifyInstance) {
  app.decorateRequest('actor', 'local');
  app.decorateRequest('writeContext', function (this: { actor: string }): WriteContext {
    return { actor: this.actor };
  });
});
