/**
 * The content of a record from a validated input, with the defaults every store applies (weight 1, no props, open
 * validity). The stores add versions and authors; a scenario adds its draft stamp.
 */
import type { NodeInput, NodeRecord, RelationInput, RelationRecord } from './records.js';

type Meta = 'version' | 'createdAt' | 'createdBy' | 'updatedAt' | 'updatedBy';

export const nodeFields = (input: NodeInput): Omit<NodeRecord, Meta> => ({
  id: input.id,
  kind: input.kind,
  name: input.name,
  ...(input.nameEn !== undefined ? { nameEn: input.nameEn } : {}),
  props: input.props ?? {},
});

export const relationFields = (input: RelationInput & { id: string }): Omit<RelationRecord, Meta> => ({
  id: input.id,
  type: input.type,
  from: input.from,
  to: input.to,
  weight: input.weight ?? 1,
  props: input.props ?? {},
  sources: input.sources,
  evidence: input.evidence,
  validFrom: input.validFrom ?? null,
  validTo: input.validTo ?? null,
  ...(input.note !== undefined ? { note: input.note } : {}),
});
