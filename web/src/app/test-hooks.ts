/**
 * Read-only hooks for the end-to-end tests and the browser bench, as `window.__atlas`: where a node is drawn,
 * the camera, sigma itself (cost of each program per frame), a graph reload and live panning. Loaded only
 * when a driven browser asks for it (navigator.webdriver, set by playwright), so users never download it.
 */
import type { Runtime } from './runtime.js';

export interface AtlasHooks {
  reload: () => Promise<void>;
  nodeOnScreen: (node: string) => { x: number; y: number } | null;
  camera: () => unknown;
  /** The nodes the view's filters leave visible. */
  visibleNodes: () => string[];
  sigma: unknown;
  livePan: (on: boolean) => void;
}

export function installHooks(rt: Runtime, reload: () => Promise<void>): void {
  const hooks: AtlasHooks = {
    reload,
    nodeOnScreen: (node) => {
      const g = rt.ctx.graph;
      const sigma = rt.renderer?.sigma;
      if (!g?.hasNode(node) || !sigma) return null;
      const p = sigma.graphToViewport({
        x: g.getNodeAttribute(node, 'x') as number,
        y: g.getNodeAttribute(node, 'y') as number,
      });
      const r = rt.shell.mapContainer.getBoundingClientRect();
      return { x: r.left + p.x, y: r.top + p.y };
    },
    camera: () => rt.renderer?.sigma.getCamera().getState(),
    visibleNodes: () => rt.ctx.graph?.filterNodes((n) => !rt.ctx.visibility.hiddenNodes.has(n)) ?? [],
    get sigma() {
      return rt.renderer?.sigma;
    },
    // For the bench: redraw every frame while panning instead of moving the drawn picture.
    livePan: (on) => {
      if (rt.renderer) rt.renderer.livePan = on;
    },
  };
  (window as unknown as { __atlas?: AtlasHooks }).__atlas = hooks;
}
