import { readFileSync } from 'node:fs';
import { describe, expect, it } from 'vitest';
import { BROKERAGE_ROLES, type BrokerageRole } from '../../../core/analysis/brokerage.js';
import { runPanel } from '../../../core/analysis/panel.js';
import { close, FIXTURES, loadReference, toGraph, type ReferenceGraph } from './support.js';

/**
 * Gould–Fernandez brokerage has no NetworkX function. It is checked against (1) the kite values of analysis.md
 * c.2 and (2) R `sna::brokerage` (raw counts and z-scores) stored in fixtures/reference/brokerage-sna.json.
 */

type Counts = [number, number, number, number, number];

function counts(result: ReturnType<typeof runPanel>, id: string): Counts {
  const b = result.nodes[id].brokerage;
  return [b.coordinator, b.itinerant, b.representative, b.gatekeeper, b.liaison];
}

describe('Gould–Fernandez brokerage: Krackhardt kite (analysis.md c.2, R sna)', () => {
  const kite = toGraph(loadReference('kite'));

  it('partition {Andre..Ed}=1, {Fernando, Garth}=2, {Heather}=4, {Ike, Jane}=3', () => {
    const r = runPanel(kite, { partition: 'group' });
    const expected: Record<string, Counts> = {
      Andre: [2, 0, 1, 1, 0],
      Beverly: [2, 0, 1, 1, 0],
      Diane: [6, 0, 4, 4, 0],
      Fernando: [0, 0, 2, 2, 6],
      Garth: [0, 0, 2, 2, 6],
      Heather: [0, 0, 0, 0, 4],
      Ike: [0, 0, 1, 1, 0],
      Carol: [0, 0, 0, 0, 0],
      Ed: [0, 0, 0, 0, 0],
      Jane: [0, 0, 0, 0, 0],
    };
    for (const [id, c] of Object.entries(expected)) expect(counts(r, id), id).toEqual(c);
  });

  it('partition {A–E}=1, {F, G, H}=2, {I, J}=3', () => {
    const r = runPanel(kite, { partition: 'group2' });
    expect(counts(r, 'Fernando')).toEqual([0, 0, 5, 5, 0]);
    expect(counts(r, 'Heather')).toEqual([0, 0, 2, 2, 0]);
    expect(counts(r, 'Diane')).toEqual([6, 0, 4, 4, 0]);
  });

  it('undirected convention: each open two-path counted in both directions (representative = gatekeeper)', () => {
    const r = runPanel(kite, { partition: 'group' });
    for (const m of Object.values(r.nodes)) {
      expect(m.brokerage.representative).toBe(m.brokerage.gatekeeper);
      expect(m.brokerage.coordinator % 2).toBe(0);
      expect(m.brokerage.liaison % 2).toBe(0);
    }
  });

  it('without a partition everyone is in one group: only coordinator counts are non-zero', () => {
    const r = runPanel(kite);
    for (const m of Object.values(r.nodes)) {
      expect(m.brokerage.itinerant + m.brokerage.representative + m.brokerage.gatekeeper + m.brokerage.liaison).toBe(0);
    }
    // Diane's 6 coordinator paths + 4 representative + 4 gatekeeper under 'group' are all coordination here.
    expect(r.nodes.Diane.brokerage.coordinator).toBe(14);
  });
});

interface SnaCase {
  graph: string;
  directed: boolean;
  partition: string | null;
  nodes?: ReferenceGraph['nodes'];
  edges?: ReferenceGraph['edges'];
  values: Record<string, { raw: Record<BrokerageRole, number>; z: Record<BrokerageRole, number | null> }>;
}

describe('Gould–Fernandez brokerage: raw counts and z-scores equal R sna::brokerage', () => {
  const doc = JSON.parse(readFileSync(FIXTURES + 'brokerage-sna.json', 'utf8')) as { cases: SnaCase[] };
  for (const c of doc.cases) {
    it(`${c.graph}, ${c.directed ? 'directed' : 'undirected'}, partition ${c.partition ?? 'none'}`, () => {
      const ref: ReferenceGraph =
        c.nodes && c.edges
          ? { name: c.graph, directed: c.directed, weighted: false, nodes: c.nodes, edges: c.edges }
          : loadReference(c.graph);
      const r = runPanel(toGraph(ref), { partition: c.partition });
      const bad: string[] = [];
      for (const [id, expected] of Object.entries(c.values))
        for (const role of BROKERAGE_ROLES) {
          if (r.nodes[id].brokerage[role] !== expected.raw[role])
            bad.push(`${id}.${role}: ${r.nodes[id].brokerage[role]} vs sna ${expected.raw[role]}`);
          if (!close(r.nodes[id].brokerageZ[role], expected.z[role]))
            bad.push(`${id}.z.${role}: ${r.nodes[id].brokerageZ[role]} vs sna ${expected.z[role]}`);
        }
      expect(bad).toEqual([]);
      expect(Object.keys(c.values).length).toBe(ref.nodes.length);
    });
  }
});
