import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { graphJsonText } from '../../core/graph/serialize.js';
import { csv, errorResponses, splitCsv } from '../schemas/common.js';
import { sendGraph } from '../plugins/graph-cache.js';

const GraphSchema = Type.Object(
  {
    attributes: Type.Record(Type.String(), Type.Unknown()),
    options: Type.Object({ type: Type.String(), multi: Type.Boolean(), allowSelfLoops: Type.Boolean() }),
    nodes: Type.Array(Type.Object({ key: Type.String(), attributes: Type.Record(Type.String(), Type.Unknown()) })),
    edges: Type.Array(
      Type.Object({
        key: Type.String(),
        source: Type.String(),
        target: Type.String(),
        undirected: Type.Optional(Type.Boolean()),
        attributes: Type.Record(Type.String(), Type.Unknown()),
      }),
    ),
  },
  { description: "graphology's serialisation format" },
);

/** The whole graph, in graphology's serialisation format, filtered by kinds, relation types and valid time. */
const graph: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/graph',
    {
      schema: {
        tags: ['graph'],
        summary: 'The graph in graphology JSON',
        querystring: Type.Object({
          kinds: csv('Node kinds to include, comma-separated'),
          relationTypes: csv('Relation types to include, comma-separated'),
          asOf: Type.Optional(
            Type.String({
              pattern: '^\\d{4}-\\d{2}-\\d{2}$',
              description: 'Only relations valid on this date (YYYY-MM-DD)',
            }),
          ),
        }),
        response: { 200: GraphSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const { kinds, relationTypes, asOf } = request.query;
      const query = { kinds: splitCsv(kinds), relationTypes: splitCsv(relationTypes), ...(asOf ? { asOf } : {}) };
      // Built from the stored rows as text: no records, no graphology Graph, no JSON.stringify of the whole.
      const graph = await app.graphCache.load(request, async () =>
        graphJsonText(await app.store.snapshotJson(query), { store: app.store.kind }, asOf),
      );
      return sendGraph(request, reply, graph);
    },
  );
};

export default graph;
