import type { Snapshot } from '../model/records.js';
import { parseColor } from '../render/color.js';
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

export const GRAPHML_NS = 'http://graphml.graphdrawing.org/xmlns';

export interface GraphmlOptions {
  view?: ExportView;
  metrics?: MetricsMap;
}

const key = (scope: 'node' | 'edge', c: AttrColumn) =>
  `  <key id="${scope === 'node' ? 'n' : 'e'}_${xmlAttr(c.name)}" for="${scope}" attr.name="${xmlAttr(c.name)}" attr.type="${c.type}"/>`;

const data = (scope: 'node' | 'edge', cells: Array<[AttrColumn, string]>) =>
  cells
    .map(([c, v]) => `\n      <data key="${scope === 'node' ? 'n' : 'e'}_${xmlAttr(c.name)}">${xmlText(v)}</data>`)
    .join('');

/**
 * GraphML of a snapshot, with the same attribute names as the GEXF export (see graph-attributes.ts); node names
 * are `label`, tie strength is `weight`. The view's positions, colours and sizes, when given, are the keys Gephi
 * reads from GraphML (`x`, `y`, `size`, `r`, `g`, `b`).
 */
export function writeGraphml(snapshot: Snapshot, options: GraphmlOptions = {}): string {
  const view = options.view ?? {};
  const nodeProps = propColumns(snapshot.nodes);
  const metrics = metricColumns(options.metrics);
  const edgeProps = propColumns(snapshot.relations);
  const label: AttrColumn = { name: 'label', type: 'string' };
  const weight: AttrColumn = { name: 'weight', type: 'double' };
  const hasPos = !!view.positions && Object.keys(view.positions).length > 0;
  const hasSize = !!view.nodeSizes && Object.keys(view.nodeSizes).length > 0;
  const hasColor = !!view.nodeColors && Object.keys(view.nodeColors).length > 0;
  const vizKeys: AttrColumn[] = [
    ...(hasPos
      ? [
          { name: 'x', type: 'double' as const },
          { name: 'y', type: 'double' as const },
        ]
      : []),
    ...(hasSize ? [{ name: 'size', type: 'double' as const }] : []),
    ...(hasColor ? (['r', 'g', 'b'] as const).map((name) => ({ name, type: 'long' as const })) : []),
  ];
  const out: string[] = [
    '<?xml version="1.0" encoding="UTF-8"?>',
    `<graphml xmlns="${GRAPHML_NS}" xmlns:xsi="http://www.w3.org/2001/XMLSchema-instance" xsi:schemaLocation="${GRAPHML_NS} ${GRAPHML_NS}/1.0/graphml.xsd">`,
    ...[label, ...NODE_RESERVED, ...nodeProps, ...metrics, ...vizKeys].map((c) => key('node', c)),
    ...[weight, ...EDGE_RESERVED, ...edgeProps].map((c) => key('edge', c)),
    '  <graph id="aktorsatlas" edgedefault="directed">',
  ];
  for (const n of snapshot.nodes) {
    const cells: Array<[AttrColumn, string]> = [[label, n.name], ...nodeCells(n, nodeProps, metrics, options.metrics)];
    const pos = view.positions?.[n.id];
    if (pos) cells.push([vizKeys[0], String(pos.x)], [vizKeys[1], String(pos.y)]);
    const size = view.nodeSizes?.[n.id];
    if (size !== undefined) cells.push([{ name: 'size', type: 'double' }, String(size)]);
    const color = parseColor(view.nodeColors?.[n.id]);
    if (color)
      cells.push(
        [{ name: 'r', type: 'long' }, String(color.r)],
        [{ name: 'g', type: 'long' }, String(color.g)],
        [{ name: 'b', type: 'long' }, String(color.b)],
      );
    out.push(`    <node id="${xmlAttr(n.id)}">${data('node', cells)}\n    </node>`);
  }
  for (const r of snapshot.relations) {
    out.push(
      `    <edge id="${xmlAttr(r.id)}" source="${xmlAttr(r.from)}" target="${xmlAttr(r.to)}">${data('edge', [[weight, String(r.weight)], ...edgeCells(r, edgeProps)])}\n    </edge>`,
    );
  }
  out.push('  </graph>', '</graphml>', '');
  return out.join('\n');
}
