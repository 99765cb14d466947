import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type, type Static } from 'typebox';
import { toSerializedGraph } from '../../core/graph/serialize.js';
import { csv, errorResponses, splitCsv } from '../schemas/common.js';
import { contentEtag, notModified } from '../http/etag.js';

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
      const snap = await app.store.snapshot({
        kinds: splitCsv(kinds),
        relationTypes: splitCsv(relationTypes),
        ...(asOf ? { asOf } : {}),
      });
      const body = toSerializedGraph(snap, { store: app.store.kind });
      // Serialise once: the ETag hashes exactly what is sent.
      const json = JSON.stringify(body);
      if (notModified(request, reply, contentEtag(json))) return reply;
      // The string is already JSON; the identity serializer sends it as is.
      return reply
        .type('application/json; charset=utf-8')
        .serializer((p: unknown) => p as string)
        .send(json as unknown as Static<typeof GraphSchema>);
    },
  );
};

export default graph;
