/**
 * Record shapes shared by the stores, the API, the CLI and the analysis engine.
 * Kind-specific properties live in `props` and are described by the catalogue.
 */

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type Props = Record<string, JsonValue>;

export const EVIDENCE_LEVELS = ['confirmed', 'probable', 'uncertain'] as const;
export type Evidence = (typeof EVIDENCE_LEVELS)[number];

export interface Source {
  url: string;
  title: string;
  /** ISO date (YYYY-MM-DD) of the source or of retrieval. */
  date?: string;
}

/** Who changed a record and when (transaction time). */
export interface RecordMeta {
  version: number;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  updatedBy: string;
}

export interface NodeInput {
  id: string;
  kind: string;
  name: string;
  nameEn?: string;
  props?: Props;
}

export type NodeRecord = Required<Omit<NodeInput, 'nameEn'>> & { nameEn?: string } & RecordMeta;

export interface RelationInput {
  id?: string;
  type: string;
  from: string;
  to: string;
  /** Tie strength (higher = stronger). Path metrics use distance = 1/weight. */
  weight?: number;
  props?: Props;
  sources: Source[];
  evidence: Evidence;
  /** Valid time: when the relation held in the world (ISO dates, inclusive). */
  validFrom?: string | null;
  validTo?: string | null;
  note?: string;
}

export type RelationRecord = Required<Omit<RelationInput, 'note'>> & { note?: string } & RecordMeta;

export interface Batch {
  nodes: NodeInput[];
  relations: RelationInput[];
}

/** What the analysis engine and the graph endpoint consume. */
export interface Snapshot {
  nodes: NodeRecord[];
  relations: RelationRecord[];
  /** ISO date the snapshot was filtered to (valid time), if any. */
  asOf?: string;
}

export interface SnapshotQuery {
  asOf?: string;
  kinds?: string[];
  relationTypes?: string[];
}

export interface Page<T> {
  items: T[];
  total: number;
  offset: number;
  limit: number;
}
