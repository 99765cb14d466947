import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { NodeInputSchema } from '../../core/model/input-schemas.js';
import type { NodeInput } from '../../core/model/records.js';
import {
  IdParams,
  IfMatchHeaders,
  NodeRecordSchema,
  Paging,
  csv,
  errorResponses,
  page,
  splitCsv,
} from '../schemas/common.js';
import { expectedVersion, notModified, versionEtag } from '../http/etag.js';
import { ApiProblem } from '../problems.js';
import { toSerializedGraph } from '../../core/graph/serialize.js';

const tags = ['nodes'];

/** Nodes: organisations, networks, municipalities, sectors, occupations, skills, programmes, actions. */
const nodes: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/nodes',
    {
      schema: {
        tags,
        summary: 'List and search nodes',
        querystring: Type.Object({
          kind: csv('Node kinds, comma-separated (e.g. Organisation,Network)'),
          q: Type.Optional(Type.String({ maxLength: 200, description: 'Search; ignores case and diacritics' })),
          ...Paging,
        }),
        response: { 200: page(NodeRecordSchema), ...errorResponses },
      },
    },
    async (request) => {
      const { kind, q, offset, limit } = request.query;
      return app.store.listNodes({ kind: splitCsv(kind), ...(q ? { q } : {}), offset, limit });
    },
  );

  app.post(
    '/api/nodes',
    {
      schema: {
        tags,
        summary: 'Create a node',
        body: NodeInputSchema,
        response: { 201: NodeRecordSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const rec = await app.graph.createNode(request.body as NodeInput, request.writeContext());
      reply.header('etag', versionEtag(rec.version)).header('location', `/api/nodes/${encodeURIComponent(rec.id)}`);
      return reply.code(201).send(rec);
    },
  );

  app.get(
    '/api/nodes/:id',
    {
      schema: { tags, summary: 'Get a node', params: IdParams, response: { 200: NodeRecordSchema, ...errorResponses } },
    },
    async (request, reply) => {
      const rec = await app.store.getNode(request.params.id);
      if (!rec) throw new ApiProblem(404, 'not_found', `Node "${request.params.id}" not found`);
      if (notModified(request, reply, versionEtag(rec.version))) return reply;
      return rec;
    },
  );

  app.put(
    '/api/nodes/:id',
    {
      schema: {
        tags,
        summary: 'Replace a node (needs If-Match)',
        params: IdParams,
        headers: IfMatchHeaders,
        body: NodeInputSchema,
        response: { 200: NodeRecordSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const version = expectedVersion(request);
      const rec = await app.graph.updateNode(
        request.params.id,
        request.body as NodeInput,
        version,
        request.writeContext(),
      );
      reply.header('etag', versionEtag(rec.version));
      return rec;
    },
  );

  app.delete(
    '/api/nodes/:id',
    {
      schema: {
        tags,
        summary: 'Delete a node and its relations (needs If-Match)',
        params: IdParams,
        headers: IfMatchHeaders,
        response: { 204: Type.Null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      await app.store.deleteNode(request.params.id, expectedVersion(request), request.writeContext());
      return reply.code(204).send(null);
    },
  );

  app.get(
    '/api/nodes/:id/neighbourhood',
    {
      schema: {
        tags,
        summary: 'The ego network of a node (graphology JSON)',
        params: IdParams,
        querystring: Type.Object({ depth: Type.Integer({ minimum: 1, maximum: 3, default: 1 }) }),
        response: { 200: Type.Object({}, { additionalProperties: true }), ...errorResponses },
      },
    },
    async (request) =>
      toSerializedGraph(await app.store.neighbourhood(request.params.id, request.query.depth), {
        ego: request.params.id,
      }),
  );
};

export default nodes;
