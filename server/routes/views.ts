import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import type { JsonValue } from '../../core/model/records.js';
import { IfMatchHeaders, errorResponses } from '../schemas/common.js';
import { notModified, versionEtag } from '../http/etag.js';
import { ApiProblem } from '../problems.js';

const ViewSchema = Type.Object({
  name: Type.String(),
  state: Type.Unknown(),
  version: Type.Integer(),
  updatedAt: Type.String(),
  updatedBy: Type.String(),
});
const NameParams = Type.Object({ name: Type.String({ pattern: '^[A-Za-z0-9ÅÄÖåäö][A-Za-z0-9ÅÄÖåäö _.-]{0,79}$' }) });
const tags = ['views'];

/** Named views: filters, encodings, camera and node positions, so a map opens the same way tomorrow. */
const views: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/views',
    {
      schema: { tags, summary: 'List saved views', response: { 200: Type.Object({ items: Type.Array(ViewSchema) }) } },
    },
    async () => ({
      items: await app.store.listViews(),
    }),
  );

  app.get(
    '/api/views/:name',
    {
      schema: {
        tags,
        summary: 'Get a saved view',
        params: NameParams,
        response: { 200: ViewSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const view = await app.store.getView(request.params.name);
      if (!view) throw new ApiProblem(404, 'not_found', `View "${request.params.name}" not found`);
      if (notModified(request, reply, versionEtag(view.version))) return reply;
      return view;
    },
  );

  app.put(
    '/api/views/:name',
    {
      bodyLimit: 10 * 1024 * 1024,
      schema: {
        tags,
        summary: 'Create a view, or replace it (replacing needs If-Match)',
        params: NameParams,
        headers: IfMatchHeaders,
        body: Type.Object({ state: Type.Unknown() }, { additionalProperties: false }),
        response: { 200: ViewSchema, ...errorResponses },
      },
    },
    async (request, reply) => {
      const header = request.headers['if-match'];
      const m = header ? /^(?:W\/)?"(\d+)"$/.exec(String(header)) : null;
      if (header && !m) throw new ApiProblem(412, 'version_mismatch', 'If-Match must be a version ETag such as W/"3"');
      const view = await app.store.saveView(
        request.params.name,
        request.body.state as JsonValue,
        m ? Number(m[1]) : undefined,
        request.writeContext(),
      );
      reply.header('etag', versionEtag(view.version));
      return view;
    },
  );

  app.delete(
    '/api/views/:name',
    {
      schema: {
        tags,
        summary: 'Delete a view (needs If-Match)',
        params: NameParams,
        headers: IfMatchHeaders,
        response: { 204: Type.Null(), ...errorResponses },
      },
    },
    async (request, reply) => {
      const header = request.headers['if-match'];
      const m = header ? /^(?:W\/)?"(\d+)"$/.exec(String(header)) : null;
      if (!m) throw new ApiProblem(428, 'precondition_required', 'Deleting a view needs If-Match');
      await app.store.deleteView(request.params.name, Number(m[1]), request.writeContext());
      return reply.code(204).send(null);
    },
  );
};

export default views;
