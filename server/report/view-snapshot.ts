import { filterSnapshot } from '../../core/exchange/export.js';
import { viewFromState, type ExportView } from '../../core/exchange/view.js';
import { EVIDENCE_LEVELS, type Evidence, type Snapshot } from '../../core/model/records.js';
import type { GraphStore } from '../store/graph-store.js';

export interface ViewFilters {
  kinds?: string[];
  relationTypes?: string[];
  asOf?: string;
  evidence?: string[];
}

type SavedFilters = { [K in keyof ViewFilters]?: ViewFilters[K] | null };

export type ViewSnapshot =
  | { ok: true; snapshot: Snapshot; view?: ExportView; viewName?: string }
  | { ok: false; reason: 'no_view'; viewName: string }
  | { ok: false; reason: 'bad_evidence'; values: string[] };

/**
 * The snapshot an export or report shows: a saved view's positions, and its filters where the caller gives
 * none (kinds, relation types, as-of date, evidence). Shared by the API and the CLI so both show the same.
 */
export async function viewSnapshot(
  store: GraphStore,
  viewName: string | undefined,
  given: ViewFilters,
): Promise<ViewSnapshot> {
  let view: ExportView | undefined;
  let saved: SavedFilters = {};
  if (viewName) {
    const v = await store.getView(viewName);
    if (!v) return { ok: false, reason: 'no_view', viewName };
    view = viewFromState(v.state);
    saved = (v.state as { view?: { filters?: SavedFilters } } | null)?.view?.filters ?? {};
  }
  const kinds = given.kinds ?? saved.kinds ?? undefined;
  const relationTypes = given.relationTypes ?? saved.relationTypes ?? undefined;
  const asOf = given.asOf ?? saved.asOf ?? undefined;
  const evidence = given.evidence ?? saved.evidence ?? undefined;
  const bad = evidence?.filter((e) => !(EVIDENCE_LEVELS as readonly string[]).includes(e)) ?? [];
  if (bad.length > 0) return { ok: false, reason: 'bad_evidence', values: bad };
  const snapshot = filterSnapshot(await store.snapshot({ kinds, relationTypes, ...(asOf ? { asOf } : {}) }), {
    evidence: evidence as Evidence[] | undefined,
  });
  return { ok: true, snapshot, ...(view ? { view } : {}), ...(viewName ? { viewName } : {}) };
}
