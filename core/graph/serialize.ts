import type { NodeRecord, RelationRecord, Snapshot } from '../model/records.js';
import { relationKind } from '../model/catalogue/relation-kinds.js';

/** graphology's serialisation format (`graph.export()` / `Graph.from()`). */
export interface SerializedGraph {
  attributes: Record<string, unknown>;
  options: { type: 'mixed' | 'directed' | 'undirected'; multi: boolean; allowSelfLoops: boolean };
  nodes: { key: string; attributes: Record<string, unknown> }[];
  edges: { key: string; source: string; target: string; undirected?: boolean; attributes: Record<string, unknown> }[];
}

/**
 * Records -> graphology JSON. Node props are flattened into attributes so any attribute can drive colour,
 * size or a partition; `kind`, `name` and `version` are reserved and never clash with catalogue props.
 */
export function toSerializedGraph(snapshot: Snapshot, attributes: Record<string, unknown> = {}): SerializedGraph {
  return {
    attributes: { ...attributes, ...(snapshot.asOf ? { asOf: snapshot.asOf } : {}) },
    options: { type: 'mixed', multi: true, allowSelfLoops: false },
    nodes: snapshot.nodes.map((n) => ({
      key: n.id,
      attributes: {
        ...n.props,
        kind: n.kind,
        name: n.name,
        ...(n.nameEn !== undefined ? { nameEn: n.nameEn } : {}),
        version: n.version,
        updatedAt: n.updatedAt,
      },
    })),
    edges: snapshot.relations.map((r) => {
      const undirected = relationKind(r.type)?.directed === false;
      return {
        key: r.id,
        source: r.from,
        target: r.to,
        ...(undirected ? { undirected: true } : {}),
        attributes: {
          ...r.props,
          type: r.type,
          weight: r.weight,
          evidence: r.evidence,
          sources: r.sources,
          validFrom: r.validFrom,
          validTo: r.validTo,
          version: r.version,
          ...(r.note !== undefined ? { note: r.note } : {}),
        },
      };
    }),
  };
}

/**
 * The nodes and edges of a graphology JSON document as text: each the comma-joined JSON objects of its array, in the
 * same shape as `toSerializedGraph`. Stores build it straight from their rows (props are stored as JSON text), which
 * skips parsing and re-serialising every record of a large graph.
 */
export interface GraphJsonParts {
  nodes: string;
  edges: string;
}

/** A node as stored: `propsJson` is the JSON text of its props object. */
export interface StoredNode {
  id: string;
  kind: string;
  name: string;
  nameEn: string | null;
  propsJson: string;
  version: number;
  updatedAt: string;
}

/** A relation as stored: `propsJson` and `sourcesJson` are JSON text. */
export interface StoredRelation {
  id: string;
  type: string;
  from: string;
  to: string;
  weight: number;
  propsJson: string;
  sourcesJson: string;
  evidence: string;
  validFrom: string | null;
  validTo: string | null;
  note: string | null;
  version: number;
}

const q = JSON.stringify;

/** `{...object, <fields>}` on JSON text; `fields` is `"k":v,...`. Text not shaped like JSON.stringify's is re-encoded. */
export function spliceFields(objectJson: string, fields: string): string {
  if (objectJson === '{}') return `{${fields}}`;
  const last = objectJson.length - 1;
  if (objectJson.charCodeAt(0) === 123 && objectJson.charCodeAt(last) === 125 && objectJson.charCodeAt(last - 1) > 32)
    return `${objectJson.slice(0, last)},${fields}}`;
  const canonical = JSON.stringify(JSON.parse(objectJson));
  return canonical === objectJson ? `{${fields}}` : spliceFields(canonical, fields);
}

/** One node of `toSerializedGraph`'s `nodes`, as JSON text. */
export function nodeJson(n: StoredNode): string {
  const en = n.nameEn !== null ? `,"nameEn":${q(n.nameEn)}` : '';
  return `{"key":${q(n.id)},"attributes":${spliceFields(
    n.propsJson,
    `"kind":${q(n.kind)},"name":${q(n.name)}${en},"version":${n.version},"updatedAt":${q(n.updatedAt)}`,
  )}}`;
}

/** One edge of `toSerializedGraph`'s `edges`, as JSON text. */
export function edgeJson(r: StoredRelation): string {
  const undirected = relationKind(r.type)?.directed === false ? ',"undirected":true' : '';
  const note = r.note !== null ? `,"note":${q(r.note)}` : '';
  const fields =
    `"type":${q(r.type)},"weight":${q(r.weight)},"evidence":${q(r.evidence)},"sources":${r.sourcesJson},` +
    `"validFrom":${q(r.validFrom)},"validTo":${q(r.validTo)},"version":${r.version}${note}`;
  return `{"key":${q(r.id)},"source":${q(r.from)},"target":${q(r.to)}${undirected},"attributes":${spliceFields(r.propsJson, fields)}}`;
}

/** The whole document, as `JSON.stringify(toSerializedGraph(...))` would give it (same keys, same order). */
export function graphJsonText(parts: GraphJsonParts, attributes: Record<string, unknown>, asOf?: string): string {
  const attrs = JSON.stringify({ ...attributes, ...(asOf ? { asOf } : {}) });
  return `{"attributes":${attrs},"options":{"type":"mixed","multi":true,"allowSelfLoops":false},"nodes":[${parts.nodes}],"edges":[${parts.edges}]}`;
}

/** The unfiltered graph's nodes and edges as `[id, JSON text]` pairs, in the store's id order: what a cache patches. */
export interface GraphJsonItems {
  nodes: [string, string][];
  edges: [string, string][];
}

/** `nodeJson` of a record (props serialised as the stores store them). */
export const nodeRecordJson = (n: NodeRecord): string =>
  nodeJson({
    id: n.id,
    kind: n.kind,
    name: n.name,
    nameEn: n.nameEn ?? null,
    propsJson: JSON.stringify(n.props),
    version: n.version,
    updatedAt: n.updatedAt,
  });

/** `edgeJson` of a record. */
export const relationRecordJson = (r: RelationRecord): string =>
  edgeJson({
    id: r.id,
    type: r.type,
    from: r.from,
    to: r.to,
    weight: r.weight,
    propsJson: JSON.stringify(r.props),
    sourcesJson: JSON.stringify(r.sources),
    evidence: r.evidence,
    validFrom: r.validFrom,
    validTo: r.validTo,
    note: r.note ?? null,
    version: r.version,
  });
