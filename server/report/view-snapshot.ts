import { EVIDENCE_LEVELS, type Snapshot } from '../../core/model/records.js';
import { defaultMapView, viewFromState, type ExportView } from '../../core/render/view.js';
import type { GraphStore } from '../store/graph-store.js';

/** Filters an export request may give; each replaces the saved view's filter of the same name. */
export interface ViewFilters {
  kinds?: string[];
  relationTypes?: string[];
  asOf?: string;
  evidence?: string[];
}

export type ViewSnapshot =
  | { ok: true; snapshot: Snapshot; view: ExportView; viewName?: string }
  | { ok: false; reason: 'no_view'; viewName: string }
  | { ok: false; reason: 'bad_evidence'; values: string[] };

/**
 * What an export or report shows: the whole graph (as the screen loads it) and the view that picks from it, a
 * saved view's encodings, focus, filters and positions with the request's filters over its own. Shared by the API
 * and the CLI so both show the same.
 */
export async function viewSnapshot(
  store: GraphStore,
  viewName: string | undefined,
  given: ViewFilters,
): Promise<ViewSnapshot> {
  let view: ExportView = {};
  if (viewName) {
    const v = await store.getView(viewName);
    if (!v) return { ok: false, reason: 'no_view', viewName };
    view = viewFromState(v.state);
  }
  const state = view.state ?? defaultMapView();
  const filters = {
    ...state.filters,
    ...(given.kinds ? { kinds: given.kinds } : {}),
    ...(given.relationTypes ? { relationTypes: given.relationTypes } : {}),
    ...(given.asOf ? { asOf: given.asOf } : {}),
    ...(given.evidence ? { evidence: given.evidence } : {}),
  };
  const bad = filters.evidence?.filter((e) => !(EVIDENCE_LEVELS as readonly string[]).includes(e)) ?? [];
  if (bad.length > 0) return { ok: false, reason: 'bad_evidence', values: bad };
  const snapshot = await store.snapshot({});
  return { ok: true, snapshot, view: { ...view, state: { ...state, filters } }, ...(viewName ? { viewName } : {}) };
}
