import fp from 'fastify-plugin';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';

/** OpenAPI 3 generated from the route schemas, at /openapi.json, with a browsable page at /docs. */
export default fp<{ version: string }>(async function openapi(app: FastifyInstance, opts) {
  await app.register(swagger, {
    openapi: {
      openapi: '3.1.0',
      info: {
        title: 'Aktörsatlas API',
        description: 'Actors, networks and skills-supply relationships of a region; graph, analysis and export.',
        version: opts.version,
        license: { name: 'MIT' },
      },
      tags: [
        { name: 'meta' },
        { name: 'nodes' },
        { name: 'relations' },
        { name: 'graph' },
        { name: 'import' },
        { name: 'history' },
        { name: 'views' },
      ],
    },
  });
  await app.register(swaggerUi, { routePrefix: '/docs', staticCSP: true });
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
});
