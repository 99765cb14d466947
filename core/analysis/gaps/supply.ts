/**
 * Skills supply against demand, per occupation or skill:
 *  - supply-none: demanded (or assessed as shortage) but nobody in the county educates for it;
 *  - supply-reach: providers exist, but some demanding actor reaches none of them within k steps;
 *  - supply-volume: supply volume below demand volume, where the data has volumes.
 */
import type { RelationRecord } from '../../model/records.js';
import { GapContext, MEMBERSHIP_TYPES, uniq } from './context.js';
import { both, byName, list, num, type Lang } from './text.js';
import { PROVIDER_TYPES, registerCompleteness, unit, unknownSentence } from './basis.js';
import type { MissingTie } from './schema.js';
import type { DraftFinding } from './types.js';

const SUPPLY = 'EDUCATES_FOR';
const DEMAND = 'DEMANDS';
const PROVIDES = new Set(['OFFERS', 'OPERATES']);
const CARRIES = new Set(['ACTIVE_IN', 'REPRESENTS']);

interface Supplier {
  actor: string;
  /** The programme through which the actor educates (null = direct EDUCATES_FOR). */
  programme: string | null;
}

export class SupplyIndex {
  constructor(private readonly ctx: GapContext) {}

  /** Occupations and skills with demand or a shortage assessment, sorted by id. */
  targets(): string[] {
    return this.ctx.nodes
      .filter(
        (n) =>
          (n.kind === 'Occupation' || n.kind === 'Skill') &&
          (this.ctx.in(n.id, DEMAND).length > 0 || n.props.shortage === 'brist'),
      )
      .map((n) => n.id)
      .sort();
  }

  demand(t: string): RelationRecord[] {
    return this.ctx.in(t, DEMAND);
  }

  shortage(t: string): boolean {
    return this.ctx.prop(t, 'shortage') === 'brist' || this.demand(t).some((r) => r.props.shortageLevel === 'brist');
  }

  supply(t: string): RelationRecord[] {
    return this.ctx.in(t, SUPPLY);
  }

  /** Actors that educate for `t`, directly or by offering or operating a programme that does. */
  suppliers(t: string): Supplier[] {
    const out: Supplier[] = [];
    for (const r of this.supply(t)) {
      if (this.ctx.isActor(r.from)) out.push({ actor: r.from, programme: null });
      else if (this.ctx.kind(r.from) === 'EducationProgramme')
        for (const p of this.ctx.in(r.from, PROVIDES))
          if (this.ctx.isActor(p.from)) out.push({ actor: p.from, programme: r.from });
    }
    return out.sort((a, b) => a.actor.localeCompare(b.actor));
  }

  /** Actors that carry a sector's demand: active in it, or representing it. */
  carriers(sector: string): string[] {
    return uniq(
      this.ctx
        .in(sector, CARRIES)
        .filter((r) => this.ctx.isActor(r.from))
        .map((r) => r.from),
    );
  }

  /** Demanding actors of `t`: direct demanders and the carriers of demanding sectors. */
  demandingActors(t: string): string[] {
    const out: string[] = [];
    for (const r of this.demand(t)) {
      if (this.ctx.isActor(r.from)) out.push(r.from);
      else if (this.ctx.kind(r.from) === 'Sector') out.push(...this.carriers(r.from));
    }
    return uniq(out);
  }

  /** "Region Jönköpings län och branschen Hälso- och sjukvård (SNI 86)". */
  demandersText(t: string, lang: Lang): string {
    const actors: string[] = [];
    const sectors: string[] = [];
    for (const id of uniq(this.demand(t).map((r) => r.from))) {
      if (this.ctx.kind(id) === 'Sector')
        sectors.push(`${lang === 'sv' ? 'branschen' : 'the sector'} ${this.ctx.label(id, lang)}`);
      else actors.push(this.ctx.name(id, lang));
    }
    return list([...actors.sort(byName), ...sectors.sort(byName)], lang);
  }
}

const targetWord = (ctx: GapContext, t: string, lang: Lang): string =>
  ctx.kind(t) === 'Skill' ? (lang === 'sv' ? 'kompetensen' : 'the skill') : lang === 'sv' ? 'yrket' : 'the occupation';

/** The organisation types of actors, sorted (for completeness among demanders). */
const orgTypesOf = (ctx: GapContext, actors: string[]): string[] =>
  uniq(actors.map((a) => String(ctx.prop(a, 'orgType') ?? '')).filter((t) => t !== ''));

