/**
 * What a map view shows of a graph (graphology, attributes as GET /api/graph gives them): which nodes and edges
 * its filters hide, and the municipality and sector of each node. The screen and the exports both use these, so
 * an export of a view holds exactly the nodes the map shows. Filtering never removes anything from the graph.
 */
import type { AbstractGraph } from 'graphology-types';
import { NONE } from '../look/colors.js';

/** The filters of a view: null = no restriction; otherwise the values that stay visible (NONE = value missing). */
export interface ViewFilters {
  kinds: string[] | null;
  orgTypes: string[] | null;
  municipalities: string[] | null;
  sectors: string[] | null;
  relationTypes: string[] | null;
  evidence: string[] | null;
  /** Only relations valid on this date, and nodes that existed by then (YYYY-MM-DD). */
  asOf: string | null;
  /** Only nodes whose value of a node measure of the metric registry is at least `min` (e.g. degree ≥ 3). */
  range: MetricRange | null;
}

/** A lower bound on a node measure; `metric` is an output id of the metric registry ("degree", "betweenness" …). */
export interface MetricRange {
  metric: string;
  min: number;
}

/** A node's value of a registry measure other than degree (from an analysis), or null when it has none. */
export type MetricOf = (metric: string, node: string) => number | null;

export const noFilters = (): ViewFilters => ({
  kinds: null,
  orgTypes: null,
  municipalities: null,
  sectors: null,
  relationTypes: null,
  evidence: null,
  asOf: null,
  range: null,
});

export interface Visibility {
  hiddenNodes: Set<string>;
  hiddenEdges: Set<string>;
}

export interface NodeIndex {
  municipalities: Map<string, Set<string>>;
  sectors: Map<string, Set<string>>;
}

function add(map: Map<string, Set<string>>, node: string, value: string): void {
  let s = map.get(node);
  if (!s) map.set(node, (s = new Set()));
  s.add(value);
}

/** Municipality and sector per node: from props, from the kind itself, and from LOCATED_IN / ACTIVE_IN ties. */
export function buildIndex(graph: AbstractGraph): NodeIndex {
  const municipalities = new Map<string, Set<string>>();
  const sectors = new Map<string, Set<string>>();
  graph.forEachNode((node, a) => {
    if (a.kind === 'Municipality') add(municipalities, node, node);
    if (typeof a.municipality === 'string') add(municipalities, node, a.municipality);
    else if (a.kind === 'Organisation' && a.orgType === 'kommun' && typeof a.kommunkod === 'string')
      add(municipalities, node, `kommun:${a.kommunkod}`);
    if (a.kind === 'Sector') add(sectors, node, node);
    if (typeof a.primarySni === 'string') add(sectors, node, `sni:${a.primarySni}`);
  });
  graph.forEachEdge((_e, a, source, target) => {
    if (a.type === 'LOCATED_IN') add(municipalities, source, target);
    if (a.type === 'ACTIVE_IN') add(sectors, source, target);
  });
  return { municipalities, sectors };
}

/** The values of a node for a multi-valued facet, or [NONE] when it has none. */
export function facetValues(index: Map<string, Set<string>>, node: string): string[] {
  const s = index.get(node);
  return s && s.size > 0 ? [...s] : [NONE];
}

const allows = (list: string[] | null, value: string): boolean => list === null || list.includes(value);
const allowsAny = (list: string[] | null, values: string[]): boolean =>
  list === null || values.some((v) => list.includes(v));

/** Is a relation valid on a date? Open ends (null) count as unbounded. */
export function validOn(validFrom: unknown, validTo: unknown, date: string): boolean {
  if (typeof validFrom === 'string' && validFrom > date) return false;
  if (typeof validTo === 'string' && validTo < date) return false;
  return true;
}

/** A node's own start (founded, valid from or certified from), if the record has one. */
function nodeStart(a: Record<string, unknown>): string | null {
  for (const k of ['founded', 'validFrom', 'certifiedFrom']) if (typeof a[k] === 'string') return a[k] as string;
  return null;
}

