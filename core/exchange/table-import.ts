/**
 * Actor and relation tables (CSV or XLSX sheets) -> one batch, with a report per cell and the source map that ties
 * each record back to its sheet and row. The steps live in table-sheet (columns, cells), table-actors and
 * table-relations; this file runs them in order: actors first, so relations can name them.
 */
import type { Batch } from '../model/records.js';
import type { ReportRow, SourceMap } from './import-report.js';
import type { SheetMapping } from './import-types.js';
import { importActorSheet } from './table-actors.js';
import { importRelationSheet, nodeLookup } from './table-relations.js';
import { importState, type TableImportContext, type TableImportOptions, type TableInput } from './table-sheet.js';

export type { TableCell, TableImportContext, TableImportOptions, TableInput } from './table-sheet.js';
export { parseDate, parseNumber, splitMulti } from './table-values.js';

export interface TableImportResult {
  batch: Batch;
  sourceMap: SourceMap;
  report: ReportRow[];
  mapping: SheetMapping[];
}

/** Builds a batch from actor and relation tables (see tables.ts for the columns). */
export function tablesToBatch(
  inputs: TableInput[],
  ctx: TableImportContext,
  options: TableImportOptions = {},
): TableImportResult {
  const st = importState(ctx, options);
  for (const input of inputs) if (input.table === 'actors') importActorSheet(input, st);
  const nodes = nodeLookup(st);
  for (const input of inputs) if (input.table === 'relations') importRelationSheet(input, st, nodes);
  return { batch: st.batch, sourceMap: st.sourceMap, report: st.out.report, mapping: st.mappings };
}