/**
 * Demanded or shortage occupations and skills without any EDUCATES_FOR tie. The basis is absent: the register
 * lacks the tie, and providers without any EDUCATES_FOR tie are unknown, not non-providers.
 */
export function supplyNone(ctx: GapContext): DraftFinding[] {
  const idx = new SupplyIndex(ctx);
  const completeness = registerCompleteness(ctx, ['EDUCATES_FOR'], PROVIDER_TYPES);
  const findings: DraftFinding[] = [];
  for (const t of idx.targets()) {
    if (idx.supply(t).length > 0) continue;
    const shortage = idx.shortage(t);
    const demanders = uniq(idx.demand(t).map((r) => r.from));
    // Education for a demanding sector, as context (it is not supply for this occupation).
    const sectorSupply = demanders
      .filter((d) => ctx.kind(d) === 'Sector' && idx.supply(d).length > 0)
      .map((s) => ({ sector: s, providers: uniq(idx.suppliers(s).map((x) => x.actor)) }));
    const word = (lang: Lang) => targetWord(ctx, t, lang);
    findings.push({
      id: `supply:${t}`,
      kind: 'supply-none',
      gapKind: 'supply-none',
      severity: shortage ? 'high' : 'medium',
      basis: 'absent',
      impact: unit(0.4 + (shortage ? 0.3 : 0) + 0.1 * Math.min(3, demanders.length)),
      title: both((l) =>
        l === 'sv'
          ? `Ingen registrerad utbildare för ${ctx.label(t, l)}`
          : `No recorded provider for ${ctx.label(t, l)}`,
      ),
      explanation: both((l) => {
        const head =
          demanders.length > 0
            ? l === 'sv'
              ? `${ctx.label(t, l)} efterfrågas av ${idx.demandersText(t, l)}, men ingen aktör i registret har en koppling som utbildare för ${word(l)}.`
              : `${ctx.label(t, l)} is in demand by ${idx.demandersText(t, l)}, but no actor in the register is recorded as educating for ${word(l)}.`
            : l === 'sv'
              ? `${ctx.label(t, l)} bedöms som bristyrke, men ingen aktör i registret har en koppling som utbildare för ${word(l)}.`
              : `${ctx.label(t, l)} is assessed as a shortage occupation, but no actor in the register is recorded as educating for ${word(l)}.`;
        const brist =
          shortage && demanders.length > 0
            ? l === 'sv'
              ? ' Det är bedömt som bristyrke.'
              : ' It is assessed as a shortage occupation.'
            : '';
        const context = sectorSupply
          .map(({ sector, providers }) => {
            const who =
              providers.length > 0 ? ` (${list(providers.map((p) => ctx.name(p, l)).sort(byName), l, 4)})` : '';
            return l === 'sv'
              ? ` Det finns utbildning för branschen ${ctx.label(sector, l)}${who}, men ingen är kopplad till ${word(l)}.`
              : ` There is education for the sector ${ctx.label(sector, l)}${who}, but none is linked to ${word(l)}.`;
          })
          .join('');
        const unknown = unknownSentence(ctx, completeness, l === 'sv' ? 'utbildningskopplingar' : 'education ties', l);
        return head + (ctx.kind(t) === 'Skill' ? '' : brist) + context + unknown;
      }),
      nodeIds: [t, ...demanders],
      metrics: { demanders: demanders.length, shortage: shortage ? 1 : 0 },
      details: {
        target: t,
        demanders,
        sectorSupply: sectorSupply.map((s) => ({ sector: s.sector, providers: s.providers })),
      },
      completeness,
    });
  }
  return findings;
}

/**
 * The graph in which supply-reach counts steps: the actor projection (a step is a direct tie or a shared
 * network) plus organisational PART_OF between two actors (a unit and its parent are one step apart).
 */
function reachGraph(ctx: GapContext): Map<string, Map<string, string[]>> {
  const adj = new Map<string, Map<string, string[]>>();
  const link = (a: string, b: string, via: string[]) => {
    if (a === b) return;
    for (const [x, y] of [
      [a, b],
      [b, a],
    ]) {
      let row = adj.get(x);
      if (!row) adj.set(x, (row = new Map()));
      row.set(y, [...(row.get(y) ?? []), ...via]);
    }
  };
  const g = ctx.projection.graph;
  g.forEachEdge((_e, attrs, s, t) => link(s, t, (attrs.via as string[]) ?? []));
  for (const r of ctx.relations)
    if (r.type === 'PART_OF' && ctx.isActor(r.from) && ctx.isActor(r.to)) link(r.from, r.to, ['PART_OF']);
  return adj;
}

