import { beforeAll, describe, expect, it } from 'vitest';
import { runPanel, type PanelResult } from '../../../core/analysis/panel.js';
import { networkxBatch, type OracleResult } from '../../helpers/networkx.js';
import {
  close,
  communitiesOf,
  loadReference,
  mismatches,
  oracleInput,
  toGraph,
  type ReferenceGraph,
} from './support.js';

/**
 * The reference graphs of analysis.md (c.1–c.4), unweighted, weighted and directed: every metric of the panel
 * against NetworkX 3.x computed by python3 in this test run, then against the values published in the brief.
 */

function withPucci(): ReferenceGraph {
  const ref = loadReference('florentine');
  return { ...ref, name: 'florentine+pucci', nodes: [...ref.nodes, { id: 'Pucci' }] };
}

const CASES: Array<{ label: string; ref: ReferenceGraph; weighted: boolean }> = [
  { label: 'Florentine families', ref: loadReference('florentine'), weighted: false },
  { label: 'Florentine families with the isolate Pucci', ref: withPucci(), weighted: false },
  { label: 'Krackhardt kite', ref: loadReference('kite'), weighted: false },
  { label: 'karate club, unweighted', ref: loadReference('karate'), weighted: false },
  { label: 'karate club, weighted (tie strengths)', ref: loadReference('karate'), weighted: true },
  { label: 'Borgatti 1997', ref: loadReference('borgatti'), weighted: false },
  { label: 'Borgatti 1997, weighted', ref: loadReference('borgatti-weighted'), weighted: true },
  { label: 'Borgatti 1997, directed', ref: loadReference('borgatti-directed'), weighted: false },
];

const ours = new Map<string, PanelResult>();
const theirs = new Map<string, OracleResult>();

beforeAll(() => {
  for (const c of CASES) ours.set(c.label, runPanel(toGraph(c.ref), { weight: c.weighted ? 'weight' : null }));
  const results = networkxBatch(
    CASES.map((c) => oracleInput(c.ref, c.weighted, { communities: communitiesOf(ours.get(c.label)!) })),
  );
  CASES.forEach((c, i) => theirs.set(c.label, results[i]));
}, 300_000);

describe('reference graphs: every metric equals NetworkX 3.x (rel 1e-6, abs 1e-9)', () => {
  for (const c of CASES) {
    it(c.label, () => {
      const r = ours.get(c.label)!;
      const nx = theirs.get(c.label)!;
      expect(mismatches(r, nx)).toEqual([]);
      expect(close(r.graph.modularity, nx.modularity)).toBe(true);
    });
  }
});

/** |actual − published| within half a unit of the published value's last decimal. */
function published(actual: number | null, value: number, decimals: number): void {
  expect(actual).not.toBeNull();
  expect(Math.abs(actual! - value)).toBeLessThanOrEqual(0.5 * 10 ** -decimals + 1e-12);
}

