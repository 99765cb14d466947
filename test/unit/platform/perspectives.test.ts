/** Gender and integration on a constructed graph: shares where seats by sex exist, null (not 0 %) where not. */
import { describe, expect, it } from 'vitest';
import { platformReach } from '../../../core/analysis/platform/index.js';
import { node, org, nw, rel, sector, snapshot } from '../gaps/support.js';

const P = 'nw:p';
const mun = (code: string) => [
  node(`kommun:${code}`, 'Municipality', `M${code}`, { kommunkod: code }),
  org(`org:k${code}`, `M${code} kommun`, { orgType: 'kommun', municipality: `kommun:${code}` }),
];

/**
 * k1 – P – sfi-school (works with SFI); k2 is three steps from the school (k2 – x – y – school); the role
 * "ordförande" has seats 1 W / 0 M, "ledamot" 2 W / 3 M on the council; the forum has no seat data.
 */
function graph(withSeats: boolean) {
  return snapshot(
    [
      nw(P, 'P', 'kompetensplattform'),
      nw('nw:rad', 'Rådet', 'kompetensrad'),
      nw('nw:forum', 'Forumet'),
      ...mun('0001'),
      ...mun('0002'),
      org('org:sfi', 'Skolan', { orgType: 'komvux', worksWith: ['sfi'] }),
      org('org:x', 'X'),
      org('org:y', 'Y', { worksWith: ['unga'] }),
      sector('C', 'Tillverkning', withSeats ? { employedWomen: 1000, employedMen: 3000 } : {}),
    ],
    [
      rel('MEMBER_OF', 'org:k0001', P, {
        props: { role: 'Ordförande', ...(withSeats ? { seatsWomen: 1, seatsMen: 0 } : {}) },
      }),
      rel('MEMBER_OF', 'org:sfi', P, {
        props: { role: 'ledamot', ...(withSeats ? { seatsWomen: 2, seatsMen: 3 } : {}) },
      }),
      rel('MEMBER_OF', 'org:x', 'nw:forum', { props: { role: 'ledamot' } }),
      rel('COLLABORATES_WITH', 'org:k0002', 'org:x'),
      rel('COLLABORATES_WITH', 'org:x', 'org:y'),
      rel('COLLABORATES_WITH', 'org:y', 'org:sfi'),
    ],
  );
}

describe('perspectives', () => {
  it('gives shares of women by network, role and sector where seats by sex exist', () => {
    const g = platformReach(graph(true), { focus: P }).perspectives.gender;
    const p = g.networks.find((n) => n.id === P)!;
    expect(p).toMatchObject({ memberships: 2, withSeatData: 2, women: 3, men: 3, shareWomen: 0.5 });
    expect(g.networks.find((n) => n.id === 'nw:forum')).toMatchObject({ withSeatData: 0, shareWomen: null });
    expect(g.roles.find((r) => r.role === 'ordförande')).toMatchObject({ women: 1, men: 0, shareWomen: 1 });
    expect(g.roles.find((r) => r.role === 'ledamot')).toMatchObject({
      memberships: 2,
      withSeatData: 1,
      shareWomen: 0.4,
    });
    expect(g.sectors[0].shareWomen).toBe(0.25);
  });

  it('says plainly that there is no data, with null shares instead of 0 %', () => {
    const g = platformReach(graph(false), { focus: P }).perspectives.gender;
    expect(g.networks.every((n) => n.shareWomen === null && n.women === null)).toBe(true);
    expect(g.sectors[0].shareWomen).toBeNull();
    expect(g.note.sv).toContain('inga platser fördelade på kön');
    expect(g.note.en).toContain('never as 0 %');
  });

  it('finds integration actors, their steps from the platform, and municipalities without one within two steps', () => {
    const i = platformReach(graph(false), { focus: P }).perspectives.integration;
    // Only SFI, newcomers or validation count: Y works with young people.
    expect(i.actors.map((a) => [a.id, a.step])).toEqual([['org:sfi', 1]]);
    const byId = Object.fromEntries(i.municipalities.map((m) => [m.id, m.nearest]));
    expect(byId['kommun:0001']).toEqual({ id: 'org:sfi', steps: 2 });
    expect(byId['kommun:0002']).toEqual({ id: 'org:sfi', steps: 3 });
    expect(i.without).toEqual(['kommun:0002']);
  });
});
