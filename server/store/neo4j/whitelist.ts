import { NODE_KIND_IDS } from '../../../core/model/catalogue/node-kinds.js';
import { RELATION_KIND_IDS } from '../../../core/model/catalogue/relation-kinds.js';

/**
 * Cypher cannot take labels, relationship types or property keys as parameters, so the few that must appear in
 * query text come only from the catalogue, never from input. Every value is checked twice: shape and membership.
 */
export const IDENTIFIER = /^[A-Z][A-Za-z_]*$/;
const PROP_KEY = /^[A-Za-z_][A-Za-z0-9_]*$/;

/** A label or relationship type that passed the whitelist; only these may be spliced into Cypher. */
export type SafeName = string & { readonly __safeName: unique symbol };

/** Refused before any query is built: the input could never have come through catalogue validation. */
export class UnsafeIdentifierError extends Error {
  constructor(what: string, value: unknown) {
    super(`${what} ${JSON.stringify(String(value)).slice(0, 80)} is not in the catalogue`);
    this.name = 'UnsafeIdentifierError';
  }
}

const NODE_KINDS = new Set<string>(NODE_KIND_IDS);
const RELATION_TYPES = new Set<string>(RELATION_KIND_IDS);

function safe(what: string, value: unknown, allowed: Set<string>): SafeName {
  if (typeof value !== 'string' || !IDENTIFIER.test(value) || !allowed.has(value))
    throw new UnsafeIdentifierError(what, value);
  return value as SafeName;
}

export const nodeLabel = (kind: unknown): SafeName => safe('Node kind', kind, NODE_KINDS);
export const relationType = (type: unknown): SafeName => safe('Relation type', type, RELATION_TYPES);
export const allRelationTypes = (): SafeName[] => RELATION_KIND_IDS.map(relationType);

/**
 * Props are stored as one JSON string, so their keys never reach Cypher; they are still refused unless plain
 * identifiers (every catalogue prop is), so a later move to native properties cannot open an injection path.
 */
export function assertPropKeys(props: Record<string, unknown> | undefined): void {
  for (const key of Object.keys(props ?? {})) {
    if (!PROP_KEY.test(key)) throw new UnsafeIdentifierError('Property name', key);
  }
}
