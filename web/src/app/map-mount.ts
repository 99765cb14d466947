/** The map on the page: a new sigma for each loaded graph, hover and drag, and the ForceAtlas2 layout run. */
import type { AppContext } from '../context/context.js';
import { runLayout } from '../map/layout.js';
import { MissingTiesOverlay } from '../map/overlay.js';
import { MapRenderer } from '../map/renderer.js';
import { clearHighlight, type Actions } from './actions.js';
import { persistLayout } from './data.js';
import { ui, type Runtime } from './runtime.js';

/** The nodes whose look depends on the hover: the hovered nodes and their neighbours. */
function hoverAffected(g: NonNullable<AppContext['graph']>, nodes: (string | null)[]): string[] {
  const out = new Set<string>();
  for (const n of nodes)
    if (n && g.hasNode(n)) {
      out.add(n);
      g.forEachNeighbor(n, (m) => void out.add(m));
    }
  return [...out];
}

/** Runs ForceAtlas2 + Noverlap in workers, then saves the layout for everyone (editors only). */
export async function relayout(rt: Runtime): Promise<void> {
  const { ctx } = rt;
  if (!ctx.graph || rt.layoutRun) return;
  const nodeSize = (n: string) => ctx.schemes?.size.sizeOf(n) ?? 5;
  rt.layoutRun = runLayout(ctx.graph, { nodeSize, onSync: () => rt.renderer?.syncPositions() });
  ui(rt).encodings.render();
  document.body.dataset.layout = 'running';
  await rt.layoutRun.promise;
  rt.layoutRun = null;
  document.body.dataset.layout = 'done';
  ui(rt).encodings.render();
  rt.renderer?.syncPositions();
  rt.renderer?.refresh();
  await persistLayout(ctx).catch(() => undefined);
  rt.renderer?.syncPositions(); // someone else's layout may have been taken
}

function onDragEnd(ctx: AppContext, n: string): void {
  ctx.pinned.add(n);
  ctx.graph?.setNodeAttribute(n, 'fixed', true);
  document.body.dataset.pinned = String(ctx.pinned.size);
  void persistLayout(ctx).catch(() => undefined);
}

/** A new sigma for the current graph (sigma 4.0.4's node drag keeps the graph it was created with). */
export function mountRenderer(rt: Runtime, actions: Actions): MapRenderer {
  const { ctx, shell } = rt;
  rt.renderer?.kill();
  shell.mapContainer.replaceChildren();
  const started = performance.now();
  const legend = ui(rt).legend.el;
  const renderer = new MapRenderer(
    ctx,
    shell.mapContainer,
    {
      onClickNode: actions.focus,
      onClickStage: () => clearHighlight(rt),
      onHover: (n) => {
        const prev = ctx.hovered;
        ctx.hovered = n;
        if (!ctx.highlight && ctx.graph) renderer.refreshNodes(hoverAffected(ctx.graph, [prev, n]));
      },
      onDragEnd: (n) => onDragEnd(ctx, n),
      onCamera: (camera) => ctx.store.set({ camera }),
      onFirstRender: () => {
        document.body.dataset.firstRenderMs = String(Math.round(performance.now() - started));
        document.body.dataset.firstRenderAt = String(Math.round(performance.now()));
        rt.firstFrameShown?.();
      },
    },
    // The legend covers the map's right side only where it floats over it (not under the map on a phone).
    () => (legend.offsetParent && getComputedStyle(legend).position === 'absolute' ? legend.offsetWidth + 12 : 0),
    ctx.store.get().camera,
  );
  rt.renderer = renderer;
  new MissingTiesOverlay(ctx, renderer.sigma, shell.mapContainer);
  return renderer;
}
