/**
 * Balance of seats in councils and networks, by sex and by sector, where memberships carry seat counts
 * (MEMBER_OF props seats, seatsWomen, seatsMen). Without seat data it says so: it never estimates.
 */
import type { RelationRecord } from '../../model/records.js';
import { GapContext, uniq } from './context.js';
import { both, pct, type Lang } from './text.js';
import { unit } from './basis.js';
import type { DraftFinding } from './types.js';

const SECTIONS: Array<[number, number, string]> = [
  [1, 3, 'A'],
  [5, 9, 'B'],
  [10, 33, 'C'],
  [35, 35, 'D'],
  [36, 39, 'E'],
  [41, 43, 'F'],
  [45, 47, 'G'],
  [49, 53, 'H'],
  [55, 56, 'I'],
  [58, 63, 'J'],
  [64, 66, 'K'],
  [68, 68, 'L'],
  [69, 75, 'M'],
  [77, 82, 'N'],
  [84, 84, 'O'],
  [85, 85, 'P'],
  [86, 88, 'Q'],
  [90, 93, 'R'],
  [94, 96, 'S'],
  [97, 98, 'T'],
  [99, 99, 'U'],
];

/** SNI 2007 section letter of an SNI code ("28" → "C", "C" → "C"). */
export function sniSection(code: string): string | null {
  if (/^[A-U]$/.test(code)) return code;
  const division = Number(code.slice(0, 2));
  if (!/^\d{2}/.test(code)) return null;
  return SECTIONS.find(([lo, hi]) => division >= lo && division <= hi)?.[2] ?? null;
}

const n = (x: unknown): number | null => (typeof x === 'number' && Number.isFinite(x) ? x : null);

