import { exchangeError } from './errors.js';
import { type AttrValue, typedValue } from './graph-attributes.js';
import { recordsFromGraph, type RawEdge, type RawNode } from './graph-records.js';
import type { ParsedImport } from './import-types.js';
import { withLimits, type ExchangeLimits } from './limits.js';
import { guardXml } from './xml-guard.js';
import { childNamed, childrenNamed, parseXml, type XmlElement } from './xml-tree.js';

interface KeyDecl {
  name: string;
  type: string;
  default?: string;
}

function dataOf(el: XmlElement, keys: Map<string, KeyDecl>): Map<string, AttrValue> {
  const out = new Map<string, AttrValue>();
  for (const [, d] of keys) if (d.default !== undefined) out.set(d.name, typedValue(d.default, d.type));
  for (const d of childrenNamed(el, 'data')) {
    const k = d.attrs.key;
    if (k === undefined) continue;
    // yFiles and other extensions nest elements inside <data>; they carry no attribute of ours.
    if (d.children.length > 0) continue;
    const decl = keys.get(k);
    out.set(decl?.name ?? k, typedValue(d.text, decl?.type ?? 'string'));
  }
  return out;
}

/** Reads GraphML (the first <graph>; nested graphs, hyperedges and ports are not part of our model). */
export function readGraphml(bytes: Uint8Array, limits: Partial<ExchangeLimits> = {}): ParsedImport {
  const l = withLimits(limits);
  const root = parseXml(guardXml(bytes, { maxBytes: l.maxBytes }), l);
  if (root.local !== 'graphml')
    throw exchangeError(
      'malformed',
      'not_graphml',
      `Rotelementet är <${root.name}>, inte <graphml>`,
      `The root element is <${root.name}>, not <graphml>`,
    );
  const graph = childNamed(root, 'graph');
  if (!graph)
    throw exchangeError('malformed', 'not_graphml', 'GraphML-filen saknar <graph>', 'The GraphML file has no <graph>');
  const nodeKeys = new Map<string, KeyDecl>();
  const edgeKeys = new Map<string, KeyDecl>();
  for (const k of childrenNamed(root, 'key')) {
    const id = k.attrs.id;
    if (id === undefined) continue;
    const def = childNamed(k, 'default');
    const decl: KeyDecl = {
      name: k.attrs['attr.name'] ?? id,
      type: k.attrs['attr.type'] ?? 'string',
      ...(def ? { default: def.text } : {}),
    };
    const scope = k.attrs.for ?? 'all';
    if (scope === 'node' || scope === 'all') nodeKeys.set(id, decl);
    if (scope === 'edge' || scope === 'all') edgeKeys.set(id, decl);
  }
  const nodes: RawNode[] = childrenNamed(graph, 'node').map((n) => {
    const attrs = dataOf(n, nodeKeys);
    const label = attrs.get('label');
    attrs.delete('label');
    return { id: n.attrs.id, label: label === undefined ? undefined : String(label), attrs, line: n.line };
  });
  const edges: RawEdge[] = childrenNamed(graph, 'edge').map((e) => {
    const attrs = dataOf(e, edgeKeys);
    const w = attrs.get('weight');
    attrs.delete('weight');
    // NetworkX writes a simple graph's edge ids as data named "id" rather than as the edge's id attribute.
    const dataId = attrs.get('id');
    attrs.delete('id');
    return {
      id: e.attrs.id ?? (dataId === undefined ? undefined : String(dataId)),
      source: e.attrs.source,
      target: e.attrs.target,
      kind: undefined,
      weight: w,
      attrs,
      line: e.line,
    };
  });
  const { batch, sourceMap, report } = recordsFromGraph(nodes, edges, { nodes: 'nodes', edges: 'edges' });
  return { format: 'graphml', batch, sourceMap, report };
}
