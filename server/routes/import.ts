import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import type { FastifyInstance, FastifyRequest } from 'fastify';
import multipart from '@fastify/multipart';
import { Type } from 'typebox';
import type { Evidence, Source } from '../../core/model/records.js';
import { EVIDENCE_LEVELS } from '../../core/model/records.js';
import { IMPORT_FORMATS, type ImportFormat } from '../../core/exchange/import-types.js';
import type { ImportFile, ImportOptions } from '../../core/exchange/import.js';
import { type ImportOutcome, type PreparedImport } from '../../core/exchange/import-flow.js';
import type { GraphStore } from '../store/graph-store.js';
import { JobSchema } from '../jobs/schema.js';
import { errorResponses } from '../schemas/common.js';
import { ApiProblem } from '../problems.js';
import { ImportProblemSchema, problemFromExchange, ReportRowSchema, SheetMappingSchema } from './exchange.js';

export const IMPORT_BODY_LIMIT = 50 * 1024 * 1024;

/**
 * A JSON body from this size on is parsed and checked in the worker, not by Fastify: parsing a 20k-actor batch and
 * walking it for lone surrogates held the event loop ~1.5 s. Smaller bodies keep Fastify's parser and schema.
 */
const WORKER_JSON_BYTES = 1024 * 1024;
/** The bytes of a large JSON body, by request (its parsed body is an empty batch that passes the schema). */
const largeJson = new WeakMap<FastifyRequest, Buffer>();

/** Upload types read as raw bytes (the format comes from `format=`, or from the type when it is specific). */
const RAW_TYPES: Record<string, ImportFormat | undefined> = {
  'text/csv': 'csv',
  'application/csv': 'csv',
  'text/plain': undefined,
  'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': 'xlsx',
  'application/gexf+xml': 'gexf',
  'application/graphml+xml': 'graphml',
  'application/xml': undefined,
  'text/xml': undefined,
  'application/octet-stream': undefined,
};

const binary = (description: string) => ({ schema: { description, format: 'binary' } });

const ImportResultSchema = Type.Object({
  dryRun: Type.Boolean(),
  nodesCreated: Type.Integer(),
  nodesUpdated: Type.Integer(),
  relationsCreated: Type.Integer(),
  relationsUpdated: Type.Integer(),
  nodes: Type.Integer(),
  relations: Type.Integer(),
  format: Type.Optional(Type.String()),
  encoding: Type.Optional(Type.String({ description: 'How a CSV file was decoded: utf-8, utf-8-bom or windows-1252' })),
  report: Type.Optional(
    Type.Array(ReportRowSchema, { description: 'Warnings (likely duplicates, ignored columns, adjusted values)' }),
  ),
  mapping: Type.Optional(
    Type.Array(SheetMappingSchema, { description: 'How each column was understood; send `mapping` to change it' }),
  ),
});

const JsonBody = Type.Object(
  {
    nodes: Type.Array(Type.Unknown({ description: 'NodeInput' }), { maxItems: 200000, default: [] }),
    relations: Type.Array(Type.Unknown({ description: 'RelationInput' }), { maxItems: 500000, default: [] }),
    format: Type.Optional(
      Type.Literal('aktorsatlas-snapshot', { description: 'Present in a snapshot file (export --format json)' }),
    ),
    version: Type.Optional(Type.Integer()),
    exportedAt: Type.Optional(Type.String()),
    asOf: Type.Optional(Type.String()),
  },
  {
    additionalProperties: false,
    description: 'A batch {nodes: NodeInput[], relations: RelationInput[]} or a versioned snapshot file',
  },
);

const fieldTable = (name: string | undefined): 'actors' | 'relations' | undefined => {
  const n = (name ?? '').toLowerCase();
  if (['actors', 'aktorer', 'aktörer', 'nodes', 'elements'].includes(n)) return 'actors';
  if (['relations', 'relationer', 'edges', 'connections'].includes(n)) return 'relations';
  return undefined;
};

const formatFromName = (name: string | undefined): ImportFormat | undefined => {
  const ext = /\.([a-z]+)$/i.exec(name ?? '')?.[1]?.toLowerCase();
  return ext === 'txt'
    ? 'csv'
    : (IMPORT_FORMATS as readonly string[]).includes(ext ?? '')
      ? (ext as ImportFormat)
      : undefined;
};

