/**
 * /api/graph (graphology's serialisation) -> a graphology graph. Defensive: edges whose ends are missing, self
 * loops and duplicate keys are skipped and counted, so a bad record never blanks the map. The parsed attribute
 * objects become the graph's own (no copy): the payload is parsed for this graph and not used again.
 */
import { MultiGraph } from 'graphology';
import type { SerializedGraph } from '../api/types.js';

export type AtlasGraph = MultiGraph;

export interface LoadReport {
  skippedEdges: number;
  skippedNodes: number;
}

export function buildGraph(data: SerializedGraph): { graph: AtlasGraph; report: LoadReport } {
  const graph: AtlasGraph = new MultiGraph({ type: 'mixed', allowSelfLoops: false });
  const report: LoadReport = { skippedEdges: 0, skippedNodes: 0 };
  for (const n of data.nodes ?? []) {
    if (typeof n?.key !== 'string' || graph.hasNode(n.key)) {
      report.skippedNodes++;
      continue;
    }
    const attrs = n.attributes ?? {};
    if (typeof attrs.name !== 'string' || attrs.name === '') attrs.name = n.key;
    graph.addNode(n.key, attrs);
  }
  for (const e of data.edges ?? []) {
    if (!e || !graph.hasNode(e.source) || !graph.hasNode(e.target) || e.source === e.target || graph.hasEdge(e.key)) {
      report.skippedEdges++;
      continue;
    }
    const attrs = e.attributes ?? {};
    if (e.undirected) graph.addUndirectedEdgeWithKey(e.key, e.source, e.target, attrs);
    else graph.addDirectedEdgeWithKey(e.key, e.source, e.target, attrs);
  }
  return { graph, report };
}
