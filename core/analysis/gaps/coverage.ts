/**
 * Coverage of the municipalities by a network: represented directly (the kommun organisation is a member, or
 * the network covers the place), indirectly (through a kommunalförbund or samordningsförbund the kommun owns,
 * a network it belongs to that is part of or a member of the chosen network, or an organisational unit of the
 * kommun), or not at all; plus the smallest set of actors whose joining would close the gap (greedy set
 * cover, checked by exhaustive search when that is cheap).
 */
import type { Evidence, RelationRecord } from '../../model/records.js';
import { relationKind } from '../../model/catalogue/relation-kinds.js';
import { EVIDENCE_RANK, GapContext, MEMBERSHIP_TYPES, weakest } from './context.js';
import { both, byName, list, type Lang } from './text.js';
import { registerCompleteness, unit, unknownSentence } from './basis.js';
import type { MissingTie } from './schema.js';
import type { DraftFinding } from './types.js';

/** How one entity is represented through the next. */
type StepKind = 'member' | 'part' | 'joint' | 'unit' | 'covers';

interface RepEdge {
  /** `from` is represented through `to`. */
  from: string;
  to: string;
  kind: StepKind;
  rel: RelationRecord;
}

class RepGraph {
  readonly out = new Map<string, RepEdge[]>();
  readonly into = new Map<string, RepEdge[]>();

  add(e: RepEdge): void {
    if (e.from === e.to) return;
    (this.out.get(e.from) ?? this.out.set(e.from, []).get(e.from)!).push(e);
    (this.into.get(e.to) ?? this.into.set(e.to, []).get(e.to)!).push(e);
  }
}

function buildRepGraph(ctx: GapContext): RepGraph {
  const g = new RepGraph();
  const joint = new Set(ctx.options.jointBodyTypes);
  const isOrg = (id: string) => ctx.kind(id) === 'Organisation';
  const isKommun = (id: string) => isOrg(id) && ctx.prop(id, 'orgType') === 'kommun';
  for (const r of ctx.relations) {
    if (MEMBERSHIP_TYPES.has(r.type) && ctx.isNetwork(r.to)) g.add({ from: r.from, to: r.to, kind: 'member', rel: r });
    else if (r.type === 'PART_OF' && (ctx.isNetwork(r.to) || ctx.isNetwork(r.from)))
      g.add({ from: r.from, to: r.to, kind: 'part', rel: r });
    else if (
      (r.type === 'OWNS' || MEMBERSHIP_TYPES.has(r.type)) &&
      isKommun(r.from) &&
      isOrg(r.to) &&
      joint.has(String(ctx.prop(r.to, 'orgType')))
    )
      g.add({ from: r.from, to: r.to, kind: 'joint', rel: r });
    else if (r.type === 'PART_OF' && isOrg(r.from) && isOrg(r.to))
      g.add({ from: r.to, to: r.from, kind: 'unit', rel: r });
    else if (r.type === 'COVERS' && ctx.kind(r.to) === 'Municipality')
      g.add({ from: r.to, to: r.from, kind: 'covers', rel: r });
  }
  return g;
}

/** Kommun organisations of a municipality (orgType kommun, props.municipality = the place). */
function kommunOrgs(ctx: GapContext, m: string): string[] {
  return ctx.nodes
    .filter((n) => n.kind === 'Organisation' && n.props.orgType === 'kommun' && n.props.municipality === m)
    .map((n) => n.id)
    .sort();
}

interface Towards {
  dist: Map<string, number>;
  next: Map<string, RepEdge>;
  evidence: Map<string, Evidence>;
  routes: Map<string, number>;
}

