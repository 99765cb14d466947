import { readFileSync, writeFileSync } from 'node:fs';
import { basename } from 'node:path';
import { loadConfig } from '../config.js';
import { describeStore, openStore } from '../open-store.js';
import { GraphService } from '../services/graph-service.js';
import { ApiProblem } from '../problems.js';
import type { GraphStore } from '../store/graph-store.js';
import type { Batch, Evidence, Snapshot } from '../../core/model/records.js';
import type { Problem } from '../../core/model/problems.js';
import type { Lang } from '../../core/model/labels.js';
import { ExchangeError } from '../../core/exchange/errors.js';
import type { ExportFormat, ExportResult } from '../../core/exchange/export.js';
import type { ExportTable } from '../../core/exchange/table-export.js';
import type { ExportView } from '../../core/render/view.js';
import { exportFile } from '../render/export-file.js';
import { viewSnapshot } from '../report/view-snapshot.js';
import { runImport } from '../../core/exchange/import-flow.js';
import type { ImportFile, ImportOptions } from '../../core/exchange/import.js';
import { IMPORT_FORMATS, type ImportFormat } from '../../core/exchange/import-types.js';
import type { ReportRow } from '../../core/exchange/import-report.js';

async function withStore<T>(fn: (store: GraphStore) => Promise<T>): Promise<T> {
  const config = loadConfig();
  const store = await openStore(config).catch((err: Error) => {
    throw new Error(`cannot open the store (${describeStore(config)}): ${err.message}`);
  });
  try {
    return await fn(store);
  } finally {
    await store.close();
  }
}

export interface ExportFileOptions {
  output?: string;
  asOf?: string;
  table?: string;
  lang?: string;
  kinds?: string;
  relationTypes?: string;
  evidence?: string;
  view?: string;
  delimiter?: string;
  title?: string;
  scale?: string;
  width?: string;
  height?: string;
}

const list = (v: string | undefined) =>
  v
    ? v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean)
    : undefined;

/** The snapshot of a view with the command's filters; prints the problem and returns an exit code if none. */
async function cliSnapshot(
  store: GraphStore,
  opts: ExportFileOptions,
): Promise<{ snapshot: Snapshot; view: ExportView; viewName?: string } | number> {
  const found = await viewSnapshot(store, opts.view, {
    kinds: list(opts.kinds),
    relationTypes: list(opts.relationTypes),
    asOf: opts.asOf,
    evidence: list(opts.evidence),
  });
  if (found.ok) return found;
  console.error(
    found.reason === 'no_view'
      ? `error: no saved view "${found.viewName}"`
      : `error: unknown evidence ${found.values.join(', ')}`,
  );
  return 2;
}

function writeOut(out: ExportResult, output: string | undefined): void {
  if (output) writeFileSync(output, out.body);
  else process.stdout.write(out.body);
}

const positive = (v: string | undefined) => (v !== undefined && Number(v) > 0 ? Number(v) : undefined);

/** `aktorsatlas export --format gexf|graphml|csv|xlsx|svg|png|pdf` (json stays with `exportCommand`). */
export async function exportFileCommand(format: string, opts: ExportFileOptions): Promise<number> {
  return withStore(async (store) => {
    const found = await cliSnapshot(store, opts);
    if (typeof found === 'number') return found;
    const width = positive(opts.width);
    const height = positive(opts.height);
    try {
      const out = await exportFile(format as ExportFormat, found.snapshot, {
        lang: (opts.lang === 'en' ? 'en' : 'sv') as Lang,
        view: found.view,
        ...(found.viewName ? { viewName: found.viewName } : {}),
        ...(opts.table ? { table: opts.table as ExportTable } : {}),
        delimiter:
          opts.delimiter === 'semicolon' || opts.delimiter === ';' ? ';' : opts.delimiter === 'tab' ? '\t' : ',',
        ...(opts.title ? { title: opts.title } : {}),
        ...(width ? { width } : {}),
        ...(height ? { height } : {}),
        ...(opts.scale !== undefined ? { scale: Number(opts.scale) } : {}),
      });
      writeOut(out, opts.output);
      if (opts.output && format === 'pdf') console.error(`wrote ${out.body.length} bytes to ${opts.output}`);
      return 0;
    } catch (err) {
      if (err instanceof ExchangeError) {
        console.error(`error: ${err.text.en}`);
        return 2;
      }
      throw err;
    }
  });
}

