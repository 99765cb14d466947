import { beforeAll, describe, expect, it } from 'vitest';
import { runPanel, type PanelResult } from '../../../core/analysis/panel.js';
import { networkxBatch, type OracleResult } from '../../helpers/networkx.js';
import { close, communitiesOf, gnp, mismatches, oracleInput, type ReferenceGraph } from './support.js';
import { toGraph } from './support.js';

/**
 * Seeded G(n, p) graphs, n ∈ {30, 80, 150} × p ∈ {0.03, 0.1, 0.3}, undirected and unweighted: sparse ones are
 * disconnected with isolates, dense ones are single components. Every metric is checked against NetworkX 3.x.
 */
const CASES: Array<{ label: string; ref: ReferenceGraph }> = [];
for (const n of [30, 80, 150])
  for (const p of [0.03, 0.1, 0.3])
    CASES.push({ label: `G(${n}, ${p})`, ref: gnp(n, p, 1000 * n + Math.round(100 * p)) });

const ours = new Map<string, PanelResult>();
const theirs = new Map<string, OracleResult>();

beforeAll(() => {
  for (const c of CASES) ours.set(c.label, runPanel(toGraph(c.ref)));
  const results = networkxBatch(
    CASES.map((c) => oracleInput(c.ref, false, { communities: communitiesOf(ours.get(c.label)!) })),
  );
  CASES.forEach((c, i) => theirs.set(c.label, results[i]));
}, 600_000);

describe('random undirected graphs: every metric equals NetworkX 3.x', () => {
  it('covers disconnected graphs with isolates and connected ones', () => {
    const sparse = ours.get('G(30, 0.03)')!;
    expect(sparse.graph.components).toBeGreaterThan(5);
    expect(Object.values(sparse.nodes).some((m) => m.degree === 0)).toBe(true);
    expect(ours.get('G(150, 0.3)')!.graph.components).toBe(1);
  });
  for (const c of CASES)
    it(c.label, () => {
      const r = ours.get(c.label)!;
      const nx = theirs.get(c.label)!;
      expect(mismatches(r, nx)).toEqual([]);
      expect(close(r.graph.modularity, nx.modularity)).toBe(true);
    });
});
