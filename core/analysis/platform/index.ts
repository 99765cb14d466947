/**
 * The platform at the centre: the kompetensplattform (or any focus) as the focal node of an ego network
 * (Borgatti's ego-network measures; Provan & Kenis 2008 on network-administrative organisations). Rings by steps,
 * coverage of the municipalities and the helix groups by step, key actors outside K steps, and whom to invite.
 * Pure: a snapshot in, plain JSON out.
 */
import { HELIX } from '../../model/catalogue/node-kinds.js';
import type { NodeRecord, Snapshot } from '../../model/records.js';
import { AnalysisError } from '../errors.js';
import { perspectives } from '../perspectives/index.js';
import { PLATFORM_ID } from '../gaps/registry.js';
import { ReachGraph, type Distances } from './graph.js';
import { invite, type Pick } from './invite.js';
import { keyActors, type KeyActorScore } from './key-actors.js';
import { nearest, places, type Places } from './places.js';
import type {
  HelixReach,
  InvitePick,
  KeyActor,
  MunicipalityReach,
  NodeRef,
  PlatformOptions,
  PlatformReach,
  ResolvedPlatformOptions,
  Ring,
  StepCount,
} from './types.js';

export type * from './types.js';
export { ReachGraph, REACH_TYPES } from './graph.js';
export { places, nearest } from './places.js';

export const PLATFORM_DEFAULTS = { steps: 2, minEvidence: 'uncertain', topN: 10, invite: 10 } as const;

/** Resolves the options; throws AnalysisError (details.parameter, details.notFound) on a bad focus or number. */
export function resolvePlatformOptions(snapshot: Snapshot, options: PlatformOptions): ResolvedPlatformOptions {
  const focus = options.focus ?? defaultFocus(snapshot);
  const node = snapshot.nodes.find((n) => n.id === focus);
  if (!node)
    throw new AnalysisError('invalid_parameter', `Unknown focus "${focus}".`, {
      parameter: 'focus',
      id: focus,
      notFound: true,
    });
  if (node.kind !== 'Organisation' && node.kind !== 'Network')
    throw new AnalysisError('invalid_parameter', `The focus "${focus}" is neither an organisation nor a network.`, {
      parameter: 'focus',
      id: focus,
    });
  const steps = options.steps ?? PLATFORM_DEFAULTS.steps;
  if (!Number.isInteger(steps) || steps < 1 || steps > 6)
    throw new AnalysisError('invalid_parameter', 'steps must be an integer from 1 to 6.', { parameter: 'steps' });
  return {
    focus,
    steps,
    minEvidence: options.minEvidence ?? PLATFORM_DEFAULTS.minEvidence,
    asOf: options.asOf ?? null,
    topN: options.topN ?? PLATFORM_DEFAULTS.topN,
    invite: options.invite ?? PLATFORM_DEFAULTS.invite,
  };
}

/** The county platform when present, else the first network of type kompetensplattform, else the id itself. */
function defaultFocus(snapshot: Snapshot): string {
  if (snapshot.nodes.some((n) => n.id === PLATFORM_ID)) return PLATFORM_ID;
  const other = snapshot.nodes
    .filter((n) => n.kind === 'Network' && n.props.networkType === 'kompetensplattform')
    .map((n) => n.id)
    .sort()[0];
  return other ?? PLATFORM_ID;
}

export function nodeRef(n: NodeRecord): NodeRef {
  const type = n.props.orgType ?? n.props.networkType;
  return {
    id: n.id,
    name: n.name,
    ...(n.nameEn ? { nameEn: n.nameEn } : {}),
    kind: n.kind,
    ...(typeof type === 'string' ? { type } : {}),
    ...(typeof n.props.helix === 'string' ? { helix: n.props.helix } : {}),
    ...(typeof n.props.municipality === 'string' ? { municipality: n.props.municipality } : {}),
  };
}

/** Everything the reach answer is computed from, shared with scenarios and the council proposal. */
export interface ReachBasis {
  options: ResolvedPlatformOptions;
  graph: ReachGraph;
  places: Places;
  focus: number;
  fromFocus: Distances;
  keys: KeyActorScore[];
  keyIndex: number[];
}

export function reachBasis(snapshot: Snapshot, options: PlatformOptions = {}): ReachBasis {
  const resolved = resolvePlatformOptions(snapshot, options);
  const graph = new ReachGraph(snapshot, resolved);
  const focus = graph.index.get(resolved.focus)!;
  const keys = keyActors({ nodes: snapshot.nodes, relations: graph.relations }, resolved.topN);
  return {
    options: resolved,
    graph,
    places: places(graph),
    focus,
    fromFocus: graph.distances(focus),
    keys,
    keyIndex: keys.map((k) => graph.index.get(k.id)!),
  };
}

