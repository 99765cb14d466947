import {
  betweenness,
  closeness,
  degree as degreeCentrality,
  eigenvector,
} from 'graphology-metrics/centrality/index.js';
import type { Attributes } from 'graphology-types';
import { describe, expect, it } from 'vitest';
import { runPanel, type NodeMetrics } from '../../../core/analysis/panel.js';
import { loadReference, toGraph } from './support.js';

/**
 * A second oracle beside NetworkX (reference.test.ts): graphology-metrics, a separate JavaScript implementation,
 * on the same reference graphs. Degree, betweenness (normalised), closeness (Wasserman–Faust) and eigenvector
 * (L2) unweighted; betweenness and eigenvector weighted too, where graphology takes our distance 1/strength.
 * graphology-metrics has no weighted closeness, so that one rests on NetworkX alone.
 */

const TOLERANCE = { betweenness: 1e-9, closeness: 1e-9, degreeCentrality: 1e-12, eigenvector: 1e-6 };
type Compared = keyof typeof TOLERANCE;

function differences(ours: Record<string, NodeMetrics>, metric: Compared, theirs: Record<string, number>): string[] {
  return Object.entries(theirs)
    .filter(([node, value]) => !(Math.abs((ours[node][metric] ?? Number.NaN) - value) <= TOLERANCE[metric]))
    .map(([node, value]) => `${metric} ${node}: ours ${ours[node][metric]}, graphology ${value}`);
}

const UNWEIGHTED = ['florentine', 'kite', 'karate', 'borgatti', 'borgatti-directed'];
const WEIGHTED = ['karate', 'borgatti-weighted'];

describe('reference graphs against graphology-metrics', () => {
  for (const name of UNWEIGHTED) {
    it(`${name}, unweighted: degree, betweenness, closeness, eigenvector`, () => {
      const g = toGraph(loadReference(name));
      const ours = runPanel(g, { weight: null }).nodes;
      expect([
        ...differences(ours, 'degreeCentrality', degreeCentrality(g)),
        ...differences(ours, 'betweenness', betweenness(g, { normalized: true, getEdgeWeight: null })),
        ...differences(ours, 'closeness', closeness(g, { wassermanFaust: true })),
        ...differences(
          ours,
          'eigenvector',
          eigenvector(g, { getEdgeWeight: null, maxIterations: 1000, tolerance: 1e-12 }),
        ),
      ]).toEqual([]);
    });
  }

  for (const name of WEIGHTED) {
    it(`${name}, weighted: betweenness on distance 1/strength, eigenvector on strength`, () => {
      const g = toGraph(loadReference(name));
      const ours = runPanel(g, { weight: 'weight' }).nodes;
      const distance = (_edge: string, attrs: Attributes) => 1 / Number(attrs.weight ?? 1);
      expect([
        ...differences(ours, 'betweenness', betweenness(g, { normalized: true, getEdgeWeight: distance })),
        ...differences(
          ours,
          'eigenvector',
          eigenvector(g, { getEdgeWeight: 'weight', maxIterations: 1000, tolerance: 1e-12 }),
        ),
      ]).toEqual([]);
    });
  }

  it('would notice a difference', () => {
    const g = toGraph(loadReference('kite'));
    const ours = runPanel(g, { weight: null }).nodes;
    const shifted = Object.fromEntries(Object.entries(degreeCentrality(g)).map(([k, v]) => [k, v + 0.01]));
    expect(differences(ours, 'degreeCentrality', shifted)).toHaveLength(g.order);
  });
});