/** Shortest representation chains into `target`; among equally short ones the best-evidenced, then by id. */
function towards(g: RepGraph, target: string): Towards {
  const dist = new Map<string, number>([[target, 0]]);
  const order = [target];
  for (let head = 0; head < order.length; head++) {
    const y = order[head];
    for (const e of g.into.get(y) ?? []) {
      if (e.kind === 'covers' || dist.has(e.from)) continue;
      dist.set(e.from, dist.get(y)! + 1);
      order.push(e.from);
    }
  }
  const next = new Map<string, RepEdge>();
  const evidence = new Map<string, Evidence>([[target, 'confirmed']]);
  const routes = new Map<string, number>([[target, 1]]);
  for (const x of order.slice(1)) {
    const d = dist.get(x)!;
    const steps = (g.out.get(x) ?? []).filter((e) => e.kind !== 'covers' && dist.get(e.to) === d - 1);
    let best: RepEdge | undefined;
    let bestEv: Evidence = 'uncertain';
    for (const e of steps) {
      const ev = weakest(e.rel.evidence, evidence.get(e.to)!);
      if (
        !best ||
        EVIDENCE_RANK[ev] > EVIDENCE_RANK[bestEv] ||
        (ev === bestEv && (e.to < best.to || (e.to === best.to && e.rel.type < best.rel.type)))
      ) {
        best = e;
        bestEv = ev;
      }
    }
    next.set(x, best!);
    evidence.set(x, bestEv);
    let r = 0;
    for (const to of new Set(steps.map((e) => e.to))) r += routes.get(to)!;
    routes.set(x, r);
  }
  return { dist, next, evidence, routes };
}

function chainOf(t: Towards, x: string): RepEdge[] {
  const chain: RepEdge[] = [];
  for (let e = t.next.get(x); e; e = t.next.get(e.to)) chain.push(e);
  return chain;
}

export type CoverageStatus = 'direct' | 'indirect' | 'none';

interface MunicipalityCoverage {
  id: string;
  status: CoverageStatus;
  distance: number | null;
  kommunOrg: string | null;
  /** Starts at the kommun organisation (or, for covers, at the place) and ends at the network. */
  chain: RepEdge[];
  evidence: Evidence | null;
  routes: number;
}

function coverageOf(ctx: GapContext, g: RepGraph, t: Towards, m: string): MunicipalityCoverage {
  const orgs = kommunOrgs(ctx, m);
  type Option = { distance: number; chain: RepEdge[]; evidence: Evidence; routes: number };
  const options: Option[] = [];
  for (const k of orgs) {
    const d = t.dist.get(k);
    if (d !== undefined)
      options.push({ distance: d, chain: chainOf(t, k), evidence: t.evidence.get(k)!, routes: t.routes.get(k)! });
  }
  for (const e of g.out.get(m) ?? []) {
    if (e.kind !== 'covers') continue;
    const d = t.dist.get(e.to);
    if (d !== undefined)
      options.push({
        distance: d + 1,
        chain: [e, ...chainOf(t, e.to)],
        evidence: weakest(e.rel.evidence, t.evidence.get(e.to)!),
        routes: t.routes.get(e.to)!,
      });
  }
  const kommunOrg = orgs[0] ?? null;
  if (options.length === 0)
    return { id: m, status: 'none', distance: null, kommunOrg, chain: [], evidence: null, routes: 0 };
  options.sort((a, b) => a.distance - b.distance || EVIDENCE_RANK[b.evidence] - EVIDENCE_RANK[a.evidence]);
  const best = options[0];
  const routes = options.filter((o) => o.distance === best.distance).reduce((s, o) => s + o.routes, 0);
  return {
    id: m,
    status: best.distance <= 1 ? 'direct' : 'indirect',
    distance: best.distance,
    kommunOrg,
    chain: best.chain,
    evidence: best.evidence,
    routes,
  };
}

/** Everything `starts` are represented through, with the number of steps. */
function reachFrom(g: RepGraph, starts: Array<[string, number]>): Map<string, number> {
  const dist = new Map<string, number>();
  const queue: string[] = [];
  for (const [s, d] of starts) {
    if (dist.has(s) && dist.get(s)! <= d) continue;
    dist.set(s, d);
    queue.push(s);
  }
  queue.sort((a, b) => dist.get(a)! - dist.get(b)!);
  for (let head = 0; head < queue.length; head++) {
    const x = queue[head];
    for (const e of g.out.get(x) ?? []) {
      if (e.kind === 'covers' || dist.has(e.to)) continue;
      dist.set(e.to, dist.get(x)! + 1);
      queue.push(e.to);
    }
  }
  return dist;
}