/** Multi-source BFS from the suppliers: distance to and the nearest supplier for every reachable actor. */
function bfsFrom(adj: Map<string, Map<string, string[]>>, sources: string[]) {
  const dist = new Map<string, number>();
  const parent = new Map<string, string | null>();
  const queue: string[] = [];
  for (const s of [...sources].sort()) {
    if (dist.has(s)) continue;
    dist.set(s, 0);
    parent.set(s, null);
    queue.push(s);
  }
  for (let head = 0; head < queue.length; head++) {
    const v = queue[head];
    for (const w of [...(adj.get(v)?.keys() ?? [])].sort()) {
      if (dist.has(w)) continue;
      dist.set(w, dist.get(v)! + 1);
      parent.set(w, v);
      queue.push(w);
    }
  }
  /** Path from `v` to its nearest supplier. */
  const path = (v: string): string[] => {
    const p: string[] = [];
    for (let x: string | null | undefined = v; x != null; x = parent.get(x)) p.push(x);
    return p;
  };
  return { dist, path };
}

export function supplyReach(ctx: GapContext): DraftFinding[] {
  const idx = new SupplyIndex(ctx);
  const k = ctx.options.k;
  const adj = reachGraph(ctx);
  const findings: DraftFinding[] = [];
  for (const t of idx.targets()) {
    const suppliers = uniq(idx.suppliers(t).map((s) => s.actor));
    const demanders = idx.demandingActors(t);
    if (suppliers.length === 0 || demanders.length === 0) continue;
    const { dist, path } = bfsFrom(adj, suppliers);
    const far = demanders.filter((d) => (dist.get(d) ?? Infinity) > k);
    if (far.length === 0) continue;
    const finite = far.filter((d) => dist.has(d)).sort((a, b) => dist.get(a)! - dist.get(b)! || a.localeCompare(b));
    const shortest = finite.length > 0 ? dist.get(finite[0])! : null;
    const example = finite.length > 0 ? path(finite[0]) : null;
    const missingTies: MissingTie[] = far.map((d) => {
      const p = dist.has(d) ? path(d) : null;
      return { from: d, to: p ? p[p.length - 1] : suppliers[0], type: 'COLLABORATES_WITH' };
    });
    const names = (ids: string[], l: Lang) => list(ids.map((x) => ctx.name(x, l)).sort(byName), l);
    findings.push({
      id: `supply-reach:${t}`,
      kind: 'supply-reach',
      gapKind: 'supply-reach',
      severity: far.length === demanders.length ? 'high' : 'medium',
      basis: 'absent',
      impact: unit(0.3 + 0.4 * (far.length / demanders.length) + (idx.shortage(t) ? 0.3 : 0)),
      completeness: registerCompleteness(ctx, [...MEMBERSHIP_TYPES], orgTypesOf(ctx, far)),
      title: both((l) =>
        l === 'sv' ? `Utbildare för ${ctx.label(t, l)} utom räckhåll` : `Providers for ${ctx.label(t, l)} out of reach`,
      ),
      explanation: both((l) => {
        const who = idx.demandersText(t, l);
        const carriers = demanders.some((d) => !idx.demand(t).some((r) => r.from === d))
          ? l === 'sv'
            ? ` (företrädd av ${names(demanders, l)})`
            : ` (represented by ${names(demanders, l)})`
          : '';
        const one = suppliers.length === 1;
        const head =
          l === 'sv'
            ? `${ctx.label(t, l)} efterfrågas av ${who}${carriers}, och ${names(suppliers, l)} utbildar för ${targetWord(ctx, t, l)}, men ${names(far, l)} ${one ? 'når den inte' : 'når ingen av dem'} inom ${k} steg genom de registrerade banden`
            : `${ctx.label(t, l)} is in demand by ${who}${carriers}, and ${names(suppliers, l)} ${one ? 'educates' : 'educate'} for ${targetWord(ctx, t, l)}, but ${names(far, l)} ${one ? (far.length === 1 ? 'does not reach it' : 'do not reach it') : far.length === 1 ? 'reaches none of them' : 'reach none of them'} within ${k} steps through the recorded ties`;
        const tail = example
          ? l === 'sv'
            ? ` (kortaste väg ${shortest} steg: ${example.map((x) => ctx.name(x, l)).join(' – ')}).`
            : ` (shortest path ${shortest} steps: ${example.map((x) => ctx.name(x, l)).join(' – ')}).`
          : l === 'sv'
            ? ' (det finns ingen väg alls).'
            : ' (there is no path at all).';
        return head + tail;
      }),
      nodeIds: uniq([t, ...far, ...suppliers, ...(example ?? [])]),
      missingTies,
      metrics: {
        k,
        demanders: demanders.length,
        suppliers: suppliers.length,
        unreachable: far.length,
        ...(shortest !== null ? { distance: shortest } : {}),
      },
      details: { target: t, demanders, suppliers, unreachable: far, path: example ?? null },
    });
  }
  return findings;
}

