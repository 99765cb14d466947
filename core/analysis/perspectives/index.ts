/**
 * Gender and integration, measured where the register has data and said plainly where it has none (never 0 %).
 * Gender: the share of women in seats by network and by role (seats by sex on memberships), and in employment by
 * sector (employed women and men on the sector). Integration: the organisations that work with newcomers, SFI or
 * validation (worksWith), their steps from the focus, and which municipalities have none within two steps.
 */
import type { Bilingual } from '../../model/labels.js';
import type { NodeRecord } from '../../model/records.js';
import type { ReachBasis } from '../platform/index.js';
import { nearest } from '../platform/places.js';
import type { NodeRef } from '../platform/types.js';

export const INTEGRATION_WORK: readonly string[] = ['nyanlanda', 'sfi', 'validering'];
/** "Within two steps" of a municipality, after the integration brief. */
export const INTEGRATION_STEPS = 2;

export interface SeatShare {
  /** Memberships counted, and how many of them carry seats by sex. */
  memberships: number;
  withSeatData: number;
  women: number | null;
  men: number | null;
  /** null when no membership carries seats by sex: no data, not 0 %. */
  shareWomen: number | null;
}

export interface Perspectives {
  gender: {
    networks: Array<NodeRef & SeatShare>;
    roles: Array<{ role: string } & SeatShare>;
    sectors: Array<NodeRef & { employedWomen: number | null; employedMen: number | null; shareWomen: number | null }>;
    note: Bilingual;
  };
  integration: {
    actors: Array<NodeRef & { worksWith: string[]; step: number | null }>;
    municipalities: Array<{
      id: string;
      name: string;
      nameEn?: string;
      nearest: { id: string; steps: number } | null;
      located: string[];
    }>;
    /** Municipalities with no such organisation within two steps of their own organisation. */
    without: string[];
    note: Bilingual;
  };
}

const num = (x: unknown): number | null => (typeof x === 'number' && Number.isFinite(x) && x >= 0 ? x : null);
const ref = (n: NodeRecord): NodeRef => ({
  id: n.id,
  name: n.name,
  ...(n.nameEn ? { nameEn: n.nameEn } : {}),
  kind: n.kind,
  ...(typeof (n.props.orgType ?? n.props.networkType) === 'string'
    ? { type: String(n.props.orgType ?? n.props.networkType) }
    : {}),
});

function share(rels: Array<{ props: Record<string, unknown> }>): SeatShare {
  let women = 0;
  let men = 0;
  let withSeatData = 0;
  for (const r of rels) {
    const w = num(r.props.seatsWomen);
    const m = num(r.props.seatsMen);
    if (w === null || m === null) continue;
    withSeatData++;
    women += w;
    men += m;
  }
  const has = withSeatData > 0 && women + men > 0;
  return {
    memberships: rels.length,
    withSeatData,
    women: has ? women : null,
    men: has ? men : null,
    shareWomen: has ? women / (women + men) : null,
  };
}

