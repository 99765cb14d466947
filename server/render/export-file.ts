/**
 * The one export function of the server: every format of a view, the map (SVG, PNG) and the report (PDF)
 * included, for the API route and the CLI alike. The map of every format is one map model (core/render) of the
 * view's state, so the PNG, the SVG and the PDF's map show the same nodes, colours and sizes as the screen.
 */
import { JONKOPING_REFERENCE_COUNTS } from '../../fixtures/reference-counts.js';
import {
  CONTENT_TYPES,
  exportBaseName,
  exportSnapshot,
  isDataFormat,
  type ExportFormat,
  type ExportOptions,
  type ExportResult,
} from '../../core/exchange/export.js';
import { mapModel } from '../../core/render/map-model.js';
import { renderSvg } from '../../core/render/svg.js';
import type { ExportView } from '../../core/render/view.js';
import { visibleSnapshot } from '../../core/render/visible.js';
import { noFilters } from '../../core/graph/view-filters.js';
import { buildReport } from '../../core/report/build.js';
import type { RoundComparison } from '../../core/survey/schemas.js';
import { rt } from '../../core/report/strings.js';
import type { Snapshot } from '../../core/model/records.js';
import { writeReportPdf } from '../report/pdf-writer.js';
import { renderPng } from './png.js';

/** The size of the report's map (CSS pixels): an SVG or PNG export of this size is the PDF's map. */
export const REPORT_MAP = { width: 1600, height: 1150 } as const;

export interface ExportFileOptions extends ExportOptions {
  view?: ExportView;
  /** The saved view's name (report title page, map subtitle, file name). */
  viewName?: string;
  /** SVG, PNG: map subtitle and source line; width and height in CSS pixels. */
  subtitle?: string;
  source?: string;
  width?: number;
  height?: number;
  /** PNG: pixels per CSS pixel (default 2). */
  scale?: number;
  /** PDF: two survey rounds compared, as a section of the report. */
  rounds?: RoundComparison;
}

/** The map model of a view, as every map format draws it. */
function viewMap(snapshot: Snapshot, options: ExportFileOptions, size: { width?: number; height?: number }) {
  const lang = options.lang ?? 'sv';
  const subtitle = options.subtitle ?? (options.viewName ? `${rt('view', lang)}: ${options.viewName}` : undefined);
  return mapModel(snapshot, {
    lang,
    ...(options.view ? { view: options.view } : {}),
    date: (options.exportedAt ?? new Date().toISOString()).slice(0, 10),
    ...(options.title ? { title: options.title } : {}),
    ...(subtitle ? { subtitle } : {}),
    ...(options.source ? { source: options.source } : {}),
    ...(size.width ? { width: size.width } : {}),
    ...(size.height ? { height: size.height } : {}),
  });
}

const slug = (name: string | undefined) => (name ?? '').replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-|-$/g, '');

/**
 * `snapshot` is everything the screen loads (GET /api/graph); the view's filters pick what is shown, for the
 * map formats through the map model, for the data formats and the report's tables as the visible records.
 */
export async function exportFile(
  format: ExportFormat,
  snapshot: Snapshot,
  options: ExportFileOptions = {},
): Promise<ExportResult> {
  const lang = options.lang ?? 'sv';
  const exportedAt = options.exportedAt ?? new Date().toISOString();
  const filters = options.view?.state?.filters ?? noFilters();
  const shown = visibleSnapshot(snapshot, filters);
  if (isDataFormat(format)) return exportSnapshot(format, shown, { ...options, exportedAt });
  const base = exportBaseName(exportedAt.slice(0, 10), shown.asOf);
  if (format === 'pdf') {
    const map = viewMap(snapshot, { ...options, exportedAt, title: undefined }, REPORT_MAP);
    const model = buildReport(shown, {
      ...options,
      lang,
      createdAt: exportedAt,
      map,
      references: JONKOPING_REFERENCE_COUNTS,
    });
    const name = slug(options.viewName);
    return {
      body: await writeReportPdf(model),
      contentType: CONTENT_TYPES.pdf,
      fileName: `aktorsatlas-${lang === 'sv' ? 'rapport' : 'report'}${name ? `-${name}` : ''}-${exportedAt.slice(0, 10)}.pdf`,
    };
  }
  const svg = renderSvg(viewMap(snapshot, { ...options, exportedAt }, options));
  if (format === 'svg') return { body: svg, contentType: CONTENT_TYPES.svg, fileName: `${base}.svg` };
  return { body: renderPng(svg, options.scale ?? 2), contentType: CONTENT_TYPES.png, fileName: `${base}.png` };
}
