import { beforeAll, describe, expect, it } from 'vitest';
import { runPanel, type PanelResult } from '../../../core/analysis/panel.js';
import { networkxBatch, type OracleResult } from '../../helpers/networkx.js';
import { close, communitiesOf, gnp, mismatches, oracleInput, toGraph, type ReferenceGraph } from './support.js';

/**
 * Weighted (integer strengths 1–4, so equal-length weighted paths occur), directed, and directed weighted seeded
 * random graphs of several sizes and densities, against NetworkX 3.x. Weighted path metrics use distance
 * 1/strength; PageRank, eigenvector, clustering, Burt's measures and modularity use the strengths.
 */
const CASES: Array<{ label: string; ref: ReferenceGraph; weighted: boolean }> = [];
const add = (n: number, p: number, seed: number, directed: boolean, weighted: boolean) =>
  CASES.push({
    label: `${directed ? 'directed' : 'undirected'} ${weighted ? 'weighted' : 'unweighted'} G(${n}, ${p})`,
    ref: gnp(n, p, seed, { directed, weighted }),
    weighted,
  });
for (const p of [0.03, 0.1, 0.3]) {
  add(30, p, 31 + p * 100, false, true);
  add(80, p, 81 + p * 100, false, true);
  add(30, p / 2, 37 + p * 100, true, false);
  add(80, p / 2, 87 + p * 100, true, false);
  add(30, p / 2, 39 + p * 100, true, true);
}
add(150, 0.03, 151, false, true);
add(150, 0.02, 153, true, false);
add(80, 0.05, 89, true, true);

const ours = new Map<string, PanelResult>();
const theirs = new Map<string, OracleResult>();

beforeAll(() => {
  for (const c of CASES) ours.set(c.label, runPanel(toGraph(c.ref), { weight: c.weighted ? 'weight' : null }));
  const results = networkxBatch(
    CASES.map((c) => oracleInput(c.ref, c.weighted, { communities: communitiesOf(ours.get(c.label)!) })),
  );
  CASES.forEach((c, i) => theirs.set(c.label, results[i]));
}, 600_000);

describe('random weighted and directed graphs: every metric equals NetworkX 3.x', () => {
  it('includes directed components that are not strongly connected (eigenvector null)', () => {
    const some = [...ours.values()].some(
      (r) => r.graph.directed && Object.values(r.nodes).some((m) => m.eigenvector === null),
    );
    expect(some).toBe(true);
  });
  for (const c of CASES)
    it(c.label, () => {
      const r = ours.get(c.label)!;
      const nx = theirs.get(c.label)!;
      expect(mismatches(r, nx)).toEqual([]);
      expect(close(r.graph.modularity, nx.modularity)).toBe(true);
    });
});
