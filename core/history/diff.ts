import type { JsonValue, NodeRecord, RelationRecord, Snapshot } from '../model/records.js';
import { projectActors, type ProjectionOptions } from '../graph/projection.js';
import { runPanel } from '../analysis/panel.js';
import { toSerializedGraph, type SerializedGraph } from '../graph/serialize.js';

/** One changed field: `name`, `props.orgType`, `validTo`, … (record metadata such as version is not compared). */
export interface FieldChange {
  field: string;
  before: JsonValue | undefined;
  after: JsonValue | undefined;
}

export interface Changed<T> {
  id: string;
  before: T;
  after: T;
  fields: FieldChange[];
}

export interface RecordDiff<T> {
  added: T[];
  removed: T[];
  changed: Changed<T>[];
}

export interface SnapshotDiff {
  nodes: RecordDiff<NodeRecord>;
  relations: RecordDiff<RelationRecord>;
}

export const RANK_METRICS = ['degree', 'betweenness'] as const;
export type RankMetric = (typeof RANK_METRICS)[number];

export interface RankPosition {
  rank: number;
  value: number;
}

/** An actor whose rank in a key metric moved; `change` > 0 = climbed (rank 5 -> 2 is +3); null when it (dis)appeared. */
export interface RankChange {
  id: string;
  name: string;
  metric: RankMetric;
  before: RankPosition | null;
  after: RankPosition | null;
  change: number | null;
}

export interface GraphDiff extends SnapshotDiff {
  ranks: RankChange[];
  summary: {
    nodesAdded: number;
    nodesRemoved: number;
    nodesChanged: number;
    relationsAdded: number;
    relationsRemoved: number;
    relationsChanged: number;
    rankChanges: number;
  };
}

const NODE_FIELDS = ['kind', 'name', 'nameEn'] as const;
const RELATION_FIELDS = [
  'type',
  'from',
  'to',
  'weight',
  'sources',
  'evidence',
  'validFrom',
  'validTo',
  'note',
] as const;

/** Deterministic JSON (sorted keys), for comparing values whatever their key order. */
function canonical(v: unknown): string {
  if (v === undefined) return 'undefined';
  if (v === null || typeof v !== 'object') return JSON.stringify(v);
  if (Array.isArray(v)) return `[${v.map(canonical).join(',')}]`;
  const o = v as Record<string, unknown>;
  return `{${Object.keys(o)
    .sort()
    .map((k) => `${JSON.stringify(k)}:${canonical(o[k])}`)
    .join(',')}}`;
}

function fieldChanges(
  before: NodeRecord | RelationRecord,
  after: NodeRecord | RelationRecord,
  fields: readonly string[],
): FieldChange[] {
  const out: FieldChange[] = [];
  const b = before as unknown as Record<string, JsonValue | undefined>;
  const a = after as unknown as Record<string, JsonValue | undefined>;
  for (const f of fields)
    if (canonical(b[f] ?? null) !== canonical(a[f] ?? null)) out.push({ field: f, before: b[f], after: a[f] });
  const keys = [...new Set([...Object.keys(before.props ?? {}), ...Object.keys(after.props ?? {})])].sort();
  for (const k of keys) {
    const x = Object.hasOwn(before.props ?? {}, k) ? before.props[k] : undefined;
    const y = Object.hasOwn(after.props ?? {}, k) ? after.props[k] : undefined;
    if (canonical(x) !== canonical(y)) out.push({ field: `props.${k}`, before: x, after: y });
  }
  return out;
}

function diffRecords<T extends NodeRecord | RelationRecord>(
  before: T[],
  after: T[],
  fields: readonly string[],
): RecordDiff<T> {
  const was = new Map(before.map((r) => [r.id, r]));
  const now = new Map(after.map((r) => [r.id, r]));
  const out: RecordDiff<T> = { added: [], removed: [], changed: [] };
  for (const [id, r] of now) {
    const prev = was.get(id);
    if (!prev) out.added.push(r);
    else {
      const changes = fieldChanges(prev, r, fields);
      if (changes.length > 0) out.changed.push({ id, before: prev, after: r, fields: changes });
    }
  }
  for (const [id, r] of was) if (!now.has(id)) out.removed.push(r);
  const order = (x: { id: string }, y: { id: string }) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0);
  out.added.sort(order);
  out.removed.sort(order);
  out.changed.sort(order);
  return out;
}

/** Nodes and relations added, removed and changed (field by field) from `before` to `after`. */
export function diffSnapshots(before: Snapshot, after: Snapshot): SnapshotDiff {
  return {
    nodes: diffRecords(before.nodes, after.nodes, NODE_FIELDS),
    relations: diffRecords(before.relations, after.relations, RELATION_FIELDS),
  };
}

/** Values rounded so float noise cannot split a tie. */
const key = (x: number): number => Math.round(x * 1e9) / 1e9;

