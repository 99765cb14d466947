import { describe, expect, it } from 'vitest';
import { MultiGraph } from 'graphology';
import { buildIndex, computeVisibility, noFilters } from '../../core/graph/view-filters.js';

/** A small network: an old tie, a tie that starts in 2022, a network certified in 2021 and an undated tie. */
function network() {
  const g = new MultiGraph({ type: 'mixed' });
  g.addNode('org:a', { kind: 'Organisation', orgType: 'kommun' });
  g.addNode('org:b', { kind: 'Organisation', orgType: 'arbetsgivare' });
  g.addNode('org:new', { kind: 'Organisation', orgType: 'arbetsgivare' });
  g.addNode('nw:college', { kind: 'Network', certifiedFrom: '2021-06-01' });
  g.addNode('org:lonely', { kind: 'Organisation', orgType: 'ideell' });
  g.addNode('org:undated', { kind: 'Organisation', orgType: 'ideell' });
  g.addEdgeWithKey('r1', 'org:a', 'org:b', { type: 'COLLABORATES_WITH', validFrom: '2010-01-01' });
  g.addEdgeWithKey('r2', 'org:new', 'org:a', { type: 'COLLABORATES_WITH', validFrom: '2022-03-01' });
  g.addEdgeWithKey('r3', 'org:b', 'nw:college', { type: 'MEMBER_OF', validFrom: '2012-01-01' });
  g.addEdgeWithKey('r4', 'org:undated', 'org:a', { type: 'COLLABORATES_WITH' });
  return g;
}

describe('view filters', () => {
  it('the date filter hides nodes that did not yet exist, not only their ties', () => {
    const g = network();
    const vis = computeVisibility(g, buildIndex(g), { ...noFilters(), asOf: '2015-01-01' });
    // org:new enters with its 2022 tie; the college is certified in 2021; nodes without ties or with an undated
    // tie are taken to exist (no date says otherwise).
    expect([...vis.hiddenNodes].sort()).toEqual(['nw:college', 'org:new']);
    expect([...vis.hiddenEdges].sort()).toEqual(['r2', 'r3']);
    const later = computeVisibility(g, buildIndex(g), { ...noFilters(), asOf: '2023-01-01' });
    expect(later.hiddenNodes.size).toBe(0);
  });

  it('a range filter keeps nodes with at least n shown ties, or at least a value of another measure', () => {
    const g = network();
    const deg = computeVisibility(g, buildIndex(g), { ...noFilters(), range: { metric: 'degree', min: 2 } });
    expect([...deg.hiddenNodes].sort()).toEqual(['nw:college', 'org:lonely', 'org:new', 'org:undated']);
    // Degree counts the ties the view shows: without the collaborations org:b has one tie left.
    const members = computeVisibility(g, buildIndex(g), {
      ...noFilters(),
      relationTypes: ['MEMBER_OF'],
      range: { metric: 'degree', min: 1 },
    });
    expect([...members.hiddenNodes].sort()).toEqual(['org:a', 'org:lonely', 'org:new', 'org:undated']);
    const values: Record<string, number> = { 'org:a': 0.9, 'org:b': 0.2 };
    const other = computeVisibility(
      g,
      buildIndex(g),
      { ...noFilters(), range: { metric: 'betweenness', min: 0.5 } },
      (_m, n) => values[n] ?? null,
    );
    expect(g.filterNodes((n) => !other.hiddenNodes.has(n))).toEqual(['org:a']);
  });
});
