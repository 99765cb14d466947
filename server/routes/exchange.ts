import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ExchangeError } from '../../core/exchange/errors.js';
import { CONTENT_TYPES, EXPORT_FORMATS, templateFile, type ExportFormat } from '../../core/exchange/export.js';
import { EXPORT_TABLES } from '../../core/exchange/table-export.js';
import { checkMapSize } from '../jobs/export-task.js';
import { JobSchema } from '../jobs/schema.js';
import { visibleSnapshot } from '../../core/render/visible.js';
import { noFilters } from '../../core/graph/view-filters.js';
import { MAX_PNG_SCALE } from '../render/png.js';
import { viewSnapshot } from '../report/view-snapshot.js';
import { csv, errorResponses, ProblemSchema, splitCsv } from '../schemas/common.js';
import { ApiProblem } from '../problems.js';

/** A row of an import's validation report. */
export const ReportRowSchema = Type.Object({
  severity: Type.Union([Type.Literal('error'), Type.Literal('warning')]),
  sheet: Type.String({ description: 'Sheet, file or XML part (nodes/edges)' }),
  row: Type.Union([Type.Integer(), Type.Null()], {
    description: 'Row as the spreadsheet numbers it (header = 1), or line in an XML file',
  }),
  column: Type.Union([Type.String(), Type.Null()], {
    description: 'Column header (or XML attribute) as written in the file',
  }),
  code: Type.String(),
  message: Type.Object({ sv: Type.String(), en: Type.String() }),
  path: Type.Optional(Type.String({ description: 'Where in the batch, e.g. /nodes/3/props/kommunkod' })),
  id: Type.Optional(Type.String()),
});

export const SheetMappingSchema = Type.Object({
  sheet: Type.String(),
  table: Type.String(),
  dialect: Type.String({ description: 'template, kumu or custom' }),
  columns: Type.Array(Type.Object({ header: Type.String(), field: Type.Union([Type.String(), Type.Null()]) })),
});

/** problem+json of a refused import: the problems, and the report by sheet, row and column. */
export const ImportProblemSchema = Type.Object(
  {
    ...ProblemSchema.properties,
    report: Type.Optional(Type.Array(ReportRowSchema)),
    format: Type.Optional(Type.String()),
    encoding: Type.Optional(Type.String()),
    mapping: Type.Optional(Type.Array(SheetMappingSchema)),
  },
  { description: 'RFC 9457 problem details with the validation report of the import' },
);

/** A whole-file failure (too large, refused XML, not a workbook…) as an API problem. */
export function problemFromExchange(err: unknown, context: 'import' | 'export'): unknown {
  if (!(err instanceof ExchangeError)) return err;
  const status =
    err.kind === 'too_large'
      ? 413
      : err.code === 'not_implemented'
        ? 501
        : err.kind === 'unsupported' && context === 'import'
          ? 415
          : 400;
  const line =
    typeof err.details.line === 'number'
      ? err.details.line
      : typeof err.details.row === 'number'
        ? err.details.row
        : null;
  return new ApiProblem(status, err.code, err.text.en, [{ path: '', code: err.code, message: err.text }], {
    ...(context === 'import'
      ? { report: [{ severity: 'error', sheet: 'file', row: line, column: null, code: err.code, message: err.text }] }
      : {}),
  });
}

const isoDate = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });
const fileResponse = (description: string) => ({
  description,
  content: Object.fromEntries(
    Object.entries(CONTENT_TYPES).map(([, type]) => [
      type.split(';')[0],
      {
        schema: {
          type: 'string',
          format: type.startsWith('text') || type.includes('xml') || type.includes('json') ? undefined : 'binary',
        },
      },
    ]),
  ),
});

const contentDisposition = (fileName: string) => `attachment; filename="${fileName.replace(/[^A-Za-z0-9._-]/g, '_')}"`;

/**
 * Exports (GEXF, GraphML, the JSON snapshot, CSV and XLSX tables, the SVG and PNG map, the PDF report) of the
 * graph as a view shows it:
 * the filters are parameters (kinds, relation types, as-of date, evidence), and `view` names a saved view whose
 * positions (and filters, where the parameters give none) are used. The import template is here too.
 */
/** Sends an exported file as a download (bytes without a copy). */
function sendFile(
  reply: FastifyReply,
  out: { body: string | Uint8Array; contentType: string; fileName: string },
): FastifyReply {
  const body =
    typeof out.body === 'string' ? out.body : Buffer.from(out.body.buffer, out.body.byteOffset, out.body.byteLength);
  return reply.type(out.contentType).header('content-disposition', contentDisposition(out.fileName)).send(body);
}