/** Competition ranking ("1224"): 1 + the number of actors with a strictly higher value. */
function ranks(values: Map<string, number>): Map<string, RankPosition> {
  const sorted = [...values.values()].map(key).sort((a, b) => b - a);
  const out = new Map<string, RankPosition>();
  for (const [id, v] of values) {
    const k = key(v);
    let lo = 0;
    let hi = sorted.length;
    while (lo < hi) {
      const mid = (lo + hi) >> 1;
      if (sorted[mid] > k) lo = mid + 1;
      else hi = mid;
    }
    out.set(id, { rank: lo + 1, value: v });
  }
  return out;
}

/** Degree and betweenness (NetworkX conventions, unweighted) of every actor of the projected actor network. */
export function keyMetrics(
  snapshot: Snapshot,
  options: ProjectionOptions = {},
): { names: Map<string, string>; metrics: Record<RankMetric, Map<string, number>> } {
  const { graph } = projectActors(snapshot, options);
  const names = new Map<string, string>();
  graph.forEachNode((id, attrs) => names.set(id, String(attrs.name ?? id)));
  const metrics: Record<RankMetric, Map<string, number>> = { degree: new Map(), betweenness: new Map() };
  if (graph.order === 0) return { names, metrics };
  const panel = runPanel(graph, { weight: null, restarts: 1 });
  for (const [id, m] of Object.entries(panel.nodes)) {
    metrics.degree.set(id, m.degree);
    metrics.betweenness.set(id, m.betweenness);
  }
  return { names, metrics };
}

/** Actors whose rank in degree or betweenness differs between the two snapshots (sorted by metric, |change|, id). */
export function rankChanges(before: Snapshot, after: Snapshot, options: ProjectionOptions = {}): RankChange[] {
  const a = keyMetrics(before, options);
  const b = keyMetrics(after, options);
  const out: RankChange[] = [];
  for (const metric of RANK_METRICS) {
    const ra = ranks(a.metrics[metric]);
    const rb = ranks(b.metrics[metric]);
    for (const id of new Set([...ra.keys(), ...rb.keys()])) {
      const x = ra.get(id) ?? null;
      const y = rb.get(id) ?? null;
      if (x && y && x.rank === y.rank) continue;
      out.push({
        id,
        name: b.names.get(id) ?? a.names.get(id) ?? id,
        metric,
        before: x,
        after: y,
        change: x && y ? x.rank - y.rank : null,
      });
    }
  }
  const mag = (c: RankChange) => (c.change === null ? Number.POSITIVE_INFINITY : Math.abs(c.change));
  return out.sort((p, q) =>
    p.metric !== q.metric
      ? RANK_METRICS.indexOf(p.metric) - RANK_METRICS.indexOf(q.metric)
      : mag(q) - mag(p) || (p.id < q.id ? -1 : p.id > q.id ? 1 : 0),
  );
}

export function diffGraphs(before: Snapshot, after: Snapshot, options: ProjectionOptions = {}): GraphDiff {
  const d = diffSnapshots(before, after);
  const r = rankChanges(before, after, options);
  return {
    ...d,
    ranks: r,
    summary: {
      nodesAdded: d.nodes.added.length,
      nodesRemoved: d.nodes.removed.length,
      nodesChanged: d.nodes.changed.length,
      relationsAdded: d.relations.added.length,
      relationsRemoved: d.relations.removed.length,
      relationsChanged: d.relations.changed.length,
      rankChanges: r.length,
    },
  };
}

export type ChangeMark = 'added' | 'removed' | 'changed' | 'unchanged';

/**
 * The diff as a map: the union of both graphs in graphology JSON, every node and edge with `change` (added, removed,
 * changed, unchanged) and, when changed, `changedFields`. Removed records keep their last state.
 */
export function diffMap(
  after: Snapshot,
  diff: SnapshotDiff,
  attributes: Record<string, unknown> = {},
): SerializedGraph {
  const nodes = new Map(after.nodes.map((n) => [n.id, n]));
  for (const n of diff.nodes.removed) nodes.set(n.id, n);
  const relations = new Map(after.relations.map((r) => [r.id, r]));
  for (const r of diff.relations.removed) relations.set(r.id, r);
  const mark = (d: RecordDiff<{ id: string }>) => {
    const m = new Map<string, { change: ChangeMark; fields?: string[] }>();
    for (const x of d.added) m.set(x.id, { change: 'added' });
    for (const x of d.removed) m.set(x.id, { change: 'removed' });
    for (const x of d.changed) m.set(x.id, { change: 'changed', fields: x.fields.map((f) => f.field) });
    return m;
  };
  const nm = mark(diff.nodes);
  const rm = mark(diff.relations);
  const order = <T extends { id: string }>(xs: Iterable<T>) =>
    [...xs].sort((x, y) => (x.id < y.id ? -1 : x.id > y.id ? 1 : 0));
  const g = toSerializedGraph({ nodes: order(nodes.values()), relations: order(relations.values()) }, attributes);
  for (const n of g.nodes) {
    const m = nm.get(n.key);
    n.attributes.change = m?.change ?? 'unchanged';
    if (m?.fields) n.attributes.changedFields = m.fields;
  }
  for (const e of g.edges) {
    const m = rm.get(e.key);
    e.attributes.change = m?.change ?? 'unchanged';
    if (m?.fields) e.attributes.changedFields = m.fields;
  }
  return g;
}
