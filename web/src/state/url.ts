/**
 * The view state in the URL, so any map can be sent as a link: filters, encodings, focus, path and camera.
 * Lists are comma-separated; "-" stands for an empty list (nothing selected).
 */
import {
  defaultViewState,
  emptyFilters,
  type CameraView,
  type EdgeColorBy,
  type Filters,
  type ViewState,
} from './types.js';

const FILTER_PARAMS: Record<Exclude<keyof Filters, 'asOf' | 'range'>, string> = {
  kinds: 'kinds',
  orgTypes: 'types',
  municipalities: 'mun',
  sectors: 'sec',
  relationTypes: 'rel',
  evidence: 'ev',
};

const list = (v: string[]): string => (v.length === 0 ? '-' : v.map(encodeURIComponent).join(','));
const parseList = (s: string | null): string[] | null =>
  s === null ? null : s === '-' ? [] : s.split(',').filter(Boolean).map(decodeURIComponent);

/** "degree:3" → degree ≥ 3 (the range filter). */
function parseRange(s: string | null): Filters['range'] {
  const m = s ? /^([A-Za-z][\w.]*):(-?\d+(?:\.\d+)?)$/.exec(s) : null;
  return m ? { metric: m[1], min: Number(m[2]) } : null;
}

function num(s: string | undefined): number | null {
  const n = Number(s);
  return s !== undefined && s !== '' && Number.isFinite(n) ? n : null;
}

export function encodeCamera(c: CameraView): string {
  return [c.x, c.y, c.ratio, c.angle].map((v) => Number(v.toFixed(5))).join(',');
}

export function decodeCamera(s: string | null): CameraView | null {
  if (!s) return null;
  const [x, y, ratio, angle] = s.split(',').map((p) => num(p));
  if (x === null || y === null || ratio === null || ratio === undefined || ratio <= 0) return null;
  return { x, y: y ?? 0, ratio, angle: angle ?? 0 };
}

/** ViewState -> query string (only what differs from the default). */
export function toQuery(state: ViewState, lang: string): string {
  const d = defaultViewState();
  const p = new URLSearchParams();
  if (state.view) p.set('view', state.view);
  if (lang !== 'sv') p.set('lang', lang);
  if (state.mode !== d.mode) p.set('mode', state.mode);
  if (state.colorBy !== d.colorBy) p.set('color', state.colorBy);
  if (state.sizeBy !== d.sizeBy) p.set('size', state.sizeBy);
  if (state.edgeColorBy !== d.edgeColorBy) p.set('edge', state.edgeColorBy);
  for (const [key, param] of Object.entries(FILTER_PARAMS) as [keyof typeof FILTER_PARAMS, string][]) {
    const v = state.filters[key];
    if (v !== null) p.set(param, list(v));
  }
  if (state.filters.asOf) p.set('asOf', state.filters.asOf);
  if (state.filters.range) p.set('min', `${state.filters.range.metric}:${state.filters.range.min}`);
  if (state.focus) p.set('focus', state.focus);
  if (state.depth !== 1) p.set('depth', String(state.depth));
  if (state.path) p.set('path', list(state.path));
  if (state.camera) p.set('cam', encodeCamera(state.camera));
  const s = p.toString();
  return s ? `?${s}` : '';
}

/** Query string -> ViewState (unknown or malformed values fall back to the defaults). */
export function fromQuery(search: string): { state: ViewState; lang: string | null } {
  const p = new URLSearchParams(search);
  const d = defaultViewState();
  const filters: Filters = emptyFilters();
  for (const [key, param] of Object.entries(FILTER_PARAMS) as [keyof typeof FILTER_PARAMS, string][]) {
    filters[key] = parseList(p.get(param));
  }
  const asOf = p.get('asOf');
  filters.asOf = asOf && /^\d{4}-\d{2}-\d{2}$/.test(asOf) ? asOf : null;
  filters.range = parseRange(p.get('min'));
  const edge = p.get('edge');
  const path = parseList(p.get('path'));
  const state: ViewState = {
    colorBy: p.get('color') ?? d.colorBy,
    sizeBy: p.get('size') ?? d.sizeBy,
    edgeColorBy: edge === 'type' || edge === 'evidence' || edge === 'role' ? (edge as EdgeColorBy) : d.edgeColorBy,
    filters,
    focus: p.get('focus'),
    depth: p.get('depth') === '2' ? 2 : 1,
    path: path && path.length === 2 ? [path[0], path[1]] : null,
    camera: decodeCamera(p.get('cam')),
    mode: p.get('mode') === 'table' ? 'table' : 'map',
    view: p.get('view'),
  };
  return { state, lang: p.get('lang') };
}
