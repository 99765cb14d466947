import { exchangeError } from './errors.js';
import { type AttrValue, typedValue } from './graph-attributes.js';
import { recordsFromGraph, type RawEdge, type RawNode } from './graph-records.js';
import type { ParsedImport } from './import-types.js';
import { withLimits, type ExchangeLimits } from './limits.js';
import { guardXml } from './xml-guard.js';
import { childNamed, childrenNamed, parseXml, type XmlElement } from './xml-tree.js';

const EDGE_TYPES = new Set(['directed', 'undirected', 'mutual']);

interface AttrDecl {
  title: string;
  type: string;
  default?: string;
}

function declarations(graph: XmlElement, cls: 'node' | 'edge'): Map<string, AttrDecl> {
  const out = new Map<string, AttrDecl>();
  for (const block of childrenNamed(graph, 'attributes')) {
    if ((block.attrs.class ?? 'node') !== cls) continue;
    for (const a of childrenNamed(block, 'attribute')) {
      const id = a.attrs.id ?? a.attrs.title;
      if (id === undefined) continue;
      const def = childNamed(a, 'default');
      out.set(id, {
        title: a.attrs.title ?? id,
        type: a.attrs.type ?? 'string',
        ...(def ? { default: def.text } : {}),
      });
    }
  }
  return out;
}

function attvalues(el: XmlElement, decls: Map<string, AttrDecl>): Map<string, AttrValue> {
  const out = new Map<string, AttrValue>();
  for (const [, d] of decls) if (d.default !== undefined) out.set(d.title, typedValue(d.default, d.type));
  const block = childNamed(el, 'attvalues');
  for (const v of block ? childrenNamed(block, 'attvalue') : []) {
    const key = v.attrs.for ?? v.attrs.id;
    if (key === undefined || v.attrs.value === undefined) continue;
    const d = decls.get(key);
    out.set(d?.title ?? key, typedValue(v.attrs.value, d?.type ?? 'string'));
  }
  return out;
}

/** Reads GEXF 1.2 or 1.3 (namespaces are not checked, so 1.2draft files from Gephi and NetworkX read too). */
export function readGexf(bytes: Uint8Array, limits: Partial<ExchangeLimits> = {}): ParsedImport {
  const l = withLimits(limits);
  const root = parseXml(guardXml(bytes, { maxBytes: l.maxBytes }), l);
  if (root.local !== 'gexf')
    throw exchangeError(
      'malformed',
      'not_gexf',
      `Rotelementet är <${root.name}>, inte <gexf>`,
      `The root element is <${root.name}>, not <gexf>`,
    );
  const graph = childNamed(root, 'graph');
  if (!graph) throw exchangeError('malformed', 'not_gexf', 'GEXF-filen saknar <graph>', 'The GEXF file has no <graph>');
  const nodeDecls = declarations(graph, 'node');
  const edgeDecls = declarations(graph, 'edge');
  const nodesEl = childNamed(graph, 'nodes');
  const edgesEl = childNamed(graph, 'edges');
  const nodes: RawNode[] = (nodesEl ? childrenNamed(nodesEl, 'node') : []).map((n) => ({
    id: n.attrs.id,
    label: n.attrs.label,
    attrs: attvalues(n, nodeDecls),
    line: n.line,
  }));
  const edges: RawEdge[] = (edgesEl ? childrenNamed(edgesEl, 'edge') : []).map((e) => {
    const w = e.attrs.weight === undefined ? undefined : typedValue(e.attrs.weight, 'double');
    return {
      id: e.attrs.id,
      source: e.attrs.source,
      target: e.attrs.target,
      // GEXF 1.3 names the relation type `kind`; writers that know only 1.2 (NetworkX) put it in `type`, which
      // GEXF reserves for directed/undirected/mutual.
      kind: e.attrs.kind ?? (e.attrs.type && !EDGE_TYPES.has(e.attrs.type) ? e.attrs.type : undefined),
      weight: w,
      attrs: attvalues(e, edgeDecls),
      line: e.line,
    };
  });
  const { batch, sourceMap, report } = recordsFromGraph(nodes, edges, { nodes: 'nodes', edges: 'edges' });
  return { format: 'gexf', batch, sourceMap, report };
}
