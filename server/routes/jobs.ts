import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { JobSchema } from '../jobs/schema.js';
import { sendResult } from '../jobs/plugin.js';
import type { JobView } from '../jobs/jobs.js';
import { errorResponses } from '../schemas/common.js';

const tags = ['jobs'];
const Params = Type.Object({ id: Type.String({ minLength: 1, maxLength: 64 }) });
const ended = (v: JobView) => v.state === 'done' || v.state === 'failed' || v.state === 'cancelled';

/** Long work started by another route (202): its state and progress, its event stream, its result, cancelling. */
const jobs: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/jobs/:id',
    {
      schema: {
        tags,
        summary: 'State and progress of a job',
        params: Params,
        response: { 200: JobSchema, ...errorResponses },
      },
    },
    async (request) => app.jobs.get(request.params.id, request.actor),
  );

  app.get(
    '/api/jobs/:id/events',
    {
      schema: {
        tags,
        summary: 'Progress of a job as server-sent events (event: progress, then done)',
        params: Params,
        response: { 200: Type.String({ description: 'text/event-stream' }), ...errorResponses },
      },
    },
    async (request, reply) => {
      const first = app.jobs.get(request.params.id, request.actor);
      reply.hijack();
      const raw = reply.raw;
      // The security headers set so far (helmet), then the stream's own.
      for (const [name, value] of Object.entries(reply.getHeaders()))
        if (value !== undefined) raw.setHeader(name, value as string | number | string[]);
      raw.writeHead(200, {
        'content-type': 'text/event-stream; charset=utf-8',
        'cache-control': 'no-store',
        connection: 'keep-alive',
      });
      const send = (v: JobView) =>
        raw.write(`event: ${ended(v) ? 'done' : 'progress'}\ndata: ${JSON.stringify(v)}\n\n`);
      send(first);
      if (ended(first)) {
        raw.end();
        return;
      }
      const stop = app.jobs.watch(request.params.id, request.actor, (v) => {
        send(v);
        if (ended(v)) {
          stop();
          raw.end();
        }
      });
      request.raw.on('close', stop);
    },
  );

  app.get(
    '/api/jobs/:id/result',
    {
      schema: {
        tags,
        summary: 'The result of a finished job (JSON, or the exported file); 409 while it runs',
        params: Params,
        response: {
          200: Type.Unknown({ description: 'The JSON answer the route would have given, or a file' }),
          ...errorResponses,
        },
      },
    },
    async (request, reply) => {
      const result = app.jobs.result(request.params.id, request.actor);
      return sendResult(reply, result);
    },
  );

  app.delete(
    '/api/jobs/:id',
    {
      // Whoever may start the work (a reader, for an analysis) may stop it.
      config: { access: 'read' },
      schema: { tags, summary: 'Cancel a job', params: Params, response: { 200: JobSchema, ...errorResponses } },
    },
    async (request) => app.jobs.cancel(request.params.id, request.actor),
  );
};

export default jobs;
