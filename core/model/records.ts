/**
 * Record shapes shared by the stores, the API, the CLI and the analysis engine.
 * Kind-specific properties live in `props` and are described by the catalogue. The input shapes are derived from
 * their wire schemas in input-schemas.ts, so validation and types cannot drift apart.
 */
import type { Static } from 'typebox';
import type { NodeInputSchema, RelationInputSchema, SourceSchema } from './input-schemas.js';

export type JsonValue = string | number | boolean | null | JsonValue[] | { [key: string]: JsonValue };
export type Props = Record<string, JsonValue>;

export type Source = Static<typeof SourceSchema>;
export type Evidence = RelationInput['evidence'];
export const EVIDENCE_LEVELS = ['confirmed', 'probable', 'uncertain'] as const satisfies readonly Evidence[];

/** Who changed a record and when (transaction time). */
export interface RecordMeta {
  version: number;
  createdAt: string;
  createdBy: string;
  updatedAt: string;
  updatedBy: string;
}

export type NodeInput = Static<typeof NodeInputSchema>;

export type NodeRecord = Required<Omit<NodeInput, 'nameEn'>> & { nameEn?: string } & RecordMeta;

export type RelationInput = Static<typeof RelationInputSchema>;

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
