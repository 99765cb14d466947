import { SNAPSHOT_FORMAT, SNAPSHOT_VERSION, type SnapshotFile } from '../model/snapshot-file.js';
import type { Batch, NodeInput, RelationInput, Snapshot } from '../model/records.js';
import { exchangeError } from './errors.js';
import { emptySourceMap, reportRow, type ReportRow } from './import-report.js';
import type { ParsedImport } from './import-types.js';
import { decodeText } from './text-decode.js';

/** The versioned JSON snapshot file (core/model/snapshot-file.ts) of a snapshot. */
export function snapshotFile(snapshot: Snapshot, exportedAt = new Date().toISOString()): SnapshotFile {
  return {
    format: SNAPSHOT_FORMAT,
    version: SNAPSHOT_VERSION,
    exportedAt,
    ...(snapshot.asOf ? { asOf: snapshot.asOf } : {}),
    nodes: snapshot.nodes.map((n) => ({ ...n })),
    relations: snapshot.relations.map((r) => ({ ...r })),
  } as SnapshotFile;
}

export const writeSnapshotJson = (snapshot: Snapshot, exportedAt?: string): string =>
  JSON.stringify(snapshotFile(snapshot, exportedAt), null, 2);

const META = new Set(['version', 'createdAt', 'createdBy', 'updatedAt', 'updatedBy']);
const strip = (rec: unknown): unknown =>
  typeof rec === 'object' && rec !== null && !Array.isArray(rec)
    ? Object.fromEntries(Object.entries(rec).filter(([k]) => !META.has(k)))
    : rec;

/**
 * A batch from a JSON value: either `{nodes, relations}` or a snapshot file. The meta fields of a snapshot's
 * records (version, created/updated) are dropped: the store stamps its own.
 */
export function batchFromJson(data: unknown): { batch: Batch; report: ReportRow[] } {
  if (typeof data !== 'object' || data === null || Array.isArray(data)) {
    throw exchangeError(
      'malformed',
      'json_not_object',
      'JSON-filen ska vara ett objekt med nodes och relations',
      'The JSON file must be an object with nodes and relations',
    );
  }
  const obj = data as Record<string, unknown>;
  const report: ReportRow[] = [];
  if (obj.format !== undefined) {
    if (obj.format !== SNAPSHOT_FORMAT) {
      throw exchangeError(
        'malformed',
        'json_unknown_format',
        `Okänt filformat "${String(obj.format)}"`,
        `Unknown file format "${String(obj.format)}"`,
      );
    }
    if (obj.version !== SNAPSHOT_VERSION) {
      throw exchangeError(
        'unsupported',
        'snapshot_version',
        `Ögonblicksbildens version ${String(obj.version)} stöds inte (stöds: ${SNAPSHOT_VERSION})`,
        `Snapshot version ${String(obj.version)} is not supported (supported: ${SNAPSHOT_VERSION})`,
      );
    }
  }
  for (const k of Object.keys(obj)) {
    if (!['nodes', 'relations', 'format', 'version', 'exportedAt', 'asOf'].includes(k)) {
      report.push(
        reportRow(
          'warning',
          'json',
          null,
          k,
          'field_ignored',
          `Fältet "${k}" används inte`,
          `The field "${k}" is not used`,
        ),
      );
    }
  }
  const list = (k: 'nodes' | 'relations'): unknown[] => {
    const v = obj[k];
    if (v === undefined) return [];
    if (!Array.isArray(v))
      throw exchangeError('malformed', 'json_not_array', `"${k}" ska vara en lista`, `"${k}" must be an array`);
    return v;
  };
  return {
    batch: {
      nodes: list('nodes').map(strip) as NodeInput[],
      relations: list('relations').map(strip) as RelationInput[],
    },
    report,
  };
}

/** Reads a JSON batch or snapshot file from bytes (UTF-8, with or without BOM). */
export function readJsonImport(bytes: Uint8Array): ParsedImport {
  const { text } = decodeText(bytes, 'utf-8');
  let data: unknown;
  try {
    data = JSON.parse(text);
  } catch (err) {
    throw exchangeError(
      'malformed',
      'malformed_json',
      `Filen är inte giltig JSON: ${(err as Error).message}`,
      `The file is not valid JSON: ${(err as Error).message}`,
    );
  }
  return jsonImport(data);
}

/** A parsed JSON value (a batch or a snapshot file) as an import. */
export function jsonImport(data: unknown): ParsedImport {
  const { batch, report } = batchFromJson(data);
  const sourceMap = emptySourceMap();
  sourceMap.columnsArePaths = true;
  sourceMap.nodes = batch.nodes.map((n, i) => ({
    sheet: 'nodes',
    row: i + 1,
    ...(typeof (n as NodeInput)?.id === 'string' ? { id: (n as NodeInput).id } : {}),
  }));
  sourceMap.relations = batch.relations.map((r, i) => ({
    sheet: 'relations',
    row: i + 1,
    ...(typeof (r as RelationInput)?.id === 'string' ? { id: (r as RelationInput).id as string } : {}),
  }));
  return { format: 'json', batch, sourceMap, report };
}
