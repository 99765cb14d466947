/**
 * Derives the encodings (node colour and size, tie colour) from the view state into the context, after the
 * visibility and highlight (context/derive-state.ts) that they depend on.
 */
import type { AppContext } from '../context/context.js';
import { recomputeHighlight, recomputeVisibility } from '../context/derive-state.js';
import { colorScheme, edgeColorScheme, sizeScheme } from './encodings.js';

export function recomputeSchemes(ctx: AppContext): void {
  const g = ctx.graph;
  if (!g) return;
  const s = ctx.store.get();
  const ectx = { graph: g, index: ctx.index, analysis: ctx.analysis, visibility: ctx.visibility };
  ctx.schemes = {
    color: colorScheme(ectx, s.colorBy),
    size: sizeScheme(ectx, s.sizeBy),
    edge: edgeColorScheme(g, ctx.visibility, s.edgeColorBy),
  };
}

/** Everything, in order (a new graph); the caller draws the map and the panels. */
export function recomputeDerived(ctx: AppContext): void {
  recomputeVisibility(ctx);
  recomputeHighlight(ctx);
  recomputeSchemes(ctx);
}
