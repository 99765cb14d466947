import { describe, it, expect } from 'vitest';
import { runGaps } from '../../../core/analysis/gaps/index.js';
import { byId, ids, nw, occ, org, programme, rel, sector, snapshot, node } from './support.js';

/**
 * o1 Barnmorskor: shortage, demanded by the region, nobody educates for it → supply-none, high.
 * o2 Sjuksköterskor: demanded by the region; Hälsohögskolan (a unit of the university) offers a programme for it;
 *    the region and the university share network N → region –N– university –part of– Hälsohögskolan = 2 steps.
 * o3 Tandläkare: assessed as shortage, no demand tie, no supply → supply-none, high.
 * o4 Svetsare: demanded by sector C (carried by Teknikföretagen, which represents C); supplied by school S with no
 *    path to Teknikföretagen → supply-reach, high, "no path at all".
 * sk CAD: demanded by sector C, no supply, not a shortage → supply-none, medium.
 */
function fixture() {
  return snapshot(
    [
      org('org:region', 'Regionen', { orgType: 'region' }),
      org('org:uni', 'Universitetet', { orgType: 'larosate' }),
      org('org:hh', 'Hälsohögskolan', { orgType: 'organisationsenhet' }),
      org('org:tf', 'Teknikföretagen', { orgType: 'naringslivsorganisation' }),
      org('org:school', 'Svetsskolan', { orgType: 'gymnasieskola' }),
      nw('nw:n', 'Nätverket'),
      occ('2222', 'Barnmorskor', { shortage: 'brist' }),
      occ('2221', 'Sjuksköterskor', { shortage: 'brist' }),
      occ('2260', 'Tandläkare', { shortage: 'brist' }),
      occ('7212', 'Svetsare'),
      node('skill:cad', 'Skill', 'CAD'),
      sector('C', 'Tillverkning'),
      programme('edu:ssk', 'Sjuksköterskeprogrammet'),
      programme('edu:svets', 'Svetsutbildning', { places: 12 }),
    ],
    [
      rel('DEMANDS', 'org:region', 'ssyk:2222', { props: { shortageLevel: 'brist' } }),
      rel('DEMANDS', 'org:region', 'ssyk:2221'),
      rel('DEMANDS', 'sni:C', 'ssyk:7212'),
      rel('DEMANDS', 'sni:C', 'skill:cad'),
      rel('REPRESENTS', 'org:tf', 'sni:C'),
      rel('OFFERS', 'org:hh', 'edu:ssk'),
      rel('EDUCATES_FOR', 'edu:ssk', 'ssyk:2221'),
      rel('PART_OF', 'org:hh', 'org:uni'),
      rel('MEMBER_OF', 'org:region', 'nw:n'),
      rel('MEMBER_OF', 'org:uni', 'nw:n'),
      rel('OFFERS', 'org:school', 'edu:svets'),
      rel('EDUCATES_FOR', 'edu:svets', 'ssyk:7212'),
    ],
  );
}