describe('published values (analysis.md)', () => {
  it('c.1 Florentine families', () => {
    const r = ours.get('Florentine families')!;
    const m = r.nodes.Medici;
    published(m.betweenness, 0.522, 3);
    published(m.betweennessRaw, 47.5, 1);
    published(m.closeness, 0.56, 3);
    published(m.degreeCentrality, 0.429, 3);
    published(m.eigenvector, 0.4303, 4);
    published(m.pagerank, 0.1458, 4);
    published(m.constraint, 0.2099, 4);
    published(m.effectiveSize, 5.67, 2);
    published(m.efficiency, 0.944, 3);
    published(m.hierarchy, 0.0225, 4);
    published(r.nodes.Guadagni.betweenness, 0.255, 3);
    published(r.nodes.Albizzi.betweenness, 0.212, 3);
    published(r.nodes.Peruzzi.constraint, 0.6559, 4);
    published(r.nodes.Strozzi.hierarchy, 0.0431, 4);
    published(r.nodes.Pazzi.closeness, 0.286, 3);
    expect(r.nodes.Acciaiuoli.constraint).toBe(1);
    expect(r.nodes.Acciaiuoli.hierarchy).toBeNull();
    expect(r.nodes.Salviati.coreNumber).toBe(1);
    expect(r.nodes.Medici.coreNumber).toBe(2);
    published(r.graph.density, 0.1905, 4);
    expect(r.graph.diameter).toBe(5);
    published(r.graph.averagePathLength, 2.4857, 4);
    expect([...r.articulationPoints].sort()).toEqual(['Albizzi', 'Guadagni', 'Medici', 'Salviati']);
    expect(r.bridges.map((b) => [...b].sort().join('–')).sort()).toEqual([
      'Acciaiuoli–Medici',
      'Albizzi–Ginori',
      'Guadagni–Lamberteschi',
      'Medici–Salviati',
      'Pazzi–Salviati',
    ]);
  });

  it('c.1 with the isolate Pucci: normalisation and Wasserman–Faust closeness', () => {
    const r = ours.get('Florentine families with the isolate Pucci')!;
    published(r.nodes.Medici.betweenness, 0.4524, 4);
    published(r.nodes.Medici.closeness, 0.5227, 4);
    expect(r.nodes.Pucci.closeness).toBe(0);
    expect(r.nodes.Pucci.constraint).toBeNull();
    expect(r.nodes.Pucci.effectiveSize).toBeNull();
    expect(r.nodes.Pucci.eigenvector).toBe(0);
    expect(r.graph.components).toBe(2);
    expect(r.nodes.Pucci.removal.deltaComponents).toBe(-1);
  });

  it('c.2 Krackhardt kite', () => {
    const r = ours.get('Krackhardt kite')!;
    const names = ['Andre', 'Beverly', 'Carol', 'Diane', 'Ed', 'Fernando', 'Garth', 'Heather', 'Ike', 'Jane'];
    const raw = [0.833, 0.833, 0, 3.667, 0, 8.333, 8.333, 14.0, 8.0, 0];
    const norm = [0.023, 0.023, 0, 0.102, 0, 0.231, 0.231, 0.389, 0.222, 0];
    const clo = [0.529, 0.529, 0.5, 0.6, 0.5, 0.643, 0.643, 0.6, 0.429, 0.31];
    const eig = [0.3522, 0.3522, 0.2858, 0.481, 0.2858, 0.3977, 0.3977, 0.1959, 0.0481, 0.0112];
    const cores = [3, 3, 3, 3, 3, 3, 3, 2, 1, 1];
    const cons = [0.5412, 0.5412, 0.6641, 0.4702, 0.6641, 0.4451, 0.4451, 0.4311, 0.5, 1.0];
    const es = [2.0, 2.0, 1.0, 3.33, 1.0, 3.0, 3.0, 2.33, 2.0, 1.0];
    names.forEach((v, i) => {
      const m = r.nodes[v];
      published(m.betweennessRaw, raw[i], 3);
      published(m.betweenness, norm[i], 3);
      published(m.closeness, clo[i], 3);
      published(m.eigenvector, eig[i], 4);
      expect(m.coreNumber).toBe(cores[i]);
      published(m.constraint, cons[i], 4);
      published(m.effectiveSize, es[i], 2);
    });
    published(r.nodes.Diane.degreeCentrality, 0.667, 3);
    expect(r.articulationPoints).toEqual(['Heather', 'Ike']);
    expect(r.bridges).toEqual([
      ['Heather', 'Ike'],
      ['Ike', 'Jane'],
    ]);
    published(r.graph.density, 0.4, 4);
    expect(r.graph.diameter).toBe(4);
  });

  it('c.3 karate club', () => {
    const r = ours.get('karate club, unweighted')!;
    const n = r.nodes;
    published(n['0'].betweennessRaw, 231.071, 3);
    published(n['33'].betweennessRaw, 160.552, 3);
    published(n['32'].betweennessRaw, 76.69, 3);
    published(n['0'].betweenness, 0.4376, 4);
    published(n['0'].closeness, 0.569, 4);
    published(n['2'].closeness, 0.5593, 4);
    published(n['33'].eigenvector, 0.3734, 4);
    published(n['0'].eigenvector, 0.3555, 4);
    published(n['33'].pagerank, 0.1009, 4);
    published(n['0'].pagerank, 0.097, 4);
    expect(Math.max(...Object.values(n).map((m) => m.coreNumber))).toBe(4);
    published(n['0'].constraint, 0.1554, 4);
    published(n['33'].constraint, 0.1564, 4);
    expect(n['11'].constraint).toBe(1);
    published(n['33'].effectiveSize, 15.235, 3);
    published(n['0'].effectiveSize, 13.75, 2);
    expect(r.articulationPoints).toEqual(['0']);
    expect(r.bridges).toEqual([['0', '11']]);
    published(r.graph.density, 0.139, 4);
    expect(r.graph.diameter).toBe(5);
    published(r.graph.averagePathLength, 2.4082, 4);
    const meanClustering = Object.values(n).reduce((s, m) => s + m.clustering, 0) / 34;
    published(meanClustering, 0.5706, 4);
  });

  it('c.4 Borgatti 1997: unweighted, weighted and directed', () => {
    const u = ours.get('Borgatti 1997')!.nodes;
    published(u.G.effectiveSize, 4.67, 2);
    published(u.A.effectiveSize, 2.5, 2);
    published(u.C.effectiveSize, 1.0, 2);
    published(u.G.constraint, 0.4, 3);
    published(u.A.constraint, 0.595, 3);
    published(u.C.constraint, 1.0, 3);
    const w = ours.get('Borgatti 1997, weighted')!.nodes;
    published(w.G.constraint, 0.299, 3);
    published(w.A.constraint, 0.795, 3);
    published(w.C.constraint, 1, 3);
    published(w.G.effectiveSize, 5.47, 2);
    published(w.A.effectiveSize, 2.47, 2);
    published(w.C.effectiveSize, 1, 2);
    const d = ours.get('Borgatti 1997, directed')!.nodes;
    published(d['0'].constraint, 1.003, 3);
    published(d['1'].constraint, 1.003, 3);
    published(d['2'].constraint, 1.389, 3);
    published(d['0'].effectiveSize, 1.167, 3);
    published(d['1'].effectiveSize, 1.167, 3);
    published(d['2'].effectiveSize, 1, 3);
  });
});
