import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { Batch } from '../../core/model/records.js';
import { errorResponses } from '../schemas/common.js';

export const IMPORT_BODY_LIMIT = 50 * 1024 * 1024;

/** A JSON batch of nodes and relations, written all-or-nothing. */
const importRoute: FastifyPluginAsyncTypebox = async (app) => {
  app.post(
    '/api/import',
    {
      bodyLimit: IMPORT_BODY_LIMIT,
      schema: {
        tags: ['import'],
        summary: 'Import a batch of nodes and relations (all-or-nothing)',
        querystring: Type.Object({ dryRun: Type.Boolean({ default: false, description: 'Validate only; write nothing' }) }),
        body: Type.Object(
          {
            nodes: Type.Array(Type.Unknown({ description: 'NodeInput' }), { maxItems: 200000, default: [] }),
            relations: Type.Array(Type.Unknown({ description: 'RelationInput' }), { maxItems: 500000, default: [] }),
          },
          { additionalProperties: false, description: 'nodes: NodeInput[], relations: RelationInput[]' },
        ),
        response: {
          200: Type.Object({
            dryRun: Type.Boolean(),
            nodesCreated: Type.Integer(),
            nodesUpdated: Type.Integer(),
            relationsCreated: Type.Integer(),
            relationsUpdated: Type.Integer(),
            nodes: Type.Integer(),
            relations: Type.Integer(),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      // Records are validated one by one by the catalogue, so the answer can name each bad record by index.
      const batch = request.body as Batch;
      const counts = { nodes: batch.nodes.length, relations: batch.relations.length };
      if (request.query.dryRun) {
        await app.graph.checkedBatch(batch);
        return { dryRun: true, nodesCreated: 0, nodesUpdated: 0, relationsCreated: 0, relationsUpdated: 0, ...counts };
      }
      const result = await app.graph.importBatch(batch, request.writeContext());
      return { dryRun: false, ...result, ...counts };
    },
  );
};

export default importRoute;
