import { MultiDirectedGraph, MultiGraph, MultiUndirectedGraph, UndirectedGraph } from 'graphology';
import { describe, expect, it } from 'vitest';
import { compactGraph } from '../../../core/analysis/compact.js';
import { connectedComponents, stronglyConnectedComponents } from '../../../core/analysis/components.js';
import { coreNumber } from '../../../core/analysis/cores.js';
import { cutStructure } from '../../../core/analysis/cut-points.js';
import { AnalysisError } from '../../../core/analysis/errors.js';
import { METRICS } from '../../../core/analysis/registry.js';
import { runPanel } from '../../../core/analysis/panel.js';
import { networkx } from '../../helpers/networkx.js';
import { communitiesOf, gnp, loadReference, mismatches, toGraph } from './support.js';

const errorOf = (f: () => unknown): AnalysisError => {
  try {
    f();
  } catch (err) {
    return err as AnalysisError;
  }
  throw new Error('expected an error');
};

describe('bad input gives typed errors with a stable code', () => {
  const weighted = (w: unknown) => {
    const g = new UndirectedGraph();
    for (const v of ['Region', 'Kommun', 'Högskolan']) g.addNode(v);
    g.addEdge('Region', 'Kommun', { w: 1 });
    g.addEdge('Kommun', 'Högskolan', { w });
    return g;
  };

  it('invalid_weight for zero, negative, non-numeric and missing strengths, naming the edge', () => {
    for (const bad of [0, -2, 'heavy', Number.NaN, Infinity, undefined]) {
      const e = errorOf(() => runPanel(weighted(bad), { weight: 'w' }));
      expect(e).toBeInstanceOf(AnalysisError);
      expect(e.code).toBe('invalid_weight');
      expect(e.message).toContain('Kommun – Högskolan');
    }
    expect(runPanel(weighted('2.5'), { weight: 'w' }).nodes.Kommun.strength).toBe(3.5);
  });

  it('unknown_weight_attribute and unknown_partition_attribute', () => {
    expect(errorOf(() => runPanel(weighted(1), { weight: 'strength' })).code).toBe('unknown_weight_attribute');
    expect(errorOf(() => runPanel(toGraph(loadReference('kite')), { partition: 'sector' })).code).toBe(
      'unknown_partition_attribute',
    );
  });

  it('graph_too_large when a metric limit is exceeded', () => {
    const kite = toGraph(loadReference('kite'));
    const e = errorOf(() => runPanel(kite, { limits: { betweenness: { maxNodes: 5 } } }));
    expect(e.code).toBe('graph_too_large');
    expect(e.message).toContain('betweenness');
    expect(errorOf(() => runPanel(kite, { limits: { brokerage: { maxEdges: 10 } } })).code).toBe('graph_too_large');
  });

  it('invalid_parameter for a PageRank alpha outside (0, 1)', () => {
    expect(errorOf(() => runPanel(toGraph(loadReference('kite')), { alpha: 1 })).code).toBe('invalid_parameter');
  });
});

describe('progress and cancellation (for a Web Worker)', () => {
  it('reports increasing progress ending at 1', () => {
    const seen: number[] = [];
    runPanel(toGraph(gnp(200, 0.05, 3)), { onProgress: (f) => seen.push(f) });
    expect(seen.length).toBeGreaterThan(10);
    for (let i = 1; i < seen.length; i++) expect(seen[i]).toBeGreaterThanOrEqual(seen[i - 1]);
    expect(seen[seen.length - 1]).toBe(1);
  });

  it('stops with code "cancelled" when shouldCancel turns true, also inside the shortest-path loop', () => {
    let calls = 0;
    const e = errorOf(() => runPanel(toGraph(gnp(300, 0.05, 4)), { shouldCancel: () => ++calls > 5 }));
    expect(e.code).toBe('cancelled');
    expect(calls).toBe(6);
  });
});

