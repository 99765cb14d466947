import type { Bilingual, Lang } from '../model/labels.js';
import type { Snapshot } from '../model/records.js';
import { writeCsv, type CsvDelimiter } from './csv.js';
import { writeGexf } from './gexf-write.js';
import type { MetricsMap } from './graph-attributes.js';
import { writeGraphml } from './graphml-write.js';
import { writeSnapshotJson } from './snapshot-json.js';
import {
  EXPORT_TABLES,
  SHEET_NAMES,
  exportTable,
  templateTables,
  type ExportTable,
  type GapFindingLike,
} from './table-export.js';
import type { ExportView } from '../render/view.js';
import { writeXlsx } from './xlsx.js';

export const EXPORT_FORMATS = ['json', 'gexf', 'graphml', 'csv', 'xlsx', 'svg', 'png', 'pdf'] as const;
export type ExportFormat = (typeof EXPORT_FORMATS)[number];
/** The data formats `exportSnapshot` writes; the map (SVG, PNG) and the report (PDF) are drawn by core/render. */
export const DATA_FORMATS = ['json', 'gexf', 'graphml', 'csv', 'xlsx'] as const;
export type DataFormat = (typeof DATA_FORMATS)[number];
export const isDataFormat = (f: string): f is DataFormat => (DATA_FORMATS as readonly string[]).includes(f);

export const CONTENT_TYPES: Record<ExportFormat, string> = {
  json: 'application/json; charset=utf-8',
  gexf: 'application/gexf+xml; charset=utf-8',
  graphml: 'application/graphml+xml; charset=utf-8',
  csv: 'text/csv; charset=utf-8',
  xlsx: 'application/vnd.openxmlformats-officedocument.spreadsheetml.sheet',
  svg: 'image/svg+xml; charset=utf-8',
  png: 'image/png',
  pdf: 'application/pdf',
};

export interface ExportOptions {
  lang?: Lang;
  view?: ExportView;
  metrics?: MetricsMap;
  metricLabels?: Record<string, Bilingual>;
  findings?: readonly GapFindingLike[];
  /** CSV: which table (default nodes). */
  table?: ExportTable;
  delimiter?: CsvDelimiter;
  /** XLSX: the workbook's title. */
  title?: string;
  /** ISO timestamp of the export (default now). */
  exportedAt?: string;
}

export interface ExportResult {
  body: string | Uint8Array;
  contentType: string;
  /** A file name for Content-Disposition, e.g. aktorsatlas-2026-11-27.gexf. */
  fileName: string;
}

/** The base of an export's file name: aktorsatlas-<date>[-per-<as-of>]. */
export const exportBaseName = (date: string, asOf?: string): string =>
  `aktorsatlas-${date}${asOf ? `-per-${asOf}` : ''}`;

/** The data formats (the map and the report: server/render/export-file, which calls this for the rest). */
export function exportSnapshot(format: DataFormat, snapshot: Snapshot, options: ExportOptions = {}): ExportResult {
  const lang = options.lang ?? 'sv';
  const exportedAt = options.exportedAt ?? new Date().toISOString();
  const date = exportedAt.slice(0, 10);
  const base = exportBaseName(date, snapshot.asOf);
  const tableOpts = { lang, metrics: options.metrics, metricLabels: options.metricLabels, findings: options.findings };
  switch (format) {
    case 'json':
      return {
        body: writeSnapshotJson(snapshot, exportedAt),
        contentType: CONTENT_TYPES.json,
        fileName: `${base}.json`,
      };
    case 'gexf':
      return {
        body: writeGexf(snapshot, { view: options.view, metrics: options.metrics, date }),
        contentType: CONTENT_TYPES.gexf,
        fileName: `${base}.gexf`,
      };
    case 'graphml':
      return {
        body: writeGraphml(snapshot, { view: options.view, metrics: options.metrics }),
        contentType: CONTENT_TYPES.graphml,
        fileName: `${base}.graphml`,
      };
    case 'csv': {
      const table = options.table ?? 'nodes';
      return {
        body: writeCsv(exportTable(table, snapshot, tableOpts), { delimiter: options.delimiter }),
        contentType: CONTENT_TYPES.csv,
        fileName: `${base}-${SHEET_NAMES[table].en.toLowerCase()}.csv`,
      };
    }
    case 'xlsx': {
      const tables = EXPORT_TABLES.filter((t) => t !== 'gaps' || (options.findings && options.findings.length > 0));
      const body = writeXlsx(
        tables.map((t) => ({ name: SHEET_NAMES[t][lang], rows: exportTable(t, snapshot, tableOpts) })),
        { title: options.title ?? 'Aktörsatlas', created: exportedAt.replace(/\.\d+Z$/, 'Z') },
      );
      return { body, contentType: CONTENT_TYPES.xlsx, fileName: `${base}.xlsx` };
    }
  }
}

/** The import template as CSV (one table) or XLSX (both tables and an instructions sheet). */
export function templateFile(
  format: 'csv' | 'xlsx',
  lang: Lang,
  table: 'actors' | 'relations' = 'actors',
  delimiter: CsvDelimiter = ',',
): ExportResult {
  const t = templateTables(lang);
  if (format === 'csv') {
    return {
      body: writeCsv(t[table], { delimiter }),
      contentType: CONTENT_TYPES.csv,
      fileName: `aktorsatlas-mall-${table === 'actors' ? (lang === 'sv' ? 'aktorer' : 'actors') : lang === 'sv' ? 'relationer' : 'relations'}.csv`,
    };
  }
  const body = writeXlsx([
    { name: SHEET_NAMES.nodes[lang], rows: t.actors },
    { name: SHEET_NAMES.relations[lang], rows: t.relations },
    { name: lang === 'sv' ? 'Instruktioner' : 'Instructions', rows: t.instructions, widths: [14, 28, 12, 100] },
  ]);
  return {
    body,
    contentType: CONTENT_TYPES.xlsx,
    fileName: lang === 'sv' ? 'aktorsatlas-mall.xlsx' : 'aktorsatlas-template.xlsx',
  };
}
