import type { Problem } from '../model/problems.js';
import type { Batch, Snapshot } from '../model/records.js';
import { badRows, type ReportRow } from './import-report.js';
import { importReport, parseImport, plannedCounts, type ImportFile, type ImportOptions } from './import.js';
import type { ImportFormat, SheetMapping } from './import-types.js';
import type { TextEncodingName } from './text-decode.js';
import { relationId } from '../model/ids.js';
import { textProblems } from './text-limits.js';

/**
 * One import, from files to a report and (unless it is a dry run) a commit. The I/O is passed in, so the API and
 * the CLI run the same steps: read the store, read the files, validate the batch, report, write all or nothing.
 */
export interface ImportDeps {
  /** Everything the store holds (for upsert by organisationsnummer, names and merging). */
  snapshot(): Promise<Snapshot>;
  /** Catalogue validation of the batch against the store; the problems, empty when it is valid. */
  validate(batch: Batch): Promise<Problem[]>;
  /** Writes the batch all-or-nothing. */
  commit(
    batch: Batch,
  ): Promise<{ nodesCreated: number; nodesUpdated: number; relationsCreated: number; relationsUpdated: number }>;
}

export interface ImportOutcome {
  ok: boolean;
  dryRun: boolean;
  format: ImportFormat;
  encoding?: TextEncodingName;
  mapping?: SheetMapping[];
  /** Errors and warnings, in file order. */
  report: ReportRow[];
  /** Validation problems with their batch paths, plus reading errors as `/<sheet>/<row>/<column>`. */
  problems: Problem[];
  /** Rows with errors (what a user must fix). */
  badRows: Array<{ sheet: string; row: number | null }>;
  nodes: number;
  relations: number;
  nodesCreated: number;
  nodesUpdated: number;
  relationsCreated: number;
  relationsUpdated: number;
}

export async function runImport(
  format: ImportFormat,
  files: ImportFile[],
  options: ImportOptions,
  dryRun: boolean,
  deps: ImportDeps,
): Promise<ImportOutcome> {
  const snap = await deps.snapshot();
  const ctx = { existingNodes: snap.nodes, existingRelations: snap.relations };
  const parsed = parseImport(format, files, ctx, options);
  // Lengths first: the later checks (catalogue, duplicate names) are then never run on huge text.
  const textual = textProblems(parsed.batch);
  const problems = textual.length > 0 ? textual : await deps.validate(parsed.batch);
  const report = importReport(parsed, problems, ctx);
  const errors = report.filter((r) => r.severity === 'error');
  const readingProblems: Problem[] = errors
    .filter((r) => r.path === undefined)
    .map((r) => ({
      path: `/${r.sheet}${r.row !== null ? `/${r.row}` : ''}${r.column ? `/${r.column}` : ''}`,
      code: r.code,
      message: r.message,
    }));
  const base = {
    dryRun,
    format,
    ...(parsed.encoding ? { encoding: parsed.encoding } : {}),
    ...(parsed.mapping ? { mapping: parsed.mapping } : {}),
    report,
    problems: [...readingProblems, ...problems],
    badRows: badRows(report),
    nodes: parsed.batch.nodes.length,
    relations: parsed.batch.relations.length,
  };
  const zero = { nodesCreated: 0, nodesUpdated: 0, relationsCreated: 0, relationsUpdated: 0 };
  if (errors.length > 0) return { ok: false, ...base, ...zero };
  const relIds = parsed.batch.relations.map((r) => r.id ?? relationId(r.type, r.from, r.to));
  if (dryRun) return { ok: true, ...base, ...plannedCounts(parsed, ctx, relIds) };
  const result = await deps.commit(parsed.batch);
  return { ok: true, ...base, ...result };
}
