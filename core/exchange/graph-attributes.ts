import type { JsonValue, NodeRecord, Props, RelationRecord, Source } from '../model/records.js';
import { nodeKind } from '../model/catalogue/node-kinds.js';

/**
 * How records become flat attributes in GEXF and GraphML, and back. The same names in both formats:
 *
 * nodes  id (the element id), `label` (name), `kind`, `nameEn`, `prop_<key>` (scalar props),
 *        `propjson_<key>` (props whose values are lists or objects, as JSON text), `metric_<id>` (export only)
 * edges  id, source, target, `type` (relation type), `weight`, `evidence`, `sources` (JSON text of
 *        [{url, title, date?}]), `validFrom`, `validTo` (absent when open), `note`, `prop_<key>`, `propjson_<key>`
 *
 * A prop column is typed from its values: all booleans -> boolean, all safe integers -> long, all numbers ->
 * double, all strings -> string; anything else (lists, objects, nulls or a mix) is written as JSON text under
 * `propjson_`, so reading it back gives the same values. Absent props are absent attributes, never empty strings.
 */
export type AttrType = 'string' | 'boolean' | 'long' | 'double';

export interface AttrColumn {
  /** The attribute's name (GEXF title and id, GraphML attr.name). */
  name: string;
  type: AttrType;
}

export const PROP_PREFIX = 'prop_';
export const PROPJSON_PREFIX = 'propjson_';
export const METRIC_PREFIX = 'metric_';

export const NODE_RESERVED: readonly AttrColumn[] = [
  { name: 'kind', type: 'string' },
  { name: 'nameEn', type: 'string' },
];
export const EDGE_RESERVED: readonly AttrColumn[] = [
  { name: 'type', type: 'string' },
  { name: 'evidence', type: 'string' },
  { name: 'sources', type: 'string' },
  { name: 'validFrom', type: 'string' },
  { name: 'validTo', type: 'string' },
  { name: 'note', type: 'string' },
];

/** Metric values per node: metric id -> node id -> value. */
export type MetricsMap = Record<string, Record<string, number | string | null | undefined>>;

function typeOf(values: JsonValue[]): AttrType | 'json' {
  if (values.length === 0) return 'string';
  if (values.every((v) => typeof v === 'boolean')) return 'boolean';
  if (values.every((v) => typeof v === 'number' && Number.isSafeInteger(v))) return 'long';
  if (values.every((v) => typeof v === 'number' && Number.isFinite(v))) return 'double';
  if (values.every((v) => typeof v === 'string')) return 'string';
  return 'json';
}

/** The prop columns of a set of records, sorted by name so exports are stable. */
export function propColumns(records: ReadonlyArray<{ props: Props }>): AttrColumn[] {
  const byKey = new Map<string, JsonValue[]>();
  for (const r of records)
    for (const [k, v] of Object.entries(r.props ?? {})) (byKey.get(k) ?? byKey.set(k, []).get(k)!).push(v);
  return [...byKey.entries()]
    .sort(([a], [b]) => (a < b ? -1 : a > b ? 1 : 0))
    .map(([k, values]) => {
      const t = typeOf(values);
      return t === 'json'
        ? { name: `${PROPJSON_PREFIX}${k}`, type: 'string' }
        : { name: `${PROP_PREFIX}${k}`, type: t };
    });
}

export function metricColumns(metrics: MetricsMap | undefined): AttrColumn[] {
  if (!metrics) return [];
  return Object.keys(metrics)
    .sort()
    .map((id) => {
      const values = Object.values(metrics[id]).filter((v) => v !== null && v !== undefined);
      const t = typeOf(values as JsonValue[]);
      return { name: `${METRIC_PREFIX}${id}`, type: t === 'json' ? 'string' : t };
    });
}

/** The value of a prop column for a record, as text, or undefined when the record has no such prop. */
export function propCell(column: AttrColumn, props: Props): string | undefined {
  if (column.name.startsWith(PROPJSON_PREFIX)) {
    const k = column.name.slice(PROPJSON_PREFIX.length);
    return k in props ? JSON.stringify(props[k]) : undefined;
  }
  const k = column.name.slice(PROP_PREFIX.length);
  const v = props[k];
  return v === undefined ? undefined : String(v);
}