/** `aktorsatlas report [--view NAME] [--lang sv|en] -o report.pdf`: the PDF report of a view. */
export function reportCommand(opts: ExportFileOptions): Promise<number> {
  return exportFileCommand('pdf', opts);
}

export interface ImportFileOptions {
  format?: string;
  dryRun?: boolean;
  table?: string;
  encoding?: string;
  delimiter?: string;
  mapping?: string;
  defaultSourceUrl?: string;
  defaultSourceTitle?: string;
  defaultEvidence?: string;
}

const formatOf = (path: string): ImportFormat | undefined => {
  const ext = /\.([a-z]+)$/i.exec(path)?.[1]?.toLowerCase();
  if (ext === 'txt') return 'csv';
  return (IMPORT_FORMATS as readonly string[]).includes(ext ?? '') ? (ext as ImportFormat) : undefined;
};

const printRow = (r: ReportRow) =>
  `  ${r.severity === 'error' ? 'error' : 'warning'}: ${r.sheet}${r.row !== null ? `, row ${r.row}` : ''}${r.column ? `, ${r.column}` : ''}: ${r.message.en}`;

/**
 * `aktorsatlas import-file <files...>`: CSV (an actor and a relation file), XLSX, GEXF, GraphML or JSON, with the
 * same report as the API; nothing is written unless every row is valid, and nothing at all with --dry-run.
 */
export async function importFileCommand(paths: string[], opts: ImportFileOptions): Promise<number> {
  const format = (opts.format as ImportFormat | undefined) ?? formatOf(paths[0]);
  if (!format || !(IMPORT_FORMATS as readonly string[]).includes(format)) {
    console.error(`error: cannot tell the format of ${paths[0]}; give --format (${IMPORT_FORMATS.join(', ')})`);
    return 2;
  }
  const files: ImportFile[] = paths.map((p) => {
    const table = opts.table === 'actors' || opts.table === 'relations' ? opts.table : undefined;
    return {
      name: basename(p),
      bytes: new Uint8Array(readFileSync(p)),
      ...(table && paths.length === 1 ? { table } : {}),
    };
  });
  const options: ImportOptions = {};
  if (opts.encoding === 'utf-8' || opts.encoding === 'windows-1252' || opts.encoding === 'auto')
    options.encoding = opts.encoding;
  if (opts.delimiter)
    options.delimiter =
      ({ comma: ',', semicolon: ';', tab: '\t', auto: 'auto' } as Record<string, ImportOptions['delimiter']>)[
        opts.delimiter
      ] ?? 'auto';
  if (opts.mapping) options.mapping = JSON.parse(opts.mapping) as Record<string, string>;
  if (opts.defaultSourceUrl || opts.defaultEvidence) {
    options.defaults = {
      ...(opts.defaultSourceUrl
        ? { sources: [{ url: opts.defaultSourceUrl, title: opts.defaultSourceTitle || opts.defaultSourceUrl }] }
        : {}),
      ...(opts.defaultEvidence ? { evidence: opts.defaultEvidence as Evidence } : {}),
    };
  }
  return withStore(async (store) => {
    const service = new GraphService(store);
    try {
      const outcome = await runImport(format, files, options, !!opts.dryRun, {
        snapshot: () => store.snapshot({}),
        validate: async (batch: Batch): Promise<Problem[]> => {
          try {
            await service.checkedBatch(batch);
            return [];
          } catch (err) {
            if (err instanceof ApiProblem && err.code === 'validation_failed') return err.problems;
            throw err;
          }
        },
        commit: (batch: Batch) => service.importBatch(batch, { actor: 'cli' }),
      });
      if (outcome.encoding) console.error(`read as ${outcome.encoding}`);
      for (const r of outcome.report) console.error(printRow(r));
      if (!outcome.ok) {
        console.error(`error: ${outcome.badRows.length} row(s) have errors; nothing was written`);
        return 2;
      }
      const verb = outcome.dryRun ? 'would import (dry run, nothing written)' : 'imported';
      console.log(
        `${verb}: ${outcome.nodesCreated} nodes created, ${outcome.nodesUpdated} updated; ${outcome.relationsCreated} relations created, ${outcome.relationsUpdated} updated`,
      );
      return 0;
    } catch (err) {
      if (err instanceof ExchangeError) {
        console.error(`error: ${err.text.en}`);
        return 2;
      }
      throw err;
    }
  });
}
