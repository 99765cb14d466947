/**
 * A round's network and two rounds compared. A round's network is the register with the round's relation kinds
 * as the respondents that answered reported them: a registered tie touching an answering organisation stays when an
 * answering end confirmed it, new reported ties are added; ties of organisations that did not answer stay as the
 * register has them (no answer is not a denial). Two rounds differ only where someone answered.
 */
import { projectActors } from '../graph/projection.js';
import { compactGraph } from '../analysis/compact.js';
import { degrees } from '../analysis/centrality/degree.js';
import { shortestPathMetrics } from '../analysis/centrality/paths.js';
import { rankByImpact } from '../analysis/key-actors.js';
import { platformReach } from '../analysis/platform/index.js';
import type { NodeRecord, RelationRecord, Snapshot } from '../model/records.js';
import type { RoundComparison } from './schemas.js';
import { reviewQueue, type ReviewRespondent } from './review.js';
import { compareText } from './compare-text.js';
import { tieKey } from './ties.js';

export interface Round {
  id: string;
  title: string;
  relationTypes: readonly string[];
  closesAt: string;
  respondents: readonly ReviewRespondent[];
}

const META = { version: 1, createdAt: '', createdBy: 'survey', updatedAt: '', updatedBy: 'survey' };

/** The register as the round's answers describe it. */
export function roundNetwork(register: Snapshot, round: Round): Snapshot {
  const kinds = new Set(round.relationTypes);
  const answered = new Set(round.respondents.filter((r) => r.submittedAt !== null).map((r) => r.nodeId));
  const asked = register.relations.filter((r) => kinds.has(r.type) && (answered.has(r.from) || answered.has(r.to)));
  const names = new Map(register.nodes.map((n) => [n.id, n.name]));
  const queue = reviewQueue({
    respondents: round.respondents,
    relations: asked,
    nameOf: (id) => names.get(id) ?? id,
    decisions: new Map(),
  });
  const confirmed = new Set(queue.items.filter((i) => i.kind === 'confirm').map((i) => i.relationId));
  const askedIds = new Set(asked.map((r) => r.id));
  const kept = register.relations.filter((r) => !askedIds.has(r.id) || confirmed.has(r.id));
  const added: RelationRecord[] = queue.items
    .filter((i) => i.kind === 'new_tie' && names.has(i.from!) && names.has(i.to!))
    .map((i) => ({
      id: `survey:${i.id}`,
      type: i.type!,
      from: i.from!,
      to: i.to!,
      weight: 1,
      props: {},
      sources: [{ url: 'https://example.invalid/enkat', title: round.title }],
      evidence: i.evidence ?? 'probable',
      validFrom: null,
      validTo: null,
      ...META,
    }));
  return { nodes: register.nodes, relations: [...kept, ...added] };
}

interface Figures {
  figures: RoundComparison['from'];
  ties: Map<string, RelationRecord>;
  ranks: Map<string, number>;
}

function reachOf(snapshot: Snapshot): RoundComparison['from']['reach'] {
  try {
    const r = platformReach(snapshot);
    const k = r.parameters.steps;
    const within = (steps: { step: number; count: number }[]) =>
      steps.filter((s) => s.step <= k).reduce((m, s) => Math.max(m, s.count), 0);
    return {
      focus: r.focus.id,
      steps: k,
      actors: r.rings.filter((x) => x.step <= k).reduce((n, x) => n + x.actors.length, 0),
      municipalities: within(r.municipalities.byStep),
      municipalitiesTotal: r.municipalities.total,
      helix: r.helix.groups.filter((g) => within(g.byStep) > 0).length,
    };
  } catch {
    // No platform in the register: nothing to measure reach from.
    return { focus: '', steps: 0, actors: 0, municipalities: 0, municipalitiesTotal: 0, helix: 0 };
  }
}

function figuresOf(snapshot: Snapshot, round: Round, kinds: readonly string[]): Figures {
  const { graph } = projectActors(snapshot, { relationTypes: [...kinds] });
  const n = graph.order;
  const g = compactGraph(graph, { weight: null, directed: false });
  const paths = shortestPathMetrics(g);
  const deg = degrees(g).degree;
  const ranked = rankByImpact(
    Object.fromEntries(g.ids.map((id, v) => [id, { degree: deg[v], betweenness: paths.betweenness[v] }])),
  );
  const kindSet = new Set(kinds);
  const ties = new Map(snapshot.relations.filter((r) => kindSet.has(r.type)).map((r) => [tieKey(r), r]));
  return {
    figures: {
      surveyId: round.id,
      title: round.title,
      actors: n,
      ties: ties.size,
      density: n < 2 ? 0 : (2 * graph.size) / (n * (n - 1)),
      reach: reachOf(snapshot),
    },
    ties,
    ranks: new Map(ranked.slice(0, 10).map(([id], i) => [id, i + 1])),
  };
}

/** Round `to` against round `from`: ties new and lost, density, the platform's reach, key-actor rank changes. */
export function compareRounds(register: Snapshot, from: Round, to: Round): RoundComparison {
  const kinds = [...new Set([...from.relationTypes, ...to.relationTypes])].sort();
  const a = figuresOf(roundNetwork(register, from), from, kinds);
  const b = figuresOf(roundNetwork(register, to), to, kinds);
  const nodes = new Map<string, NodeRecord>(register.nodes.map((n) => [n.id, n]));
  const name = (id: string) => nodes.get(id)?.name ?? id;
  const answeredTo = new Set(to.respondents.filter((r) => r.submittedAt !== null).map((r) => r.nodeId));
  const ref = (r: RelationRecord, lost: boolean) => ({
    type: r.type,
    from: r.from,
    to: r.to,
    fromName: name(r.from),
    toName: name(r.to),
    ...(lost
      ? { basis: answeredTo.has(r.from) || answeredTo.has(r.to) ? ('observed' as const) : ('unanswered' as const) }
      : {}),
  });
  const newTies = [...b.ties].filter(([k]) => !a.ties.has(k)).map(([, r]) => ref(r, false));
  const lostTies = [...a.ties].filter(([k]) => !b.ties.has(k)).map(([, r]) => ref(r, true));
  const ids = [...new Set([...a.ranks.keys(), ...b.ranks.keys()])];
  const keyActors = ids
    .map((id) => {
      const rankFrom = a.ranks.get(id) ?? null;
      const rankTo = b.ranks.get(id) ?? null;
      return {
        id,
        name: name(id),
        rankFrom,
        rankTo,
        change: rankFrom !== null && rankTo !== null ? rankFrom - rankTo : null,
      };
    })
    .sort((x, y) => (x.rankTo ?? 99) - (y.rankTo ?? 99) || (x.rankFrom ?? 99) - (y.rankFrom ?? 99));
  const result = { from: a.figures, to: b.figures, newTies, lostTies, keyActors, text: [] };
  return { ...result, text: compareText(result) };
}