const exchange: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/export',
    {
      schema: {
        tags: ['exchange'],
        summary: 'Export the graph (json, gexf, graphml, csv, xlsx), the map (svg, png) or the report (pdf)',
        description:
          'GEXF 1.3 and GraphML carry every attribute (props as prop_<key>, lists and objects as JSON text under propjson_<key>, sources as JSON text) and import again losslessly. ' +
          'CSV and XLSX tables use the import template headers; text cells that could run as spreadsheet formulas are prefixed with an apostrophe. ' +
          'SVG and PNG are the map of the view as the screen draws it (its filters, focus, colour and size encodings, positions) with legend, title, date and source line; PNG is `scale` × width × height pixels; the PDF report has the same map. ' +
          'PDF is the A4 report (map, key actors, communities, gaps, action plan, method notes, sources) in `lang`.',
        querystring: Type.Object({
          format: Type.Union(
            EXPORT_FORMATS.map((f) => Type.Literal(f)),
            { default: 'json' },
          ),
          kinds: csv('Node kinds to include, comma-separated'),
          orgTypes: csv('Organisation types to include, comma-separated'),
          municipalities: csv('Municipalities (node ids) whose nodes to include, comma-separated'),
          sectors: csv('Sectors (node ids) whose nodes to include, comma-separated'),
          relationTypes: csv('Relation types to include, comma-separated'),
          asOf: Type.Optional({ ...isoDate, description: 'Only relations valid on this date (YYYY-MM-DD)' }),
          evidence: csv('Evidence levels to include (confirmed, probable, uncertain), comma-separated'),
          view: Type.Optional(
            Type.String({
              maxLength: 80,
              description:
                'A saved view: its positions, encodings (colour by, size by), focus and filters; the filter parameters replace its own',
            }),
          ),
          colorBy: Type.Optional(
            Type.String({
              maxLength: 80,
              description: 'Map: colour nodes by actorGroup, kind, municipality, sector, community or attr:<property>',
            }),
          ),
          sizeBy: Type.Optional(
            Type.String({ maxLength: 80, description: 'Map: size nodes by none, degree or a node measure id' }),
          ),
          edgeColorBy: Type.Optional(
            Type.Union([Type.Literal('role'), Type.Literal('type'), Type.Literal('evidence')], {
              description: 'Map: colour ties by role, relation kind or evidence',
            }),
          ),
          focus: Type.Optional(
            Type.String({ maxLength: 300, description: 'Map: the node in focus (the rest is faded)' }),
          ),
          depth: Type.Optional(Type.Integer({ minimum: 1, maximum: 2, description: 'Map: steps around the focus' })),
          lang: Type.Union([Type.Literal('sv'), Type.Literal('en')], { default: 'sv' }),
          table: Type.Union(
            EXPORT_TABLES.map((t) => Type.Literal(t)),
            { default: 'nodes', description: 'CSV: which table' },
          ),
          delimiter: Type.Union([Type.Literal('comma'), Type.Literal('semicolon'), Type.Literal('tab')], {
            default: 'comma',
            description: 'CSV delimiter',
          }),
          title: Type.Optional(Type.String({ maxLength: 300, description: 'SVG, PNG: map title; PDF: report title' })),
          subtitle: Type.Optional(Type.String({ maxLength: 300 })),
          source: Type.Optional(Type.String({ maxLength: 500, description: 'SVG, PNG: source line' })),
          width: Type.Optional(
            Type.Integer({ minimum: 200, maximum: 8000, description: 'SVG, PNG: map width in CSS pixels' }),
          ),
          height: Type.Optional(
            Type.Integer({ minimum: 200, maximum: 8000, description: 'SVG, PNG: map height in CSS pixels' }),
          ),
          scale: Type.Number({
            exclusiveMinimum: 0,
            maximum: MAX_PNG_SCALE,
            default: 2,
            description: 'PNG: pixels per CSS pixel (up to 4; at most 40 megapixels in all)',
          }),
        }),
        response: { 200: fileResponse('The exported file'), 202: JobSchema, ...errorResponses, 413: ProblemSchema },
      },
    },
    async (request, reply) => {
      const q = request.query;
      const format = q.format as ExportFormat;
      const found = await viewSnapshot(app.store, q.view, {
        kinds: splitCsv(q.kinds),
        orgTypes: splitCsv(q.orgTypes),
        municipalities: splitCsv(q.municipalities),
        sectors: splitCsv(q.sectors),
        relationTypes: splitCsv(q.relationTypes),
        asOf: q.asOf,
        evidence: splitCsv(q.evidence),
        ...(q.colorBy ? { colorBy: q.colorBy } : {}),
        ...(q.sizeBy ? { sizeBy: q.sizeBy } : {}),
        ...(q.edgeColorBy ? { edgeColorBy: q.edgeColorBy } : {}),
        ...(q.focus ? { focus: q.focus } : {}),
        ...(q.depth ? { depth: q.depth === 2 ? 2 : 1 } : {}),
      });
      if (!found.ok && found.reason === 'no_view') throw new ApiProblem(404, 'not_found', `View "${q.view}" not found`);
      if (!found.ok) {
        const bad = found.values.join(', ');
        throw new ApiProblem(400, 'validation_failed', 'Invalid querystring', [
          { path: '/evidence', code: 'enum', message: { sv: `Okänt belägg: ${bad}`, en: `Unknown evidence: ${bad}` } },
        ]);
      }
      const options = {
        lang: q.lang,
        view: found.view,
        ...(q.view ? { viewName: q.view } : {}),
        table: q.table,
        delimiter: ({ comma: ',', semicolon: ';', tab: '\t' } as const)[q.delimiter],
        ...(q.title ? { title: q.title } : {}),
        ...(q.subtitle ? { subtitle: q.subtitle } : {}),
        ...(q.source ? { source: q.source } : {}),
        ...(q.width ? { width: q.width } : {}),
        ...(q.height ? { height: q.height } : {}),
        scale: q.scale,
      };
      const shown = visibleSnapshot(found.snapshot, found.view?.state?.filters ?? noFilters());
      checkMapSize(format, { nodes: shown.nodes.length, relations: shown.relations.length });
      // Maps and reports cost more per record than data files; past the threshold the export runs as a job.
      const weight = format === 'pdf' ? 4 : format === 'svg' || format === 'png' ? 2 : 1;
      const cost = (shown.nodes.length + shown.relations.length) * weight;
      return app.answerOrJob(request, reply, 'export', cost, async ({ signal, progress }) => {
        const input = { format, snapshot: found.snapshot, options };
        const out = await app.work.run('export', input, { signal, onProgress: progress });
        return { kind: 'file', ...out };
      });
    },
  );

  app.get(
    '/api/import/template',
    {
      schema: {
        tags: ['exchange', 'import'],
        summary:
          'The import template (XLSX with both tables and instructions, or one CSV table), Swedish or English headers',
        querystring: Type.Object({
          format: Type.Union([Type.Literal('xlsx'), Type.Literal('csv')], { default: 'xlsx' }),
          colorBy: Type.Optional(
            Type.String({
              maxLength: 80,
              description: 'Map: colour nodes by actorGroup, kind, municipality, sector, community or attr:<property>',
            }),
          ),
          sizeBy: Type.Optional(
            Type.String({ maxLength: 80, description: 'Map: size nodes by none, degree or a node measure id' }),
          ),
          edgeColorBy: Type.Optional(
            Type.Union([Type.Literal('role'), Type.Literal('type'), Type.Literal('evidence')], {
              description: 'Map: colour ties by role, relation kind or evidence',
            }),
          ),
          focus: Type.Optional(
            Type.String({ maxLength: 300, description: 'Map: the node in focus (the rest is faded)' }),
          ),
          depth: Type.Optional(Type.Integer({ minimum: 1, maximum: 2, description: 'Map: steps around the focus' })),
          lang: Type.Union([Type.Literal('sv'), Type.Literal('en')], { default: 'sv' }),
          table: Type.Union([Type.Literal('actors'), Type.Literal('relations')], {
            default: 'actors',
            description: 'CSV: which table',
          }),
          delimiter: Type.Union([Type.Literal('comma'), Type.Literal('semicolon')], {
            default: 'semicolon',
            description: 'CSV delimiter (Swedish Excel expects semicolons)',
          }),
        }),
        response: { 200: fileResponse('The template'), ...errorResponses },
      },
    },
    async (request, reply) => {
      const q = request.query;
      const out = templateFile(q.format, q.lang, q.table, q.delimiter === 'comma' ? ',' : ';');
      return sendFile(reply, out);
    },
  );
};

export default exchange;