type Query = {
  dryRun: boolean;
  format?: ImportFormat;
  encoding?: 'auto' | 'utf-8' | 'windows-1252';
  delimiter?: 'auto' | 'comma' | 'semicolon' | 'tab';
  table?: 'actors' | 'relations';
  mapping?: string;
  defaultSourceUrl?: string;
  defaultSourceTitle?: string;
  defaultSourceDate?: string;
  defaultEvidence?: Evidence;
};

function importOptions(q: Query): ImportOptions {
  const options: ImportOptions = {};
  if (q.encoding) options.encoding = q.encoding;
  if (q.delimiter) options.delimiter = ({ auto: 'auto', comma: ',', semicolon: ';', tab: '\t' } as const)[q.delimiter];
  if (q.mapping) {
    let mapping: unknown;
    try {
      mapping = JSON.parse(q.mapping);
    } catch {
      mapping = undefined;
    }
    if (
      typeof mapping !== 'object' ||
      mapping === null ||
      Array.isArray(mapping) ||
      Object.values(mapping).some((v) => typeof v !== 'string')
    ) {
      throw new ApiProblem(400, 'bad_mapping', 'mapping must be a JSON object of column header -> field', [
        {
          path: '/mapping',
          code: 'bad_mapping',
          message: {
            sv: 'mapping ska vara ett JSON-objekt kolumnrubrik -> fält',
            en: 'mapping must be a JSON object of column header -> field',
          },
        },
      ]);
    }
    options.mapping = mapping as Record<string, string>;
  }
  const defaults: ImportOptions['defaults'] = {};
  if (q.defaultSourceUrl) {
    const s: Source = { url: q.defaultSourceUrl, title: q.defaultSourceTitle || q.defaultSourceUrl };
    if (q.defaultSourceDate) s.date = q.defaultSourceDate;
    defaults.sources = [s];
  }
  if (q.defaultEvidence) defaults.evidence = q.defaultEvidence;
  if (defaults.sources || defaults.evidence) options.defaults = defaults;
  return options;
}