export function platformReach(snapshot: Snapshot, options: PlatformOptions = {}): PlatformReach {
  const b = reachBasis(snapshot, options);
  const { graph: g, options: o, fromFocus: d } = b;
  const maxRing = Math.max(3, o.steps);
  const chosen = invite({
    g,
    places: b.places,
    keys: b.keyIndex,
    focus: b.focus,
    dist: d.dist,
    k: o.steps,
    limit: o.invite,
  });
  const keyList = keyActorRows(b);
  return {
    focus: nodeRef(g.nodes[b.focus]),
    parameters: o,
    rings: rings(b, maxRing),
    beyond: beyond(b, maxRing),
    municipalities: municipalityReach(b, maxRing),
    helix: helixReach(b, maxRing),
    keyActors: { all: keyList, outside: keyList.filter((k) => k.step === null || k.step > o.steps) },
    invite: {
      picks: chosen.picks.map((p, i) => invitePick(b, p, i + 1)),
      remaining: {
        municipalities: [...b.places.kommun.keys()].filter((m) => !chosen.after.municipalities.has(m)),
        helix: HELIX.map((h) => h.value).filter((h) => !chosen.after.helix.has(h)),
        keyActors: b.keys.map((k) => k.id).filter((id) => !chosen.after.keyActors.has(id)),
      },
    },
    perspectives: perspectives(b),
  };
}

const byName = (a: NodeRef, b: NodeRef) => a.name.localeCompare(b.name, 'sv') || (a.id < b.id ? -1 : 1);

function rings(b: ReachBasis, maxRing: number): Ring[] {
  const { graph: g, fromFocus: d } = b;
  const out: Ring[] = Array.from({ length: maxRing }, (_, i) => ({ step: i + 1, actors: [], networks: [] }));
  g.nodes.forEach((n, v) => {
    const step = d.dist[v];
    if (step < 1 || step > maxRing) return;
    const via = g.path(d, v).slice(1, -1).reverse();
    const row = { ...nodeRef(n), step, evidence: d.evidence[v], via };
    (n.kind === 'Organisation' ? out[step - 1].actors : out[step - 1].networks).push(row);
  });
  for (const r of out) {
    r.actors.sort(byName);
    r.networks.sort(byName);
  }
  return out;
}

function beyond(b: ReachBasis, maxRing: number): PlatformReach['beyond'] {
  const res = { actors: 0, networks: 0 };
  b.graph.nodes.forEach((n, v) => {
    const s = b.fromFocus.dist[v];
    if (v === b.focus || (s >= 0 && s <= maxRing)) return;
    if (n.kind === 'Organisation') res.actors++;
    else res.networks++;
  });
  return res;
}

function cumulative(steps: Array<number | null>, total: number, maxRing: number): StepCount[] {
  return Array.from({ length: maxRing }, (_, i) => {
    const count = steps.filter((s) => s !== null && s <= i + 1).length;
    return { step: i + 1, count, share: total > 0 ? count / total : null };
  });
}

function municipalityReach(b: ReachBasis, maxRing: number): PlatformReach['municipalities'] {
  const { graph: g, fromFocus: d, places: p } = b;
  const rows: MunicipalityReach[] = p.municipalities.map((m) => {
    const k = nearest(d.dist, p.kommun.get(m.id)!);
    const near = nearest(d.dist, p.located.get(m.id)!);
    return {
      id: m.id,
      name: m.name,
      ...(m.nameEn ? { nameEn: m.nameEn } : {}),
      step: k?.step ?? null,
      evidence: k ? d.evidence[k.v] : null,
      path: k ? g.path(d, k.v) : [],
      presenceStep: near?.step ?? null,
      presenceActor: near ? g.ids[near.v] : null,
      hasKommunOrg: p.kommun.get(m.id)!.length > 0,
    };
  });
  const total = rows.length;
  return {
    total,
    rows,
    byStep: cumulative(
      rows.map((r) => r.step),
      total,
      maxRing,
    ),
    presenceByStep: cumulative(
      rows.map((r) => r.presenceStep),
      total,
      maxRing,
    ),
  };
}

function helixReach(b: ReachBasis, maxRing: number): PlatformReach['helix'] {
  const groups: HelixReach[] = HELIX.map((h) => {
    const vs = b.places.helix.get(h.value)!;
    const steps = vs.map((v) => (b.fromFocus.dist[v] >= 0 ? b.fromFocus.dist[v] : null));
    return { id: h.value, label: h.label, total: vs.length, byStep: cumulative(steps, vs.length, maxRing) };
  });
  return { groups, withoutHelix: b.places.withoutHelix };
}

function keyActorRows(b: ReachBasis): KeyActor[] {
  return b.keys.map((k, i) => {
    const v = b.keyIndex[i];
    const s = b.fromFocus.dist[v];
    return { ...nodeRef(b.graph.nodes[v]), ...k, step: s >= 0 ? s : null };
  });
}

function invitePick(b: ReachBasis, p: Pick, rank: number): InvitePick {
  const n = b.graph.nodes[p.v];
  const s = b.fromFocus.dist[p.v];
  return {
    ...nodeRef(n),
    rank,
    stepBefore: s >= 0 ? s : null,
    tie: { from: n.id, to: b.options.focus, type: n.kind === 'Network' ? 'PART_OF' : 'MEMBER_OF' },
    gain: { municipalities: p.municipalities, helix: p.helix, keyActors: p.keyActors, actors: p.actors },
    score: p.score,
  };
}
