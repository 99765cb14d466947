import { MultiDirectedGraph, MultiUndirectedGraph } from 'graphology';
import type { AbstractGraph } from 'graphology-types';
import { ReadError } from './errors.js';
import { typedValue } from './graphml.js';
import type { ReadOptions, ReadResult } from './types.js';
import { childNamed, childrenNamed, parseXml, type XmlElement } from './xml.js';

interface AttrDef {
  title: string;
  type: string;
  default?: string;
}

function attributeDefs(graphEl: XmlElement, cls: 'node' | 'edge'): Map<string, AttrDef> {
  const defs = new Map<string, AttrDef>();
  for (const block of childrenNamed(graphEl, 'attributes')) {
    if ((block.attrs.class ?? 'node') !== cls) continue;
    for (const a of childrenNamed(block, 'attribute')) {
      const id = a.attrs.id;
      if (id === undefined) continue;
      const def: AttrDef = { title: a.attrs.title ?? id, type: (a.attrs.type ?? 'string').toLowerCase() };
      const dflt = childNamed(a, 'default');
      if (dflt) def.default = dflt.text;
      defs.set(id, def);
    }
  }
  return defs;
}

function attValues(el: XmlElement, defs: Map<string, AttrDef>, what: string): Record<string, unknown> {
  const attrs: Record<string, unknown> = {};
  for (const [, def] of defs) if (def.default !== undefined) attrs[def.title] = typedValue(def.default, def.type, what);
  const block = childNamed(el, 'attvalues');
  if (!block) return attrs;
  for (const v of childrenNamed(block, 'attvalue')) {
    const key = v.attrs.for ?? v.attrs.id;
    const value = v.attrs.value;
    if (key === undefined || value === undefined) continue;
    const def = defs.get(key);
    if (def) attrs[def.title] = typedValue(value, def.type, `${what}, ${def.title}`);
    else attrs[key] = value;
  }
  return attrs;
}

/**
 * GEXF 1.x (gexf.net) → graphology multigraph. Reads <attributes> declarations (class node/edge, type,
 * <default>), <nodes> with label and attvalues, <edges> with weight, label and attvalues. The graph's
 * defaultedgetype gives the direction ("mutual" is read as undirected). Dynamic data (spells) and viz: are
 * ignored.
 */
export function readGexf(text: string, options: ReadOptions = {}): ReadResult {
  const root = parseXml(text, options);
  if (root.local !== 'gexf') throw new ReadError('not_a_graph', `Not GEXF: the root element is <${root.name}>.`);
  const graphEl = childNamed(root, 'graph');
  if (!graphEl) throw new ReadError('not_a_graph', 'The GEXF document has no <graph> element.');
  const directed = (graphEl.attrs.defaultedgetype ?? 'undirected').toLowerCase() === 'directed';
  const graph: AbstractGraph = directed ? new MultiDirectedGraph() : new MultiUndirectedGraph();
  const nodeDefs = attributeDefs(graphEl, 'node');
  const edgeDefs = attributeDefs(graphEl, 'edge');
  for (const block of childrenNamed(graphEl, 'nodes'))
    for (const n of childrenNamed(block, 'node')) {
      const id = n.attrs.id;
      if (id === undefined) throw new ReadError('not_a_graph', 'A GEXF <node> has no id.');
      if (graph.hasNode(id)) throw new ReadError('not_a_graph', `GEXF node "${id}" is declared twice.`);
      const attrs = attValues(n, nodeDefs, `node ${id}`);
      if (n.attrs.label !== undefined) attrs.label = n.attrs.label;
      graph.addNode(id, attrs);
    }
  for (const block of childrenNamed(graphEl, 'edges'))
    for (const e of childrenNamed(block, 'edge')) {
      const { source, target } = e.attrs;
      if (source === undefined || target === undefined)
        throw new ReadError('not_a_graph', 'A GEXF <edge> lacks source or target.');
      const attrs = attValues(e, edgeDefs, `edge ${source}–${target}`);
      if (e.attrs.weight !== undefined)
        attrs.weight = typedValue(e.attrs.weight, 'double', `edge ${source}–${target}, weight`);
      if (e.attrs.label !== undefined) attrs.label = e.attrs.label;
      graph.mergeNode(source);
      graph.mergeNode(target);
      graph.addEdge(source, target, attrs);
    }
  return { graph, directed, format: 'gexf' };
}
