import { DEFAULT_PANEL_OPTIONS } from '../../core/analysis/registry.js';
import { readFileSync, statSync } from 'node:fs';
import { basename } from 'node:path';
import { parseArgs } from 'node:util';
import { BROKERAGE_ROLES } from '../../core/analysis/brokerage.js';
import { runPanel, type NodeMetrics, type PanelResult } from '../../core/analysis/panel.js';
import { readGraph } from '../../core/exchange/read/detect.js';
import { MAX_INPUT_BYTES, ReadError } from '../../core/exchange/read/errors.js';

/** Exit code for bad input (unreadable file, not a graph, bad flags, invalid weights, too large…). */
const EXIT_BAD_INPUT = 2;

class UsageError extends Error {
  readonly code = 'usage';
}

const USAGE =
  'usage: aktorsatlas analyse FILE [--format json|csv] [--partition ATTR] [--weight ATTR] [--seed N] [--resolution R]';

interface Args {
  file: string;
  format: 'json' | 'csv';
  partition: string | null;
  weight: string | null;
  seed: number;
  resolution: number;
}

function parse(argv: string[]): Args {
  let parsed;
  try {
    parsed = parseArgs({
      args: argv,
      allowPositionals: true,
      strict: true,
      options: {
        format: { type: 'string', default: 'json' },
        partition: { type: 'string' },
        weight: { type: 'string' },
        seed: { type: 'string', default: String(DEFAULT_PANEL_OPTIONS.seed) },
        resolution: { type: 'string', default: '1' },
      },
    });
  } catch (err) {
    throw new UsageError(`${(err as Error).message}\n${USAGE}`);
  }
  const { values, positionals } = parsed;
  if (positionals.length !== 1) throw new UsageError(`expected one FILE, got ${positionals.length}\n${USAGE}`);
  if (values.format !== 'json' && values.format !== 'csv')
    throw new UsageError(`--format must be json or csv, got "${values.format}"`);
  const seed = Number(values.seed);
  if (!Number.isInteger(seed) || seed < 0 || seed > 0xffffffff)
    throw new UsageError(`--seed must be an integer in 0..4294967295, got "${values.seed}"`);
  const resolution = Number(values.resolution);
  if (!(resolution > 0) || !Number.isFinite(resolution))
    throw new UsageError(`--resolution must be a positive number, got "${values.resolution}"`);
  return {
    file: positionals[0],
    format: values.format,
    partition: values.partition ?? null,
    weight: values.weight ?? null,
    seed,
    resolution,
  };
}

/** The JSON written by `analyse`: the panel result (superset of the documented contract). */
export function toJson(result: PanelResult): string {
  return JSON.stringify(result, null, 2) + '\n';
}

const SCALAR_COLUMNS = [
  'degree',
  'inDegree',
  'outDegree',
  'strength',
  'degreeCentrality',
  'betweenness',
  'betweennessRaw',
  'closeness',
  'harmonic',
  'eigenvector',
  'pagerank',
  'coreNumber',
  'clustering',
  'constraint',
  'effectiveSize',
  'efficiency',
  'hierarchy',
  'community',
  'articulationPoint',
] as const satisfies ReadonlyArray<keyof NodeMetrics>;
const REMOVAL_COLUMNS = ['componentsAfter', 'deltaComponents', 'fragmentationAfter', 'deltaFragmentation'] as const;

function csvCell(value: unknown): string {
  if (value === null || value === undefined) return '';
  const s = String(value);
  return /[",\r\n]/.test(s) ? `"${s.replace(/"/g, '""')}"` : s;
}

/** One row per node; nested objects flattened (brokerage_coordinator …, brokerageZ_…, removal_…); null → empty. */
export function toCsv(result: PanelResult): string {
  const header = [
    'id',
    ...SCALAR_COLUMNS,
    ...REMOVAL_COLUMNS.map((c) => `removal_${c}`),
    ...BROKERAGE_ROLES.map((r) => `brokerage_${r}`),
    ...BROKERAGE_ROLES.map((r) => `brokerageZ_${r}`),
  ];
  const lines = [header.join(',')];
  for (const [id, m] of Object.entries(result.nodes)) {
    const row: unknown[] = [id, ...SCALAR_COLUMNS.map((c) => m[c])];
    for (const c of REMOVAL_COLUMNS) row.push(m.removal[c]);
    for (const r of BROKERAGE_ROLES) row.push(m.brokerage[r]);
    for (const r of BROKERAGE_ROLES) row.push(m.brokerageZ[r]);
    lines.push(row.map(csvCell).join(','));
  }
  return lines.join('\n') + '\n';
}

/** Reads the file synchronously: nothing else runs meanwhile, and the thread pool never starts. */
function load(file: string): string {
  let size: number;
  try {
    size = statSync(file).size;
  } catch (err) {
    throw new UsageError(`cannot read ${file}: ${(err as NodeJS.ErrnoException).code ?? (err as Error).message}`);
  }
  if (size > MAX_INPUT_BYTES)
    throw new ReadError(
      'input_too_large',
      `${basename(file)} is ${(size / 1024 / 1024).toFixed(1)} MB; the limit is 50 MB.`,
    );
  return readFileSync(file, 'utf8');
}

/**
 * `aktorsatlas analyse FILE [--format json|csv] [--partition ATTR] [--weight ATTR] [--seed N]`: the key-actor
 * panel of a GraphML, GEXF, CSV edge-list or JSON-snapshot file, printed to stdout. Returns the exit code:
 * 0 on success, 2 on bad input (one line `error: <message>` on stderr).
 */
export async function analyseCommand(argv: string[]): Promise<number> {
  try {
    const args = parse(argv);
    const text = load(args.file);
    const { graph, directed } = readGraph(text, { fileName: args.file });
    const result = runPanel(graph, {
      directed,
      weight: args.weight,
      partition: args.partition,
      seed: args.seed,
      resolution: args.resolution,
    });
    process.stdout.write(args.format === 'csv' ? toCsv(result) : toJson(result));
    return 0;
  } catch (err) {
    if (err instanceof Error && typeof (err as { code?: unknown }).code === 'string') {
      process.stderr.write(`error: ${err.message.split('\n')[0]}\n`);
      if (err instanceof UsageError && err.message.includes('\n')) process.stderr.write(`${USAGE}\n`);
      return EXIT_BAD_INPUT;
    }
    throw err;
  }
}
