import { readFileSync } from 'node:fs';
import { fileURLToPath } from 'node:url';
import { DirectedGraph, UndirectedGraph } from 'graphology';
import type { AbstractGraph } from 'graphology-types';
import { expect } from 'vitest';
import type { CompactGraph } from '../../../core/analysis/compact.js';
import type { PathOptions, PathResults } from '../../../core/analysis/centrality/paths.js';
import {
  connectedComponents,
  largestComponent,
  stronglyConnectedComponents,
} from '../../../core/analysis/components.js';
import { mulberry32 } from '../../../core/analysis/rng.js';
import type { OracleInput, OracleResult } from '../../helpers/networkx.js';
import type { PanelResult } from '../../../core/analysis/panel.js';

/** A reference graph as stored in fixtures/reference/*.json. */
export interface ReferenceGraph {
  name: string;
  directed: boolean;
  weighted: boolean;
  nodes: Array<{ id: string; [attr: string]: unknown }>;
  edges: Array<{ source: string; target: string; weight?: number }>;
}

export const FIXTURES = fileURLToPath(new URL('../../../fixtures/reference/', import.meta.url));

export function loadReference(name: string): ReferenceGraph {
  return JSON.parse(readFileSync(FIXTURES + name + '.json', 'utf8')) as ReferenceGraph;
}

export function toGraph(ref: ReferenceGraph): AbstractGraph {
  const g: AbstractGraph = ref.directed ? new DirectedGraph() : new UndirectedGraph();
  for (const { id, ...attrs } of ref.nodes) g.addNode(id, attrs);
  for (const e of ref.edges) g.addEdge(e.source, e.target, e.weight === undefined ? {} : { weight: e.weight });
  return g;
}

export function oracleInput(ref: ReferenceGraph, weighted: boolean, extra: Partial<OracleInput> = {}): OracleInput {
  return {
    directed: ref.directed,
    weighted,
    nodes: ref.nodes.map((n) => n.id),
    edges: ref.edges.map((e) => (weighted ? [e.source, e.target, e.weight ?? 1] : [e.source, e.target])),
    ...extra,
  };
}

/**
 * Seeded G(n, p): every pair (ordered if directed) is a tie with probability p. Weighted graphs draw integer
 * strengths 1–4, so equal-length weighted paths occur and the exact tie-handling is exercised.
 */
export function gnp(
  n: number,
  p: number,
  seed: number,
  options: { directed?: boolean; weighted?: boolean } = {},
): ReferenceGraph {
  const rng = mulberry32(seed);
  const nodes = Array.from({ length: n }, (_, i) => ({
    id: `v${i}`,
    group: ['edu', 'emp', 'pub', 'ngo'][Math.floor(rng() * 4)],
  }));
  const edges: ReferenceGraph['edges'] = [];
  for (let i = 0; i < n; i++)
    for (let j = options.directed ? 0 : i + 1; j < n; j++) {
      if (i === j) continue;
      if (rng() < p) {
        const e: ReferenceGraph['edges'][number] = { source: `v${i}`, target: `v${j}` };
        if (options.weighted) e.weight = 1 + Math.floor(rng() * 4);
        edges.push(e);
      }
    }
  return {
    name: `gnp-${n}-${p}-${seed}`,
    directed: !!options.directed,
    weighted: !!options.weighted,
    nodes,
    edges,
  };
}

/** Relative 1e-6, absolute 1e-9 near zero; null must match null. */
export function close(actual: number | null | undefined, expected: number | null | undefined): boolean {
  if (expected === null || expected === undefined) return actual === null || actual === undefined;
  if (actual === null || actual === undefined) return false;
  const diff = Math.abs(actual - expected);
  return diff <= 1e-9 || diff <= 1e-6 * Math.abs(expected);
}

export const NODE_METRICS = [
  'degree',
  'inDegree',
  'outDegree',
  'strength',
  'degreeCentrality',
  'betweenness',
  'betweennessRaw',
  'closeness',
  'harmonic',
  'eigenvector',
  'pagerank',
  'coreNumber',
  'clustering',
  'constraint',
  'effectiveSize',
  'efficiency',
  'hierarchy',
] as const;

export const REMOVAL_METRICS = [
  'componentsAfter',
  'deltaComponents',
  'fragmentationAfter',
  'deltaFragmentation',
] as const;

export const GRAPH_METRICS = [
  'nodes',
  'edges',
  'density',
  'components',
  'largestComponentSize',
  'diameter',
  'averagePathLength',
  'degreeCentralisation',
  'fragmentation',
] as const;

/** Every mismatch between the panel and NetworkX, as readable strings (empty = all agree). */
export function mismatches(ours: PanelResult, nx: OracleResult): string[] {
  const bad: string[] = [];
  for (const [id, expected] of Object.entries(nx.nodes)) {
    const actual = ours.nodes[id];
    if (!actual) {
      bad.push(`${id}: missing`);
      continue;
    }
    for (const k of NODE_METRICS)
      if (!close(actual[k], expected[k])) bad.push(`${id}.${k}: ours ${actual[k]} vs networkx ${expected[k]}`);
    for (const k of REMOVAL_METRICS)
      if (!close(actual.removal[k], expected.removal[k]))
        bad.push(`${id}.removal.${k}: ours ${actual.removal[k]} vs networkx ${expected.removal[k]}`);
  }
  if (Object.keys(ours.nodes).length !== Object.keys(nx.nodes).length) bad.push('node count differs');
  for (const k of GRAPH_METRICS)
    if (!close(ours.graph[k], nx.graph[k])) bad.push(`graph.${k}: ours ${ours.graph[k]} vs networkx ${nx.graph[k]}`);
  const ap = JSON.stringify(ours.articulationPoints);
  if (ap !== JSON.stringify(nx.articulationPoints))
    bad.push(`articulation points: ours ${ap} vs networkx ${JSON.stringify(nx.articulationPoints)}`);
  const br = JSON.stringify(ours.bridges);
  if (br !== JSON.stringify(nx.bridges)) bad.push(`bridges: ours ${br} vs networkx ${JSON.stringify(nx.bridges)}`);
  return bad;
}

/** The communities of a panel result as lists of node ids (for nx.community.modularity). */
export function communitiesOf(result: PanelResult): string[][] {
  const groups: string[][] = [];
  for (const [id, m] of Object.entries(result.nodes)) (groups[m.community] ??= []).push(id);
  return groups;
}

/** The path options the panel passes: the largest (strong) component marked for diameter and average distance. */
export function panelPathOptions(g: CompactGraph): PathOptions {
  const c = g.directed ? stronglyConnectedComponents(g) : connectedComponents(g);
  return { componentOf: c.of, component: largestComponent(c) };
}

/** Two path passes agree bit for bit: typed arrays compared element-wise with Object.is semantics. */
export function expectIdenticalPaths(a: PathResults, b: PathResults): void {
  expect(Array.from(a.betweenness)).toEqual(Array.from(b.betweenness));
  expect(Array.from(a.betweennessRaw)).toEqual(Array.from(b.betweennessRaw));
  expect(Array.from(a.closeness)).toEqual(Array.from(b.closeness));
  expect(Array.from(a.harmonic)).toEqual(Array.from(b.harmonic));
  expect(a.diameter).toBe(b.diameter);
  expect(a.averagePathLength).toBe(b.averagePathLength);
  expect(a.sources).toBe(b.sources);
}
