import { int } from './mapping.js';
import { cypher, type Names, type QueryName } from './queries.js';
import type { Run } from './runner.js';
import { nodeLabel, relationType } from './whitelist.js';

/** An id no record has (ids carry a kind prefix and a colon); the guarded writes below match nothing with it. */
const NONE = 'warm-up:none';
const NONE_ROW = {
  id: NONE,
  kind: 'Organisation',
  name: '',
  nameEn: null,
  props: '{}',
  searchText: '',
  version: int(1),
  createdAt: '',
  createdBy: '',
  updatedAt: '',
  updatedBy: '',
};
const NONE_REL = [NONE, NONE, NONE, 1, '{}', '[]', 'confirmed', null, null, null, int(1), '', '', '', ''];

/** Reads the app runs per request, with parameters that match nothing or little. */
const READS: [QueryName, Record<string, unknown>][] = [
  ['nodes-get', { ids: [NONE] }],
  ['node-kinds', { ids: [NONE] }],
  ['nodes-missing', { ids: [NONE] }],
  ['node-list', { kinds: null, q: null, skip: int(0), limit: int(1) }],
  ['node-search', { kinds: null, q: 'warm', skip: int(0), limit: int(20) }],
  ['node-relations', { id: NONE }],
  ['relations-get', { ids: [NONE] }],
  ['relation-list-anchored', anchored()],
  ['neighbours', { ids: [NONE] }],
  ['relations-among', { ids: [NONE] }],
  ['store-revision', {}],
  ['history-by-record', history({ recordId: NONE })],
  ['history-list', history({ afterSeq: int(Number.MAX_SAFE_INTEGER - 1) })],
  ['stats-nodes', {}],
  ['stats-relations', {}],
  ['view-list', {}],
  ['view-get', { name: NONE }],
];

function anchored(): Record<string, unknown> {
  return { types: null, anchor: NONE, nodeId: NONE, from: null, to: null, skip: int(0), limit: int(1) };
}

function history(extra: Record<string, unknown>): Record<string, unknown> {
  return { recordId: null, actor: null, since: null, until: null, afterSeq: int(-1), limit: int(1), ...extra };
}

const tail = { entries: [], actor: 'warm-up', at: '' };
const version = int(1);

/** The guarded single-record writes (single-writes.ts) against NONE: each finds no record and writes nothing. */
const writes = (): [QueryName, Names, Record<string, unknown>][] => {
  const kind = nodeLabel('Organisation');
  const type = relationType('MEMBER_OF');
  return [
    ['node-update-write', { OLD_KIND: kind, KIND: kind }, { row: NONE_ROW, version }],
    ['node-delete-write', {}, { id: NONE, version, rels: [] }],
    // Kinds as the service's writes pass them (single-writes.ts createRelation).
    ['relation-create-write', { TYPE: type }, { row: NONE_REL, fromKinds: ['Organisation'], toKinds: ['Network'] }],
    ['relation-update-write', { TYPE: type }, { row: NONE_REL, version }],
    ['relation-delete-write', { TYPE: type }, { id: NONE, version }],
  ];
};

/**
 * Runs the app's named queries before the first request: the server plans them and compiles their code paths, and
 * the whole-graph reads bring the store into the page cache. A fresh JVM otherwise spends several times the CPU on
 * the first writes and reads (docs/benchmarks.md). Nothing is written.
 */
export async function warmUp(read: Run, writeOne: Run, rounds = 5): Promise<void> {
  await read(cypher('snapshot-nodes-json'), { kinds: null });
  await read(cypher('snapshot-relations-json'), { kinds: null, types: null, asOf: null });
  const statements = writes().map(([name, names, params]) => ({
    text: `${cypher(name, names)}\n${cypher('history-tail')}`,
    params: { ...params, ...tail },
  }));
  for (let round = 0; round < rounds; round++) {
    await Promise.all(READS.map(([name, params]) => read(cypher(name), params)));
    for (const w of statements) await writeOne(w.text, w.params);
  }
}
