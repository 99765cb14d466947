import type { Problem } from '../model/problems.js';
import type { Batch, Snapshot } from '../model/records.js';
import { badRows, type ReportRow } from './import-report.js';
import { importReport, parseImport, plannedCounts, type ImportFile, type ImportOptions } from './import.js';
import type { ImportFormat, SheetMapping } from './import-types.js';
import type { TextEncodingName } from './text-decode.js';
import { relationId } from '../model/ids.js';
import { textProblems } from './text-limits.js';
import { validateBatch } from '../model/validate.js';

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
  const { outcome } = judge(parsed, problems, ctx, format, dryRun);
  if (!outcome.ok || dryRun) return outcome;
  return { ...outcome, ...(await deps.commit(parsed.batch)) };
}

/** A checked import, not yet written: the outcome (planned counts) and the batch with every relation's id. */
export interface PreparedImport {
  outcome: ImportOutcome;
  batch?: Batch;
}

/**
 * Everything of an import but the write, from the files and a snapshot of the store: reading, string lengths,
 * catalogue validation against the snapshot's node kinds, the report with likely duplicates. Pure, so the server runs
 * it in a worker thread; `progress` says which stage it is in.
 */
export function prepareImport(
  input: { format: ImportFormat; files: ImportFile[]; options: ImportOptions; dryRun: boolean; snapshot: Snapshot },
  progress: (share: number, stage: string) => void = () => undefined,
): PreparedImport {
  const { snapshot, format, dryRun } = input;
  const ctx = { existingNodes: snapshot.nodes, existingRelations: snapshot.relations };
  progress(0.05, 'read');
  const parsed = parseImport(format, input.files, ctx, input.options);
  progress(0.4, 'validate');
  const textual = textProblems(parsed.batch);
  const kinds = new Map(snapshot.nodes.map((n) => [n.id, n.kind]));
  const problems = textual.length > 0 ? textual : validateBatch(parsed.batch, (id) => kinds.get(id));
  progress(0.7, 'report');
  const { outcome, relIds } = judge(parsed, problems, ctx, format, dryRun);
  if (!outcome.ok || dryRun) return { outcome };
  const relations = parsed.batch.relations.map((r, i) => (r.id === relIds[i] ? r : { ...r, id: relIds[i] }));
  return { outcome, batch: { nodes: parsed.batch.nodes, relations } };
}

type Ctx = { existingNodes: Snapshot['nodes']; existingRelations: Snapshot['relations'] };

/** The report and outcome of a read and checked import (planned counts; zero when it is refused). */
function judge(
  parsed: ReturnType<typeof parseImport>,
  problems: Problem[],
  ctx: Ctx,
  format: ImportFormat,
  dryRun: boolean,
): { outcome: ImportOutcome; relIds: string[] } {
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
  if (errors.length > 0) return { outcome: { ok: false, ...base, ...zero }, relIds: [] };
  const relIds = parsed.batch.relations.map((r) => r.id ?? relationId(r.type, r.from, r.to));
  return { outcome: { ok: true, ...base, ...plannedCounts(parsed, ctx, relIds) }, relIds };
}