function volumeOf(r: RelationRecord, ctx: GapContext): number | null {
  const v = r.props.volume;
  if (typeof v === 'number') return v;
  if (r.type === SUPPLY && ctx.kind(r.from) === 'EducationProgramme') {
    const places = ctx.prop(r.from, 'places');
    if (typeof places === 'number') return places;
  }
  return null;
}

export function supplyVolume(ctx: GapContext): DraftFinding[] {
  const idx = new SupplyIndex(ctx);
  const findings: DraftFinding[] = [];
  let comparable = 0;
  for (const t of idx.targets()) {
    const demand = idx.demand(t).map((r) => volumeOf(r, ctx));
    const supply = idx.supply(t).map((r) => volumeOf(r, ctx));
    if (supply.length === 0 || demand.length === 0) continue;
    if (demand.some((v) => v === null) || supply.some((v) => v === null)) continue;
    comparable++;
    const d = demand.reduce<number>((a, b) => a + (b ?? 0), 0);
    const s = supply.reduce<number>((a, b) => a + (b ?? 0), 0);
    if (s >= d) continue;
    const providers = uniq(idx.suppliers(t).map((x) => x.actor));
    findings.push({
      id: `supply-volume:${t}`,
      kind: 'supply-volume',
      gapKind: 'supply-volume',
      severity: s < d / 2 ? 'high' : 'medium',
      basis: 'observed',
      impact: unit(d > 0 ? (d - s) / d : 0),
      title: both((l) =>
        l === 'sv'
          ? `För liten utbildningsvolym för ${ctx.label(t, l)}`
          : `Too little education for ${ctx.label(t, l)}`,
      ),
      explanation: both((l) =>
        l === 'sv'
          ? `Efterfrågan på ${ctx.label(t, l)} (${num(d, l)} personer enligt ${idx.demandersText(t, l)}) är större än utbildningsvolymen i länet (${num(s, l)} platser per år hos ${list(providers.map((p) => ctx.name(p, l)).sort(byName), l)}); skillnaden är ${num(d - s, l)}.`
          : `Demand for ${ctx.label(t, l)} (${num(d, l)} people according to ${idx.demandersText(t, l)}) exceeds the education volume in the county (${num(s, l)} places a year at ${list(providers.map((p) => ctx.name(p, l)).sort(byName), l)}); the gap is ${num(d - s, l)}.`,
      ),
      nodeIds: uniq([t, ...idx.demand(t).map((r) => r.from), ...providers]),
      metrics: { demand: d, supply: s, gap: d - s, ratio: d > 0 ? s / d : 0 },
    });
  }
  if (comparable === 0) {
    findings.push({
      id: 'supply-volume:no-data',
      kind: 'no-data',
      gapKind: 'supply-volume',
      severity: 'low',
      basis: 'absent',
      impact: 0,
      title: both((l) =>
        l === 'sv'
          ? 'Volymer saknas: utbud mot efterfrågan kan inte jämföras'
          : 'No volumes: supply cannot be compared with demand',
      ),
      explanation: both((l) =>
        l === 'sv'
          ? 'Inget yrke eller kompetens har volymuppgifter för både efterfrågan (volym på efterfrågar-band) och utbud (volym på utbildar-för-band eller platser på utbildningen), så jämförelsen av volymer kan inte göras med dessa data.'
          : 'No occupation or skill has volumes for both demand (volume on demands ties) and supply (volume on educates-for ties or places of the programme), so volumes cannot be compared with this data.',
      ),
      nodeIds: [],
      metrics: { comparableTargets: 0 },
    });
  }
  return findings;
}
