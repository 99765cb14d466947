import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { errorResponses, csv, splitCsv } from '../schemas/common.js';
import { ApiProblem } from '../problems.js';
import { asRecorded, recordedInstant } from '../../core/history/as-recorded.js';
import { diffGraphs, diffMap } from '../../core/history/diff.js';
import { diffMarkdown } from '../../core/history/diff-report.js';
import { toSerializedGraph } from '../../core/graph/serialize.js';
import type { Snapshot, SnapshotQuery } from '../../core/model/records.js';
import type { HistoryEntry } from '../store/graph-store.js';
import type { FastifyInstance } from 'fastify';

/** History entries read to rebuild the graph as recorded; a larger history gets 413 (back it up and compact it). */
export const MAX_HISTORY_SCAN = 1_000_000;
/** Most entries one GET /api/history page may skip and return together. */
const MAX_PAGE_WINDOW = 100_000;

const DATE = '^\\d{4}-\\d{2}-\\d{2}$';
const Instant = (description: string) =>
  Type.String({
    maxLength: 40,
    description: `${description}: a date (YYYY-MM-DD, meaning the end of that day, UTC) or an ISO 8601 instant`,
  });
const tags = ['history'];
const Loose = (description: string) => Type.Object({}, { additionalProperties: true, description });

function instant(name: string, value: string | undefined, startOfDay = false): string | undefined {
  if (value === undefined) return undefined;
  const at = recordedInstant(value);
  if (!at) {
    throw new ApiProblem(400, 'validation_failed', `${name} is not a date or an ISO instant`, [
      {
        path: `/querystring/${name}`,
        code: 'format',
        message: {
          sv: 'Måste vara ett datum (ÅÅÅÅ-MM-DD) eller en ISO-tidpunkt',
          en: 'Must be a date (YYYY-MM-DD) or an ISO instant',
        },
      },
    ]);
  }
  // As a lower bound, a bare date means the start of that day.
  return startOfDay && /^\d{4}-\d{2}-\d{2}$/.test(value) ? `${value}T00:00:00.000Z` : at;
}

async function historyUntil(app: FastifyInstance, at: string): Promise<HistoryEntry[]> {
  const entries = await app.store.history({ until: at, limit: MAX_HISTORY_SCAN + 1 });
  if (entries.length > MAX_HISTORY_SCAN)
    throw new ApiProblem(413, 'history_too_large', `More than ${MAX_HISTORY_SCAN} history entries to replay`);
  return entries;
}

function checkSize(snap: Snapshot, app: FastifyInstance): void {
  const limits = app.graphLimits;
  if (snap.nodes.length > limits.nodes || snap.relations.length > limits.relations) {
    throw new ApiProblem(
      413,
      'graph_too_large',
      `The graph has ${snap.nodes.length} nodes and ${snap.relations.length} relations; filter with kinds= or relationTypes=`,
    );
  }
}

declare module 'fastify' {
  interface FastifyInstance {
    /** Most nodes and relations one graph answer may hold (set by the security plugin). */
    graphLimits: { nodes: number; relations: number };
  }
}

/**
 * History: every recorded write (who changed what, when, with the record before and after), the graph as it was
 * recorded at a past transaction time, and the difference between two such times, as a list, a map or a report.
 * Transaction time (`at`, when it was recorded) is kept apart from valid time (`asOf`: validFrom/validTo of relations).
 */