/** The files of a request: the parts of a multipart upload, or the raw body. */
async function filesOf(
  request: FastifyRequest,
  q: Query,
): Promise<{ files: ImportFile[]; format: ImportFormat | undefined; fields: Record<string, string> }> {
  const fields: Record<string, string> = {};
  if (request.isMultipart()) {
    const files: ImportFile[] = [];
    let format: ImportFormat | undefined;
    try {
      for await (const part of request.parts({
        limits: { fileSize: IMPORT_BODY_LIMIT, files: 4, fields: 20, fieldSize: 100_000 },
      })) {
        if (part.type === 'file') {
          const bytes = new Uint8Array(await part.toBuffer());
          const table = fieldTable(part.fieldname);
          files.push({
            ...(part.filename ? { name: part.filename } : {}),
            ...(table ? { table } : q.table ? { table: q.table } : {}),
            bytes,
          });
          format ??= formatFromName(part.filename) ?? RAW_TYPES[part.mimetype];
        } else fields[part.fieldname] = String(part.value);
      }
    } catch (err) {
      const e = err as { code?: string; statusCode?: number; message: string };
      if (e.statusCode === 413 || e.code === 'FST_REQ_FILE_TOO_LARGE' || e.code === 'FST_FILES_LIMIT') {
        throw new ApiProblem(
          413,
          'body_too_large',
          `The upload is larger than the limit (${IMPORT_BODY_LIMIT} bytes per file, at most 4 files)`,
        );
      }
      // Anything else the multipart parser refuses is a malformed upload, not a server fault.
      throw new ApiProblem(400, 'malformed_multipart', `Malformed multipart upload: ${e.message}`);
    }
    const total = files.reduce((s, f) => s + f.bytes.length, 0);
    if (total > IMPORT_BODY_LIMIT)
      throw new ApiProblem(413, 'body_too_large', 'The files together are larger than the limit');
    return { files, format, fields };
  }
  const body = request.body as Buffer;
  const type = (request.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
  return {
    files: [
      { bytes: new Uint8Array(body.buffer, body.byteOffset, body.byteLength), ...(q.table ? { table: q.table } : {}) },
    ],
    format: RAW_TYPES[type],
    fields,
  };
}

function refused(outcome: ImportOutcome): ApiProblem {
  return new ApiProblem(
    400,
    'validation_failed',
    `${outcome.badRows.length} record(s) in the batch are invalid; nothing was written`,
    outcome.problems,
    {
      report: outcome.report,
      format: outcome.format,
      ...(outcome.encoding ? { encoding: outcome.encoding } : {}),
      ...(outcome.mapping ? { mapping: outcome.mapping } : {}),
    },
  );
}

function answer(outcome: ImportOutcome) {
  return {
    dryRun: outcome.dryRun,
    nodesCreated: outcome.nodesCreated,
    nodesUpdated: outcome.nodesUpdated,
    relationsCreated: outcome.relationsCreated,
    relationsUpdated: outcome.relationsUpdated,
    nodes: outcome.nodes,
    relations: outcome.relations,
    format: outcome.format,
    ...(outcome.encoding ? { encoding: outcome.encoding } : {}),
    report: outcome.report.filter((r) => r.severity === 'warning'),
    ...(outcome.mapping ? { mapping: outcome.mapping } : {}),
  };
}

/** Registers the JSON parser of the import route's scope: large bodies are kept as bytes for the worker. */
function largeJsonToWorker(app: FastifyInstance): void {
  const parseJson = app.getDefaultJsonParser('error', 'error');
  app.removeContentTypeParser('application/json');
  app.addContentTypeParser(
    'application/json',
    { parseAs: 'buffer', bodyLimit: IMPORT_BODY_LIMIT },
    (request, body: Buffer, done) => {
      if (body.length < WORKER_JSON_BYTES) return parseJson(request, body.toString('utf8'), done);
      largeJson.set(request, body);
      done(null, { nodes: [], relations: [] });
    },
  );
}

/**
 * POST /api/import: a batch of nodes and relations, written all-or-nothing, from JSON (a batch or a snapshot
 * file), CSV (actors and relations, as a multipart upload of two files or one raw file with `table=`), an Excel
 * workbook, GEXF or GraphML. `dryRun=true` is the preview: the same report, nothing written.
 */
const importRoute: FastifyPluginAsyncTypebox = async (app) => {
  await app.register(multipart, { limits: { fileSize: IMPORT_BODY_LIMIT, files: 4 } });
  largeJsonToWorker(app);
  app.addContentTypeParser(
    Object.keys(RAW_TYPES),
    { parseAs: 'buffer', bodyLimit: IMPORT_BODY_LIMIT },
    (_request, body, done) => done(null, body),
  );

  app.post(
    '/api/import',
    {
      bodyLimit: IMPORT_BODY_LIMIT,
      schema: {
        tags: ['import'],
        summary: 'Import nodes and relations from JSON, CSV, XLSX, GEXF or GraphML (all-or-nothing; dryRun = preview)',
        description:
          'Send JSON as application/json; a file as its own content type (text/csv, the XLSX type, application/gexf+xml, application/graphml+xml, application/xml) or as multipart/form-data (CSV: the parts `actors` and `relations`). ' +
          'The answer to a refused import is problem+json with `report`: one row per problem with sheet, row (the header is row 1), column and a Swedish and English message; nothing is written. ' +
          'The import template: GET /api/import/template.',
        querystring: Type.Object({
          dryRun: Type.Boolean({ default: false, description: 'Validate only and report; write nothing' }),
          format: Type.Optional(
            Type.Union(
              IMPORT_FORMATS.map((f) => Type.Literal(f)),
              { description: 'File format (default: from the content type or file name, else json)' },
            ),
          ),
          encoding: Type.Optional(
            Type.Union([Type.Literal('auto'), Type.Literal('utf-8'), Type.Literal('windows-1252')], {
              description: 'CSV encoding (auto: UTF-8 if valid, else Windows-1252)',
            }),
          ),
          delimiter: Type.Optional(
            Type.Union([Type.Literal('auto'), Type.Literal('comma'), Type.Literal('semicolon'), Type.Literal('tab')], {
              description: 'CSV delimiter (auto: sniffed)',
            }),
          ),
          table: Type.Optional(
            Type.Union([Type.Literal('actors'), Type.Literal('relations')], {
              description: 'What a single CSV file holds (default: guessed from its headers)',
            }),
          ),
          mapping: Type.Optional(
            Type.String({
              maxLength: 20000,
              description:
                'JSON object: column header -> field (id, kind, name, nameEn, type, from, to, evidence, sourceUrl, sourceTitle, sourceDate, validFrom, validTo, weight, note, props.<key>, kumuType, ignore)',
            }),
          ),
          defaultSourceUrl: Type.Optional(
            Type.String({ maxLength: 1000, description: 'Source for relation rows without one (e.g. a Kumu export)' }),
          ),
          defaultSourceTitle: Type.Optional(Type.String({ maxLength: 500 })),
          defaultSourceDate: Type.Optional(Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' })),
          defaultEvidence: Type.Optional(
            Type.Union(
              EVIDENCE_LEVELS.map((e) => Type.Literal(e)),
              { description: 'Evidence for relation rows without one' },
            ),
          ),
        }),
        body: {
          content: {
            'application/json': { schema: JsonBody },
            'text/csv': binary('One CSV table (actors or relations; see `table`)'),
            'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet': binary(
              'An Excel workbook with the sheets Aktörer/Actors and Relationer/Relations',
            ),
            'application/gexf+xml': binary('GEXF 1.2 or 1.3'),
            'application/graphml+xml': binary('GraphML'),
            'application/xml': binary('GEXF or GraphML (see `format`)'),
            'multipart/form-data': {
              // No `type`: the parts are read by the handler, so there is no body object to validate.
              schema: {
                properties: {
                  actors: { type: 'string', format: 'binary', description: 'CSV of actors' },
                  relations: { type: 'string', format: 'binary', description: 'CSV of relations' },
                  file: { type: 'string', format: 'binary', description: 'One file of any supported format' },
                },
              },
            },
          },
        } as never,
        response: {
          200: ImportResultSchema,
          202: JobSchema,
          ...errorResponses,
          400: ImportProblemSchema,
          413: ImportProblemSchema,
          415: ImportProblemSchema,
        },
      },
    },
    async (request, reply) => {
      const q = request.query as Query;
      const ctx = request.writeContext();
      const contentType = (request.headers['content-type'] ?? '').split(';')[0].trim().toLowerCase();
      let format: ImportFormat;
      let files: ImportFile[];
      let options: ImportOptions = {};
      try {
        const large = largeJson.get(request);
        if (large) {
          // A large JSON body: read, checked (lengths, lone surrogates, the catalogue) and written in the worker.
          format = 'json';
          files = [{ bytes: new Uint8Array(large.buffer, large.byteOffset, large.byteLength) }];
        } else if (contentType === 'application/json' || (!request.isMultipart() && !Buffer.isBuffer(request.body))) {
          // A JSON body (a batch or a snapshot file), parsed by Fastify.
          format = 'json';
          files = [{ bytes: new Uint8Array(0), value: request.body }];
        } else {
          const read = await filesOf(request, q);
          const merged = { ...q, ...(read.fields as Partial<Query>), dryRun: q.dryRun } as Query;
          format = q.format ?? read.format ?? 'json';
          files = read.files;
          options = importOptions(merged);
        }
      } catch (err) {
        throw problemFromExchange(err, 'import');
      }
      // The cost of an import grows with what was sent: past ~2 MB it runs as a job.
      const cost = Number(request.headers['content-length'] ?? 0) / 100;
      return app.answerOrJob(request, reply, 'import', cost, async ({ signal, progress }) => {
        const snapshot = await app.snapshotSource();
        // A SQLite file is written by the worker that checked the import (see server/jobs/import-task.ts).
        const file = snapshot.kind === 'sqlite' ? snapshot.file : undefined;
        let prepared: PreparedImport;
        try {
          const input = {
            format,
            files,
            options,
            dryRun: q.dryRun,
            snapshot,
            ...(file ? { write: { file, ctx } } : {}),
          };
          prepared = await app.work.run('importCheck', input, { signal, onProgress: progress });
        } catch (err) {
          throw problemFromExchange(err, 'import');
        }
        const outcome = prepared.outcome;
        if (!outcome.ok) throw refused(outcome);
        if (prepared.batch) {
          progress(0.9, 'write');
          Object.assign(
            outcome,
            await app.store.importBatch(prepared.batch as Parameters<GraphStore['importBatch']>[0], ctx),
          );
        }
        return { kind: 'json', value: answer(outcome) };
      });
    },
  );
};

export default importRoute;
