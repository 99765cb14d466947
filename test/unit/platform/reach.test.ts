/**
 * The platform's reach and the greedy invitation list on a small constructed graph whose answers are worked out
 * by hand in the comments.
 */
import { describe, expect, it } from 'vitest';
import { platformReach, reachBasis } from '../../../core/analysis/platform/index.js';
import { invite } from '../../../core/analysis/platform/invite.js';
import { AnalysisError } from '../../../core/analysis/errors.js';
import { node, org, nw, rel, snapshot } from '../gaps/support.js';

const P = 'nw:p';
const municipality = (code: string, name: string) => [
  node(`kommun:${code}`, 'Municipality', name, { kommunkod: code }),
  org(`org:k${code}`, `${name} kommun`, { orgType: 'kommun', municipality: `kommun:${code}`, helix: 'offentlig' }),
];

/**
 * P ← kf (member, probable) ← kA (owns), kB (member): A and B two steps away through the kommunalförbund.
 * kC – uni (collaborates); uni, biz members of forum h; biz – ngo – far (collaborate). C is not reached.
 */
function graph() {
  return snapshot(
    [
      { ...nw(P, 'Plattformen', 'kompetensplattform') },
      ...municipality('0001', 'Aby'),
      ...municipality('0002', 'Bby'),
      ...municipality('0003', 'Cby'),
      org('org:kf', 'Förbundet', { orgType: 'kommunalforbund', helix: 'offentlig' }),
      org('org:uni', 'Högskolan', { orgType: 'larosate', helix: 'akademi' }),
      org('org:biz', 'Företagarna', { orgType: 'naringslivsorganisation', helix: 'naringsliv' }),
      org('org:ngo', 'Föreningen', { orgType: 'ideell', helix: 'civilsamhalle' }),
      org('org:far', 'Långt bort', { orgType: 'ideell', helix: 'civilsamhalle' }),
      nw('nw:h', 'Forum H'),
    ],
    [
      rel('MEMBER_OF', 'org:kf', P, { evidence: 'probable' }),
      rel('OWNS', 'org:k0001', 'org:kf'),
      rel('MEMBER_OF', 'org:k0002', 'org:kf'),
      rel('COLLABORATES_WITH', 'org:k0003', 'org:uni'),
      rel('MEMBER_OF', 'org:uni', 'nw:h'),
      rel('MEMBER_OF', 'org:biz', 'nw:h'),
      rel('COLLABORATES_WITH', 'org:biz', 'org:ngo'),
      rel('COLLABORATES_WITH', 'org:ngo', 'org:far'),
      rel('LOCATED_IN', 'org:uni', 'kommun:0003'),
    ],
  );
}

describe('platform reach', () => {
  it('counts each typed tie as a step, a kommunalförbund being a node on the path', () => {
    const r = platformReach(graph(), { focus: P, steps: 2 });
    expect(r.rings.map((x) => x.actors.map((a) => a.id))).toEqual([['org:kf'], ['org:k0001', 'org:k0002'], []]);
    expect(r.rings[1].actors[0]).toMatchObject({ via: ['org:kf'], evidence: 'probable' });
    const rows = Object.fromEntries(r.municipalities.rows.map((m) => [m.id, m]));
    expect(rows['kommun:0001']).toMatchObject({ step: 2, path: ['org:k0001', 'org:kf', P] });
    expect(rows['kommun:0003']).toMatchObject({ step: null, presenceStep: null, path: [] });
    expect(r.municipalities.byStep.map((s) => [s.count, s.share])).toEqual([
      [0, 0],
      [2, 2 / 3],
      [2, 2 / 3],
    ]);
    const helix = Object.fromEntries(r.helix.groups.map((h) => [h.id, h.byStep.map((s) => s.count)]));
    expect(helix).toEqual({
      offentlig: [1, 3, 3],
      akademi: [0, 0, 0],
      naringsliv: [0, 0, 0],
      civilsamhalle: [0, 0, 0],
    });
    expect(r.beyond).toEqual({ actors: 5, networks: 1 });
  });

  it('drops ties below the minimum evidence', () => {
    const r = platformReach(graph(), { focus: P, minEvidence: 'confirmed' });
    expect(r.rings.every((x) => x.actors.length === 0)).toBe(true);
    expect(r.municipalities.byStep.at(-1)!.count).toBe(0);
  });

  it('invites greedily and reports the gain of each pick', () => {
    const b = reachBasis(graph(), { focus: P, steps: 2 });
    const { picks, after } = invite({
      g: b.graph,
      places: b.places,
      keys: [],
      focus: b.focus,
      dist: b.fromFocus.dist,
      k: 2,
      limit: 10,
    });
    const named = picks.map((p) => ({ id: b.graph.ids[p.v], ...p, v: undefined }));
    // Round 1 (a new tie puts the candidate at 1 and its neighbours at 2):
    //   kC: Cby + academia (uni) = 2, 2 organisations; uni: Cby + academia = 2, 2 organisations;
    //   biz: business + civil society (ngo) = 2, 2 organisations; h: academia + business = 2, 2 organisations;
    //   ngo: civil society + business (biz) = 2, 3 organisations (ngo, biz, far); far: civil society = 1.
    //   Best: ngo (most organisations among the score-2 picks).
    // Round 2: kC and uni still gain Cby + academia (2, 2 organisations), h only academia: kC by id.
    // Round 3: every organisation is within 2 steps, nothing gains: the list ends.
    expect(named).toEqual([
      {
        id: 'org:ngo',
        v: undefined,
        municipalities: [],
        helix: ['civilsamhalle', 'naringsliv'],
        keyActors: [],
        actors: 3,
        score: 2,
      },
      {
        id: 'org:k0003',
        v: undefined,
        municipalities: ['kommun:0003'],
        helix: ['akademi'],
        keyActors: [],
        actors: 2,
        score: 2,
      },
    ]);
    expect([...after.municipalities].sort()).toEqual(['kommun:0001', 'kommun:0002', 'kommun:0003']);
    expect(after.helix.size).toBe(4);
  });

  it('gives the coverage that the invited ties really give when added to the graph', () => {
    const base = graph();
    const r = platformReach(base, { focus: P, steps: 2 });
    expect(r.invite.picks.length).toBeGreaterThan(0);
    const joined = snapshot(base.nodes, [
      ...base.relations,
      ...r.invite.picks.map((p) => rel(p.tie.type, p.tie.from, p.tie.to)),
    ]);
    const after = platformReach(joined, { focus: P, steps: 2 });
    expect(after.municipalities.byStep[1].count).toBe(3);
    expect(after.helix.groups.every((h) => h.byStep[1].count > 0)).toBe(true);
    expect(after.keyActors.outside).toEqual([]);
    expect(r.invite.remaining).toEqual({ municipalities: [], helix: [], keyActors: [] });
  });

  it('refuses an unknown focus (not found) and a focus that is no actor or network', () => {
    const err = (focus: string) => {
      try {
        platformReach(graph(), { focus });
      } catch (e) {
        return e as AnalysisError;
      }
      throw new Error('no error');
    };
    expect(err('nw:none').details).toMatchObject({ parameter: 'focus', notFound: true, id: 'nw:none' });
    expect(err('kommun:0001').details).toMatchObject({ parameter: 'focus', id: 'kommun:0001' });
    expect(err('kommun:0001').details?.notFound).toBeUndefined();
  });
});
