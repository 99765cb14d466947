import { Type, type Static } from 'typebox';
import { CONTENT_TYPES, EXPORT_FORMATS } from '../../core/exchange/export.js';
import { EXPORT_TABLES } from '../../core/exchange/table-export.js';
import { MAX_PNG_SCALE } from '../render/png.js';
import { csv } from './common.js';

const isoDate = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$' });

/** A file download in any of the export content types (OpenAPI response). */
export const fileResponse = (description: string) => ({
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

/** How the map draws the view: colour and size encodings and the focus. */
const MapEncoding = {
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
  focus: Type.Optional(Type.String({ maxLength: 300, description: 'Map: the node in focus (the rest is faded)' })),
  depth: Type.Optional(Type.Integer({ minimum: 1, maximum: 2, description: 'Map: steps around the focus' })),
};

/** The export's query: format, the view (a saved one and the request's filters, encodings and focus), layout. */
export const ExportQuery = Type.Object({
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
  ...MapEncoding,
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
  width: Type.Optional(Type.Integer({ minimum: 200, maximum: 8000, description: 'SVG, PNG: map width in CSS pixels' })),
  height: Type.Optional(
    Type.Integer({ minimum: 200, maximum: 8000, description: 'SVG, PNG: map height in CSS pixels' }),
  ),
  scale: Type.Number({
    exclusiveMinimum: 0,
    maximum: MAX_PNG_SCALE,
    default: 2,
    description: 'PNG: pixels per CSS pixel (up to 4; at most 40 megapixels in all)',
  }),
});
export type ExportQueryType = Static<typeof ExportQuery>;

/** The import template's query: format, language, and for CSV which table and delimiter. */
export const TemplateQuery = Type.Object({
  format: Type.Union([Type.Literal('xlsx'), Type.Literal('csv')], { default: 'xlsx' }),
  ...MapEncoding,
  lang: Type.Union([Type.Literal('sv'), Type.Literal('en')], { default: 'sv' }),
  table: Type.Union([Type.Literal('actors'), Type.Literal('relations')], {
    default: 'actors',
    description: 'CSV: which table',
  }),
  delimiter: Type.Union([Type.Literal('comma'), Type.Literal('semicolon')], {
    default: 'semicolon',
    description: 'CSV delimiter (Swedish Excel expects semicolons)',
  }),
});