const PHRASE: Record<string, { sv: string; en: string }> = {
  MEMBER_OF: { sv: 'är medlem i', en: 'is a member of' },
  COORDINATES: { sv: 'samordnar', en: 'coordinates' },
  CHAIRS: { sv: 'leder', en: 'chairs' },
  part: { sv: 'är del av', en: 'is part of' },
  OWNS: { sv: 'äger', en: 'owns' },
  unit: { sv: 'företräds av sin enhet', en: 'is represented by its unit' },
  covers: { sv: 'täcks av', en: 'is covered by' },
};

function phrase(e: RepEdge, lang: Lang): string {
  if (e.kind === 'member' || e.kind === 'joint') {
    const p = PHRASE[e.rel.type];
    if (p) return p[lang];
    const k = relationKind(e.rel.type);
    return k ? k.label[lang] : e.rel.type;
  }
  return PHRASE[e.kind][lang];
}

/** "Tranås kommun är medlem i X, som är del av Y." */
export function chainSentence(ctx: GapContext, chain: RepEdge[], lang: Lang): string {
  if (chain.length === 0) return '';
  const parts = chain.map((e, i) => {
    const obj = ctx.name(e.to, lang);
    if (i === 0) return `${ctx.name(e.from, lang)} ${phrase(e, lang)} ${obj}`;
    return `${lang === 'sv' ? 'som' : 'which'} ${phrase(e, lang)} ${obj}`;
  });
  return parts.join(', ');
}

/** Levels of networks that are not meant to cover the whole county. */
const PART_OF_COUNTY = new Set(['delregional', 'lokal']);

/**
 * The default networks: the platform, and every county-wide college network that is not part of another one.
 * Nationwide bodies (level nationell) are context, not county coverage targets, unless `includeNational`; a
 * sub-regional or local college is not expected to cover all 13 municipalities.
 */
export function defaultCoverageNetworks(ctx: GapContext, includeNational = false): string[] {
  const isCollege = (id: string) => {
    if (ctx.kind(id) !== 'Network' || ctx.prop(id, 'networkType') !== 'college') return false;
    const level = String(ctx.prop(id, 'level') ?? '');
    return !PART_OF_COUNTY.has(level) && (includeNational || level !== 'nationell');
  };
  const roots = ctx.nodes
    .filter((n) => isCollege(n.id))
    .filter((n) => !ctx.out(n.id, new Set(['PART_OF', 'MEMBER_OF'])).some((r) => isCollege(r.to)))
    .map((n) => n.id)
    .sort();
  return [...(ctx.options.platform ? [ctx.options.platform] : []), ...roots.filter((r) => r !== ctx.options.platform)];
}

interface CoverResult {
  picks: string[];
  brings: Map<string, string[]>;
  uncoverable: string[];
  /** true: proven smallest; null: not known (greedy approximation). */
  exact: boolean | null;
  method: 'greedy' | 'greedy+bound' | 'greedy+search' | 'search';
}

const SEARCH_BUDGET = 200_000;