export function seatBalance(ctx: GapContext): DraftFinding[] {
  const o = ctx.options;
  const withSeats = ctx.relations.filter(
    (r) =>
      r.type === 'MEMBER_OF' &&
      (n(r.props.seats) !== null || n(r.props.seatsWomen) !== null || n(r.props.seatsMen) !== null),
  );
  if (withSeats.length === 0) {
    return [
      {
        id: 'seat-balance:no-data',
        kind: 'no-data',
        gapKind: 'seat-balance',
        severity: 'low',
        basis: 'absent',
        impact: 0,
        title: both((l) => (l === 'sv' ? 'Uppgifter om platser saknas' : 'No seat data')),
        explanation: both((l) =>
          l === 'sv'
            ? 'Inget medlemskap i registret har uppgifter om antal platser eller hur de fördelas på kvinnor och män, så könsbalansen och sektorsfördelningen i råd och styrgrupper kan inte bedömas med dessa data.'
            : 'No membership in the register has data on the number of seats or how they are split between women and men, so the gender balance and the sector balance of councils and steering groups cannot be assessed with this data.',
        ),
        nodeIds: [],
        metrics: { membershipsWithSeats: 0 },
      },
    ];
  }
  const findings: DraftFinding[] = [];
  const byNetwork = new Map<string, RelationRecord[]>();
  for (const r of withSeats) byNetwork.set(r.to, [...(byNetwork.get(r.to) ?? []), r]);
  const sectors = ctx
    .nodesOfKind('Sector')
    .filter((s) => typeof s.props.employmentShare === 'number' && typeof s.props.sni === 'string');
  for (const network of [...byNetwork.keys()].sort()) {
    const rels = byNetwork.get(network)!;
    let women = 0;
    let men = 0;
    let sexKnown = 0;
    const seatsOf = (r: RelationRecord) =>
      n(r.props.seats) ?? (n(r.props.seatsWomen) ?? 0) + (n(r.props.seatsMen) ?? 0);
    let total = 0;
    for (const r of rels) {
      total += seatsOf(r);
      if (n(r.props.seatsWomen) !== null || n(r.props.seatsMen) !== null) {
        women += n(r.props.seatsWomen) ?? 0;
        men += n(r.props.seatsMen) ?? 0;
        sexKnown++;
      }
    }
    const nname = (l: Lang) => ctx.name(network, l);
    const helixSeats = new Map<string, number>();
    for (const r of rels) {
      const h = String(ctx.prop(r.from, 'helix') ?? '(okänd)');
      helixSeats.set(h, (helixSeats.get(h) ?? 0) + seatsOf(r));
    }
    const helixMetrics = Object.fromEntries([...helixSeats].map(([h, s]) => [`seats.helix.${h}`, s]));
    if (women + men > 0) {
      const share = women / (women + men);
      if (share < o.seatShareLow || share > o.seatShareHigh) {
        findings.push({
          id: `seat-balance:sex:${network}`,
          kind: 'seat-balance',
          gapKind: 'seat-balance',
          severity: share < 0.25 || share > 0.75 ? 'high' : 'medium',
          basis: 'observed',
          impact: unit(0.3 + Math.abs(share - 0.5)),
          title: both((l) => (l === 'sv' ? `Ojämn könsfördelning i ${nname(l)}` : `Gender imbalance in ${nname(l)}`)),
          explanation: both((l) =>
            l === 'sv'
              ? `I ${nname(l)} har kvinnor ${women} och män ${men} av platserna (${pct(share, l)} kvinnor), utanför intervallet ${pct(o.seatShareLow, l)}–${pct(o.seatShareHigh, l)}.${sexKnown < rels.length ? ` Könsfördelningen är känd för ${sexKnown} av ${rels.length} medlemmar med platser.` : ''}`
              : `In ${nname(l)} women hold ${women} and men ${men} of the seats (${pct(share, l)} women), outside the ${pct(o.seatShareLow, l)}–${pct(o.seatShareHigh, l)} band.${sexKnown < rels.length ? ` The split is known for ${sexKnown} of ${rels.length} members with seats.` : ''}`,
          ),
          nodeIds: [network, ...uniq(rels.map((r) => r.from))],
          metrics: { seatsWomen: women, seatsMen: men, shareWomen: share, seats: total, ...helixMetrics },
        });
      }
    }
    // Sectors with a known share of county employment and a much smaller share of the seats.
    if (total > 0)
      for (const s of sectors) {
        const code = String(s.props.sni);
        const section = sniSection(code);
        const seats = rels
          .filter((r) => {
            const p = ctx.prop(r.from, 'primarySni');
            return (
              typeof p === 'string' &&
              (p === code || (section !== null && code === section && sniSection(p) === section))
            );
          })
          .reduce((sum, r) => sum + seatsOf(r), 0);
        const seatShare = seats / total;
        const employment = s.props.employmentShare as number;
        if (seatShare >= employment / 2) continue;
        findings.push({
          id: `seat-balance:sector:${network}:${s.id}`,
          kind: 'seat-balance',
          gapKind: 'seat-balance',
          severity: seats === 0 ? 'high' : 'medium',
          basis: 'observed',
          impact: unit(0.3 + employment - seatShare),
          title: both((l) =>
            l === 'sv'
              ? `${ctx.label(s.id, l)} underrepresenterad i ${nname(l)}`
              : `${ctx.label(s.id, l)} under-represented in ${nname(l)}`,
          ),
          explanation: both((l) =>
            l === 'sv'
              ? `Branschen ${ctx.label(s.id, l)} har ${pct(employment, l)} av sysselsättningen i länet men ${pct(seatShare, l)} av platserna i ${nname(l)} (${seats} av ${total}).`
              : `The sector ${ctx.label(s.id, l)} has ${pct(employment, l)} of county employment but ${pct(seatShare, l)} of the seats in ${nname(l)} (${seats} of ${total}).`,
          ),
          nodeIds: [network, s.id],
          metrics: { seats, totalSeats: total, seatShare, employmentShare: employment },
        });
      }
  }
  return findings;
}
