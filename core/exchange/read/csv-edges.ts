import { MultiUndirectedGraph } from 'graphology';
import { checkSize, ReadError } from './errors.js';
import type { ReadOptions, ReadResult } from './types.js';

/** Without a quote anywhere a record is a line: the same rows as below, split by the engine (a few times faster). */
function parseUnquoted(text: string, delimiter: string): Array<{ line: number; cells: string[] }> {
  const rows: Array<{ line: number; cells: string[] }> = [];
  const lines = text.split(/\r\n|\r|\n/);
  for (let i = 0; i < lines.length; i++) {
    const cells = lines[i].split(delimiter);
    if (!(cells.length === 1 && cells[0].trim() === '')) rows.push({ line: i + 1, cells });
  }
  return rows;
}

/** RFC 4180 records (quoted fields, doubled quotes, CRLF or LF); blank lines are skipped. */
export function parseCsv(text: string, delimiter: string): Array<{ line: number; cells: string[] }> {
  return text.includes('"') ? parseRecords(text, delimiter) : parseUnquoted(text, delimiter);
}

/** parseCsv character by character: any text, quotes or not. */
export function parseRecords(text: string, delimiter: string): Array<{ line: number; cells: string[] }> {
  const rows: Array<{ line: number; cells: string[] }> = [];
  let cells: string[] = [];
  let cell = '';
  let quoted = false;
  let line = 1;
  let rowLine = 1;
  let i = 0;
  const pushRow = () => {
    cells.push(cell);
    if (!(cells.length === 1 && cells[0].trim() === '')) rows.push({ line: rowLine, cells });
    cells = [];
    cell = '';
  };
  while (i < text.length) {
    const ch = text[i];
    if (quoted) {
      if (ch === '"') {
        if (text[i + 1] === '"') {
          cell += '"';
          i += 2;
          continue;
        }
        quoted = false;
      } else {
        if (ch === '\n') line++;
        cell += ch;
      }
      i++;
      continue;
    }
    if (ch === '"' && cell.trim() === '') {
      quoted = true;
      cell = '';
    } else if (ch === delimiter) {
      cells.push(cell);
      cell = '';
    } else if (ch === '\n' || ch === '\r') {
      if (ch === '\r' && text[i + 1] === '\n') i++;
      pushRow();
      line++;
      rowLine = line;
    } else cell += ch;
    i++;
  }
  if (quoted) throw new ReadError('malformed_csv', `Unterminated quoted field starting on line ${rowLine}.`);
  if (cell !== '' || cells.length > 0) pushRow();
  return rows;
}

function sniffDelimiter(text: string): string {
  const first = text.slice(0, text.search(/\r?\n|$/));
  for (const d of [',', '\t', ';']) if (first.includes(d)) return d;
  return ',';
}

function isNumber(s: string): boolean {
  return s.trim() !== '' && Number.isFinite(Number(s));
}

const SOURCE_NAMES = new Set(['source', 'from', 'src', 'node1', 'actor1']);
const TARGET_NAMES = new Set(['target', 'to', 'dst', 'node2', 'actor2']);

/**
 * A CSV edge list `source,target[,weight][,more…]` (comma, tab or semicolon), header optional. A first row is a
 * header when it names the columns (source/target, from/to…) or when its third cell is text while the next row's
 * is a number. With a header, extra columns become edge attributes under their names; without one, the third
 * column is `weight` and further columns `col4`, `col5`… Numeric cells become numbers. The graph is undirected
 * (a CSV edge list cannot say otherwise).
 */
export function readCsvEdges(text: string, options: ReadOptions = {}): ReadResult {
  checkSize(text, options.maxChars);
  const body = text.charCodeAt(0) === 0xfeff ? text.slice(1) : text;
  const rows = parseCsv(body, sniffDelimiter(body));
  if (rows.length === 0) throw new ReadError('not_a_graph', 'The CSV file has no rows.');
  const first = rows[0].cells.map((c) => c.trim());
  const second = rows[1]?.cells;
  const named = SOURCE_NAMES.has(first[0]?.toLowerCase() ?? '') && TARGET_NAMES.has(first[1]?.toLowerCase() ?? '');
  const textThird =
    first.length > 2 && !isNumber(first[2]) && second !== undefined && second.length > 2 && isNumber(second[2]);
  const hasHeader = named || textThird;
  const columns = hasHeader ? first : [];
  const graph = new MultiUndirectedGraph();
  for (let r = hasHeader ? 1 : 0; r < rows.length; r++) {
    const { line, cells } = rows[r];
    if (cells.length < 2)
      throw new ReadError(
        'malformed_csv',
        `Line ${line}: expected source,target[,weight], found ${cells.length} field.`,
      );
    const source = cells[0].trim();
    const target = cells[1].trim();
    if (source === '' || target === '') throw new ReadError('malformed_csv', `Line ${line}: empty source or target.`);
    const attrs: Record<string, unknown> = {};
    for (let c = 2; c < cells.length; c++) {
      const name = columns[c] || (c === 2 ? 'weight' : `col${c + 1}`);
      const raw = cells[c].trim();
      if (raw === '') continue;
      attrs[name] = isNumber(raw) ? Number(raw) : raw;
    }
    if (!graph.hasNode(source)) graph.addNode(source);
    if (!graph.hasNode(target)) graph.addNode(target);
    graph.addEdge(source, target, attrs);
  }
  if (graph.order === 0) throw new ReadError('not_a_graph', 'The CSV file has a header but no edges.');
  return { graph, directed: false, format: 'csv' };
}