describe('graph conventions', () => {
  it('merges parallel ties (strengths add up) and ignores self-loops, like NetworkX on the merged simple graph', () => {
    const g = new MultiUndirectedGraph();
    const ties: Array<[string, string, number]> = [
      ['a', 'b', 1],
      ['a', 'b', 2],
      ['b', 'c', 1],
      ['c', 'a', 4],
      ['c', 'd', 1],
      ['d', 'e', 2],
      ['e', 'c', 1],
      ['e', 'e', 5],
    ];
    for (const [u, v, w] of ties) {
      g.mergeNode(u);
      g.mergeNode(v);
      g.addEdge(u, v, { weight: w });
    }
    const r = runPanel(g, { weight: 'weight' });
    expect(r.warnings).toEqual(['1 self-loop(s) ignored.']);
    expect(r.graph.edges).toBe(6);
    const nx = networkx({
      directed: false,
      weighted: true,
      nodes: ['a', 'b', 'c', 'd', 'e'],
      edges: [
        ['a', 'b', 3],
        ['b', 'c', 1],
        ['c', 'a', 4],
        ['c', 'd', 1],
        ['d', 'e', 2],
        ['e', 'c', 1],
      ],
      communities: communitiesOf(r),
    });
    expect(mismatches(r, nx)).toEqual([]);
  });

  it('a mixed graph is analysed as directed (an undirected edge is two arcs) unless told otherwise', () => {
    const g = new MultiGraph();
    for (const v of ['a', 'b', 'c']) g.addNode(v);
    g.addDirectedEdge('a', 'b');
    g.addUndirectedEdge('b', 'c');
    const directed = runPanel(g);
    expect(directed.graph.directed).toBe(true);
    expect(directed.graph.edges).toBe(3);
    expect(directed.nodes.c.outDegree).toBe(1);
    const undirected = runPanel(g, { directed: false });
    expect(undirected.graph.directed).toBe(false);
    expect(undirected.graph.edges).toBe(2);
  });

  it('the empty graph and a single node do not crash', () => {
    const empty = runPanel(new UndirectedGraph());
    expect(empty.graph).toMatchObject({
      nodes: 0,
      edges: 0,
      components: 0,
      diameter: null,
      averagePathLength: null,
      modularity: null,
    });
    const one = new UndirectedGraph();
    one.addNode('solo');
    const r = runPanel(one);
    expect(r.nodes.solo).toMatchObject({
      degree: 0,
      degreeCentrality: 1,
      closeness: 0,
      constraint: null,
      eigenvector: 0,
      pagerank: 1,
    });
    expect(r.graph).toMatchObject({ diameter: 0, averagePathLength: 0, fragmentation: null });
  });
});

describe('linear-time pieces are iterative (no recursion) and handle 100,000 nodes', () => {
  it('cut structure, cores and components of a 100,000-node path', () => {
    const n = 100_000;
    const g = new UndirectedGraph();
    for (let i = 0; i < n; i++) g.addNode(String(i));
    for (let i = 1; i < n; i++) g.addEdge(String(i - 1), String(i));
    const c = compactGraph(g);
    const cut = cutStructure(c);
    expect(cut.articulation.reduce((s, x) => s + x, 0)).toBe(n - 2);
    expect(cut.bridges.length).toBe(n - 1);
    // Removing the middle node leaves the part below it (n/2 nodes) and the part above it (n/2 − 1 nodes).
    expect(cut.piecesAfterRemoval[n / 2]).toBe(2);
    expect(cut.pairsAfterRemoval[n / 2]).toBe((n / 2) * (n / 2 - 1) + (n / 2 - 1) * (n / 2 - 2));
    expect(cut.piecesAfterRemoval[0]).toBe(1);
    expect(coreNumber(c).every((k) => k === 1)).toBe(true);
    expect(connectedComponents(c).sizes).toEqual([n]);
    const d = new MultiDirectedGraph();
    for (let i = 0; i < n; i++) d.addNode(String(i));
    for (let i = 1; i < n; i++) d.addEdge(String(i - 1), String(i));
    d.addEdge(String(n - 1), '0');
    expect(stronglyConnectedComponents(compactGraph(d)).sizes).toEqual([n]);
  });
});

describe('metric registry', () => {
  it('describes every output of the panel with Swedish and English labels', () => {
    const r = runPanel(toGraph(loadReference('kite')), { partition: 'group' });
    const declared = new Set(METRICS.flatMap((m) => m.outputs.map((o) => o.id)));
    const node = r.nodes.Andre;
    for (const [k, v] of Object.entries(node)) {
      if (typeof v === 'object' && v !== null)
        for (const sub of Object.keys(v)) expect(declared, `${k}.${sub}`).toContain(`${k}.${sub}`);
      else expect(declared, k).toContain(k);
    }
    for (const k of [
      'density',
      'components',
      'diameter',
      'averagePathLength',
      'modularity',
      'degreeCentralisation',
      'fragmentation',
    ])
      expect(declared).toContain(k);
    for (const m of METRICS) {
      expect(m.label.sv.length * m.label.en.length * m.description.sv.length * m.description.en.length).toBeGreaterThan(
        0,
      );
      expect(m.formula.length).toBeGreaterThan(0);
      expect(m.reference.length).toBeGreaterThan(0);
      for (const o of m.outputs) expect(o.label.sv.length * o.label.en.length).toBeGreaterThan(0);
    }
    expect(new Set(METRICS.map((m) => m.id)).size).toBe(METRICS.length);
  });

  it('path metrics read weights as distances (1/strength), the others as strengths', () => {
    const meaning = Object.fromEntries(METRICS.map((m) => [m.id, m.weightMeaning]));
    for (const id of ['betweenness', 'closeness', 'harmonic', 'diameter', 'averagePathLength'])
      expect(meaning[id]).toBe('distance');
    for (const id of ['pagerank', 'eigenvector', 'clustering', 'constraint', 'effectiveSize', 'modularity'])
      expect(meaning[id]).toBe('strength');
  });
});
