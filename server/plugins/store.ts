import fp from 'fastify-plugin';
import type { FastifyInstance } from 'fastify';
import type { GraphStore } from '../store/graph-store.js';
import { GraphService } from '../services/graph-service.js';

declare module 'fastify' {
  interface FastifyInstance {
    store: GraphStore;
    graph: GraphService;
  }
}

/** Makes the store and the graph service available to every route, and closes the store on shutdown. */
export default fp<{ store: GraphStore }>(async function storePlugin(app: FastifyInstance, opts) {
  app.decorate('store', opts.store);
  app.decorate('graph', new GraphService(opts.store));
  app.addHook('onClose', async () => {
    await opts.store.close();
  });
});
