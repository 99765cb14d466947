/**
 * Recomputes what the map shows from the view state: visibility (filters), the highlight (path, finding,
 * focus or community). The encodings are derived by map/schemes.ts. Called whenever state, graph or analysis change.
 */
import { egoNetwork, shortestPath, type Highlight } from '../graph/ego.js';
import { metricValue } from '../analysis/metrics.js';
import { computeVisibility } from '../graph/filters.js';
import { LARGE_MAP_TIES, type AppContext } from './context.js';

export function recomputeVisibility(ctx: AppContext): void {
  if (!ctx.graph) return;
  const analysis = ctx.analysis;
  ctx.visibility = computeVisibility(ctx.graph, ctx.index, ctx.store.get().filters, (metric, node) =>
    metricValue(analysis, node, metric),
  );
  ctx.largeMap = ctx.graph.size - ctx.visibility.hiddenEdges.size > LARGE_MAP_TIES;
}

function findingHighlight(ctx: AppContext): Highlight | null {
  const g = ctx.graph;
  const f = ctx.finding;
  if (!g || !f) return null;
  const nodes = new Set(
    [...f.nodeIds, ...(f.missingTies ?? []).flatMap((m) => [m.from, m.to])].filter((n) => g.hasNode(n)),
  );
  const edges = new Set<string>();
  for (const n of nodes) g.forEachEdge(n, (e, _a, s, t) => nodes.has(s) && nodes.has(t) && edges.add(e));
  return { nodes, edges };
}

export function recomputeHighlight(ctx: AppContext): void {
  const g = ctx.graph;
  const s = ctx.store.get();
  ctx.highlight = null;
  ctx.highlightReason = null;
  if (!g) return;
  if (s.path && g.hasNode(s.path[0]) && g.hasNode(s.path[1])) {
    ctx.highlight = shortestPath(g, s.path[0], s.path[1], ctx.visibility) ?? {
      nodes: new Set(s.path),
      edges: new Set(),
    };
    ctx.highlightReason = 'path';
  } else if (ctx.finding) {
    ctx.highlight = findingHighlight(ctx);
    ctx.highlightReason = 'finding';
  } else if (s.focus && g.hasNode(s.focus)) {
    ctx.highlight = egoNetwork(g, s.focus, s.depth, ctx.visibility);
    ctx.highlightReason = 'focus';
  } else if (ctx.community !== null && ctx.analysis) {
    const nodes = new Set(
      Object.entries(ctx.analysis.nodes)
        .filter(([, m]) => m.community === ctx.community)
        .map(([id]) => id),
    );
    const edges = new Set<string>();
    for (const n of nodes)
      if (g.hasNode(n)) g.forEachEdge(n, (e, _a, a, b) => nodes.has(a) && nodes.has(b) && edges.add(e));
    ctx.highlight = { nodes, edges };
    ctx.highlightReason = 'community';
  }
}
