import type { Batch } from '../model/records.js';
import type { ReportRow, SourceMap } from './import-report.js';
import type { TextEncodingName } from './text-decode.js';

export const IMPORT_FORMATS = ['json', 'csv', 'xlsx', 'gexf', 'graphml'] as const;
export type ImportFormat = (typeof IMPORT_FORMATS)[number];

/** How one column of a table was understood: the header as written, and the field it fills (null = unused). */
export interface ColumnMapping {
  header: string;
  field: string | null;
}

export interface SheetMapping {
  sheet: string;
  table: 'actors' | 'relations';
  /** Which header dialect was recognised. */
  dialect: 'template' | 'kumu' | 'custom';
  columns: ColumnMapping[];
}

/** A file read into a batch, with where each record came from and what was noticed on the way. */
export interface ParsedImport {
  format: ImportFormat;
  batch: Batch;
  sourceMap: SourceMap;
  /** Problems found while reading (before catalogue validation): errors stop the import, warnings do not. */
  report: ReportRow[];
  encoding?: TextEncodingName;
  mapping?: SheetMapping[];
}
