import { CONTENT_TYPES, type ExportResult } from '../../core/exchange/export.js';
import type { ExportView } from '../../core/exchange/view.js';
import type { Lang } from '../../core/model/labels.js';
import type { Snapshot } from '../../core/model/records.js';
import { buildReport } from '../../core/report/build.js';
import { writeReportPdf } from '../../core/report/pdf-writer.js';

/** The PDF report of a snapshot as an export result (for the API and the CLI). */
export async function reportFile(
  snapshot: Snapshot,
  options: { lang: Lang; view?: ExportView; viewName?: string; title?: string; createdAt?: string },
): Promise<ExportResult> {
  const createdAt = options.createdAt ?? new Date().toISOString();
  const model = buildReport(snapshot, { ...options, createdAt });
  const body = await writeReportPdf(model);
  const slug = (options.viewName ?? '').replace(/[^A-Za-z0-9_-]+/g, '-').replace(/^-|-$/g, '');
  return {
    body,
    contentType: CONTENT_TYPES.pdf,
    fileName: `aktorsatlas-${options.lang === 'sv' ? 'rapport' : 'report'}${slug ? `-${slug}` : ''}-${createdAt.slice(0, 10)}.pdf`,
  };
}
