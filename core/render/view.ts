import { noFilters, type MetricRange, type ViewFilters } from '../graph/view-filters.js';
import type { EdgeColorBy } from './encode.js';

/** The parts of the web's view state that decide what the map draws (web/src/state/types.ts ViewState). */
export interface MapViewState {
  colorBy: string;
  sizeBy: string;
  edgeColorBy: EdgeColorBy;
  filters: ViewFilters;
  focus: string | null;
  depth: number;
}

export const defaultMapView = (): MapViewState => ({
  colorBy: 'actorGroup',
  sizeBy: 'degree',
  edgeColorBy: 'role',
  filters: noFilters(),
  focus: null,
  depth: 1,
});

/**
 * What a map view adds to an export: its encodings, filters and focus (`state`), positions, and fixed colours and
 * sizes of nodes (and of edges) where a state gives them. The web app keeps these in a saved view's `state`;
 * `viewFromState` reads the fields it recognises and ignores the rest.
 */
export interface ExportView {
  state?: MapViewState;
  positions?: Record<string, { x: number; y: number }>;
  nodeColors?: Record<string, string>;
  nodeSizes?: Record<string, number>;
  edgeColors?: Record<string, string>;
  edgeSizes?: Record<string, number>;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function numberMap(v: unknown): Record<string, number> | undefined {
  if (!isRecord(v)) return undefined;
  const out: Record<string, number> = {};
  for (const [k, x] of Object.entries(v)) if (typeof x === 'number' && Number.isFinite(x)) out[k] = x;
  return out;
}

function stringMap(v: unknown): Record<string, string> | undefined {
  if (!isRecord(v)) return undefined;
  const out: Record<string, string> = {};
  for (const [k, x] of Object.entries(v)) if (typeof x === 'string') out[k] = x;
  return out;
}

const stringList = (v: unknown): string[] | null =>
  Array.isArray(v) ? v.filter((x): x is string => typeof x === 'string') : null;

const metricRange = (v: unknown): MetricRange | null =>
  isRecord(v) && typeof v.metric === 'string' && typeof v.min === 'number' && Number.isFinite(v.min)
    ? { metric: v.metric, min: v.min }
    : null;

/** The encodings, filters and focus of a saved view's `view` object (anything missing keeps its default). */
export function mapViewFromState(v: unknown): MapViewState | undefined {
  if (!isRecord(v)) return undefined;
  const d = defaultMapView();
  const f = isRecord(v.filters) ? v.filters : {};
  const filters: ViewFilters = {
    kinds: stringList(f.kinds),
    orgTypes: stringList(f.orgTypes),
    municipalities: stringList(f.municipalities),
    sectors: stringList(f.sectors),
    relationTypes: stringList(f.relationTypes),
    evidence: stringList(f.evidence),
    asOf: typeof f.asOf === 'string' ? f.asOf : null,
    range: metricRange(f.range),
  };
  const edge = v.edgeColorBy;
  return {
    colorBy: typeof v.colorBy === 'string' ? v.colorBy : d.colorBy,
    sizeBy: typeof v.sizeBy === 'string' ? v.sizeBy : d.sizeBy,
    edgeColorBy: edge === 'type' || edge === 'evidence' ? edge : 'role',
    filters,
    focus: typeof v.focus === 'string' ? v.focus : null,
    depth: v.depth === 2 ? 2 : 1,
  };
}

function positionMap(v: unknown): Record<string, { x: number; y: number }> | undefined {
  if (!isRecord(v)) return undefined;
  const out: Record<string, { x: number; y: number }> = {};
  for (const [k, p] of Object.entries(v)) {
    if (Array.isArray(p) && typeof p[0] === 'number' && typeof p[1] === 'number') out[k] = { x: p[0], y: p[1] };
    else if (isRecord(p) && typeof p.x === 'number' && typeof p.y === 'number') out[k] = { x: p.x, y: p.y };
  }
  return out;
}

/**
 * Reads positions (`positions: {id: {x, y}}` or `{id: [x, y]}`), colours (`nodeColors` or `colors`) and sizes
 * (`nodeSizes` or `sizes`) from a saved view's state, wherever the state keeps them (top level or under `view`).
 */
export function viewFromState(state: unknown): ExportView {
  if (!isRecord(state)) return {};
  const s = isRecord(state.view) ? { ...state, ...state.view } : state;
  const view: ExportView = {};
  const mapState = mapViewFromState(state.view);
  if (mapState) view.state = mapState;
  const positions = positionMap(s.positions);
  const nodeColors = stringMap(s.nodeColors ?? s.colors);
  const nodeSizes = numberMap(s.nodeSizes ?? s.sizes);
  const edgeColors = stringMap(s.edgeColors);
  const edgeSizes = numberMap(s.edgeSizes);
  if (positions) view.positions = positions;
  if (nodeColors) view.nodeColors = nodeColors;
  if (nodeSizes) view.nodeSizes = nodeSizes;
  if (edgeColors) view.edgeColors = edgeColors;
  if (edgeSizes) view.edgeSizes = edgeSizes;
  return view;
}
