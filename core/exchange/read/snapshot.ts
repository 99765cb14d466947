import { MultiUndirectedGraph } from 'graphology';
import type { Snapshot } from '../../model/records.js';
import { checkSize, ReadError } from './errors.js';
import type { ReadOptions, ReadResult } from './types.js';

function isObject(x: unknown): x is Record<string, unknown> {
  return typeof x === 'object' && x !== null && !Array.isArray(x);
}

/**
 * Our JSON snapshot `{nodes: NodeRecord[], relations: RelationRecord[]}` → graphology multigraph, undirected.
 * For now every node is a vertex and every relation an edge (the actor projection comes later). Node props are
 * flattened into attributes next to `kind` and `name` (as core/graph/serialize.ts does); edges carry `type`,
 * `weight` (strength, if given), `evidence` and their props.
 */
export function snapshotToGraph(snapshot: Snapshot): ReadResult {
  const graph = new MultiUndirectedGraph();
  for (const n of snapshot.nodes) {
    if (graph.hasNode(n.id)) throw new ReadError('not_a_graph', `Node "${n.id}" appears twice in the snapshot.`);
    graph.addNode(n.id, { ...(n.props ?? {}), kind: n.kind, name: n.name });
  }
  for (const r of snapshot.relations) {
    for (const end of [r.from, r.to])
      if (!graph.hasNode(end))
        throw new ReadError(
          'not_a_graph',
          `Relation ${r.id ?? `${r.from}–${r.to}`} refers to the unknown node "${end}".`,
        );
    const attrs: Record<string, unknown> = { ...(r.props ?? {}), type: r.type, evidence: r.evidence };
    if (r.weight !== undefined && r.weight !== null) attrs.weight = r.weight;
    graph.addEdge(r.from, r.to, attrs);
  }
  return { graph, directed: false, format: 'snapshot' };
}

export function readSnapshot(text: string, options: ReadOptions = {}): ReadResult {
  checkSize(text, options.maxChars);
  let doc: unknown;
  try {
    doc = JSON.parse(text);
  } catch (err) {
    throw new ReadError('malformed_json', `Not valid JSON: ${(err as Error).message}`);
  }
  if (!isObject(doc) || !Array.isArray(doc.nodes) || !Array.isArray(doc.relations))
    throw new ReadError('not_a_graph', 'A JSON snapshot must be an object with "nodes" and "relations" arrays.');
  doc.nodes.forEach((n, i) => {
    if (!isObject(n) || typeof n.id !== 'string' || n.id === '')
      throw new ReadError('not_a_graph', `Snapshot node #${i + 1} has no string "id".`);
  });
  doc.relations.forEach((r, i) => {
    if (!isObject(r) || typeof r.from !== 'string' || typeof r.to !== 'string')
      throw new ReadError('not_a_graph', `Snapshot relation #${i + 1} has no string "from" and "to".`);
  });
  return snapshotToGraph(doc as unknown as Snapshot);
}
