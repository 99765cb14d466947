import type { Batch, JsonValue, NodeInput, Props, RelationInput } from '../model/records.js';
import { isValidRelationId } from '../model/ids.js';
import {
  type AttrValue,
  edgeAttrTarget,
  isViewAttr,
  nodeAttrTarget,
  parseJsonProp,
  parseSources,
} from './graph-attributes.js';
import { emptySourceMap, reportRow, type ReportRow, type SourceMap } from './import-report.js';

/** A node or an edge as a graph file states it, before it becomes a record. */
export interface RawNode {
  id: string | undefined;
  label: string | undefined;
  attrs: Map<string, AttrValue>;
  line: number;
}

export interface RawEdge {
  id: string | undefined;
  source: string | undefined;
  target: string | undefined;
  /** A relation type stated by the format itself (GEXF 1.3 `kind`). */
  kind: string | undefined;
  weight: AttrValue | undefined;
  attrs: Map<string, AttrValue>;
  line: number;
}

export interface GraphRecords {
  batch: Batch;
  sourceMap: SourceMap;
  report: ReportRow[];
}

const str = (v: AttrValue | undefined): string | undefined => (v === undefined ? undefined : String(v));

/** Builds records from the nodes and edges of a GEXF or GraphML file (see graph-attributes.ts for the names). */
export function recordsFromGraph(
  nodes: RawNode[],
  edges: RawEdge[],
  sheets: { nodes: string; edges: string },
): GraphRecords {
  const report: ReportRow[] = [];
  const sourceMap = emptySourceMap();
  sourceMap.propColumnPrefix = 'prop_';
  sourceMap.nodeColumns = { id: 'id', name: 'label', kind: 'kind', nameEn: 'nameEn' };
  sourceMap.relationColumns = {
    id: 'id',
    from: 'source',
    to: 'target',
    type: 'type',
    weight: 'weight',
    evidence: 'evidence',
    sources: 'sources',
    validFrom: 'validFrom',
    validTo: 'validTo',
    note: 'note',
  };
  const ignored = new Map<string, { sheet: string; line: number }>();
  const batch: Batch = { nodes: [], relations: [] };

  for (const raw of nodes) {
    if (!raw.id) {
      report.push(
        reportRow('error', sheets.nodes, raw.line, 'id', 'missing_id', 'Noden saknar id', 'The node has no id'),
      );
      continue;
    }
    const kind = str(raw.attrs.get('kind'));
    if (!kind)
      report.push(
        reportRow(
          'error',
          sheets.nodes,
          raw.line,
          'kind',
          'missing_kind',
          `Noden "${raw.id}" saknar nodtyp (attributet kind)`,
          `The node "${raw.id}" has no kind (attribute kind)`,
        ),
      );
    const node: NodeInput = { id: raw.id, kind: kind ?? '', name: raw.label ?? str(raw.attrs.get('name')) ?? raw.id };
    const props: Props = {};
    for (const [name, value] of raw.attrs) {
      const t = nodeAttrTarget(name, kind);
      if (t.to === 'reserved') {
        if (t.field === 'nameEn') node.nameEn = String(value);
        if (t.field === 'name' && raw.label === undefined) node.name = String(value);
      } else if (t.to === 'prop') {
        props[t.key] = t.json ? parseJsonProp(value) : (value as JsonValue);
        sourceMap.nodeColumns[`props/${t.key}`] = name;
      } else if (!isViewAttr(name) && !ignored.has(`n:${name}`))
        ignored.set(`n:${name}`, { sheet: sheets.nodes, line: raw.line });
    }
    if (Object.keys(props).length > 0) node.props = props;
    batch.nodes.push(node);
    sourceMap.nodes.push({ sheet: sheets.nodes, row: raw.line, id: raw.id });
  }

  for (const raw of edges) {
    const rel: Record<string, unknown> = { from: raw.source ?? '', to: raw.target ?? '' };
    if (raw.id !== undefined) {
      if (isValidRelationId(raw.id)) rel.id = raw.id;
      else if (!ignored.has('edge-id')) ignored.set('edge-id', { sheet: sheets.edges, line: raw.line });
    }
    const props: Props = {};
    if (raw.kind !== undefined) rel.type = raw.kind;
    if (raw.weight !== undefined) rel.weight = raw.weight;
    for (const [name, value] of raw.attrs) {
      const t = edgeAttrTarget(name);
      if (t.to === 'reserved') {
        if (t.field === 'sources') rel.sources = parseSources(value);
        else if (t.field === 'weight') rel.weight = value;
        else if (t.field === 'type') rel.type = String(value);
        else rel[t.field] = String(value);
      } else if (t.to === 'prop') {
        props[t.key] = t.json ? parseJsonProp(value) : (value as JsonValue);
        sourceMap.relationColumns[`props/${t.key}`] = name;
      } else if (!isViewAttr(name) && !ignored.has(`e:${name}`))
        ignored.set(`e:${name}`, { sheet: sheets.edges, line: raw.line });
    }
    if (rel.type === undefined) {
      rel.type = '';
      report.push(
        reportRow(
          'error',
          sheets.edges,
          raw.line,
          'type',
          'missing_type',
          'Kanten saknar relationstyp (attributet type eller kind)',
          'The edge has no relation type (attribute type or kind)',
        ),
      );
    }
    if (Object.keys(props).length > 0) rel.props = props;
    batch.relations.push(rel as unknown as RelationInput);
    sourceMap.relations.push({
      sheet: sheets.edges,
      row: raw.line,
      ...(typeof rel.id === 'string' ? { id: rel.id } : {}),
    });
  }

  for (const [key, where] of ignored) {
    if (key === 'edge-id') {
      report.push(
        reportRow(
          'warning',
          where.sheet,
          where.line,
          'id',
          'edge_id_replaced',
          'Kant-id som inte är relations-id (rel:…) ersätts med genererade id',
          'Edge ids that are not relation ids (rel:…) are replaced by generated ids',
        ),
      );
      continue;
    }
    const name = key.slice(2);
    report.push(
      reportRow(
        'warning',
        where.sheet,
        null,
        name,
        'attribute_ignored',
        `Attributet "${name}" används inte och importeras inte`,
        `The attribute "${name}" is not used and is not imported`,
      ),
    );
  }
  return { batch, sourceMap, report };
}