/** Attribute values of a node in file order (reserved, props, metrics). */
export function nodeCells(
  node: NodeRecord,
  props: AttrColumn[],
  metrics: AttrColumn[],
  metricValues: MetricsMap | undefined,
): Array<[AttrColumn, string]> {
  const out: Array<[AttrColumn, string]> = [[NODE_RESERVED[0], node.kind]];
  if (node.nameEn !== undefined) out.push([NODE_RESERVED[1], node.nameEn]);
  for (const c of props) {
    const v = propCell(c, node.props);
    if (v !== undefined) out.push([c, v]);
  }
  for (const c of metrics) {
    const v = metricValues?.[c.name.slice(METRIC_PREFIX.length)]?.[node.id];
    if (v !== null && v !== undefined) out.push([c, String(v)]);
  }
  return out;
}

export function edgeCells(rel: RelationRecord, props: AttrColumn[]): Array<[AttrColumn, string]> {
  const [type, evidence, sources, validFrom, validTo, note] = EDGE_RESERVED;
  const out: Array<[AttrColumn, string]> = [
    [type, rel.type],
    [evidence, rel.evidence],
    [sources, JSON.stringify(rel.sources)],
  ];
  if (rel.validFrom) out.push([validFrom, rel.validFrom]);
  if (rel.validTo) out.push([validTo, rel.validTo]);
  if (rel.note !== undefined) out.push([note, rel.note]);
  for (const c of props) {
    const v = propCell(c, rel.props);
    if (v !== undefined) out.push([c, v]);
  }
  return out;
}

/** A typed attribute value read from a file. */
export type AttrValue = string | number | boolean;

/** Converts attribute text by its declared type (GEXF or GraphML type names). */
export function typedValue(text: string, type: string): AttrValue {
  switch (type) {
    case 'boolean':
      return /^(true|1)$/i.test(text.trim());
    case 'int':
    case 'integer':
    case 'long':
    case 'float':
    case 'double': {
      const n = Number(text.trim());
      return text.trim() === '' || !Number.isFinite(n) ? text : n;
    }
    default:
      return text;
  }
}

/** What an attribute name means on a node or an edge being read back. */
export type AttrTarget =
  { to: 'reserved'; field: string } | { to: 'prop'; key: string; json: boolean } | { to: 'ignored' };

const VIEW_ATTRS = new Set(['x', 'y', 'z', 'size', 'r', 'g', 'b', 'a', 'color', 'label', 'weight', 'id']);

export function nodeAttrTarget(name: string, kind: string | undefined): AttrTarget {
  if (name === 'kind' || name === 'nameEn' || name === 'name') return { to: 'reserved', field: name };
  if (name.startsWith(PROPJSON_PREFIX)) return { to: 'prop', key: name.slice(PROPJSON_PREFIX.length), json: true };
  if (name.startsWith(PROP_PREFIX)) return { to: 'prop', key: name.slice(PROP_PREFIX.length), json: false };
  // A file from elsewhere may name catalogue props without our prefix.
  const def = kind ? nodeKind(kind) : undefined;
  if (def && name in def.propLabels) return { to: 'prop', key: name, json: false };
  return { to: 'ignored' };
}

export function edgeAttrTarget(name: string): AttrTarget {
  if (['type', 'evidence', 'sources', 'validFrom', 'validTo', 'note', 'weight', 'relationType'].includes(name))
    return { to: 'reserved', field: name === 'relationType' ? 'type' : name };
  if (name.startsWith(PROPJSON_PREFIX)) return { to: 'prop', key: name.slice(PROPJSON_PREFIX.length), json: true };
  if (name.startsWith(PROP_PREFIX)) return { to: 'prop', key: name.slice(PROP_PREFIX.length), json: false };
  return { to: 'ignored' };
}

export const isViewAttr = (name: string): boolean => VIEW_ATTRS.has(name) || name.startsWith(METRIC_PREFIX);

/** Parses the `sources` attribute; a bare URL is accepted as one source titled by itself. */
export function parseSources(value: AttrValue | undefined): unknown {
  if (value === undefined) return undefined;
  const text = String(value).trim();
  if (text.startsWith('[') || text.startsWith('{')) {
    try {
      const parsed = JSON.parse(text) as unknown;
      return Array.isArray(parsed) ? parsed : [parsed];
    } catch {
      return text;
    }
  }
  if (/^https?:\/\//.test(text)) return text.split(/\s+\|\s+|\s*\n\s*/).map((url): Source => ({ url, title: url }));
  return text;
}

export function parseJsonProp(value: AttrValue): JsonValue {
  if (typeof value !== 'string') return value;
  try {
    return JSON.parse(value) as JsonValue;
  } catch {
    return value;
  }
}
