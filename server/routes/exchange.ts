import type { FastifyReply } from 'fastify';
import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { ExchangeError } from '../../core/exchange/errors.js';
import { templateFile, type ExportFormat } from '../../core/exchange/export.js';
import type { ExportFileOptions } from '../render/export-file.js';
import { checkMapSize } from '../jobs/export-task.js';
import { JobSchema } from '../jobs/schema.js';
import { exportViewOf, type ViewFilters } from '../report/view-snapshot.js';
import { errorResponses, ProblemSchema, splitCsv } from '../schemas/common.js';
import { ExportQuery, fileResponse, TemplateQuery, type ExportQueryType } from '../schemas/exchange.js';
import { ApiProblem } from '../problems.js';
import type { GraphStore } from '../store/graph-store.js';

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

const contentDisposition = (fileName: string) => `attachment; filename="${fileName.replace(/[^A-Za-z0-9._-]/g, '_')}"`;

/** Sends an exported file as a download (bytes without a copy). */
function sendFile(
  reply: FastifyReply,
  out: { body: string | Uint8Array; contentType: string; fileName: string },
): FastifyReply {
  const body =
    typeof out.body === 'string' ? out.body : Buffer.from(out.body.buffer, out.body.byteOffset, out.body.byteLength);
  return reply.type(out.contentType).header('content-disposition', contentDisposition(out.fileName)).send(body);
}

/** The request's filters, encodings and focus, each over the saved view's own. */
function viewFilters(q: ExportQueryType): ViewFilters {
  return {
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
  };
}

/** The view to export, or a 404 (no such view) or 400 (unknown evidence level). */
async function exportSource(store: GraphStore, q: ExportQueryType): Promise<{ view: ExportFileOptions['view'] }> {
  const found = await exportViewOf(store, q.view, viewFilters(q));
  if (found.ok) return found;
  if (found.reason === 'no_view') throw new ApiProblem(404, 'not_found', `View "${q.view}" not found`);
  const bad = found.values.join(', ');
  throw new ApiProblem(400, 'validation_failed', 'Invalid querystring', [
    { path: '/evidence', code: 'enum', message: { sv: `Okänt belägg: ${bad}`, en: `Unknown evidence: ${bad}` } },
  ]);
}

/** The file's options: language, the view, the CSV table and delimiter, the map's title, size and scale. */
function exportOptions(q: ExportQueryType, view: ExportFileOptions['view']): ExportFileOptions {
  return {
    lang: q.lang,
    view,
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
}

/**
 * GET /api/export: GEXF, GraphML, the JSON snapshot, CSV and XLSX tables, the SVG and PNG map, the PDF report of
 * the graph as a view shows it: the filters are parameters (kinds, relation types, as-of date, evidence), and
 * `view` names a saved view whose positions (and filters, where the parameters give none) are used.
 */
const exportRoute: FastifyPluginAsyncTypebox = async (app) => {
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
        querystring: ExportQuery,
        response: { 200: fileResponse('The exported file'), 202: JobSchema, ...errorResponses, 413: ProblemSchema },
      },
    },
    async (request, reply) => {
      const q = request.query;
      const format = q.format as ExportFormat;
      const { view } = await exportSource(app.store, q);
      const options = exportOptions(q, view);
      // The graph is read, filtered and drawn in the worker pool; the size is decided there before any drawing.
      const snapshot = await app.snapshotSource();
      const shown = await app.work.run('exportSize', { snapshot, view });
      checkMapSize(format, shown);
      // Maps and reports cost more per record than data files; past the threshold the export runs as a job.
      const weight = format === 'pdf' ? 4 : format === 'svg' || format === 'png' ? 2 : 1;
      const cost = (shown.nodes + shown.relations) * weight;
      return app.answerOrJob(request, reply, 'export', cost, async ({ signal, progress }) => {
        const out = await app.work.run('export', { format, snapshot, options }, { signal, onProgress: progress });
        return { kind: 'file', ...out };
      });
    },
  );
};

/** GET /api/import/template: the import template, XLSX with both tables or one CSV table. */
const templateRoute: FastifyPluginAsyncTypebox = async (app) => {
  app.get(
    '/api/import/template',
    {
      schema: {
        tags: ['exchange', 'import'],
        summary:
          'The import template (XLSX with both tables and instructions, or one CSV table), Swedish or English headers',
        querystring: TemplateQuery,
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

/** Exports of the graph, the map and the report, and the import template: one small plugin per route. */
const exchange: FastifyPluginAsyncTypebox = async (app) => {
  await app.register(exportRoute);
  await app.register(templateRoute);
};

export default exchange;
