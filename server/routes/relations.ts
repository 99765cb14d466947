import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { RelationInputSchema } from '../../core/model/input-schemas.js';
import type { RelationInput } from '../../core/model/records.js';
import {
  IdParams,
  IfMatchHeaders,
  Paging,
  RelationRecordSchema,
  csv,
  errorResponses,
  page,
  splitCsv,
} from '../schemas/common.js';
import { expectedVersion, notModified, versionEtag } from '../http/etag.js';
import { ApiProblem } from '../problems.js';

const tags = ['relations'];

/** Relations between nodes; each carries sources, an evidence level and a validity period. */
const relations: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/relations',
    {
      schema: {
        tags,
        summary: 'List relations',
        querystring: Type.Object({
          type: csv('Relation types, comma-separated'),
          node: Type.Optional(Type.String({ maxLength: 170, description: 'Relations touching this node' })),
          from: Type.Optional(Type.String({ maxLength: 170 })),
          to: Type.Optional(Type.String({ maxLength: 170 })),
          ...Paging,
        }),
        response: { 200: page(RelationRecordSchema), ...errorResponses },
      },
    },
    async (request) => {
      const { type, node, from, to, offset, limit } = request.query;
      return app.store.listRelations({
        type: splitCsv(type),
        ...(node ? { nodeId: node } : {}),
        ...(from ? { from } : {}),
        ...(to ? { to } : {}),
        offset,
        limit,
      });
    },
  );

  app.post(
    '/api/relations',
    {
      schema: {
        tags,
        summary: 'Create a relation (a source and an evidence level are required)',
        body: RelationInputSchema,
        response: { 201: RelationRecordSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const rec = await app.graph.createRelation(request.body as RelationInput, request.writeContext());
      reply.header('etag', versionEtag(rec.version)).header('location', `/api/relations/${encodeURIComponent(rec.id)}`);
      return reply.code(201).send(rec);
    },
  );

  app.get(
    '/api/relations/:id',
    {
      schema: {
        tags,
        summary: 'Get a relation',
        params: IdParams,
        response: { 200: RelationRecordSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const rec = await app.store.getRelation(request.params.id);
      if (!rec) throw new ApiProblem(404, 'not_found', `Relation "${request.params.id}" not found`);
      if (notModified(request, reply, versionEtag(rec.version))) return reply;
      return rec;
    },
  );

  app.put(
    '/api/relations/:id',
    {
      schema: {
        tags,
        summary: 'Replace a relation (needs If-Match)',
        params: IdParams,
        headers: IfMatchHeaders,
        body: RelationInputSchema,
        response: { 200: RelationRecordSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const version = expectedVersion(request);
      const rec = await app.graph.updateRelation(
        request.params.id,
        request.body as RelationInput,
        version,
        request.writeContext(),
      );
      reply.header('etag', versionEtag(rec.version));
      return rec;
    },
  );

  app.delete(
    '/api/relations/:id',
    {
      schema: {
        tags,
        summary: 'Delete a relation (needs If-Match)',
        params: IdParams,
        headers: IfMatchHeaders,
        response: { 204: Type.Null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await app.store.deleteRelation(request.params.id, expectedVersion(request), request.writeContext());
      return reply.code(204).send(null);
    },
  );
};

export default relations;