function setCover(
  ctx: GapContext,
  g: RepGraph,
  network: string,
  inside: Set<string>,
  uncovered: string[],
  covered: string[],
): CoverResult {
  const allowNetworks =
    ctx.options.coverCandidates === 'all' ||
    (ctx.options.coverCandidates === 'auto' && ctx.prop(network, 'networkType') === 'kompetensplattform');
  const containsN = new Set(reachFrom(g, [[network, 0]]).keys());
  const reachOf = new Map<string, Map<string, number>>();
  for (const m of [...uncovered, ...covered]) {
    const starts: Array<[string, number]> = kommunOrgs(ctx, m).map((k) => [k, 0]);
    for (const e of g.out.get(m) ?? []) if (e.kind === 'covers') starts.push([e.to, 1]);
    reachOf.set(m, reachFrom(g, starts));
  }
  const brings = new Map<string, string[]>();
  for (const [m, reach] of reachOf)
    for (const x of reach.keys()) {
      const kind = ctx.kind(x);
      if (x === network || inside.has(x) || containsN.has(x)) continue;
      if (kind !== 'Organisation' && !(allowNetworks && kind === 'Network')) continue;
      brings.set(x, [...(brings.get(x) ?? []), m]);
    }
  const candidates = [...brings.keys()].filter((x) => brings.get(x)!.some((m) => uncovered.includes(m))).sort();
  const cost = (x: string, ms: string[]) => ms.reduce((s, m) => s + (reachOf.get(m)!.get(x) ?? 0), 0);
  // A candidate already tied to the network by a relation outside the time or evidence filter is nearly there.
  const latent = new Set(ctx.allRelations.filter((r) => r.to === network).map((r) => r.from));
  /**
   * Greedy order: most new municipalities, then fewest already covered, then a relation to the network outside
   * the filter (time or evidence), then the shortest chains, organisations before networks, id.
   */
  const better = (x: string, gx: string[], y: string, gy: string[]): boolean => {
    if (gx.length !== gy.length) return gx.length > gy.length;
    const ex = brings.get(x)!.length - gx.length;
    const ey = brings.get(y)!.length - gy.length;
    if (ex !== ey) return ex < ey;
    const lx = latent.has(x) ? 0 : 1;
    const ly = latent.has(y) ? 0 : 1;
    if (lx !== ly) return lx < ly;
    const cx = cost(x, gx);
    const cy = cost(y, gy);
    if (cx !== cy) return cx < cy;
    const ox = ctx.kind(x) === 'Organisation' ? 0 : 1;
    const oy = ctx.kind(y) === 'Organisation' ? 0 : 1;
    if (ox !== oy) return ox < oy;
    return x < y;
  };
  const remaining = new Set(uncovered);
  const picks: string[] = [];
  while (remaining.size > 0) {
    let best: string | null = null;
    let bestGain: string[] = [];
    for (const x of candidates) {
      if (picks.includes(x)) continue;
      const gain = brings.get(x)!.filter((m) => remaining.has(m));
      if (gain.length === 0) continue;
      if (best === null || better(x, gain, best, bestGain)) {
        best = x;
        bestGain = gain;
      }
    }
    if (best === null) break;
    picks.push(best);
    for (const m of bestGain) remaining.delete(m);
  }
  const uncoverable = [...remaining].sort();
  const target = uncovered.filter((m) => !remaining.has(m));
  if (picks.length <= 1) return { picks, brings, uncoverable, exact: true, method: 'greedy+bound' };
  const maxGain = Math.max(...candidates.map((x) => brings.get(x)!.filter((m) => target.includes(m)).length));
  const lowerBound = Math.ceil(target.length / maxGain);
  if (lowerBound === picks.length) return { picks, brings, uncoverable, exact: true, method: 'greedy+bound' };
  // Exhaustive search for a smaller cover over the distinct, undominated candidate sets.
  if (target.length > 30) return { picks, brings, uncoverable, exact: null, method: 'greedy' };
  const bit = new Map(target.map((m, i) => [m, 1 << i]));
  const full = (1 << target.length) - 1;
  const byMask = new Map<number, string>();
  for (const x of candidates) {
    const mask = brings.get(x)!.reduce((s, m) => s | (bit.get(m) ?? 0), 0);
    if (mask === 0) continue;
    const current = byMask.get(mask);
    if (current === undefined) byMask.set(mask, x);
    else {
      const gm = brings.get(x)!.filter((m) => target.includes(m));
      const gc = brings.get(current)!.filter((m) => target.includes(m));
      if (better(x, gm, current, gc)) byMask.set(mask, x);
    }
  }
  const masks = [...byMask.keys()]
    .filter((a) => ![...byMask.keys()].some((b) => b !== a && (a & b) === a))
    .sort((a, b) => b - a);
  let budget = SEARCH_BUDGET;
  const search = (size: number): number[] | null => {
    const chosen: number[] = [];
    const rec = (start: number, acc: number): boolean => {
      if (--budget < 0) return false;
      if (chosen.length === size) return acc === full;
      for (let i = start; i < masks.length; i++) {
        chosen.push(masks[i]);
        if (rec(i + 1, acc | masks[i])) return true;
        chosen.pop();
        if (budget < 0) return false;
      }
      return false;
    };
    return rec(0, 0) ? [...chosen] : null;
  };
  for (let size = lowerBound; size < picks.length; size++) {
    const found = search(size);
    if (budget < 0) return { picks, brings, uncoverable, exact: null, method: 'greedy' };
    if (found)
      return { picks: found.map((m) => byMask.get(m)!).sort(), brings, uncoverable, exact: true, method: 'search' };
  }
  return { picks, brings, uncoverable, exact: true, method: 'greedy+search' };
}

