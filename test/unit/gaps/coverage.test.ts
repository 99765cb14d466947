import { describe, it, expect } from 'vitest';
import { runGaps } from '../../../core/analysis/gaps/index.js';
import { byId, ids, kommun, nw, org, rel, snapshot } from './support.js';

/**
 * Platform P (a kompetensplattform) with sub-network C (a college, part of P) and a kommunalförbund F (member of P).
 *   0601 A: its kommun organisation is a member of P                         → direct
 *   0602 B: member of F, which is a member of P                               → indirect, 2 steps
 *   0603 C: member of college C, part of P                                    → indirect, 2 steps
 *   0604 D: member of sub-college C2, part of C, part of P                    → indirect, 3 steps
 *   0605 E: P covers the place                                                 → direct
 *   0606 F: its unit U (part of the kommun) is a member of C                  → indirect via its unit
 *   0607 G: member of samordningsförbund S, which is in nothing               → not covered
 *   0608 H: in nothing                                                         → not covered
 */
function fixture() {
  return snapshot(
    [
      ...['0601:A', '0602:B', '0603:C', '0604:D', '0605:E', '0606:F', '0607:G', '0608:H'].flatMap((s) =>
        kommun(s.split(':')[0], s.split(':')[1]),
      ),
      nw('nw:p', 'Plattformen', 'kompetensplattform'),
      nw('nw:c', 'Colleget', 'college'),
      nw('nw:c2', 'Lokala colleget', 'college'),
      org('org:f', 'Förbundet', { orgType: 'kommunalforbund' }),
      org('org:s', 'Samordningsförbundet', { orgType: 'samordningsforbund' }),
      org('org:u', 'Arbetsmarknadsenheten F', { orgType: 'organisationsenhet' }),
    ],
    [
      rel('MEMBER_OF', 'org:k0601', 'nw:p'),
      rel('MEMBER_OF', 'org:f', 'nw:p', { evidence: 'uncertain' }),
      rel('MEMBER_OF', 'org:k0602', 'org:f'),
      rel('PART_OF', 'nw:c', 'nw:p', { evidence: 'probable' }),
      rel('MEMBER_OF', 'org:k0603', 'nw:c'),
      rel('PART_OF', 'nw:c2', 'nw:c'),
      rel('MEMBER_OF', 'org:k0604', 'nw:c2'),
      rel('COVERS', 'nw:p', 'kommun:0605'),
      rel('PART_OF', 'org:u', 'org:k0606'),
      rel('MEMBER_OF', 'org:u', 'nw:c'),
      rel('MEMBER_OF', 'org:k0607', 'org:s'),
      rel('MEMBER_OF', 'org:k0608', 'org:s', { validTo: '2010-12-31' }),
    ],
  );
}

const statuses = (f: { details?: Record<string, unknown> }) =>
  Object.fromEntries((f.details!.municipalities as Array<{ id: string; status: string }>).map((m) => [m.id, m.status]));

