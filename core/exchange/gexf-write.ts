import type { Snapshot } from '../model/records.js';
import { relationKind } from '../model/catalogue/relation-kinds.js';
import { parseColor, type Rgba } from '../render/color.js';
import {
  type AttrColumn,
  type MetricsMap,
  EDGE_RESERVED,
  NODE_RESERVED,
  edgeCells,
  metricColumns,
  nodeCells,
  propColumns,
} from './graph-attributes.js';
import type { ExportView } from '../render/view.js';
import { xmlAttr, xmlText } from '../text/xml-escape.js';

export const GEXF_NS = 'http://gexf.net/1.3';
export const GEXF_VIZ_NS = 'http://gexf.net/1.3/viz';

export interface GexfOptions {
  view?: ExportView;
  metrics?: MetricsMap;
  /** ISO date written as the file's last-modified date; defaults to today. */
  date?: string;
  description?: string;
}

const GEXF_TYPES: Record<AttrColumn['type'], string> = {
  string: 'string',
  boolean: 'boolean',
  long: 'long',
  double: 'double',
};

const attributeDecls = (cls: 'node' | 'edge', columns: AttrColumn[]) =>
  [
    `    <attributes class="${cls}" mode="static">`,
    ...columns.map(
      (c) => `      <attribute id="${xmlAttr(c.name)}" title="${xmlAttr(c.name)}" type="${GEXF_TYPES[c.type]}"/>`,
    ),
    '    </attributes>',
  ].join('\n');

const attvalues = (cells: Array<[AttrColumn, string]>) =>
  cells.length === 0
    ? ''
    : `\n        <attvalues>${cells.map(([c, v]) => `\n          <attvalue for="${xmlAttr(c.name)}" value="${xmlAttr(v)}"/>`).join('')}\n        </attvalues>`;

const num = (n: number) => (Number.isFinite(n) ? String(Math.round(n * 1e6) / 1e6) : '0');

const vizColor = (c: Rgba | undefined) =>
  c
    ? `\n        <viz:color r="${Math.round(c.r)}" g="${Math.round(c.g)}" b="${Math.round(c.b)}"${c.a < 1 ? ` a="${num(c.a)}"` : ''}/>`
    : '';

/**
 * GEXF 1.3 of a snapshot: typed attributes (see graph-attributes.ts), the relation type as the edge `kind`,
 * tie strength as the edge `weight`, and the view's colours, sizes and positions as `viz:` elements. The graph is
 * directed; relation kinds the catalogue declares undirected keep their stored direction, so the file stays
 * readable by tools that do not accept mixed graphs (NetworkX).
 */
export function writeGexf(snapshot: Snapshot, options: GexfOptions = {}): string {
  const view = options.view ?? {};
  const nodeProps = propColumns(snapshot.nodes);
  const metrics = metricColumns(options.metrics);
  const edgeProps = propColumns(snapshot.relations);
  const date = options.date ?? new Date().toISOString().slice(0, 10);
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<gexf xmlns="${GEXF_NS}" xmlns:viz="${GEXF_VIZ_NS}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="${GEXF_NS} ${GEXF_NS}/gexf.xsd" version="1.3">`,
    `  <meta lastmodifieddate="${xmlAttr(date)}">`,
    '    <creator>Aktörsatlas</creator>',
    `    <description>${xmlText(options.description ?? 'Aktörsnätverk för regional kompetensförsörjning')}</description>`,
    '  </meta>',
    '  <graph defaultedgetype="directed" mode="static">',
    attributeDecls('node', [...NODE_RESERVED, ...nodeProps, ...metrics]),
    attributeDecls('edge', [...EDGE_RESERVED, ...edgeProps]),
    '    <nodes>',
  ];
  for (const n of snapshot.nodes) {
    const pos = view.positions?.[n.id];
    const size = view.nodeSizes?.[n.id];
    out.push(
      `      <node id="${xmlAttr(n.id)}" label="${xmlAttr(n.name)}">${attvalues(nodeCells(n, nodeProps, metrics, options.metrics))}${vizColor(parseColor(view.nodeColors?.[n.id]))}${
        pos ? `\n        <viz:position x="${num(pos.x)}" y="${num(pos.y)}" z="0"/>` : ''
      }${size !== undefined ? `\n        <viz:size value="${num(size)}"/>` : ''}\n      </node>`,
    );
  }
  out.push('    </nodes>', '    <edges>');
  for (const r of snapshot.relations) {
    const thickness = view.edgeSizes?.[r.id];
    const label = relationKind(r.type)?.label.sv;
    out.push(
      `      <edge id="${xmlAttr(r.id)}" source="${xmlAttr(r.from)}" target="${xmlAttr(r.to)}" kind="${xmlAttr(r.type)}"${label ? ` label="${xmlAttr(label)}"` : ''} weight="${String(r.weight)}">${attvalues(
        edgeCells(r, edgeProps),
      )}${vizColor(parseColor(view.edgeColors?.[r.id]))}${thickness !== undefined ? `\n        <viz:thickness value="${num(thickness)}"/>` : ''}${
        r.evidence !== 'confirmed'
          ? `\n        <viz:shape value="${r.evidence === 'uncertain' ? 'dotted' : 'dashed'}"/>`
          : ''
      }\n      </edge>`,
    );
  }
  out.push('    </edges>', '  </graph>', '</gexf>', '');
  return out.join('\n');
}