const stepJson = (e: RepEdge) => ({ from: e.rel.from, to: e.rel.to, type: e.rel.type, evidence: e.rel.evidence });

/** The municipalities of one network, sorted by status. */
interface NetworkRows {
  network: string;
  rows: MunicipalityCoverage[];
  direct: MunicipalityCoverage[];
  indirect: MunicipalityCoverage[];
  none: MunicipalityCoverage[];
  cover: CoverResult | null;
}

function networkRows(ctx: GapContext, g: RepGraph, network: string, municipalities: string[]): NetworkRows {
  const t = towards(g, network);
  const rows = municipalities.map((m) => coverageOf(ctx, g, t, m));
  const direct = rows.filter((r) => r.status === 'direct');
  const indirect = rows.filter((r) => r.status === 'indirect');
  const none = rows.filter((r) => r.status === 'none');
  const cover =
    none.length > 0
      ? setCover(
          ctx,
          g,
          network,
          new Set(t.dist.keys()),
          none.map((r) => r.id),
          [...direct, ...indirect].map((r) => r.id),
        )
      : null;
  return { network, rows, direct, indirect, none, cover };
}

const names = (ctx: GapContext, rs: MunicipalityCoverage[], l: Lang) =>
  list(rs.map((r) => ctx.name(r.id, l)).sort(byName), l, 13);

/** "4 kommuner utan registrerad representation i X" or "9 kommuner bara indirekt i X". */
function coverageTitle(ctx: GapContext, n: NetworkRows, l: Lang): string {
  const net = ctx.name(n.network, l);
  const k = n.none.length > 0 ? n.none.length : n.indirect.length;
  const what = l === 'sv' ? (k === 1 ? 'kommun' : 'kommuner') : k === 1 ? 'municipality' : 'municipalities';
  if (n.none.length > 0)
    return l === 'sv'
      ? `${k} ${what} utan registrerad representation i ${net}`
      : `${k} ${what} with no recorded representation in ${net}`;
  return l === 'sv' ? `${k} ${what} bara indirekt i ${net}` : `${k} ${what} only indirectly in ${net}`;
}

/** The chains of the indirectly represented municipalities (at most five spelt out). */
function chainsText(ctx: GapContext, n: NetworkRows, l: Lang): string {
  const shown = [...n.indirect].sort((a, b) => byName(ctx.name(a.id, l), ctx.name(b.id, l))).slice(0, 5);
  const parts = shown.map((r) => `${ctx.name(r.id, l)}: ${chainSentence(ctx, r.chain, l)}`);
  const more = n.indirect.length - shown.length;
  const tail = more > 0 ? (l === 'sv' ? ` (och ${more} till)` : ` (and ${more} more)`) : '';
  return parts.length > 0 ? ` ${l === 'sv' ? 'Vägar' : 'Routes'}: ${parts.join('; ')}${tail}.` : '';
}

function coverText(ctx: GapContext, cover: CoverResult, l: Lang): string {
  let text = '';
  if (cover.picks.length > 0) {
    const who = list(
      cover.picks.map((x) => ctx.name(x, l)),
      l,
    );
    const how =
      cover.exact === true
        ? l === 'sv'
          ? 'bevisat minsta möjliga antal'
          : 'proven to be the smallest possible number'
        : l === 'sv'
          ? 'girig approximation; en mindre uppsättning kan finnas'
          : 'a greedy approximation; a smaller set may exist';
    const all = cover.uncoverable.length === 0;
    text +=
      l === 'sv'
        ? ` Om ${who} anslöt sig skulle ${all ? 'alla kommuner' : 'fler kommuner'} vara representerade (mängdtäckning: ${how}).`
        : ` If ${who} joined, ${all ? 'every municipality' : 'more municipalities'} would be represented (set cover: ${how}).`;
  }
  if (cover.uncoverable.length > 0) {
    const who = list(
      cover.uncoverable.map((m) => ctx.name(m, l)),
      l,
    );
    text +=
      l === 'sv'
        ? ` Ingen aktör i registret kan ge representation för ${who}.`
        : ` No actor in the register can bring in ${who}.`;
  }
  return text;
}

