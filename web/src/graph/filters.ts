/**
 * Which nodes and edges the filters hide. The result is two sets read by the sigma reducers: filtering never
 * removes anything from the graph.
 */
import { NONE, type Filters } from '../state/types.js';
import { facetValues, type NodeIndex } from './derive.js';
import type { AtlasGraph } from './load.js';

export interface Visibility {
  hiddenNodes: Set<string>;
  hiddenEdges: Set<string>;
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

export function computeVisibility(graph: AtlasGraph, index: NodeIndex, f: Filters): Visibility {
  const hiddenNodes = new Set<string>();
  const hiddenEdges = new Set<string>();
  graph.forEachNode((node, a) => {
    const kind = String(a.kind ?? NONE);
    let ok = allows(f.kinds, kind);
    if (ok && kind === 'Organisation') ok = allows(f.orgTypes, typeof a.orgType === 'string' ? a.orgType : NONE);
    if (ok && f.municipalities) ok = allowsAny(f.municipalities, facetValues(index.municipalities, node));
    if (ok && f.sectors) ok = allowsAny(f.sectors, facetValues(index.sectors, node));
    if (!ok) hiddenNodes.add(node);
  });
  graph.forEachEdge((edge, a, source, target) => {
    let ok = !hiddenNodes.has(source) && !hiddenNodes.has(target);
    if (ok) ok = allows(f.relationTypes, String(a.type ?? NONE));
    if (ok) ok = allows(f.evidence, String(a.evidence ?? NONE));
    if (ok && f.asOf) ok = validOn(a.validFrom, a.validTo, f.asOf);
    if (!ok) hiddenEdges.add(edge);
  });
  return { hiddenNodes, hiddenEdges };
}

/** The earliest and latest dates in validFrom/validTo, for the time slider. */
export function dateRange(graph: AtlasGraph): { min: string; max: string } | null {
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
