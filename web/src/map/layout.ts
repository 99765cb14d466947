/**
 * The layout: ForceAtlas2 in graphology's Web Worker supervisor, then anti-overlap (Noverlap, also in a worker).
 * Pinned nodes carry `fixed: true`, which both layouts respect. Positions are written to the graph by the
 * supervisors; the caller saves them with the view.
 */
import fa2Import from 'graphology-layout-forceatlas2/worker.js';
import fa2Main from 'graphology-layout-forceatlas2';
import noverlapImport from 'graphology-layout-noverlap/worker.js';
import { MultiGraph } from 'graphology';
import type { AtlasGraph } from '../graph/load.js';

// The packages are CommonJS: depending on the loader the class is the default export or sits under `.default`.
type FA2Class = typeof fa2Import.default;
type NoverlapClass = typeof noverlapImport.default;
type FA2Layout = InstanceType<FA2Class>;
type NoverlapLayout = InstanceType<NoverlapClass>;
const cjs = <T>(mod: unknown): T => (mod as { default?: T }).default ?? (mod as T);
const FA2Layout = cjs<FA2Class>(fa2Import);
const NoverlapLayout = cjs<NoverlapClass>(noverlapImport);
const inferSettings = cjs<typeof fa2Main.default>(fa2Main).inferSettings;

export interface LayoutRun {
  promise: Promise<void>;
  stop: () => void;
}

/** Resolves when the predicate holds (checked every 50 ms). */
const until = (done: () => boolean) =>
  new Promise<void>((resolve) => {
    const tick = () => (done() ? resolve() : setTimeout(tick, 50));
    tick();
  });

/** Iterations of ForceAtlas2 for a graph of this size: many for small maps, fewer (Barnes–Hut) for large ones. */
export const fa2Iterations = (order: number): number => (order <= 500 ? 400 : order <= 2000 ? 250 : 150);
/** Wall-clock cap on ForceAtlas2, counted from its first iteration (ms). */
export const FA2_MAX_MS = 6000;

/**
 * A bare copy for the layout workers: positions, pins and weights only. The supervisors write every iteration
 * back node by node; on the copy that is cheap, while on the rendered graph each write would make sigma redo
 * work. Positions go to the rendered graph in one batch (see `sync`).
 */
function layoutCopy(graph: AtlasGraph): MultiGraph {
  const copy = new MultiGraph({ type: 'mixed', allowSelfLoops: false });
  graph.forEachNode((n, a) => copy.addNode(n, { x: a.x, y: a.y, ...(a.fixed ? { fixed: true } : {}) }));
  graph.forEachEdge((_e, a, s, t, _sa, _ta, undirected) => {
    const weight = typeof a.weight === 'number' && a.weight > 0 ? a.weight : 1;
    if (undirected) copy.addUndirectedEdge(s, t, { weight });
    else copy.addDirectedEdge(s, t, { weight });
  });
  return copy;
}

/** Copies positions from the layout copy to the rendered graph in one update (one event for sigma). */
function sync(copy: MultiGraph, graph: AtlasGraph): void {
  graph.updateEachNodeAttributes(
    (n, a) =>
      copy.hasNode(n)
        ? { ...a, x: copy.getNodeAttribute(n, 'x') as number, y: copy.getNodeAttribute(n, 'y') as number }
        : a,
    { attributes: ['x', 'y'] },
  );
}

/** Runs ForceAtlas2 for a while, then Noverlap until it converges (or a time cap). */
export function runLayout(
  graph: AtlasGraph,
  opts: { iterations?: number; nodeSize: (node: string) => number; onSync?: () => void },
): LayoutRun {
  const signal = { stopped: false };
  let fa2 = null as FA2Layout | null;
  let nov = null as NoverlapLayout | null;
  const stop = () => {
    signal.stopped = true;
    fa2?.stop();
    nov?.stop();
  };
  const promise = (async () => {
    if (graph.order === 0) return;
    const settings = {
      ...inferSettings(graph),
      linLogMode: true,
      outboundAttractionDistribution: true,
      scalingRatio: 4,
      adjustSizes: false,
      barnesHutOptimize: graph.order > 500,
    };
    const copy = layoutCopy(graph);
    // Live updates, rarer on larger maps (each one re-processes every node); very large maps get theirs at the end.
    const live = () => (sync(copy, graph), opts.onSync?.());
    const every = graph.order <= 1500 ? 1000 : 2500;
    const syncTimer = graph.order <= 5000 ? setInterval(live, every) : undefined;
    fa2 = new FA2Layout(copy, { settings, getEdgeWeight: 'weight' });
    // Count iterations (one worker message each) rather than time: the main thread may be busy (e.g. compiling
    // WebGL shaders) while the worker starts, and a fixed count makes the same input give the same layout.
    let iterations = 0;
    let firstAt = 0;
    const startedAt = performance.now();
    (fa2 as unknown as { worker: Worker }).worker.addEventListener('message', () => {
      iterations++;
      if (firstAt === 0) firstAt = performance.now();
    });
    fa2.start();
    const target = opts.iterations ?? fa2Iterations(graph.order);
    await until(() => {
      const now = performance.now();
      return (
        signal.stopped ||
        iterations >= target ||
        (firstAt > 0 && now - firstAt > FA2_MAX_MS) ||
        (firstAt === 0 && now - startedAt > 30_000)
      );
    });
    fa2.stop();
    document.body.dataset.layoutIterations = String(iterations);
    document.body.dataset.layoutMs = String(Math.round(performance.now() - (firstAt || startedAt)));
    fa2.kill();
    fa2 = null;
    clearInterval(syncTimer);
    live();
    if (signal.stopped) return;
    // Node sizes in graph units: the graph's extent spread over roughly 900 pixels.
    let minX = Infinity;
    let maxX = -Infinity;
    copy.forEachNode((_n, a) => {
      minX = Math.min(minX, a.x as number);
      maxX = Math.max(maxX, a.x as number);
    });
    const unit = (maxX - minX || 1) / 900;
    await new Promise<void>((resolve) => {
      const timer = setTimeout(() => {
        nov?.stop();
        resolve();
      }, 4000);
      nov = new NoverlapLayout(copy, {
        inputReducer: (key: string, attr: { x: number; y: number }) => ({
          x: attr.x,
          y: attr.y,
          size: opts.nodeSize(key) * unit,
        }),
        settings: { margin: 6 * unit, ratio: 1.1, speed: 3, gridSize: 20 },
        onConverged: () => {
          clearTimeout(timer);
          resolve();
        },
      });
      nov.start();
    });
    nov?.kill();
    nov = null;
    live();
  })();
  return { promise, stop };
}
