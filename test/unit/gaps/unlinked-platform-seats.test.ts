import { describe, it, expect } from 'vitest';
import { runGaps } from '../../../core/analysis/gaps/index.js';
import { byId, ids, node, nw, occ, org, rel, sector, snapshot } from './support.js';

describe('gaps: unlinked demand', () => {
  /**
   * e1 demands a shortage occupation and sits in no network → high. e2 demands and is a member of a network → fine.
   * Sector F: nobody active in it → finding without missing ties. Sector C: c1 is active in it and a member of a
   * network → fine. Sector I: i1 is active in it but in no network → finding naming i1.
   */
  const s = snapshot(
    [
      org('org:e1', 'Elfirman'),
      org('org:e2', 'Vårdbolaget'),
      org('org:c1', 'Verkstaden'),
      org('org:i1', 'Restaurangen'),
      nw('nw:p', 'Plattformen', 'kompetensplattform'),
      nw('nw:x', 'Branschrådet', 'branschrad'),
      occ('7411', 'Elektriker', { shortage: 'brist' }),
      occ('5321', 'Undersköterskor'),
      occ('5120', 'Kockar'),
      sector('F', 'Bygg'),
      sector('C', 'Tillverkning'),
      sector('I', 'Hotell och restaurang'),
    ],
    [
      rel('DEMANDS', 'org:e1', 'ssyk:7411'),
      rel('DEMANDS', 'org:e2', 'ssyk:5321'),
      rel('MEMBER_OF', 'org:e2', 'nw:x'),
      rel('DEMANDS', 'sni:F', 'ssyk:7411'),
      rel('DEMANDS', 'sni:C', 'ssyk:5321'),
      rel('ACTIVE_IN', 'org:c1', 'sni:C'),
      rel('MEMBER_OF', 'org:c1', 'nw:x'),
      rel('DEMANDS', 'sni:I', 'ssyk:5120'),
      rel('ACTIVE_IN', 'org:i1', 'sni:I'),
    ],
  );

  it('finds demanders outside every network', () => {
    const { findings } = runGaps(s, { kinds: ['unlinked-demand'] });
    expect(ids(findings)).toEqual(['unlinked-demand:org:e1', 'unlinked-demand:sni:F', 'unlinked-demand:sni:I']);
    const e1 = byId(findings, 'unlinked-demand:org:e1');
    expect(e1.severity).toBe('high');
    expect(e1.explanation.sv).toBe(
      'Elfirman efterfrågar Elektriker (SSYK 7411) men registret har inget medlemskap för aktören i något nätverk, college, råd eller projekt.',
    );
    expect(e1.missingTies).toEqual([{ from: 'org:e1', to: 'nw:p', type: 'MEMBER_OF' }]);
    const f = byId(findings, 'unlinked-demand:sni:F');
    expect(f.explanation.sv).toContain('ingen aktör i registret är verksam i eller företräder branschen');
    expect(f.missingTies).toBeUndefined();
    const i = byId(findings, 'unlinked-demand:sni:I');
    expect(i.severity).toBe('medium');
    expect(i.explanation.sv).toContain('för någon av dess aktörer (Restaurangen)');
    expect(i.missingTies).toEqual([{ from: 'org:i1', to: 'nw:p', type: 'MEMBER_OF' }]);
  });
});

