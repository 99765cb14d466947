import { MultiDirectedGraph, MultiUndirectedGraph } from 'graphology';
import type { AbstractGraph } from 'graphology-types';
import { ReadError } from './errors.js';
import type { ReadOptions, ReadResult } from './types.js';
import { childNamed, childrenNamed, parseXml, type XmlElement } from './xml.js';

interface KeyDef {
  name: string;
  type: string;
  default?: string;
}

export function typedValue(raw: string, type: string, what: string): unknown {
  switch (type) {
    case 'int':
    case 'integer':
    case 'long':
    case 'float':
    case 'double': {
      const x = Number(raw.trim());
      if (raw.trim() === '' || !Number.isFinite(x))
        throw new ReadError('not_a_graph', `${what}: "${raw}" is not a number.`);
      return x;
    }
    case 'boolean': {
      const v = raw.trim().toLowerCase();
      if (v === 'true' || v === '1') return true;
      if (v === 'false' || v === '0') return false;
      throw new ReadError('not_a_graph', `${what}: "${raw}" is not a boolean.`);
    }
    default:
      return raw;
  }
}

function dataOf(
  el: XmlElement,
  keys: Map<string, KeyDef>,
  domain: Map<string, KeyDef>,
  what: string,
): Record<string, unknown> {
  const attrs: Record<string, unknown> = {};
  for (const [, def] of domain)
    if (def.default !== undefined) attrs[def.name] = typedValue(def.default, def.type, what);
  for (const d of childrenNamed(el, 'data')) {
    const key = d.attrs.key;
    const def = key !== undefined ? keys.get(key) : undefined;
    if (!def) {
      if (key !== undefined) attrs[key] = d.text;
      continue;
    }
    attrs[def.name] = typedValue(d.text, def.type, `${what}, ${def.name}`);
  }
  return attrs;
}

/**
 * GraphML (graphml.graphdrawing.org) → graphology multigraph. Reads <key> declarations (attr.name, attr.type,
 * <default>), the first <graph> (edgedefault gives the direction), <node>s and <edge>s with their <data>.
 * Typed values (int, long, float, double, boolean) become numbers/booleans. Edges may name undeclared nodes
 * (they are added, as NetworkX does). Nested graphs, hyperedges and ports are not supported.
 */
export function readGraphml(text: string, options: ReadOptions = {}): ReadResult {
  const root = parseXml(text, options);
  if (root.local !== 'graphml') throw new ReadError('not_a_graph', `Not GraphML: the root element is <${root.name}>.`);
  const graphEl = childNamed(root, 'graph');
  if (!graphEl) throw new ReadError('not_a_graph', 'The GraphML document has no <graph> element.');
  if (childrenNamed(graphEl, 'hyperedge').length > 0)
    throw new ReadError('not_a_graph', 'GraphML hyperedges are not supported.');
  const keys = new Map<string, KeyDef>();
  const nodeKeys = new Map<string, KeyDef>();
  const edgeKeys = new Map<string, KeyDef>();
  for (const k of childrenNamed(root, 'key')) {
    const id = k.attrs.id;
    if (id === undefined) continue;
    const def: KeyDef = { name: k.attrs['attr.name'] ?? id, type: (k.attrs['attr.type'] ?? 'string').toLowerCase() };
    const dflt = childNamed(k, 'default');
    if (dflt) def.default = dflt.text;
    keys.set(id, def);
    const forWhat = k.attrs.for ?? 'all';
    if (forWhat === 'node' || forWhat === 'all') nodeKeys.set(id, def);
    if (forWhat === 'edge' || forWhat === 'all') edgeKeys.set(id, def);
  }
  const directed = (graphEl.attrs.edgedefault ?? 'directed').toLowerCase() === 'directed';
  const graph: AbstractGraph = directed ? new MultiDirectedGraph() : new MultiUndirectedGraph();
  for (const n of childrenNamed(graphEl, 'node')) {
    const id = n.attrs.id;
    if (id === undefined) throw new ReadError('not_a_graph', 'A GraphML <node> has no id.');
    if (graph.hasNode(id)) throw new ReadError('not_a_graph', `GraphML node "${id}" is declared twice.`);
    graph.addNode(id, dataOf(n, keys, nodeKeys, `node ${id}`));
  }
  for (const e of childrenNamed(graphEl, 'edge')) {
    const { source, target } = e.attrs;
    if (source === undefined || target === undefined)
      throw new ReadError('not_a_graph', 'A GraphML <edge> lacks source or target.');
    graph.mergeNode(source);
    graph.mergeNode(target);
    graph.addEdge(source, target, dataOf(e, keys, edgeKeys, `edge ${source}–${target}`));
  }
  return { graph, directed, format: 'graphml' };
}