const history: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/history',
    {
      schema: {
        tags,
        summary: 'History of writes (by record, by author, since a date), oldest first, paged',
        querystring: Type.Object({
          record: Type.Optional(Type.String({ maxLength: 410, description: 'A node or relation id' })),
          author: Type.Optional(
            Type.String({ maxLength: 200, description: 'Who wrote (a user name, "local", "seed", "cli")' }),
          ),
          since: Type.Optional(Instant('Entries recorded at or after')),
          until: Type.Optional(Instant('Entries recorded at or before')),
          offset: Type.Integer({ minimum: 0, maximum: MAX_PAGE_WINDOW, default: 0 }),
          limit: Type.Integer({ minimum: 1, maximum: 10000, default: 500 }),
        }),
        response: {
          200: Type.Object({
            items: Type.Array(Type.Object({}, { additionalProperties: true })),
            offset: Type.Integer(),
            limit: Type.Integer(),
            nextOffset: Type.Union([Type.Integer(), Type.Null()], {
              description: 'The offset of the next page, or null on the last page',
            }),
          }),
          ...errorResponses,
        },
      },
    },
    async (request) => {
      const { record, author, offset, limit } = request.query;
      const since = instant('since', request.query.since, true);
      const until = instant('until', request.query.until);
      if (offset + limit > MAX_PAGE_WINDOW)
        throw new ApiProblem(
          400,
          'page_too_far',
          `offset + limit may be at most ${MAX_PAGE_WINDOW}; narrow with since/until`,
        );
      const rows = await app.store.history({
        ...(record ? { recordId: record } : {}),
        ...(author ? { actor: author } : {}),
        ...(since ? { since } : {}),
        ...(until ? { until } : {}),
        limit: offset + limit + 1,
      });
      const items = rows.slice(offset, offset + limit);
      return { items, offset, limit, nextOffset: rows.length > offset + limit ? offset + limit : null };
    },
  );

  app.get(
    '/api/history/graph',
    {
      schema: {
        tags,
        summary: 'The graph as it was recorded at a past time (graphology JSON)',
        description:
          'Replays the history: each record as last written at or before `at`; deleted records are gone. `asOf` then filters relations by valid time, as in GET /api/graph. Limited like GET /api/graph (413 graph_too_large).',
        querystring: Type.Object({
          at: Instant('Transaction time'),
          kinds: csv('Node kinds to include, comma-separated'),
          relationTypes: csv('Relation types to include, comma-separated'),
          asOf: Type.Optional(
            Type.String({ pattern: DATE, description: 'Only relations valid on this date (YYYY-MM-DD)' }),
          ),
        }),
        response: {
          200: Loose("graphology's serialisation format, with attributes.recordedAt"),
          ...errorResponses,
          413: errorResponses[400],
        },
      },
    },
    async (request) => {
      const at = instant('at', request.query.at)!;
      const query: SnapshotQuery = {
        kinds: splitCsv(request.query.kinds),
        relationTypes: splitCsv(request.query.relationTypes),
        ...(request.query.asOf ? { asOf: request.query.asOf } : {}),
      };
      const snap = asRecorded(await historyUntil(app, at), at, query);
      checkSize(snap, app);
      return toSerializedGraph(snap, { store: app.store.kind, recordedAt: at });
    },
  );

  app.get(
    '/api/history/diff',
    {
      schema: {
        tags,
        summary: 'What changed between two times: actors and ties added, removed and changed, and rank changes',
        description:
          'Compares the graph as recorded at `from` with the graph as recorded at `to`. format=json (default): {from, to, nodes, relations: {added, removed, changed (with field-level changes)}, ranks, summary}; ' +
          'ranks are degree and betweenness ranks (competition ranking, unweighted, on the actor projection) of actors whose rank moved. ' +
          'format=graph: the union of both graphs in graphology JSON, every node and edge with attribute `change` (added, removed, changed, unchanged). format=markdown: a report.',
        querystring: Type.Object({
          from: Instant('Earlier transaction time'),
          to: Type.Optional(Instant('Later transaction time (default: now)')),
          kinds: csv('Node kinds to include, comma-separated'),
          relationTypes: csv('Relation types to include, comma-separated'),
          asOf: Type.Optional(Type.String({ pattern: DATE, description: 'Compare only relations valid on this date' })),
          format: Type.Union([Type.Literal('json'), Type.Literal('graph'), Type.Literal('markdown')], {
            default: 'json',
          }),
          lang: Type.Union([Type.Literal('sv'), Type.Literal('en')], {
            default: 'sv',
            description: 'Language of format=markdown',
          }),
        }),
        response: {
          200: Loose('The diff (format=json), the diff map (format=graph) or, as text/markdown, the report'),
          ...errorResponses,
          413: errorResponses[400],
        },
      },
    },
    async (request, reply) => {
      const from = instant('from', request.query.from)!;
      const to = instant('to', request.query.to) ?? new Date().toISOString();
      if (from > to)
        throw new ApiProblem(400, 'validation_failed', '`from` is after `to`', [
          { path: '/querystring/from', code: 'order', message: { sv: 'from är senare än to', en: 'from is after to' } },
        ]);
      const query: SnapshotQuery = {
        kinds: splitCsv(request.query.kinds),
        relationTypes: splitCsv(request.query.relationTypes),
        ...(request.query.asOf ? { asOf: request.query.asOf } : {}),
      };
      const entries = await historyUntil(app, to);
      const before = asRecorded(entries, from, query);
      const after = asRecorded(entries, to, query);
      checkSize(before, app);
      checkSize(after, app);
      const diff = diffGraphs(before, after, request.query.asOf ? { asOf: request.query.asOf } : {});
      if (request.query.format === 'markdown') {
        return reply
          .type('text/markdown; charset=utf-8')
          .serializer((p: unknown) => p as string)
          .send(diffMarkdown(diff, { from, to }, request.query.lang) as never);
      }
      if (request.query.format === 'graph')
        return diffMap(after, diff, { store: app.store.kind, from, to, summary: diff.summary });
      return { from, to, ...diff };
    },
  );
};

export default history;
