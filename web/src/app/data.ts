/**
 * Loading the graph: /api/graph, the shared base layout and (when the URL names one) a saved view. Positions
 * come from the saved view, then the base layout; nodes without one are placed next to their neighbours, and
 * a map without a stored layout gets one computed (ForceAtlas2 + Noverlap in workers) and saved for everyone.
 */
import { ApiError, api } from '../api/client.js';
import type { SavedView } from '../api/types.js';
import { buildIndex } from '../graph/derive.js';
import { buildGraph, type AtlasGraph } from '../graph/load.js';
import { applyPositions, readPositions, seedMissingPositions } from '../map/positions.js';
import type { SavedViewState } from '../state/types.js';
import type { AppContext } from '../context/context.js';
import { loadLayout, saveLayout } from '../api/layout-view.js';
import { canEdit } from '../api/session.js';

export interface LoadResult {
  graph: AtlasGraph;
  view: SavedView<SavedViewState> | null;
  /** The layout must be computed (none stored, or most nodes lack positions). */
  needsLayout: boolean;
  /** Some nodes were placed next to their neighbours: save the layout. */
  placedNew: number;
}

async function getView(name: string | null): Promise<SavedView<SavedViewState> | null> {
  if (!name) return null;
  try {
    return (await api.getView(name)) as SavedView<SavedViewState>;
  } catch (err) {
    if (err instanceof ApiError && err.status === 404) return null;
    throw err;
  }
}

/** Fetches everything and builds the graph with positions. */
export async function loadData(
  ctx: AppContext,
  viewName: string | null,
  previous: AtlasGraph | null,
): Promise<LoadResult> {
  const [data, layout, view] = await Promise.all([api.graph(), loadLayout(), getView(viewName)]);
  performance.mark('fetched'); // boot phases for test/bench/browser-profile.ts
  const { graph } = buildGraph(data);
  performance.mark('built');
  ctx.layoutVersion = layout?.version ?? null;
  const pinned = new Set<string>(view?.state?.pinned ?? layout?.pinned ?? []);
  // Positions: the view's own, else what is on screen now (after an edit), else the shared layout.
  let placed = 0;
  if (view?.state?.positions) placed += applyPositions(graph, view.state.positions);
  if (previous) placed += applyPositions(graph, readPositions(previous));
  if (layout) placed += applyPositions(graph, layout.positions);
  const hadPositions = placed > 0;
  const missing = seedMissingPositions(graph);
  for (const n of pinned) if (graph.hasNode(n)) graph.setNodeAttribute(n, 'fixed', true);
  ctx.pinned = new Set([...pinned].filter((n) => graph.hasNode(n)));
  ctx.graph = graph;
  ctx.index = buildIndex(graph);
  performance.mark('indexed');
  const needsLayout = graph.order > 0 && (!hadPositions || missing > graph.order * 0.5);
  return { graph, view, needsLayout, placedNew: needsLayout ? 0 : missing };
}

/** Saves the current positions as the shared base layout (If-Match on the version we know); editors only. */
export async function persistLayout(ctx: AppContext): Promise<void> {
  // A viewer may still drag or re-run the layout on screen; only an editor's layout is shared.
  if (!ctx.graph || !canEdit()) return;
  const v = await saveLayout(readPositions(ctx.graph), [...ctx.pinned], ctx.layoutVersion);
  if (v !== null) ctx.layoutVersion = v;
  else {
    // Someone saved a layout first: take theirs, so everyone sees the same map.
    const theirs = await loadLayout();
    if (theirs) {
      ctx.layoutVersion = theirs.version;
      applyPositions(ctx.graph, theirs.positions);
    }
  }
}