function coverageExplanation(ctx: GapContext, n: NetworkRows, l: Lang): string {
  const net = ctx.name(n.network, l);
  const total = n.rows.length;
  const parts =
    l === 'sv'
      ? [
          `${n.direct.length} av ${total} kommuner är direkt representerade i ${net}`,
          n.indirect.length > 0 ? `${n.indirect.length} bara indirekt (${names(ctx, n.indirect, l)})` : null,
          n.none.length > 0
            ? `för ${n.none.length} finns ingen representation registrerad (${names(ctx, n.none, l)})`
            : null,
        ]
      : [
          `${n.direct.length} of ${total} municipalities are represented directly in ${net}`,
          n.indirect.length > 0 ? `${n.indirect.length} only indirectly (${names(ctx, n.indirect, l)})` : null,
          n.none.length > 0 ? `for ${n.none.length} no representation is recorded (${names(ctx, n.none, l)})` : null,
        ];
  let text =
    list(
      parts.filter((p): p is string => p !== null),
      l,
    ) + '.';
  text += chainsText(ctx, n, l);
  if (n.cover) text += coverText(ctx, n.cover, l);
  return text;
}

function coverageFinding(ctx: GapContext, n: NetworkRows): DraftFinding {
  const { network, rows, direct, indirect, none, cover } = n;
  const absent = none.length > 0;
  const completeness = absent ? registerCompleteness(ctx, [...MEMBERSHIP_TYPES], ['kommun']) : undefined;
  const joinTie = (x: string): MissingTie => ({
    from: x,
    to: network,
    type: ctx.kind(x) === 'Network' ? 'PART_OF' : 'MEMBER_OF',
  });
  const missingTies: MissingTie[] =
    cover && cover.picks.length > 0
      ? cover.picks.map(joinTie)
      : [...none, ...indirect].flatMap((r) => (r.kommunOrg ? [joinTie(r.kommunOrg)] : []));
  const mandate = network === ctx.options.platform ? 0.2 : 0;
  return {
    id: `coverage:${network}`,
    kind: 'coverage',
    gapKind: 'coverage',
    severity: absent ? 'high' : 'low',
    basis: absent ? 'absent' : 'observed',
    impact: unit((none.length + 0.25 * indirect.length) / Math.max(1, rows.length) + mandate),
    title: both((l) => coverageTitle(ctx, n, l)),
    explanation: both((l) => {
      const text = coverageExplanation(ctx, n, l);
      if (!completeness) return text;
      const caveat =
        l === 'sv'
          ? ' Att ingen representation är registrerad betyder inte säkert att den saknas.'
          : ' That no representation is recorded does not prove that there is none.';
      return text + caveat + unknownSentence(ctx, completeness, l === 'sv' ? 'medlemskap' : 'memberships', l);
    }),
    nodeIds: [network, ...none.map((r) => r.id), ...indirect.map((r) => r.id), ...(cover?.picks ?? [])],
    ...(missingTies.length > 0 ? { missingTies } : {}),
    metrics: {
      municipalities: rows.length,
      direct: direct.length,
      indirect: indirect.length,
      notCovered: none.length,
      ...(cover ? { coverSize: cover.picks.length, coverExact: cover.exact === true ? 1 : 0 } : {}),
    },
    details: {
      network,
      municipalities: rows.map((r) => ({
        id: r.id,
        status: r.status,
        distance: r.distance,
        evidence: r.evidence,
        routes: r.routes,
        chain: r.chain.map(stepJson),
      })),
      cover: cover
        ? {
            picks: cover.picks.map((x) => ({ id: x, brings: [...(cover.brings.get(x) ?? [])].sort() })),
            uncoverable: cover.uncoverable,
            exact: cover.exact,
            method: cover.method,
          }
        : null,
    },
    ...(completeness ? { completeness } : {}),
  };
}

/** One finding per network with a municipality missing or only indirectly represented: one cause, one finding. */
export function coverage(ctx: GapContext): DraftFinding[] {
  const g = buildRepGraph(ctx);
  const municipalities = ctx
    .nodesOfKind('Municipality')
    .map((n) => n.id)
    .sort();
  return ctx.options.network
    .map((network) => networkRows(ctx, g, network, municipalities))
    .filter((n) => n.none.length > 0 || n.indirect.length > 0)
    .map((n) => coverageFinding(ctx, n));
}
