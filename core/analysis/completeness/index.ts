/**
 * Register completeness: for each actor type and each municipality, how many actors the register holds (against a
 * sourced reference count where one exists) and how many of them have ties of each relation kind. A finding whose
 * basis is absent points here: the register may simply lack the tie. Pure computation on a snapshot.
 */
import type { Bilingual } from '../../model/labels.js';
import type { NodeRecord, RelationRecord, Snapshot } from '../../model/records.js';
import { ORGANISATION_TYPES } from '../../model/catalogue/node-kinds.js';

/** A published count of actors of one type in the county (or of its municipalities), with its source. */
export interface ReferenceCount {
  /** An organisation type, or 'Municipality' for the municipalities. */
  kind: string;
  count: number;
  /** The source lists at least `count` (its list may be cut short or out of date). */
  atLeast?: boolean;
  source: { url: string; title: string; date?: string };
  note?: Bilingual;
}

/** Relation kinds every table shows, whether or not the register has any. */
export const KEY_RELATIONS = ['MEMBER_OF', 'EDUCATES_FOR', 'DEMANDS', 'COLLABORATES_WITH', 'LOCATED_IN'] as const;

export interface KindRow {
  kind: string;
  label: Bilingual;
  registered: number;
  /** Of those, actors placed in one of the county's municipalities (props.municipality or LOCATED_IN). */
  inCounty: number;
  reference: ReferenceCount | null;
  /** registered / reference.count, when there is a reference. */
  share: number | null;
  /** Relation kind → registered actors of this type with at least one such tie (either direction). */
  withRelation: Record<string, number>;
}

export interface MunicipalityRow {
  id: string;
  name: string;
  actors: number;
  byType: Record<string, number>;
  withRelation: Record<string, number>;
}

export interface CompletenessReport {
  relationTypes: string[];
  municipalities: { registered: number; reference: ReferenceCount | null; rows: MunicipalityRow[] };
  kinds: KindRow[];
}

const PROVIDES = new Set(['OFFERS', 'OPERATES']);

/** Which relation kinds each actor has, EDUCATES_FOR also through a programme it offers or operates. */
function relationIndex(snapshot: Snapshot): Map<string, Set<string>> {
  const has = new Map<string, Set<string>>();
  const add = (id: string, type: string) => (has.get(id) ?? has.set(id, new Set()).get(id)!).add(type);
  const educates = new Set(snapshot.relations.filter((r) => r.type === 'EDUCATES_FOR').map((r) => r.from));
  for (const r of snapshot.relations) {
    add(r.from, r.type);
    add(r.to, r.type);
    if (PROVIDES.has(r.type) && educates.has(r.to)) add(r.from, 'EDUCATES_FOR');
  }
  return has;
}

function placeOf(node: NodeRecord, located: Map<string, string>, places: Set<string>): string | null {
  const own = typeof node.props.municipality === 'string' ? node.props.municipality : null;
  if (own && places.has(own)) return own;
  return located.get(node.id) ?? null;
}

const count = (actors: NodeRecord[], types: string[], has: Map<string, Set<string>>) =>
  Object.fromEntries(types.map((t) => [t, actors.filter((a) => has.get(a.id)?.has(t)).length]));

/** The completeness report of a snapshot against the given reference counts. */
export function registerCompletenessReport(
  snapshot: Snapshot,
  references: readonly ReferenceCount[] = [],
): CompletenessReport {
  const has = relationIndex(snapshot);
  const places = new Set(snapshot.nodes.filter((n) => n.kind === 'Municipality').map((n) => n.id));
  const located = new Map<string, string>();
  for (const r of snapshot.relations as RelationRecord[])
    if (r.type === 'LOCATED_IN' && places.has(r.to) && !located.has(r.from)) located.set(r.from, r.to);
  const orgs = snapshot.nodes.filter((n) => n.kind === 'Organisation');
  const present = new Set(snapshot.relations.map((r) => r.type));
  const relationTypes = [...new Set([...KEY_RELATIONS, ...[...present].sort()])];
  const ref = (kind: string) => references.find((r) => r.kind === kind) ?? null;
  const typeOf = (n: NodeRecord) => String(n.props.orgType ?? '');
  const kinds: KindRow[] = ORGANISATION_TYPES.map((t) => {
    const actors = orgs.filter((n) => typeOf(n) === t.value);
    const inCounty = actors.filter((a) => placeOf(a, located, places) !== null).length;
    const reference = ref(t.value);
    return {
      kind: t.value,
      label: t.label,
      registered: actors.length,
      inCounty,
      reference,
      share: reference && reference.count > 0 ? actors.length / reference.count : null,
      withRelation: count(actors, relationTypes, has),
    };
  }).filter((row) => row.registered > 0 || row.reference !== null);
  const rows: MunicipalityRow[] = snapshot.nodes
    .filter((n) => n.kind === 'Municipality')
    .sort((a, b) => a.name.localeCompare(b.name, 'sv'))
    .map((m) => {
      const actors = orgs.filter((a) => placeOf(a, located, places) === m.id);
      const byType: Record<string, number> = {};
      for (const a of actors) byType[typeOf(a)] = (byType[typeOf(a)] ?? 0) + 1;
      return { id: m.id, name: m.name, actors: actors.length, byType, withRelation: count(actors, relationTypes, has) };
    });
  return {
    relationTypes,
    municipalities: { registered: rows.length, reference: ref('Municipality'), rows },
    kinds,
  };
}
