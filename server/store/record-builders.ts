import type { NodeInput, NodeRecord, RelationInput, RelationRecord } from '../../core/model/records.js';
import { nodeFields, relationFields } from '../../core/model/record-fields.js';
import type { WriteContext } from './graph-store.js';

/** Builds stored records from validated inputs, so both stores stamp versions and authors the same way. */
export const stamp = (ctx: WriteContext): string => ctx.at ?? new Date().toISOString();

export function buildNode(input: NodeInput, ctx: WriteContext, prev?: NodeRecord): NodeRecord {
  const at = stamp(ctx);
  return {
    ...nodeFields(input),
    version: prev ? prev.version + 1 : 1,
    createdAt: prev?.createdAt ?? at,
    createdBy: prev?.createdBy ?? ctx.actor,
    updatedAt: at,
    updatedBy: ctx.actor,
  };
}

export function buildRelation(
  input: RelationInput & { id: string },
  ctx: WriteContext,
  prev?: RelationRecord,
): RelationRecord {
  const at = stamp(ctx);
  return {
    ...relationFields(input),
    version: prev ? prev.version + 1 : 1,
    createdAt: prev?.createdAt ?? at,
    createdBy: prev?.createdBy ?? ctx.actor,
    updatedAt: at,
    updatedBy: ctx.actor,
  };
}
