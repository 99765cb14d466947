/**
 * The council as a set-cover instance. Requirements: every municipality in the register, every helix group, and
 * every sector with a demands tie. An organisation covers its own municipality (a kommun), the municipalities of
 * the kommuner that own or are members of it (a kommunalförbund or samordningsförbund), its helix group, and the
 * sectors it is active in, represents, or has as main sector (a division covers its section).
 */
import { HELIX } from '../../model/catalogue/node-kinds.js';
import type { NodeRecord } from '../../model/records.js';
import { sniSection } from '../gaps/seats.js';
import type { ReachGraph } from '../platform/graph.js';
import type { Requirement } from './types.js';

export const JOINT_BODIES: ReadonlySet<string> = new Set(['kommunalforbund', 'samordningsforbund']);
const MEMBERSHIP = new Set(['MEMBER_OF', 'COORDINATES', 'CHAIRS']);

export interface Candidate {
  node: NodeRecord;
  member: boolean;
  municipalities: string[];
  helix: string[];
  sectors: string[];
  seats: { women: number; men: number } | null;
}

export interface CouncilProblem {
  municipalities: Requirement[];
  helix: Requirement[];
  sectors: Requirement[];
  candidates: Candidate[];
  /** Whether any membership in the register carries seats by sex. */
  anySeatData: boolean;
}

const req = (n: NodeRecord): Requirement => ({ id: n.id, name: n.name, ...(n.nameEn ? { nameEn: n.nameEn } : {}) });

/** Does an actor with SNI code `p` belong to the demanded sector `s`? */
export function sniCovers(p: string, s: string): boolean {
  if (p === s) return true;
  if (/^[A-U]$/.test(s)) return sniSection(p) === s;
  return /^\d+$/.test(p) && p.startsWith(s);
}

const num = (x: unknown): number | null => (typeof x === 'number' && Number.isFinite(x) && x >= 0 ? x : null);

export function councilProblem(g: ReachGraph, network: string): CouncilProblem {
  const all = [...g.allNodes()];
  const municipalities = all.filter((n) => n.kind === 'Municipality').map(req);
  const demanded = new Set(g.relations.filter((r) => r.type === 'DEMANDS').map((r) => r.from));
  const sectorNodes = all.filter((n) => n.kind === 'Sector' && demanded.has(n.id));
  const sectors = sectorNodes.map(req);
  const sniOf = new Map(all.filter((n) => n.kind === 'Sector').map((n) => [n.id, String(n.props.sni ?? '')]));
  const mset = new Set(municipalities.map((m) => m.id));
  const kommunOf = new Map<string, string>();
  for (const n of all)
    if (n.kind === 'Organisation' && n.props.orgType === 'kommun' && mset.has(String(n.props.municipality)))
      kommunOf.set(n.id, String(n.props.municipality));
  const owners = new Map<string, Set<string>>();
  const codes = new Map<string, Set<string>>();
  const seats = new Map<string, { women: number; men: number }>();
  const members = new Set<string>();
  let anySeatData = false;
  for (const r of g.relations) {
    if ((r.type === 'OWNS' || r.type === 'MEMBER_OF') && kommunOf.has(r.from))
      (owners.get(r.to) ?? owners.set(r.to, new Set()).get(r.to)!).add(kommunOf.get(r.from)!);
    if ((r.type === 'ACTIVE_IN' || r.type === 'REPRESENTS') && sniOf.has(r.to))
      (codes.get(r.from) ?? codes.set(r.from, new Set()).get(r.from)!).add(sniOf.get(r.to)!);
    const women = num(r.props.seatsWomen);
    const men = num(r.props.seatsMen);
    if (r.type === 'MEMBER_OF' && women !== null && men !== null) anySeatData = true;
    if (!MEMBERSHIP.has(r.type) || r.to !== network) continue;
    members.add(r.from);
    if (women !== null && men !== null) {
      const s = seats.get(r.from) ?? { women: 0, men: 0 };
      seats.set(r.from, { women: s.women + women, men: s.men + men });
    }
  }
  const helixIds = new Set(HELIX.map((h) => h.value));
  const candidates: Candidate[] = [];
  for (const n of all) {
    if (n.kind !== 'Organisation') continue;
    const ms = new Set<string>();
    if (kommunOf.has(n.id)) ms.add(kommunOf.get(n.id)!);
    if (JOINT_BODIES.has(String(n.props.orgType))) for (const m of owners.get(n.id) ?? []) ms.add(m);
    const own = new Set(codes.get(n.id) ?? []);
    if (typeof n.props.primarySni === 'string') own.add(n.props.primarySni);
    const helix = typeof n.props.helix === 'string' && helixIds.has(n.props.helix) ? [n.props.helix] : [];
    candidates.push({
      node: n,
      member: members.has(n.id),
      municipalities: [...ms].sort(),
      helix,
      sectors: sectorNodes.filter((s) => [...own].some((p) => sniCovers(p, sniOf.get(s.id)!))).map((s) => s.id),
      seats: seats.get(n.id) ?? null,
    });
  }
  const helixReq = HELIX.map((h) => ({ id: h.value, name: h.label.sv, nameEn: h.label.en }));
  return { municipalities, helix: helixReq, sectors, candidates, anySeatData };
}

/** The share of women of the candidates' seats; null unless every candidate has seat data. */
export function shareOf(cs: Candidate[]): number | null {
  if (cs.length === 0 || cs.some((c) => c.seats === null)) return null;
  const women = cs.reduce((s, c) => s + c.seats!.women, 0);
  const all = women + cs.reduce((s, c) => s + c.seats!.men, 0);
  return all > 0 ? women / all : null;
}