/**
 * Nodes that did not yet exist on a date: their own start is later, or every tie they have starts later (they
 * entered the network after the date). A node with an undated tie, or none, is taken to exist.
 */
function notYetOn(graph: AbstractGraph, date: string): Set<string> {
  const out = new Set<string>();
  const existed = new Set<string>();
  graph.forEachEdge((_e, a, source, target) => {
    const later = typeof a.validFrom === 'string' && a.validFrom > date;
    for (const n of [source, target]) if (!later) existed.add(n);
  });
  graph.forEachNode((node, a) => {
    const start = nodeStart(a);
    if ((start !== null && start > date) || (graph.degree(node) > 0 && !existed.has(node))) out.add(node);
  });
  return out;
}

/**
 * What a view's filters hide. `metricOf` gives the values of a range filter's measure (from an analysis);
 * degree is counted here as the map counts it: the ties the view shows.
 */
export function computeVisibility(
  graph: AbstractGraph,
  index: NodeIndex,
  f: ViewFilters,
  metricOf: MetricOf = () => null,
): Visibility {
  const hiddenNodes = f.asOf ? notYetOn(graph, f.asOf) : new Set<string>();
  const hiddenEdges = new Set<string>();
  graph.forEachNode((node, a) => {
    const kind = String(a.kind ?? NONE);
    let ok = allows(f.kinds, kind);
    if (ok && kind === 'Organisation') ok = allows(f.orgTypes, typeof a.orgType === 'string' ? a.orgType : NONE);
    if (ok && f.municipalities) ok = allowsAny(f.municipalities, facetValues(index.municipalities, node));
    if (ok && f.sectors) ok = allowsAny(f.sectors, facetValues(index.sectors, node));
    if (!ok) hiddenNodes.add(node);
  });
  const edgeShown = (a: Record<string, unknown>, source: string, target: string): boolean =>
    !hiddenNodes.has(source) &&
    !hiddenNodes.has(target) &&
    allows(f.relationTypes, String(a.type ?? NONE)) &&
    allows(f.evidence, String(a.evidence ?? NONE)) &&
    (!f.asOf || validOn(a.validFrom, a.validTo, f.asOf));
  graph.forEachEdge((edge, a, source, target) => {
    if (!edgeShown(a, source, target)) hiddenEdges.add(edge);
  });
  if (f.range) applyRange(graph, f.range, metricOf, hiddenNodes, hiddenEdges);
  return { hiddenNodes, hiddenEdges };
}

/** Hides the shown nodes below the range's bound (and their ties); a node without a value is hidden too. */
function applyRange(
  graph: AbstractGraph,
  range: MetricRange,
  metricOf: MetricOf,
  hiddenNodes: Set<string>,
  hiddenEdges: Set<string>,
): void {
  const degree = new Map<string, number>();
  if (range.metric === 'degree')
    graph.forEachEdge((edge, _a, source, target) => {
      if (hiddenEdges.has(edge)) return;
      degree.set(source, (degree.get(source) ?? 0) + 1);
      degree.set(target, (degree.get(target) ?? 0) + 1);
    });
  const below = new Set<string>();
  graph.forEachNode((node) => {
    if (hiddenNodes.has(node)) return;
    const v = range.metric === 'degree' ? (degree.get(node) ?? 0) : metricOf(range.metric, node);
    if (v === null || v < range.min) below.add(node);
  });
  for (const n of below) {
    hiddenNodes.add(n);
    graph.forEachEdge(n, (edge) => void hiddenEdges.add(edge));
  }
}

/** The earliest and latest dates in validFrom/validTo, for the time slider. */
export function dateRange(graph: AbstractGraph): { min: string; max: string } | null {
  let min: string | null = null;
  let max: string | null = null;
  graph.forEachEdge((_e, a) => {
    for (const d of [a.validFrom, a.validTo]) {
      if (typeof d !== 'string' || !/^\d{4}-\d{2}-\d{2}$/.test(d)) continue;
      if (min === null || d < min) min = d;
      if (max === null || d > max) max = d;
    }
  });
  return min !== null && max !== null ? { min, max } : null;
}
