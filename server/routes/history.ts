import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { errorResponses } from '../schemas/common.js';

/** Every recorded write: who changed what, when, with the record before and after. */
const history: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/history',
    {
      schema: {
        tags: ['history'],
        summary: 'History of writes (by record, by author, since a date)',
        querystring: Type.Object({
          record: Type.Optional(Type.String({ maxLength: 410 })),
          author: Type.Optional(Type.String({ maxLength: 200 })),
          since: Type.Optional(Type.String({ maxLength: 40 })),
          until: Type.Optional(Type.String({ maxLength: 40 })),
          limit: Type.Integer({ minimum: 1, maximum: 10000, default: 500 }),
        }),
        response: { 200: Type.Object({ items: Type.Array(Type.Object({}, { additionalProperties: true })) }), ...errorResponses },
      },
    },
    async (request) => {
      const { record, author, since, until, limit } = request.query;
      const items = await app.store.history({
        ...(record ? { recordId: record } : {}),
        ...(author ? { actor: author } : {}),
        ...(since ? { since } : {}),
        ...(until ? { until } : {}),
        limit,
      });
      return { items };
    },
  );
};

export default history;
