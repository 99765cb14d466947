/**
 * The exact cover and the council proposal on small constructed instances: minimality against brute force, the
 * preference among equally small sets, and plain explanations of constraints that cannot be met.
 */
import { describe, expect, it } from 'vitest';
import { greedyCover, minimumCovers, proposeCouncil, sniCovers } from '../../../core/analysis/council/index.js';
import { node, org, nw, rel, sector, snapshot } from '../gaps/support.js';

/** The smallest cover by brute force over all subsets (tiny instances only). */
function bruteForce(sets: number[][], elements: number): number {
  let best = Infinity;
  for (let mask = 0; mask < 1 << sets.length; mask++) {
    const covered = new Set<number>();
    let size = 0;
    sets.forEach((s, i) => {
      if (mask & (1 << i)) {
        size++;
        s.forEach((e) => covered.add(e));
      }
    });
    if (covered.size === elements) best = Math.min(best, size);
  }
  return best;
}

describe('minimum set cover', () => {
  it('beats greedy where greedy is not optimal, and proves minimality', () => {
    // The classic trap: greedy first takes set 4 (8 new elements), then 3 and 2; the two halves 0 and 1 suffice.
    const sets = [
      [0, 1, 2, 3, 4, 5, 6],
      [7, 8, 9, 10, 11, 12, 13],
      [0, 7],
      [1, 2, 8, 9],
      [3, 4, 5, 6, 10, 11, 12, 13],
    ];
    expect(greedyCover(sets, new Set(Array.from({ length: 14 }, (_, i) => i)))).toEqual([2, 3, 4]);
    const r = minimumCovers({ sets, elements: 14 });
    expect(r.exact).toBe(true);
    expect(r.covers).toEqual([[0, 1]]);
  });

  it('agrees with brute force on random small instances and collects every minimum cover', () => {
    let seed = 7;
    const rnd = () => (seed = (seed * 1103515245 + 12345) % 2 ** 31) / 2 ** 31;
    for (let round = 0; round < 60; round++) {
      const elements = 4 + Math.floor(rnd() * 8);
      const sets = Array.from({ length: 3 + Math.floor(rnd() * 7) }, () =>
        Array.from({ length: elements }, (_, e) => e).filter(() => rnd() < 0.35),
      );
      const r = minimumCovers({ sets, elements });
      const coverable = new Set(sets.flat());
      const best = bruteForce(
        sets.map((s) => s.map((e) => [...coverable].sort((a, b) => a - b).indexOf(e))),
        coverable.size,
      );
      expect(r.uncoverable).toEqual(Array.from({ length: elements }, (_, e) => e).filter((e) => !coverable.has(e)));
      expect(r.covers[0].length, `round ${round}`).toBe(coverable.size === 0 ? 0 : best);
      for (const c of r.covers) {
        expect(c.length).toBe(r.covers[0].length);
        expect(new Set(c.flatMap((i) => sets[i]))).toEqual(coverable);
      }
    }
  });

  it('matches SNI divisions to their section, never a section to a division', () => {
    expect(sniCovers('28', 'C')).toBe(true);
    expect(sniCovers('C', 'C')).toBe(true);
    expect(sniCovers('862', '86')).toBe(true);
    expect(sniCovers('C', '28')).toBe(false);
    expect(sniCovers('45', 'C')).toBe(false);
  });
});

const mun = (code: string, name: string) => node(`kommun:${code}`, 'Municipality', name, { kommunkod: code });
const kommun = (code: string, name: string) =>
  org(`org:k${code}`, `${name} kommun`, { orgType: 'kommun', municipality: `kommun:${code}`, helix: 'offentlig' });
const seats = (women: number, men: number) => ({ props: { seatsWomen: women, seatsMen: men } });

/**
 * Three municipalities; A and B own the kommunalförbund kf. The sector C (manufacturing) demands an occupation;
 * the employer verk (division 28) is in it. Civil society has one organisation, academia one.
 */