describe('gaps: key actors not linked to the platform', () => {
  /**
   * A star around the broker h (h–a, h–b, h–c, h–x) plus a–b. h has the highest betweenness and degree but no tie
   * to the platform P or its sub-network S; x is a member of S (part of P), so x is linked.
   */
  const tie = (a: string, b: string) => rel('COLLABORATES_WITH', a, b);
  const s = snapshot(
    [
      ...['h', 'a', 'b', 'c', 'x'].map((n) => org(`org:${n}`, n.toUpperCase())),
      nw('nw:p', 'Plattformen', 'kompetensplattform'),
      nw('nw:s', 'Delnätverket', 'college'),
    ],
    [
      tie('org:h', 'org:a'),
      tie('org:h', 'org:b'),
      tie('org:h', 'org:c'),
      tie('org:h', 'org:x'),
      tie('org:a', 'org:b'),
      rel('PART_OF', 'nw:s', 'nw:p'),
      rel('MEMBER_OF', 'org:x', 'nw:s'),
    ],
  );

  it('lists central actors without an affiliation to the platform or its sub-networks', () => {
    const { findings } = runGaps(s, { kinds: ['platform-link'], topN: 1 });
    expect(ids(findings)).toEqual(['platform-link:org:h']);
    const h = findings[0];
    // Priority follows impact: h is the most central actor (impact 1).
    expect(h.impact).toBe(1);
    expect(h.severity).toBe('high');
    expect(h.basis).toBe('absent');
    expect(h.metrics).toMatchObject({ betweennessRank: 1, degreeRank: 1, degree: 4 });
    expect(h.missingTies).toEqual([{ from: 'org:h', to: 'nw:p', type: 'MEMBER_OF' }]);
    expect(h.explanation.sv).toContain(
      'H (plats 1 på mellanhet (0,833); plats 1 på grad och 4 band) har ingen registrerad anknytning till Plattformen eller dess delnätverk. Närmaste kontakter som är med: X.',
    );
    // With a larger N the linked x never appears, a and b (degree 2) do, and c (degree 1, betweenness 0) does at N = 5.
    expect(ids(runGaps(s, { kinds: ['platform-link'], topN: 3 }).findings)).toEqual([
      'platform-link:org:a',
      'platform-link:org:b',
      'platform-link:org:h',
    ]);
    expect(ids(runGaps(s, { kinds: ['platform-link'], topN: 5 }).findings)).toEqual([
      'platform-link:org:a',
      'platform-link:org:b',
      'platform-link:org:c',
      'platform-link:org:h',
    ]);
  });

  it('an actor in the platform network itself is linked', () => {
    const linked = { ...s, relations: [...s.relations, rel('MEMBER_OF', 'org:h', 'nw:p')] };
    expect(ids(runGaps(linked, { kinds: ['platform-link'], topN: 1 }).findings)).toEqual([]);
  });
});

describe('gaps: balance of seats', () => {
  const base = () =>
    snapshot(
      [
        org('org:a', 'A', { helix: 'offentlig', primarySni: 'O' }),
        org('org:b', 'B', { helix: 'naringsliv', primarySni: '28' }),
        nw('nw:r', 'Rådet', 'kompetensrad'),
        sector('C', 'Tillverkning', { employmentShare: 0.25 }),
      ],
      [rel('MEMBER_OF', 'org:a', 'nw:r'), rel('MEMBER_OF', 'org:b', 'nw:r')],
    );

  it('says that it cannot be assessed without seat data', () => {
    const { findings } = runGaps(base(), { kinds: ['seat-balance'] });
    expect(findings).toHaveLength(1);
    expect(findings[0]).toMatchObject({
      id: 'seat-balance:no-data',
      kind: 'no-data',
      gapKind: 'seat-balance',
      nodeIds: [],
    });
    expect(findings[0].explanation.sv).toContain('kan inte bedömas');
    expect(findings[0].metrics).toEqual({ membershipsWithSeats: 0 });
  });

  it('flags councils outside 40/60 and sectors with far fewer seats than their share of employment', () => {
    const s = base();
    s.relations[0].props = { seats: 5, seatsWomen: 1, seatsMen: 4 };
    s.relations[1].props = { seats: 2, seatsWomen: 0, seatsMen: 2 };
    const { findings } = runGaps(s, { kinds: ['seat-balance'] });
    expect(ids(findings)).toEqual(['seat-balance:sex:nw:r']);
    const sex = findings[0];
    expect(sex.severity).toBe('high'); // 1 of 7 = 14 % women
    expect(sex.metrics).toMatchObject({
      seatsWomen: 1,
      seatsMen: 6,
      seats: 7,
      'seats.helix.offentlig': 5,
      'seats.helix.naringsliv': 2,
    });
    expect(sex.explanation.sv).toBe(
      'I Rådet har kvinnor 1 och män 6 av platserna (14 % kvinnor), utanför intervallet 40 %–60 %.',
    );
    // Manufacturing (SNI 28 is in section C) holds 2 of 7 seats = 29 % ≥ 25 %/2: not flagged. Remove B's seats → 0 %.
    s.relations[1].props = { seatsWomen: 0, seatsMen: 0 };
    s.relations[0].props = { seats: 4, seatsWomen: 2, seatsMen: 2 };
    const sector = runGaps(s, { kinds: ['seat-balance'] }).findings;
    expect(ids(sector)).toEqual(['seat-balance:sector:nw:r:sni:C']);
    expect(sector[0]).toMatchObject({
      severity: 'high',
      metrics: { seats: 0, totalSeats: 4, seatShare: 0, employmentShare: 0.25 },
    });
  });
});

