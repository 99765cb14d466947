/**
 * The encodings of a map view as data: which colour and size each node gets and which colour each edge gets,
 * from the view's "colour by", "size by" and "tie colour by" and the appearance table (core/look). The screen adds
 * labels to these for its legend; the SVG, PNG and PDF writers draw the same values.
 */
import type { AbstractGraph } from 'graphology-types';
import type { PanelResult } from '../analysis/panel.js';
import { RELATION_KINDS, relationKind } from '../model/catalogue/relation-kinds.js';
import { NONE, assignColors, type ColorAssignment } from '../look/colors.js';
import { actorGroupOf } from '../look/groups.js';
import { CATEGORICAL, EVIDENCE_COLORS, OTHER_COLOR, ROLE_COLORS } from '../look/palette.js';
import { NODE_SIZE, sizeScale, type SizeScale } from '../look/size.js';
import { facetValues, type NodeIndex, type Visibility } from '../graph/view-filters.js';

export type EdgeColorBy = 'role' | 'type' | 'evidence';

export interface EncodingInput {
  graph: AbstractGraph;
  index: NodeIndex;
  visibility: Visibility;
  analysis: PanelResult | null;
}

export interface NodeColoring {
  valueOf: (node: string) => string;
  colorOf: (node: string) => string;
  assignment: ColorAssignment;
  /** Visible nodes per value. */
  counts: Map<string, number>;
  /** Colours follow the fixed actor-group colours. */
  groups: boolean;
}

/** A node's value of a panel output (nested ids such as "brokerage.liaison" walk objects), or null. */
export function panelValue(result: PanelResult | null, node: string, id: string): number | null {
  const nm = result?.nodes[node];
  if (!nm) return null;
  let v: unknown = nm;
  for (const part of id.split('.')) v = v && typeof v === 'object' ? (v as Record<string, unknown>)[part] : undefined;
  return typeof v === 'number' && Number.isFinite(v) ? v : null;
}

/** The colour key of a node under a "colour by" (unknown keys fall back to the actor group). */
export function colorKey(input: EncodingInput, colorBy: string): (node: string) => string {
  const { graph, index, analysis } = input;
  if (colorBy === 'kind') return (n) => String(graph.getNodeAttribute(n, 'kind') ?? NONE);
  if (colorBy === 'municipality') return (n) => facetValues(index.municipalities, n)[0];
  if (colorBy === 'sector') return (n) => facetValues(index.sectors, n)[0];
  if (colorBy === 'community') return (n) => (analysis?.nodes[n] ? String(analysis.nodes[n].community) : NONE);
  if (colorBy.startsWith('attr:')) {
    const prop = colorBy.slice(5);
    return (n) => {
      const v: unknown = graph.getNodeAttribute(n, prop);
      return v === undefined || v === null || v === '' ? NONE : String(v);
    };
  }
  return (n) => actorGroupOf(graph.getNodeAttribute(n, 'kind'), graph.getNodeAttribute(n, 'orgType'));
}

const isGroupKey = (colorBy: string) =>
  !['kind', 'municipality', 'sector', 'community'].includes(colorBy) && !colorBy.startsWith('attr:');

export function nodeColoring(input: EncodingInput, colorBy: string): NodeColoring {
  const valueOf = colorKey(input, colorBy);
  const counts = new Map<string, number>();
  input.graph.forEachNode((n) => {
    if (input.visibility.hiddenNodes.has(n)) return;
    const v = valueOf(n);
    counts.set(v, (counts.get(v) ?? 0) + 1);
  });
  const groups = isGroupKey(colorBy);
  const assignment = assignColors(counts, groups);
  return { valueOf, colorOf: (n) => assignment.colorOf(valueOf(n)), assignment, counts, groups };
}

/** Ties of each node that the view shows (the map's degree). */
function visibleDegrees(graph: AbstractGraph, vis: Visibility): Map<string, number> {
  const deg = new Map<string, number>();
  graph.forEachEdge((e, _a, s, t) => {
    if (vis.hiddenEdges.has(e)) return;
    deg.set(s, (deg.get(s) ?? 0) + 1);
    deg.set(t, (deg.get(t) ?? 0) + 1);
  });
  return deg;
}

export interface NodeSizing {
  sizeOf: (node: string) => number;
  /** Null when all nodes are the same size (size by nothing, or no values). */
  scale: SizeScale | null;
  /** Visible nodes without a value (drawn at the minimum). */
  missing: number;
}

/**
 * Sizes by a measure: "degree" is the number of ties the map shows (networks and geography included, which the
 * actor analysis does not score); any other measure is the analysis output of that id.
 */
export function nodeSizing(input: EncodingInput, sizeBy: string): NodeSizing {
  const { graph, visibility, analysis } = input;
  if (sizeBy === 'none') return { sizeOf: () => NODE_SIZE.equal, scale: null, missing: 0 };
  const deg = sizeBy === 'degree' ? visibleDegrees(graph, visibility) : null;
  const value = (n: string): number | null => (deg ? (deg.get(n) ?? 0) : panelValue(analysis, n, sizeBy));
  const values: number[] = [];
  let missing = 0;
  graph.forEachNode((n) => {
    if (visibility.hiddenNodes.has(n)) return;
    const v = value(n);
    if (v === null) missing++;
    else values.push(v);
  });
  const scale = sizeScale(values);
  return { sizeOf: (n) => (scale ? scale.sizeOf(value(n)) : NODE_SIZE.min), scale, missing };
}

export interface EdgeColoring {
  valueOf: (edge: string) => string;
  colorOf: (edge: string) => string;
  colorOfValue: (value: string) => string;
  order: string[];
  counts: Map<string, number>;
}

export function edgeColoring(graph: AbstractGraph, vis: Visibility, by: EdgeColorBy): EdgeColoring {
  const valueOf = (e: string): string => {
    const type = String(graph.getEdgeAttribute(e, 'type') ?? '');
    if (by === 'evidence') return String(graph.getEdgeAttribute(e, 'evidence') ?? NONE);
    if (by === 'type') return type;
    return relationKind(type)?.role ?? 'structure';
  };
  const counts = new Map<string, number>();
  graph.forEachEdge((e) => {
    if (vis.hiddenEdges.has(e)) return;
    const v = valueOf(e);
    counts.set(v, (counts.get(v) ?? 0) + 1);
  });
  const colors = new Map<string, string>();
  if (by === 'type') {
    const types = RELATION_KINDS.map((k) => k.id).filter((id) => counts.has(id));
    types.forEach((id, i) => colors.set(id, i < CATEGORICAL.length ? CATEGORICAL[i] : OTHER_COLOR));
  } else for (const [k, c] of Object.entries(by === 'evidence' ? EVIDENCE_COLORS : ROLE_COLORS)) colors.set(k, c);
  const order = by === 'type' ? [...colors.keys()] : [...colors.keys()].filter((k) => counts.has(k));
  const colorOfValue = (v: string) => colors.get(v) ?? OTHER_COLOR;
  return { valueOf, colorOf: (e) => colorOfValue(valueOf(e)), colorOfValue, order, counts };
}
