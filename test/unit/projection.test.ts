import { describe, it, expect } from 'vitest';
import { execFileSync } from 'node:child_process';
import { projectActors, projectTwoMode } from '../../core/graph/projection.js';
import type { NodeRecord, RelationRecord, Snapshot } from '../../core/model/records.js';

const meta = { version: 1, createdAt: '2026-01-01', createdBy: 't', updatedAt: '2026-01-01', updatedBy: 't' };
const org = (id: string): NodeRecord => ({
  id,
  kind: 'Organisation',
  name: id,
  props: { orgType: 'arbetsgivare' },
  ...meta,
});
const nw = (id: string): NodeRecord => ({ id, kind: 'Network', name: id, props: { networkType: 'forum' }, ...meta });
const rel = (type: string, from: string, to: string, extra: Partial<RelationRecord> = {}): RelationRecord => ({
  id: `rel:${type}:${from}:${to}`,
  type,
  from,
  to,
  weight: 1,
  props: {},
  sources: [{ url: 'https://example.org', title: 't' }],
  evidence: 'confirmed',
  validFrom: null,
  validTo: null,
  ...meta,
  ...extra,
});

const actors = ['org:a', 'org:b', 'org:c', 'org:d', 'org:e', 'org:f'];
const memberships: [string, string][] = [
  ['org:a', 'nw:x'],
  ['org:b', 'nw:x'],
  ['org:c', 'nw:x'],
  ['org:d', 'nw:x'],
  ['org:a', 'nw:y'],
  ['org:b', 'nw:y'],
  ['org:c', 'nw:z'],
  ['org:e', 'nw:z'],
  ['org:f', 'nw:z'],
];
const snapshot: Snapshot = {
  nodes: [...actors.map(org), nw('nw:x'), nw('nw:y'), nw('nw:z')],
  relations: [
    ...memberships.map(([a, n]) => rel('MEMBER_OF', a, n)),
    rel('COLLABORATES_WITH', 'org:a', 'org:e', { weight: 2 }),
    rel('MEMBER_OF', 'org:f', 'nw:y', { validTo: '2015-12-31' }),
  ],
};

/** NetworkX's Newman collaboration projection of the same affiliations, plus the direct tie. */
function networkxProjection(asOf2020: boolean): Record<string, number> {
  const mem = asOf2020 ? memberships : [...memberships, ['org:f', 'nw:y']];
  const script = `
import json, sys, networkx as nx
from networkx.algorithms import bipartite
mem = json.loads(sys.argv[1]); actors = json.loads(sys.argv[2])
B = nx.Graph(); B.add_nodes_from(actors, bipartite=0); B.add_edges_from(mem)
P = bipartite.collaboration_weighted_projected_graph(B, actors)
if P.has_edge('org:a', 'org:e'): P['org:a']['org:e']['weight'] += 2
else: P.add_edge('org:a', 'org:e', weight=2)
print(json.dumps({'|'.join(sorted([u, v])): d['weight'] for u, v, d in P.edges(data=True)}))
`;
  return JSON.parse(
    execFileSync('python3', ['-c', script, JSON.stringify(mem), JSON.stringify(actors)], { encoding: 'utf8' }),
  );
}

const weights = (g: ReturnType<typeof projectActors>['graph']) =>
  Object.fromEntries(g.mapEdges((_e, attr, s, t) => [[s, t].sort().join('|'), attr.weight as number]));

describe('projection: the actor network', () => {
  it('weights co-membership 1/(n−1) per shared network exactly as NetworkX (Newman 2001)', () => {
    const { graph, meta: m } = projectActors(snapshot, { asOf: '2020-01-01' });
    const expected = networkxProjection(true);
    const got = weights(graph);
    expect(Object.keys(got).sort()).toEqual(Object.keys(expected).sort());
    for (const [k, w] of Object.entries(expected)) expect(got[k]).toBeCloseTo(w, 12);
    expect(m).toMatchObject({
      mode: 'one-mode',
      coMembershipWeight: 'newman',
      asOf: '2020-01-01',
      actors: 6,
      weightMeaning: 'strength',
    });
  });

  it('counts relations valid on the chosen date only', () => {
    const expected = networkxProjection(false);
    const got = weights(projectActors(snapshot, { asOf: '2010-01-01' }).graph);
    for (const [k, w] of Object.entries(expected)) expect(got[k]).toBeCloseTo(w, 12);
  });

  it('lets the user choose which relation kinds count', () => {
    const { graph, meta: m } = projectActors(snapshot, { relationTypes: ['COLLABORATES_WITH'] });
    expect(weights(graph)).toEqual({ 'org:a|org:e': 2 });
    expect(m.relationTypes).toEqual(['COLLABORATES_WITH']);
  });

  it('gives a two-mode actor × network view', () => {
    const { graph, meta: m } = projectTwoMode(snapshot, { asOf: '2020-01-01' });
    expect(graph.order).toBe(9);
    expect(graph.size).toBe(memberships.length);
    expect(m).toMatchObject({ mode: 'two-mode', actors: 6, affiliations: 3 });
  });
});
