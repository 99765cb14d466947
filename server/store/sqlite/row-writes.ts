import { fold } from '../../../core/text/fold.js';
import type { NodeRecord, RelationRecord } from '../../../core/model/records.js';
import { nodeGraphJson, relationGraphJson } from './graph-json.js';

/** The statements that write a record's row; their parameters are `nodeValues`/`relationValues`, id last. */
export const INSERT_NODE =
  'INSERT INTO nodes (kind, name, name_en, props, search, version, created_at, created_by, updated_at, updated_by, graph_json, id) VALUES (?,?,?,?,?,?,?,?,?,?,?,?)';
export const INSERT_RELATION =
  'INSERT INTO relations (type, from_id, to_id, weight, props, sources, evidence, valid_from, valid_to, note, version, created_at, created_by, updated_at, updated_by, graph_json, id) VALUES (?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?,?)';
// Only a repeated id is skipped; any other constraint still fails the statement.
export const TRY_INSERT_NODE = `${INSERT_NODE} ON CONFLICT(id) DO NOTHING`;
export const TRY_INSERT_RELATION = `${INSERT_RELATION} ON CONFLICT(id) DO NOTHING`;
export const UPDATE_NODE =
  'UPDATE nodes SET kind=?, name=?, name_en=?, props=?, search=?, version=?, created_at=?, created_by=?, updated_at=?, updated_by=?, graph_json=? WHERE id=?';
export const UPDATE_RELATION =
  'UPDATE relations SET type=?, from_id=?, to_id=?, weight=?, props=?, sources=?, evidence=?, valid_from=?, valid_to=?, note=?, version=?, created_at=?, created_by=?, updated_at=?, updated_by=?, graph_json=? WHERE id=?';

export function nodeValues(n: NodeRecord): unknown[] {
  const props = JSON.stringify(n.props);
  return [
    n.kind,
    n.name,
    n.nameEn ?? null,
    props,
    fold(`${n.name} ${n.nameEn ?? ''} ${n.id}`),
    n.version,
    n.createdAt,
    n.createdBy,
    n.updatedAt,
    n.updatedBy,
    nodeGraphJson(n, props),
    n.id,
  ];
}

export function relationValues(r: RelationRecord): unknown[] {
  const props = JSON.stringify(r.props);
  const sources = JSON.stringify(r.sources);
  return [
    r.type,
    r.from,
    r.to,
    r.weight,
    props,
    sources,
    r.evidence,
    r.validFrom,
    r.validTo,
    r.note ?? null,
    r.version,
    r.createdAt,
    r.createdBy,
    r.updatedAt,
    r.updatedBy,
    relationGraphJson(r, props, sources),
    r.id,
  ];
}
