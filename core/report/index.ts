/** The PDF report: a model built from the analysis (pure) and a writer that lays it out on A4. */
export { buildReport, type ReportOptions } from './build.js';
export type { ReportModel, ReportSection, ReportTable, ReportItem } from './model.js';
export { REPORT_TEXT, rt, type ReportKey } from './strings.js';
