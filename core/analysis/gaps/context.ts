import type { AbstractGraph } from 'graphology-types';
import { projectActors, type ProjectionMeta } from '../../graph/projection.js';
import { validOnDate } from '../../graph/as-of.js';
import { compactGraph, type CompactGraph } from '../compact.js';
import type { Evidence, NodeRecord, RelationRecord, Snapshot } from '../../model/records.js';
import { nodeKind } from '../../model/catalogue/node-kinds.js';
import { RELATION_KINDS } from '../../model/catalogue/relation-kinds.js';
import type { Lang } from './text.js';
import type { ResolvedGapOptions } from './types.js';

export const EVIDENCE_RANK: Record<Evidence, number> = { uncertain: 1, probable: 2, confirmed: 3 };
export const EVIDENCE_LABEL: Record<Evidence, { sv: string; en: string }> = {
  confirmed: { sv: 'bekräftad', en: 'confirmed' },
  probable: { sv: 'trolig', en: 'probable' },
  uncertain: { sv: 'osäker', en: 'uncertain' },
};
export const weakest = (a: Evidence, b: Evidence): Evidence => (EVIDENCE_RANK[a] <= EVIDENCE_RANK[b] ? a : b);

/** Relation kinds whose analysis role is membership (MEMBER_OF, COORDINATES, CHAIRS). */
export const MEMBERSHIP_TYPES: ReadonlySet<string> = new Set(
  RELATION_KINDS.filter((k) => k.role === 'membership').map((k) => k.id),
);

/**
 * What every gap kind shares: the snapshot filtered once (valid time, evidence, dangling ends), indexes of the
 * relations, bilingual names, and the actor projection (computed once, on demand).
 */
export class GapContext {
  readonly nodes: NodeRecord[];
  /** Relations that count: valid on asOf, with enough evidence, both ends in the snapshot. */
  readonly relations: RelationRecord[];
  /** Every relation with both ends in the snapshot, whatever its time or evidence (for "nearly there" hints). */
  readonly allRelations: RelationRecord[];
  private readonly byId = new Map<string, NodeRecord>();
  private readonly outIdx = new Map<string, RelationRecord[]>();
  private readonly inIdx = new Map<string, RelationRecord[]>();
  private projectionCache: { graph: AbstractGraph; meta: ProjectionMeta } | undefined;
  private compactCache: CompactGraph | undefined;

  constructor(
    snapshot: Snapshot,
    readonly options: ResolvedGapOptions,
  ) {
    this.nodes = snapshot.nodes;
    for (const n of snapshot.nodes) this.byId.set(n.id, n);
    const minRank = EVIDENCE_RANK[options.minEvidence];
    this.allRelations = snapshot.relations.filter((r) => this.byId.has(r.from) && this.byId.has(r.to));
    this.relations = this.allRelations.filter(
      (r) => EVIDENCE_RANK[r.evidence] >= minRank && (options.asOf === null || validOnDate(options.asOf, r)),
    );
    for (const r of this.relations) {
      push(this.outIdx, r.from, r);
      push(this.inIdx, r.to, r);
    }
  }

  node(id: string): NodeRecord | undefined {
    return this.byId.get(id);
  }

  kind(id: string): string | undefined {
    return this.byId.get(id)?.kind;
  }

  isActor(id: string): boolean {
    return nodeKind(this.kind(id) ?? '')?.actor === true;
  }

  isNetwork(id: string): boolean {
    return nodeKind(this.kind(id) ?? '')?.affiliation === true;
  }

  prop(id: string, key: string): unknown {
    return this.byId.get(id)?.props[key];
  }

  out(id: string, types?: ReadonlySet<string> | string): RelationRecord[] {
    return filterTypes(this.outIdx.get(id) ?? [], types);
  }

  in(id: string, types?: ReadonlySet<string> | string): RelationRecord[] {
    return filterTypes(this.inIdx.get(id) ?? [], types);
  }

  nodesOfKind(kind: string): NodeRecord[] {
    return this.nodes.filter((n) => n.kind === kind);
  }

  /** The name in the language (English falls back to the Swedish name). */
  name(id: string, lang: Lang): string {
    const n = this.byId.get(id);
    if (!n) return id;
    return lang === 'en' && n.nameEn ? n.nameEn : n.name;
  }

  /** A name with its code where the kind has one: "Barnmorskor (SSYK 2222)", "Bygg (SNI F)", "CAD (kompetens)". */
  label(id: string, lang: Lang): string {
    const n = this.byId.get(id);
    if (!n) return id;
    const name = this.name(id, lang);
    if (n.kind === 'Occupation' && typeof n.props.ssyk === 'string') return `${name} (SSYK ${n.props.ssyk})`;
    if (n.kind === 'Sector' && typeof n.props.sni === 'string') return `${name} (SNI ${n.props.sni})`;
    if (n.kind === 'Skill') return `${name} (${lang === 'sv' ? 'kompetens' : 'skill'})`;
    return name;
  }

  /** The one-mode actor projection (Newman co-membership weights) of the filtered snapshot. */
  get projection(): { graph: AbstractGraph; meta: ProjectionMeta } {
    if (!this.projectionCache) {
      this.projectionCache = projectActors(
        { nodes: this.nodes, relations: this.relations },
        { relationTypes: this.options.relationTypes, ...(this.options.asOf ? { asOf: this.options.asOf } : {}) },
      );
    }
    return this.projectionCache;
  }

  /** The projection as an unweighted compact graph: gaps count ties, they do not weigh them. */
  get compact(): CompactGraph {
    if (!this.compactCache) this.compactCache = compactGraph(this.projection.graph, { weight: null, directed: false });
    return this.compactCache;
  }
}

function push<K, V>(map: Map<K, V[]>, key: K, value: V): void {
  const list = map.get(key);
  if (list) list.push(value);
  else map.set(key, [value]);
}

function filterTypes(list: RelationRecord[], types?: ReadonlySet<string> | string): RelationRecord[] {
  if (types === undefined) return list;
  if (typeof types === 'string') return list.filter((r) => r.type === types);
  return list.filter((r) => types.has(r.type));
}

/** Sorted, de-duplicated. */
export const uniq = (xs: Iterable<string>): string[] => [...new Set(xs)].sort();
