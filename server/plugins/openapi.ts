import fp from 'fastify-plugin';
import swagger from '@fastify/swagger';
import swaggerUi from '@fastify/swagger-ui';
import type { FastifyInstance } from 'fastify';
import { DOCS_CSP } from './security.js';

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
        { name: 'analysis' },
        { name: 'gaps' },
        { name: 'exchange' },
        {
          name: 'auth',
          description:
            'Sign-in, sessions, API tokens and users. Without accounts the install is open to its local user on loopback only.',
        },
      ],
      components: {
        securitySchemes: {
          bearerAuth: {
            type: 'http',
            scheme: 'bearer',
            description: 'An API token (POST /api/auth/tokens), as Authorization: Bearer akt_…',
          },
          sessionCookie: {
            type: 'apiKey',
            in: 'cookie',
            name: 'aktorsatlas_session',
            description:
              'Set by POST /api/auth/login (HttpOnly, SameSite=Strict, Secure behind TLS). Unsafe methods also need the header x-csrf-token (from GET /api/me or the login answer).',
          },
        },
      },
      security: [{ bearerAuth: [] }, { sessionCookie: [] }, {}],
    },
  });
  // Its own CSP (set by swagger-ui on its routes, over the app's): its files only, no inline script.
  await app.register(swaggerUi, { routePrefix: '/docs', staticCSP: DOCS_CSP });
  app.get('/openapi.json', { schema: { hide: true } }, async () => app.swagger());
});
