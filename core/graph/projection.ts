import { UndirectedGraph } from 'graphology';
import type { AbstractGraph } from 'graphology-types';
import type { NodeRecord, RelationRecord, Snapshot } from '../model/records.js';
import { nodeKind } from '../model/catalogue/node-kinds.js';
import { RELATION_KINDS, relationKind } from '../model/catalogue/relation-kinds.js';
import { validOnDate } from './as-of.js';

/**
 * Which relation kinds count as ties by default: direct ties, memberships, funding, and PART_OF (a unit is tied to
 * its parent organisation; a sub-network's PART_OF never joins two actors, so it adds nothing here).
 */
export const DEFAULT_PROJECTION_TYPES = RELATION_KINDS.filter(
  (k) => ['tie', 'membership', 'funding'].includes(k.role) || k.id === 'PART_OF',
).map((k) => k.id);

export interface ProjectionOptions {
  /** Relation kinds that count (direct ties between actors, or affiliations of actors with networks). */
  relationTypes?: string[];
  /** Only relations valid on this date. */
  asOf?: string;
  /** Weight co-membership ties 1/(n−1) per shared network (Newman 2001); false = 1 per shared network. */
  newman?: boolean;
}

/** Part of every analysis result, so a number can always be traced to the graph it was computed on. */
export interface ProjectionMeta {
  mode: 'one-mode' | 'two-mode';
  relationTypes: string[];
  coMembershipWeight: 'newman' | 'count';
  asOf: string | null;
  actors: number;
  ties: number;
  affiliations: number;
  weightMeaning: 'strength';
}

const NODE_ATTRS = (n: NodeRecord) => ({
  ...n.props,
  kind: n.kind,
  name: n.name,
  ...(n.nameEn ? { nameEn: n.nameEn } : {}),
});

function selectedRelations(snapshot: Snapshot, options: ProjectionOptions): RelationRecord[] {
  const types = new Set(options.relationTypes ?? DEFAULT_PROJECTION_TYPES);
  return snapshot.relations.filter((r) => types.has(r.type) && (!options.asOf || validOnDate(options.asOf, r)));
}

/**
 * The one-mode actor network: organisations as nodes. A direct relation between two actors adds its weight
 * (strength) to their tie; a network with n member actors adds 1/(n−1) to the tie of each pair of its members,
 * so a county-wide network does not turn into a clique of strong ties. Ties are undirected; their weight is a
 * strength, and path metrics use distance = 1/weight.
 */
export function projectActors(
  snapshot: Snapshot,
  options: ProjectionOptions = {},
): { graph: AbstractGraph; meta: ProjectionMeta } {
  const graph = new UndirectedGraph({ allowSelfLoops: false });
  const kindOf = new Map(snapshot.nodes.map((n) => [n.id, n.kind]));
  // Nodes in id order, so every source of the same data (fixture, SQLite, Neo4j, the browser) gives the same graph
  // and seeded Louvain gives the same communities.
  const sorted = [...snapshot.nodes].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const n of sorted) if (nodeKind(n.kind)?.actor) graph.addNode(n.id, NODE_ATTRS(n));
  const isActor = (id: string) => graph.hasNode(id);
  const isAffiliation = (id: string) => nodeKind(kindOf.get(id) ?? '')?.affiliation === true;
  const addTie = (a: string, b: string, w: number, via: string) => {
    if (a === b) return;
    if (graph.hasEdge(a, b)) {
      graph.updateEdgeAttributes(a, b, (attr) => ({
        ...attr,
        weight: (attr.weight as number) + w,
        via: [...(attr.via as string[]), via],
      }));
    } else graph.addEdge(a, b, { weight: w, via: [via] });
  };

  const members = new Map<string, Set<string>>();
  const relations = [...selectedRelations(snapshot, options)].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const r of relations) {
    if (isActor(r.from) && isActor(r.to)) addTie(r.from, r.to, r.weight, r.type);
    else if (isActor(r.from) && isAffiliation(r.to)) {
      const set = members.get(r.to) ?? new Set<string>();
      set.add(r.from);
      members.set(r.to, set);
    }
  }
  const newman = options.newman !== false;
  for (const [network, set] of members) {
    const list = [...set].sort();
    if (list.length < 2) continue;
    const w = newman ? 1 / (list.length - 1) : 1;
    for (let i = 0; i < list.length; i++)
      for (let j = i + 1; j < list.length; j++) addTie(list[i], list[j], w, network);
  }
  return { graph, meta: meta('one-mode', options, graph.order, graph.size, members.size) };
}

/** The two-mode view: actors and the networks they are affiliated with, as a bipartite graph. */
export function projectTwoMode(
  snapshot: Snapshot,
  options: ProjectionOptions = {},
): { graph: AbstractGraph; meta: ProjectionMeta } {
  const graph = new UndirectedGraph({ allowSelfLoops: false });
  const byId = new Map(snapshot.nodes.map((n) => [n.id, n]));
  const relations = [...selectedRelations(snapshot, options)].sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
  for (const r of relations) {
    const from = byId.get(r.from);
    const to = byId.get(r.to);
    if (!from || !to || !nodeKind(from.kind)?.actor || !nodeKind(to.kind)?.affiliation) continue;
    if (!graph.hasNode(from.id)) graph.addNode(from.id, { ...NODE_ATTRS(from), mode: 'actor' });
    if (!graph.hasNode(to.id)) graph.addNode(to.id, { ...NODE_ATTRS(to), mode: 'affiliation' });
    if (!graph.hasEdge(from.id, to.id)) graph.addEdge(from.id, to.id, { weight: r.weight, type: r.type });
  }
  const affiliations = graph.filterNodes((_, a) => a.mode === 'affiliation').length;
  return { graph, meta: meta('two-mode', options, graph.order - affiliations, graph.size, affiliations) };
}

function meta(
  mode: ProjectionMeta['mode'],
  options: ProjectionOptions,
  actors: number,
  ties: number,
  affiliations: number,
): ProjectionMeta {
  return {
    mode,
    relationTypes: [...(options.relationTypes ?? DEFAULT_PROJECTION_TYPES)].sort(),
    coMembershipWeight: options.newman === false ? 'count' : 'newman',
    asOf: options.asOf ?? null,
    actors,
    ties,
    affiliations,
    weightMeaning: 'strength',
  };
}

export const isKnownRelationType = (t: string): boolean => relationKind(t) !== undefined;
