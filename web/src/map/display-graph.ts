/**
 * What sigma draws on a large map: every node, but only the ties that can be seen (focus, path, finding or
 * community, or all of them on request). Sigma 4 processes, and draws every frame, each tie of its graph even
 * when a reducer hides it; on a 10k map that is most of the first-render and panning time. The app's graph stays
 * the source of truth: positions are copied over after a layout and back after a node drag.
 */
import { MultiGraph } from 'graphology';
import type { AppContext } from '../context/context.js';
import type { AtlasGraph } from '../graph/load.js';

/** Whether a tie is drawn: not filtered out, and on a large map only when highlighted or all ties are asked for. */
export function tieDrawable(ctx: AppContext, edge: string): boolean {
  if (ctx.visibility.hiddenEdges.has(edge)) return false;
  return !ctx.largeMap || ctx.showAllTies || (ctx.highlight?.edges.has(edge) ?? false);
}

export class DisplayGraph {
  readonly graph: AtlasGraph;

  constructor(
    private readonly ctx: AppContext,
    private readonly source: AtlasGraph,
  ) {
    this.graph = new MultiGraph({ type: 'mixed', allowSelfLoops: false });
    source.forEachNode((n, a) => this.graph.addNode(n, { ...a }));
    this.syncEdges();
  }

  /** Adds the ties that became drawable and drops the others (one pass over the source's ties). */
  syncEdges(): void {
    const g = this.graph;
    const drop: string[] = [];
    g.forEachEdge((e) => {
      if (!this.source.hasEdge(e) || !tieDrawable(this.ctx, e)) drop.push(e);
    });
    for (const e of drop) g.dropEdge(e);
    this.source.forEachEdge((e, a, s, t, _sa, _ta, undirected) => {
      if (g.hasEdge(e) || !tieDrawable(this.ctx, e)) return;
      if (undirected) g.addUndirectedEdgeWithKey(e, s, t, a);
      else g.addDirectedEdgeWithKey(e, s, t, a);
    });
  }

  /** Copies positions (and pins) from the source after a layout, in one update. */
  syncPositions(): void {
    const src = this.source;
    this.graph.updateEachNodeAttributes(
      (n, a) => {
        if (!src.hasNode(n)) return a;
        const s = src.getNodeAttributes(n);
        return { ...a, x: s.x, y: s.y, fixed: s.fixed };
      },
      { attributes: ['x', 'y'] },
    );
  }

  /** After a node drag in sigma: its new position back to the source. */
  copyBack(node: string): void {
    if (!this.graph.hasNode(node) || !this.source.hasNode(node)) return;
    const a = this.graph.getNodeAttributes(node);
    this.source.mergeNodeAttributes(node, { x: a.x, y: a.y });
  }
}
