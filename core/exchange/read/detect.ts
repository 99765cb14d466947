import { readCsvEdges } from './csv-edges.js';
import { ReadError } from './errors.js';
import { readGexf } from './gexf.js';
import { readGraphml } from './graphml.js';
import { readSnapshot } from './snapshot.js';
import type { GraphFormat, ReadOptions, ReadResult } from './types.js';

const BY_EXTENSION: Record<string, GraphFormat> = {
  graphml: 'graphml',
  xml: 'graphml',
  gexf: 'gexf',
  csv: 'csv',
  tsv: 'csv',
  txt: 'csv',
  json: 'snapshot',
};

/** The format of a graph file, by extension first and by content otherwise. Throws `unknown_format`. */
export function detectFormat(text: string, fileName?: string): GraphFormat {
  const ext = fileName?.toLowerCase().match(/\.([a-z0-9]+)$/)?.[1];
  if (ext !== undefined && ext in BY_EXTENSION) {
    const byExt = BY_EXTENSION[ext];
    // .xml could be either XML dialect.
    if (ext === 'xml' && /<(\w+:)?gexf[\s>]/.test(text.slice(0, 4096))) return 'gexf';
    return byExt;
  }
  const head = text
    .slice(0, 4096)
    .replace(/^\uFEFF/, '')
    .trimStart();
  if (head.startsWith('<')) {
    if (/<(\w+:)?graphml[\s>]/.test(head)) return 'graphml';
    if (/<(\w+:)?gexf[\s>]/.test(head)) return 'gexf';
    throw new ReadError('unknown_format', 'An XML file that is neither GraphML nor GEXF.');
  }
  if (head.startsWith('{')) return 'snapshot';
  const firstLine = head.split(/\r?\n/, 1)[0] ?? '';
  if (/[,;\t]/.test(firstLine)) return 'csv';
  throw new ReadError(
    'unknown_format',
    `Unknown graph format${fileName ? ` for ${fileName}` : ''}: expected GraphML, GEXF, a CSV edge list or a JSON snapshot.`,
  );
}

export function readGraph(
  text: string,
  options: ReadOptions & { fileName?: string; format?: GraphFormat } = {},
): ReadResult {
  const format = options.format ?? detectFormat(text, options.fileName);
  switch (format) {
    case 'graphml':
      return readGraphml(text, options);
    case 'gexf':
      return readGexf(text, options);
    case 'csv':
      return readCsvEdges(text, options);
    case 'snapshot':
      return readSnapshot(text, options);
    default:
      throw new ReadError('unknown_format', `Unknown graph format "${String(format)}".`);
  }
}
