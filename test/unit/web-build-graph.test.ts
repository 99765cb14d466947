import { describe, expect, it } from 'vitest';
import type { SerializedGraph } from '../../web/src/api/types.js';
import { buildGraph } from '../../web/src/graph/load.js';

const node = (key: unknown, name = `N ${String(key)}`) => ({ key, attributes: { name } });
const edge = (key: string, source: string, target: string, undirected = false) => ({
  key,
  source,
  target,
  ...(undirected ? { undirected: true } : {}),
  attributes: { type: 'COLLABORATES_WITH' },
});

describe('buildGraph (the map loading /api/graph)', () => {
  it('skips and counts bad records instead of failing the whole map', () => {
    const data = {
      attributes: {},
      options: { type: 'mixed', multi: true, allowSelfLoops: false },
      nodes: [node('a'), node('b'), node('a', 'duplicate'), node(42), null, node('c', '')],
      edges: [
        edge('e1', 'a', 'b'),
        edge('e2', 'a', 'b', true), // a second tie between the same pair (a multigraph)
        edge('e1', 'b', 'a'), // duplicate key
        edge('e3', 'a', 'missing'),
        edge('e4', 'b', 'b'), // self loop
        null,
      ],
    } as unknown as SerializedGraph;
    const { graph, report } = buildGraph(data);
    expect(report).toEqual({ skippedNodes: 3, skippedEdges: 4 });
    expect(graph.nodes().sort()).toEqual(['a', 'b', 'c']);
    expect(graph.getNodeAttribute('a', 'name')).toBe('N a');
    expect(graph.getNodeAttribute('c', 'name')).toBe('c'); // an empty name shows the key
    expect(graph.edges().sort()).toEqual(['e1', 'e2']);
    expect(graph.isUndirected('e2')).toBe(true);
    expect(graph.isDirected('e1')).toBe(true);
  });
});
