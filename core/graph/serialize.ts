import type { Snapshot } from '../model/records.js';
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
