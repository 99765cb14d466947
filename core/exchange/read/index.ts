/** Graph-file readers: GraphML, GEXF, CSV edge lists and our JSON snapshot, each to a graphology graph. */
export { readGraph, detectFormat } from './detect.js';
export { readGraphml } from './graphml.js';
export { readGexf } from './gexf.js';
export { readCsvEdges } from './csv-edges.js';
export { readSnapshot, snapshotToGraph } from './snapshot.js';
export { ReadError, MAX_INPUT_BYTES, type ReadErrorCode } from './errors.js';
export type { GraphFormat, ReadResult, ReadOptions } from './types.js';