describe('gaps: coverage of municipalities', () => {
  it('classifies direct, indirect (with the chain) and missing municipalities', () => {
    const { findings } = runGaps(fixture(), { kinds: ['coverage'], network: ['nw:p'], asOf: '2020-01-01' });
    const summary = byId(findings, 'coverage:nw:p');
    expect(statuses(summary)).toEqual({
      'kommun:0601': 'direct',
      'kommun:0602': 'indirect',
      'kommun:0603': 'indirect',
      'kommun:0604': 'indirect',
      'kommun:0605': 'direct',
      'kommun:0606': 'indirect',
      'kommun:0607': 'none',
      'kommun:0608': 'none',
    });
    expect(summary.metrics).toMatchObject({ municipalities: 8, direct: 2, indirect: 4, notCovered: 2 });
    expect(summary.severity).toBe('high');

    // One cause, one finding: the municipalities are listed in the network's finding, not one finding each.
    expect(ids(findings)).toEqual(['coverage:nw:p']);
    // Two municipalities have no recorded representation: the basis is absent, and the wording says "registrerad".
    expect(summary.basis).toBe('absent');
    expect(summary.title.sv).toBe('2 kommuner utan registrerad representation i Plattformen');
    expect(summary.title.en).toBe('2 municipalities with no recorded representation in Plattformen');
    expect(summary.explanation.sv).toContain('för 2 finns ingen representation registrerad (G och H)');
    expect(summary.explanation.sv).toContain('betyder inte säkert att den saknas');
    expect(summary.completeness).toMatchObject({ orgTypes: ['kommun'], registered: 8 });
    // The chains of the indirect ones are spelt out in the same finding.
    expect(summary.explanation.sv).toContain('B: B kommun är medlem i Förbundet, som är medlem i Plattformen');
    expect(summary.explanation.sv).toContain(
      'F: F kommun företräds av sin enhet Arbetsmarknadsenheten F, som är medlem i Colleget, som är del av Plattformen',
    );
    const chains = summary.details!.municipalities as Array<{ id: string; distance: number; chain: unknown[] }>;
    expect(chains.find((m) => m.id === 'kommun:0602')!.chain).toEqual([
      { from: 'org:k0602', to: 'org:f', type: 'MEMBER_OF', evidence: 'confirmed' },
      { from: 'org:f', to: 'nw:p', type: 'MEMBER_OF', evidence: 'uncertain' },
    ]);
    expect(chains.find((m) => m.id === 'kommun:0604')!.distance).toBe(3);
    // B's representation rests on an uncertain tie: on probable or confirmed ties B is missing too, so the statement
    // "2 kommuner …" does not hold there: not robust, low confidence.
    expect(summary.robust).toBe(false);
    expect(summary.confidence).toBe('low');
  });

  it('a network with every municipality at least indirectly in is an observed finding', () => {
    const nodes = [...kommun('0631', 'P'), ...kommun('0632', 'Q'), nw('nw:p', 'Plattformen', 'kompetensplattform')];
    nodes.push(org('org:f', 'Förbundet', { orgType: 'kommunalforbund' }));
    const relations = [
      rel('MEMBER_OF', 'org:k0631', 'org:f'),
      rel('MEMBER_OF', 'org:k0632', 'org:f'),
      rel('MEMBER_OF', 'org:f', 'nw:p', { evidence: 'probable' }),
    ];
    const f = byId(runGaps(snapshot(nodes, relations), { kinds: ['coverage'] }).findings, 'coverage:nw:p');
    expect(f.basis).toBe('observed');
    expect(f.title.sv).toBe('2 kommuner bara indirekt i Plattformen');
    expect(f.severity).toBe('low');
    // It rests on a probable tie: not robust, medium confidence.
    expect(f.robust).toBe(false);
    expect(f.confidence).toBe('medium');
  });

  it('proposes the smallest set of actors that would bring the missing municipalities in', () => {
    // G and H (H's membership of S has ended by 2020, so only without a date) are missing; S brings both.
    const all = runGaps(fixture(), { kinds: ['coverage'], network: ['nw:p'] }).findings;
    const s1 = byId(all, 'coverage:nw:p');
    expect(s1.metrics).toMatchObject({ notCovered: 2, coverSize: 1, coverExact: 1 });
    expect(s1.missingTies).toEqual([{ from: 'org:s', to: 'nw:p', type: 'MEMBER_OF' }]);
    expect(s1.explanation.sv).toContain('Om Samordningsförbundet anslöt sig skulle alla kommuner vara representerade');
    // On 2020-01-01 only G is in S: G's own kommun (brings nothing else) beats S.
    const y2020 = byId(
      runGaps(fixture(), { kinds: ['coverage'], network: ['nw:p'], asOf: '2020-01-01' }).findings,
      'coverage:nw:p',
    );
    expect(y2020.missingTies).toEqual([
      { from: 'org:k0607', to: 'nw:p', type: 'MEMBER_OF' },
      { from: 'org:k0608', to: 'nw:p', type: 'MEMBER_OF' },
    ]);
    expect(y2020.metrics).toMatchObject({ coverSize: 2, coverExact: 1 });
  });

  it('evidence filters change the answer', () => {
    // Without the uncertain membership of the förbund, B is no longer represented.
    const { findings } = runGaps(fixture(), { kinds: ['coverage'], network: ['nw:p'], minEvidence: 'probable' });
    expect(statuses(byId(findings, 'coverage:nw:p'))['kommun:0602']).toBe('none');
    // The förbund is the only actor that brings B in; it is already tied to P outside the filter.
    expect(byId(findings, 'coverage:nw:p').missingTies).toContainEqual({
      from: 'org:f',
      to: 'nw:p',
      type: 'MEMBER_OF',
    });
  });

  it('greedy set cover is replaced by the optimum when an exhaustive search finds a smaller set', () => {
    // Classic counter-example: J_C brings 4 of 6, so greedy takes J_C and then two more (3 in all),
    // while J_A ∪ J_B covers all six with 2.
    const nodes = [
      ...['0611:K1', '0612:K2', '0613:K3', '0614:K4', '0615:K5', '0616:K6'].flatMap((s) =>
        kommun(s.split(':')[0], s.split(':')[1]),
      ),
      nw('nw:t', 'Teknikcolleget', 'college'),
      org('org:ja', 'Förbund A', { orgType: 'samordningsforbund' }),
      org('org:jb', 'Förbund B', { orgType: 'samordningsforbund' }),
      org('org:jc', 'Förbund C', { orgType: 'kommunalforbund' }),
    ];
    const member = (k: string, j: string) => rel('MEMBER_OF', `org:k${k}`, j);
    const relations = [
      ...['0611', '0612', '0613'].map((k) => member(k, 'org:ja')),
      ...['0614', '0615', '0616'].map((k) => member(k, 'org:jb')),
      ...['0611', '0612', '0614', '0615'].map((k) => member(k, 'org:jc')),
    ];
    const f = byId(
      runGaps(snapshot(nodes, relations), { kinds: ['coverage'], network: ['nw:t'] }).findings,
      'coverage:nw:t',
    );
    expect(f.details!.cover).toMatchObject({ method: 'search', exact: true });
    expect(f.missingTies).toEqual([
      { from: 'org:ja', to: 'nw:t', type: 'MEMBER_OF' },
      { from: 'org:jb', to: 'nw:t', type: 'MEMBER_OF' },
    ]);
    expect(f.explanation.sv).toContain('bevisat minsta möjliga antal');
  });

  it('networks are candidates for a platform (a network of networks), not for a college', () => {
    const nodes = [
      ...kommun('0621', 'X'),
      ...kommun('0622', 'Y'),
      nw('nw:p', 'Plattformen', 'kompetensplattform'),
      nw('nw:c', 'Colleget', 'college'),
      nw('nw:v', 'Vårdcollegen', 'college'),
    ];
    const relations = [rel('MEMBER_OF', 'org:k0621', 'nw:v'), rel('MEMBER_OF', 'org:k0622', 'nw:v')];
    const platform = byId(
      runGaps(snapshot(nodes, relations), { kinds: ['coverage'], network: ['nw:p'] }).findings,
      'coverage:nw:p',
    );
    expect(platform.missingTies).toEqual([{ from: 'nw:v', to: 'nw:p', type: 'PART_OF' }]);
    const college = byId(
      runGaps(snapshot(nodes, relations), { kinds: ['coverage'], network: ['nw:c'] }).findings,
      'coverage:nw:c',
    );
    expect(college.missingTies).toEqual([
      { from: 'org:k0621', to: 'nw:c', type: 'MEMBER_OF' },
      { from: 'org:k0622', to: 'nw:c', type: 'MEMBER_OF' },
    ]);
    expect(college.metrics).toMatchObject({ coverSize: 2, coverExact: 1 });
  });

  it('defaults to the platform and every college that is not part of another college', () => {
    const { parameters, findings } = runGaps(fixture(), { kinds: ['coverage'] });
    // No nw:kompetensplattform-jonkopings-lan here: the platform is the network of type kompetensplattform.
    expect(parameters.platform).toBe('nw:p');
    // nw:c2 is part of the college nw:c, so only nw:c is a top-level college.
    expect(parameters.network).toEqual(['nw:p', 'nw:c']);
    // In the college only C is direct; D (through C2) and F (through its unit) are indirect; the other five are missing.
    expect(ids(findings).filter((id) => id.startsWith('coverage:nw:c'))).toEqual(['coverage:nw:c']);
    expect(byId(findings, 'coverage:nw:c').metrics).toMatchObject({ direct: 1, indirect: 2, notCovered: 5 });
  });

  it('nationwide and sub-regional colleges are not county coverage targets unless asked for', () => {
    const nodes = [
      ...kommun('0641', 'R'),
      nw('nw:p', 'Plattformen', 'kompetensplattform'),
      { ...nw('nw:nat', 'Riks-colleget', 'college'), props: { networkType: 'college', level: 'nationell' } },
      { ...nw('nw:sub', 'Delregionala colleget', 'college'), props: { networkType: 'college', level: 'delregional' } },
      { ...nw('nw:reg', 'Länscolleget', 'college'), props: { networkType: 'college', level: 'regional' } },
    ];
    const relations = [rel('PART_OF', 'nw:sub', 'nw:nat')];
    expect(runGaps(snapshot(nodes, relations), { kinds: ['coverage'] }).parameters.network).toEqual(['nw:p', 'nw:reg']);
    expect(
      runGaps(snapshot(nodes, relations), { kinds: ['coverage'], includeNational: true }).parameters.network,
    ).toEqual(['nw:p', 'nw:nat', 'nw:reg']);
  });
});
