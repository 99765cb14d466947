import { MultiDirectedGraph } from 'graphology';
import forceAtlas2Module from 'graphology-layout-forceatlas2';
import type { Snapshot } from '../model/records.js';

// The package is CommonJS: under Node's ESM the default import is `module.exports` (named imports fail there),
// under a bundler it may be wrapped in `default`. The typings describe neither, hence the cast.
const forceAtlas2 = ((forceAtlas2Module as unknown as { default?: unknown }).default ??
  forceAtlas2Module) as unknown as {
  assign(
    graph: MultiDirectedGraph,
    params: { iterations: number; settings: Record<string, unknown>; getEdgeWeight: string },
  ): void;
  inferSettings(graph: MultiDirectedGraph): Record<string, unknown>;
};

/** A deterministic layout: nodes on a circle in id order, then ForceAtlas2 for a fixed number of iterations. */
export function defaultLayout(snapshot: Snapshot, iterations = 300): Record<string, { x: number; y: number }> {
  const g = new MultiDirectedGraph();
  const ids = [...snapshot.nodes.map((n) => n.id)].sort();
  ids.forEach((id, i) => {
    const a = (2 * Math.PI * i) / Math.max(1, ids.length);
    g.addNode(id, { x: 100 * Math.cos(a), y: 100 * Math.sin(a) });
  });
  for (const r of snapshot.relations)
    if (g.hasNode(r.from) && g.hasNode(r.to) && r.from !== r.to) g.addEdge(r.from, r.to, { weight: r.weight });
  if (g.order > 1 && g.size > 0) {
    const settings = {
      ...forceAtlas2.inferSettings(g),
      strongGravityMode: true,
      gravity: 0.5,
      scalingRatio: 20,
      barnesHutOptimize: g.order > 800,
    };
    forceAtlas2.assign(g, { iterations, settings, getEdgeWeight: 'weight' });
  }
  const out: Record<string, { x: number; y: number }> = {};
  g.forEachNode((id, a) => {
    out[id] = { x: a.x as number, y: a.y as number };
  });
  return out;
}
