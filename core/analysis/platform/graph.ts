/**
 * The reach graph: organisations and networks as nodes, the typed ties of the actor projection (direct ties,
 * memberships, funding, part of) as undirected edges. Each tie is one step and a network is a node on the path,
 * so a kommunalförbund or a college is a step between a municipality and the platform, and two members of one
 * network are two steps apart, through it.
 */
import { DEFAULT_PROJECTION_TYPES } from '../../graph/projection.js';
import { validOnDate } from '../../graph/as-of.js';
import type { Evidence, NodeRecord, RelationRecord, Snapshot } from '../../model/records.js';

export const EVIDENCE_RANK: Record<Evidence, number> = { uncertain: 1, probable: 2, confirmed: 3 };
const weaker = (a: Evidence, b: Evidence): Evidence => (EVIDENCE_RANK[a] <= EVIDENCE_RANK[b] ? a : b);

/** The relation kinds that make a step: the default kinds of the actor projection. */
export const REACH_TYPES: ReadonlySet<string> = new Set(DEFAULT_PROJECTION_TYPES);

export interface ReachFilter {
  minEvidence: Evidence;
  asOf: string | null;
}

interface Edge {
  to: number;
  evidence: Evidence;
}

export interface Distances {
  /** Steps from the source; -1 = not reached. */
  dist: Int32Array;
  /** The previous node on the best-evidenced shortest path; -1 at the source or when not reached. */
  parent: Int32Array;
  /** The weakest evidence on that path. */
  evidence: Evidence[];
}

export class ReachGraph {
  readonly ids: string[] = [];
  readonly index = new Map<string, number>();
  readonly nodes: NodeRecord[] = [];
  readonly adj: Edge[][] = [];
  /** Relations that pass the filter, with both ends in the snapshot (all kinds). */
  readonly relations: RelationRecord[];
  private readonly byId = new Map<string, NodeRecord>();

  constructor(snapshot: Snapshot, filter: ReachFilter) {
    for (const n of snapshot.nodes) this.byId.set(n.id, n);
    const min = EVIDENCE_RANK[filter.minEvidence];
    this.relations = snapshot.relations.filter(
      (r) =>
        this.byId.has(r.from) &&
        this.byId.has(r.to) &&
        EVIDENCE_RANK[r.evidence] >= min &&
        (filter.asOf === null || validOnDate(filter.asOf, r)),
    );
    const sorted = [...snapshot.nodes]
      .filter((n) => n.kind === 'Organisation' || n.kind === 'Network')
      .sort((a, b) => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0));
    for (const n of sorted) {
      this.index.set(n.id, this.ids.length);
      this.ids.push(n.id);
      this.nodes.push(n);
      this.adj.push([]);
    }
    for (const r of this.relations) {
      if (!REACH_TYPES.has(r.type)) continue;
      const a = this.index.get(r.from);
      const b = this.index.get(r.to);
      if (a === undefined || b === undefined || a === b) continue;
      this.adj[a].push({ to: b, evidence: r.evidence });
      this.adj[b].push({ to: a, evidence: r.evidence });
    }
  }

  node(id: string): NodeRecord | undefined {
    return this.byId.get(id);
  }

  allNodes(): Iterable<NodeRecord> {
    return this.byId.values();
  }

  /** Breadth-first steps from `source` (at most `limit` steps); among equally short paths the best-evidenced. */
  distances(source: number, limit = Infinity): Distances {
    const n = this.ids.length;
    const dist = new Int32Array(n).fill(-1);
    const parent = new Int32Array(n).fill(-1);
    const evidence: Evidence[] = new Array<Evidence>(n).fill('uncertain');
    dist[source] = 0;
    evidence[source] = 'confirmed';
    const queue = [source];
    for (let head = 0; head < queue.length; head++) {
      const v = queue[head];
      if (dist[v] >= limit) continue;
      for (const e of this.adj[v]) {
        const ev = weaker(e.evidence, evidence[v]);
        if (dist[e.to] === -1) {
          dist[e.to] = dist[v] + 1;
          parent[e.to] = v;
          evidence[e.to] = ev;
          queue.push(e.to);
        } else if (dist[e.to] === dist[v] + 1 && EVIDENCE_RANK[ev] > EVIDENCE_RANK[evidence[e.to]]) {
          parent[e.to] = v;
          evidence[e.to] = ev;
        }
      }
    }
    return { dist, parent, evidence };
  }

  /** Node ids from `v` back to the source, both included. */
  path(d: Distances, v: number): string[] {
    const out: string[] = [];
    for (let x = v; x !== -1; x = d.parent[x]) out.push(this.ids[x]);
    return out;
  }
}