function gender(b: ReachBasis): Perspectives['gender'] {
  const g = b.graph;
  const members = g.relations.filter((r) => r.type === 'MEMBER_OF' && g.node(r.to)?.kind === 'Network');
  const byNetwork = new Map<string, typeof members>();
  const byRole = new Map<string, typeof members>();
  for (const r of members) {
    byNetwork.set(r.to, [...(byNetwork.get(r.to) ?? []), r]);
    const role = typeof r.props.role === 'string' ? r.props.role.trim().toLowerCase() : '';
    if (role) byRole.set(role, [...(byRole.get(role) ?? []), r]);
  }
  const networks = [...byNetwork]
    .map(([id, rs]) => ({ ...ref(g.node(id)!), ...share(rs) }))
    .sort((a, c) => a.name.localeCompare(c.name, 'sv'));
  const roles = [...byRole]
    .map(([role, rs]) => ({ role, ...share(rs) }))
    .sort((a, c) => c.memberships - a.memberships || a.role.localeCompare(c.role, 'sv'));
  const sectors = [...g.allNodes()]
    .filter((n) => n.kind === 'Sector')
    .map((n) => {
      const w = num(n.props.employedWomen);
      const m = num(n.props.employedMen);
      return {
        ...ref(n),
        employedWomen: w,
        employedMen: m,
        shareWomen: w !== null && m !== null && w + m > 0 ? w / (w + m) : null,
      };
    })
    .sort((a, c) => a.name.localeCompare(c.name, 'sv'));
  const seatData = networks.some((x) => x.shareWomen !== null);
  const employment = sectors.some((x) => x.shareWomen !== null);
  const note = {
    sv: `${seatData ? 'Andelen kvinnor visas för de nätverk vars medlemskap har platser fördelade på kön.' : 'Registret har inga platser fördelade på kön, så andelen kvinnor i nätverken kan inte anges.'} ${employment ? 'Sysselsättningen per bransch visas där registret har antal kvinnor och män.' : 'Registret saknar sysselsatta per kön för branscherna.'} Saknade uppgifter visas som saknade, aldrig som 0 %.`,
    en: `${seatData ? 'The share of women is shown for the networks whose memberships carry seats by sex.' : 'The register has no seats by sex, so the share of women in the networks cannot be given.'} ${employment ? 'Employment by sector is shown where the register holds the numbers of women and men.' : 'The register lacks employment by sex for the sectors.'} Missing data is shown as missing, never as 0 %.`,
  };
  return { networks, roles, sectors, note };
}

function integration(b: ReachBasis): Perspectives['integration'] {
  const g = b.graph;
  const works = (n: NodeRecord) =>
    Array.isArray(n.props.worksWith) ? n.props.worksWith.filter((w): w is string => typeof w === 'string') : [];
  const idx = g.nodes
    .map((n, v) => ({ n, v }))
    .filter(({ n }) => n.kind === 'Organisation' && works(n).some((w) => INTEGRATION_WORK.includes(w)));
  const actors = idx.map(({ n, v }) => ({
    ...ref(n),
    worksWith: works(n),
    step: b.fromFocus.dist[v] >= 0 ? b.fromFocus.dist[v] : null,
  }));
  const from = idx.map(({ v }) => ({ id: g.ids[v], dist: g.distances(v, INTEGRATION_STEPS + 4).dist }));
  const municipalities = b.places.municipalities.map((m) => {
    let best: { id: string; steps: number } | null = null;
    for (const f of from) {
      const n = nearest(f.dist, b.places.kommun.get(m.id)!);
      if (n && (best === null || n.step < best.steps)) best = { id: f.id, steps: n.step };
    }
    const located = b.places.located
      .get(m.id)!
      .map((v) => g.ids[v])
      .filter((id) => from.some((f) => f.id === id));
    return { id: m.id, name: m.name, ...(m.nameEn ? { nameEn: m.nameEn } : {}), nearest: best, located };
  });
  const without = municipalities.filter((m) => m.nearest === null || m.nearest.steps > INTEGRATION_STEPS);
  const note =
    actors.length === 0
      ? {
          sv: 'Ingen organisation i registret har uppgift om att arbeta med nyanlända, SFI eller validering. Det betyder inte att sådana saknas i länet.',
          en: 'No organisation in the register is recorded as working with newcomers, SFI or validation. That does not mean there are none in the county.',
        }
      : {
          sv: `${actors.length} organisationer i registret arbetar med nyanlända, SFI eller validering. En kommun räknas som nådd när en av dem är högst ${INTEGRATION_STEPS} steg från kommunens egen organisation; registret kan sakna fler sådana aktörer.`,
          en: `${actors.length} organisations in the register work with newcomers, SFI or validation. A municipality counts as reached when one of them is at most ${INTEGRATION_STEPS} steps from the municipality's own organisation; the register may lack more such actors.`,
        };
  return { actors, municipalities, without: without.map((m) => m.id), note };
}

export function perspectives(b: ReachBasis): Perspectives {
  return { gender: gender(b), integration: integration(b) };
}