describe('gaps: skills supply against demand', () => {
  it('supply-none: demanded or shortage occupations and skills that nobody educates for', () => {
    const { findings } = runGaps(fixture(), { kinds: ['supply-none'] });
    expect(ids(findings)).toEqual(['supply:skill:cad', 'supply:ssyk:2222', 'supply:ssyk:2260']);
    const b = byId(findings, 'supply:ssyk:2222');
    expect(b.severity).toBe('high');
    // The gap is a tie missing from the register: it says "registrerad", never "i länet", and points to the
    // providers the register knows nothing about (a provider without any education tie is unknown).
    expect(b.basis).toBe('absent');
    expect(b.title.sv).toBe('Ingen registrerad utbildare för Barnmorskor (SSYK 2222)');
    expect(b.explanation.sv).toMatch(
      /^Barnmorskor \(SSYK 2222\) efterfrågas av Regionen, men ingen aktör i registret har en koppling som utbildare för yrket\. Det är bedömt som bristyrke\. Registret saknar utbildningskopplingar för /,
    );
    expect(b.explanation.sv).not.toContain('i länet');
    expect(b.explanation.en).toContain('no actor in the register is recorded as educating for the occupation');
    expect(b.completeness).toMatchObject({ relationType: 'EDUCATES_FOR' });
    expect(b.completeness!.unknown.length).toBe(b.completeness!.registered - b.completeness!.withRelation);
    expect(b.robust).toBe(true);
    expect(b.nodeIds).toEqual(['ssyk:2222', 'org:region']);
    expect(byId(findings, 'supply:ssyk:2260').explanation.sv).toContain('bedöms som bristyrke, men ingen aktör');
    const cad = byId(findings, 'supply:skill:cad');
    expect(cad.severity).toBe('medium');
    expect(cad.explanation.sv).toContain('CAD (kompetens) efterfrågas av branschen Tillverkning (SNI C)');
  });

  it('supply-none names education for the demanding sector as context, not as supply', () => {
    const s = fixture();
    s.nodes.push(programme('edu:in', 'Industriprogrammet'));
    s.relations.push(rel('OFFERS', 'org:school', 'edu:in'), rel('EDUCATES_FOR', 'edu:in', 'sni:C'));
    const cad = byId(runGaps(s, { kinds: ['supply-none'] }).findings, 'supply:skill:cad');
    expect(cad.explanation.sv).toContain(
      'Det finns utbildning för branschen Tillverkning (SNI C) (Svetsskolan), men ingen är kopplad till kompetensen.',
    );
  });

  it('supply-reach: counts a shared network as one step and a unit–parent link as one step', () => {
    // Region –N– Universitetet –part of– Hälsohögskolan: 2 steps. Fine at k = 2, a gap at k = 1.
    expect(ids(runGaps(fixture(), { kinds: ['supply-reach'], k: 2 }).findings)).toEqual(['supply-reach:ssyk:7212']);
    const k1 = runGaps(fixture(), { kinds: ['supply-reach'], k: 1 }).findings;
    expect(ids(k1)).toEqual(['supply-reach:ssyk:2221', 'supply-reach:ssyk:7212']);
    const f = byId(k1, 'supply-reach:ssyk:2221');
    expect(f.metrics).toMatchObject({ k: 1, distance: 2, unreachable: 1 });
    expect(f.missingTies).toEqual([{ from: 'org:region', to: 'org:hh', type: 'COLLABORATES_WITH' }]);
    expect(f.explanation.sv).toContain('kortaste väg 2 steg: Regionen – Universitetet – Hälsohögskolan');
  });

  it('supply-reach: demand carried by a sector reaches no provider at all', () => {
    const f = byId(runGaps(fixture(), { kinds: ['supply-reach'] }).findings, 'supply-reach:ssyk:7212');
    expect(f.severity).toBe('high');
    expect(f.explanation.sv).toBe(
      'Svetsare (SSYK 7212) efterfrågas av branschen Tillverkning (SNI C) (företrädd av Teknikföretagen), och Svetsskolan utbildar för yrket, men Teknikföretagen når den inte inom 2 steg genom de registrerade banden (det finns ingen väg alls).',
    );
    expect(f.missingTies).toEqual([{ from: 'org:tf', to: 'org:school', type: 'COLLABORATES_WITH' }]);
    expect(f.metrics?.distance).toBeUndefined();
    // A shared network closes it: distance 1.
    const s = fixture();
    s.relations.push(rel('MEMBER_OF', 'org:tf', 'nw:n'), rel('MEMBER_OF', 'org:school', 'nw:n'));
    expect(ids(runGaps(s, { kinds: ['supply-reach'], k: 1 }).findings)).toEqual(['supply-reach:ssyk:2221']);
  });

  it('supply-volume: no volumes is a no-data finding, never an estimate', () => {
    const { findings } = runGaps(fixture(), { kinds: ['supply-volume'] });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      id: 'supply-volume:no-data',
      kind: 'no-data',
      gapKind: 'supply-volume',
      severity: 'low',
    });
  });

  it('supply-volume: demand volume against places and volumes', () => {
    const s = fixture();
    // Svetsare: demand 30 people, supply = the programme's 12 places (no volume on the tie) → gap 18, high.
    s.relations.find((r) => r.type === 'DEMANDS' && r.to === 'ssyk:7212')!.props = { volume: 30 };
    // Sjuksköterskor: demand 40, supply volume 25 on the tie → gap 15, medium (25 ≥ 40/2).
    s.relations.find((r) => r.type === 'DEMANDS' && r.to === 'ssyk:2221')!.props = { volume: 40 };
    s.relations.find((r) => r.type === 'EDUCATES_FOR' && r.to === 'ssyk:2221')!.props = { volume: 25 };
    const { findings } = runGaps(s, { kinds: ['supply-volume'] });
    expect(ids(findings)).toEqual(['supply-volume:ssyk:2221', 'supply-volume:ssyk:7212']);
    expect(byId(findings, 'supply-volume:ssyk:7212')).toMatchObject({
      severity: 'high',
      metrics: { demand: 30, supply: 12, gap: 18 },
    });
    expect(byId(findings, 'supply-volume:ssyk:2221')).toMatchObject({
      severity: 'medium',
      metrics: { demand: 40, supply: 25, gap: 15 },
    });
    expect(byId(findings, 'supply-volume:ssyk:7212').explanation.sv).toContain('skillnaden är 18');
  });
});