function county(extra: { withSeats?: boolean; withoutCivil?: boolean } = {}) {
  const R = 'nw:rad';
  const s = extra.withSeats;
  return snapshot(
    [
      nw(R, 'Rådet', 'kompetensrad'),
      mun('0001', 'Aby'),
      mun('0002', 'Bby'),
      mun('0003', 'Cby'),
      kommun('0001', 'Aby'),
      kommun('0002', 'Bby'),
      kommun('0003', 'Cby'),
      org('org:kf', 'Förbundet', { orgType: 'kommunalforbund', helix: 'offentlig' }),
      org('org:uni', 'Högskolan', { orgType: 'larosate', helix: 'akademi' }),
      org('org:verk', 'Verkstaden', { orgType: 'arbetsgivare', helix: 'naringsliv', primarySni: '28' }),
      org('org:handel', 'Handlaren', { orgType: 'arbetsgivare', helix: 'naringsliv', primarySni: '47' }),
      ...(extra.withoutCivil ? [] : [org('org:ngo', 'Föreningen', { orgType: 'ideell', helix: 'civilsamhalle' })]),
      ...(s ? [org('org:a-ngo', 'Andra föreningen', { orgType: 'ideell', helix: 'civilsamhalle' })] : []),
      sector('C', 'Tillverkning'),
      sector('F', 'Bygg'),
      node('ssyk:7', 'Occupation', 'Svetsare', { ssyk: '7212' }),
    ],
    [
      rel('OWNS', 'org:k0001', 'org:kf'),
      rel('MEMBER_OF', 'org:k0002', 'org:kf'),
      rel('DEMANDS', 'sni:C', 'ssyk:7'),
      rel('DEMANDS', 'sni:F', 'ssyk:7'),
      rel('MEMBER_OF', 'org:handel', R, s ? seats(1, 1) : {}),
      rel('MEMBER_OF', 'org:verk', R, s ? seats(0, 2) : {}),
      rel('MEMBER_OF', 'org:kf', R, s ? seats(2, 0) : {}),
      rel('MEMBER_OF', 'org:k0003', R, s ? seats(1, 1) : {}),
      rel('MEMBER_OF', 'org:uni', R, s ? seats(1, 0) : {}),
      ...(extra.withoutCivil ? [] : [rel('MEMBER_OF', 'org:ngo', R, s ? seats(0, 1) : {})]),
      ...(s ? [rel('MEMBER_OF', 'org:a-ngo', R, seats(0, 4))] : []),
    ],
  );
}

describe('kompetensråd proposal', () => {
  it('proposes the smallest set: kf (A, B), Cby, uni, verk (sector C), ngo — five seats', () => {
    const p = proposeCouncil(county(), { network: 'nw:rad' });
    expect(p.exact).toBe(true);
    expect(p.size).toBe(5);
    expect(p.seats.map((s) => s.id).sort()).toEqual(['org:k0003', 'org:kf', 'org:ngo', 'org:uni', 'org:verk']);
    expect(p.seats.find((s) => s.id === 'org:kf')!.covers.municipalities).toEqual(['kommun:0001', 'kommun:0002']);
    const byId = Object.fromEntries(p.constraints.map((c) => [c.id, c]));
    expect(byId.municipalities.status).toBe('met');
    expect(byId.helix.status).toBe('met');
    // Nobody is in construction (F): not met, and said to be a gap in the register.
    expect(byId.sectors).toMatchObject({ status: 'not-met', missing: ['sni:F'], covered: 1, required: 2 });
    expect(byId.sectors.explanation.sv).toContain('Bygg');
    expect(byId.sectors.explanation.sv).toContain('lucka i registret');
    // No seats by sex anywhere: not assessable, said plainly, never 0 %.
    expect(byId.gender.status).toBe('not-assessable');
    expect(byId.gender.explanation.sv).toContain('inga uppgifter om platser');
    expect(byId.gender.explanation.sv).not.toMatch(/(^|[^0-9])0 %/);
    expect(byId.gender.shareWomen).toBeUndefined();
  });

  it('among equally small sets prefers the one that keeps the gender balance', () => {
    // Two smallest sets differ only in civil society: with ngo (seats kf 2/0, Cby 1/1, uni 1/0, verk 0/2, ngo 0/1:
    // 4 of 8 women, 50 %) or with a-ngo (0/4: 4 of 11, 36 %). a-ngo comes first by id; the balance wins.
    const p = proposeCouncil(county({ withSeats: true }), { network: 'nw:rad' });
    expect(p.alternatives).toBe(2);
    expect(p.seats.map((x) => x.id)).toContain('org:ngo');
    const g = p.constraints.find((c) => c.id === 'gender')!;
    expect(g.status).toBe('met');
    expect(g.shareWomen).toBeCloseTo(0.5);
    // A band the five cannot reach: says it is not met and why.
    const strict = proposeCouncil(county({ withSeats: true }), { network: 'nw:rad', shareLow: 0.55, shareHigh: 0.6 });
    const s = strict.constraints.find((c) => c.id === 'gender')!;
    expect(s.status).toBe('not-met');
    expect(s.explanation.en).toContain('50 %');
  });

  it('says which helix group cannot be covered and why', () => {
    const p = proposeCouncil(county({ withoutCivil: true }), { network: 'nw:rad' });
    const helix = p.constraints.find((c) => c.id === 'helix')!;
    expect(helix).toMatchObject({ status: 'not-met', missing: ['civilsamhalle'] });
    expect(helix.explanation.sv).toContain('Civilsamhälle');
    expect(p.size).toBe(4);
  });

  it('refuses an unknown network (not found) and a node that is no network', () => {
    expect(() => proposeCouncil(county(), { network: 'nw:none' })).toThrow(/Unknown network/);
    expect(() => proposeCouncil(county(), { network: 'org:kf' })).toThrow(/not a network/);
  });
});