describe('gaps: registry and parameters', () => {
  it('has one descriptor per gap kind, bilingual, with defaults', async () => {
    const { GAP_KINDS, GAP_KIND_IDS } = await import('../../../core/analysis/gaps/index.js');
    expect(GAP_KINDS.map((d) => d.id)).toEqual([...GAP_KIND_IDS]);
    for (const d of GAP_KINDS) {
      for (const text of [d.label, d.definition, d.severity]) {
        expect(text.sv.length).toBeGreaterThan(3);
        expect(text.en.length).toBeGreaterThan(3);
      }
      expect(d.reference.length).toBeGreaterThan(10);
      for (const p of d.parameters) expect(p).toHaveProperty('default');
    }
    expect(GAP_KINDS.find((d) => d.id === 'supply-reach')!.parameters.find((p) => p.id === 'k')).toMatchObject({
      default: 2,
      min: 1,
      max: 6,
    });
    expect(GAP_KINDS.find((d) => d.id === 'coverage')!.notes!.en).toContain('approximation');
  });

  it('rejects bad parameters, naming them', () => {
    const s = snapshot([org('org:a', 'A')], []);
    const cases: Array<[Record<string, unknown>, string]> = [
      [{ k: 0 }, 'k'],
      [{ k: 2.5 }, 'k'],
      [{ kinds: ['nope'] }, 'kinds'],
      [{ network: ['nw:nope'] }, 'network'],
      [{ platform: 'org:a' }, 'platform'],
      [{ relationTypes: ['NOPE'] }, 'relationTypes'],
      [{ densityThreshold: 2 }, 'densityThreshold'],
      [{ seatShareLow: 0.7, seatShareHigh: 0.6 }, 'seatShareLow'],
      [{ asOf: '2020' }, 'asOf'],
    ];
    for (const [options, parameter] of cases)
      expect(() => runGaps(s, options as never), parameter).toThrow(
        expect.objectContaining({ details: expect.objectContaining({ parameter }) }),
      );
  });

  it('core/analysis/gaps uses no Node APIs (it runs in a Web Worker)', async () => {
    const { readdirSync, readFileSync } = await import('node:fs');
    const dir = new URL('../../../core/analysis/gaps/', import.meta.url);
    const files = readdirSync(dir).filter((f) => f.endsWith('.ts'));
    expect(files.length).toBeGreaterThanOrEqual(10);
    for (const f of files) {
      const text = readFileSync(new URL(f, dir), 'utf8');
      expect(text, f).not.toMatch(/from ['"](node:|fs|path|os|child_process|better-sqlite3|fastify)/);
      expect(text, f).not.toMatch(/\bprocess\.|\bBuffer\b|\brequire\(/);
    }
  });
});

// A node of a kind the gaps do not know must not break them.
describe('gaps: robustness', () => {
  it('runs every kind on an empty register', () => {
    const report = runGaps(snapshot([node('x:1', 'Action', 'Åtgärd', { status: 'planned' })], []));
    expect(report.findings.map((f) => f.id)).toEqual([
      'supply-volume:no-data',
      'platform-link:no-data',
      'seat-balance:no-data',
    ]);
    expect(report.projection).toMatchObject({ mode: 'one-mode', actors: 0 });
  });
});
