import type { NodeRecord, RelationRecord } from '../../../core/model/records.js';

// The columns records are read from: not `*`, which would also copy each row's graph_json into JS.
export const NODE_COLUMNS = 'id, kind, name, name_en, props, version, created_at, created_by, updated_at, updated_by';
export const RELATION_COLUMNS =
  'id, type, from_id, to_id, weight, props, sources, evidence, valid_from, valid_to, note, version, created_at, created_by, updated_at, updated_by';

export interface NodeRow {
  id: string;
  kind: string;
  name: string;
  name_en: string | null;
  props: string;
  version: number;
  created_at: string;
  created_by: string;
  updated_at: string;
  updated_by: string;
}

export interface RelationRow {
  id: string;
  type: string;
  from_id: string;
  to_id: string;
  weight: number;
  props: string;
  sources: string;
  evidence: string;
  valid_from: string | null;
  valid_to: string | null;
  note: string | null;
  version: number;
  created_at: string;
  created_by: string;
  updated_at: string;
  updated_by: string;
}

export function nodeFromRow(r: NodeRow): NodeRecord {
  return {
    id: r.id,
    kind: r.kind,
    name: r.name,
    ...(r.name_en !== null ? { nameEn: r.name_en } : {}),
    props: JSON.parse(r.props),
    version: r.version,
    createdAt: r.created_at,
    createdBy: r.created_by,
    updatedAt: r.updated_at,
    updatedBy: r.updated_by,
  };
}

export function relationFromRow(r: RelationRow): RelationRecord {
  return {
    id: r.id,
    type: r.type,
    from: r.from_id,
    to: r.to_id,
    weight: r.weight,
    props: JSON.parse(r.props),
    sources: JSON.parse(r.sources),
    evidence: r.evidence as RelationRecord['evidence'],
    validFrom: r.valid_from,
    validTo: r.valid_to,
    ...(r.note !== null ? { note: r.note } : {}),
    version: r.version,
    createdAt: r.created_at,
    createdBy: r.created_by,
    updatedAt: r.updated_at,
    updatedBy: r.updated_by,
  };
}
