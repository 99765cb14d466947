import { EVIDENCE_LEVELS, type Snapshot } from '../../core/model/records.js';
import type { EdgeColorBy } from '../../core/render/encode.js';
import { defaultMapView, viewFromState, type ExportView, type MapViewState } from '../../core/render/view.js';
import type { GraphStore } from '../store/graph-store.js';

/** What an export request may give; each replaces the saved view's setting of the same name. */
export interface ViewFilters {
  kinds?: string[];
  orgTypes?: string[];
  municipalities?: string[];
  sectors?: string[];
  relationTypes?: string[];
  asOf?: string;
  evidence?: string[];
  colorBy?: string;
  sizeBy?: string;
  edgeColorBy?: EdgeColorBy;
  focus?: string;
  depth?: 1 | 2;
}

const LIST_FILTERS = ['kinds', 'orgTypes', 'municipalities', 'sectors', 'relationTypes', 'evidence'] as const;

export type ViewSnapshot =
  | { ok: true; snapshot: Snapshot; view: ExportView; viewName?: string }
  | { ok: false; reason: 'no_view'; viewName: string }
  | { ok: false; reason: 'bad_evidence'; values: string[] };

export type ExportViewOf =
  | { ok: true; view: ExportView; viewName?: string }
  | { ok: false; reason: 'no_view'; viewName: string }
  | { ok: false; reason: 'bad_evidence'; values: string[] };

/**
 * The view an export or report shows: a saved view's encodings, focus, filters and positions with the request's
 * filters over its own. Small (no graph read), so the API decides on it before any heavy work.
 */
export async function exportViewOf(
  store: GraphStore,
  viewName: string | undefined,
  given: ViewFilters,
): Promise<ExportViewOf> {
  let view: ExportView = {};
  if (viewName) {
    const v = await store.getView(viewName);
    if (!v) return { ok: false, reason: 'no_view', viewName };
    view = viewFromState(v.state);
  }
  const state = withRequest(view.state ?? defaultMapView(), given);
  const bad = state.filters.evidence?.filter((e) => !(EVIDENCE_LEVELS as readonly string[]).includes(e)) ?? [];
  if (bad.length > 0) return { ok: false, reason: 'bad_evidence', values: bad };
  return { ok: true, view: { ...view, state }, ...(viewName ? { viewName } : {}) };
}

/**
 * What an export or report shows: the whole graph (as the screen loads it) and the view that picks from it (see
 * exportViewOf). Shared by the API and the CLI so both show the same.
 */
export async function viewSnapshot(
  store: GraphStore,
  viewName: string | undefined,
  given: ViewFilters,
): Promise<ViewSnapshot> {
  const found = await exportViewOf(store, viewName, given);
  if (!found.ok) return found;
  return { ...found, snapshot: await store.snapshot({}) };
}

/** A view state with the request's settings over its own. */
function withRequest(state: MapViewState, given: ViewFilters): MapViewState {
  const filters = { ...state.filters };
  for (const key of LIST_FILTERS) if (given[key]) filters[key] = given[key] ?? null;
  if (given.asOf) filters.asOf = given.asOf;
  return {
    colorBy: given.colorBy ?? state.colorBy,
    sizeBy: given.sizeBy ?? state.sizeBy,
    edgeColorBy: given.edgeColorBy ?? state.edgeColorBy,
    filters,
    focus: given.focus ?? state.focus,
    depth: given.depth ?? state.depth,
  };
}
