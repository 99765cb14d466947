/**
 * The review queue of a round, from the submitted answers and the register: confirmations and denials of
 * registered ties, new ties (one item per tie whoever reports it) and suggested organisations. The evidence a tie
 * gets is `confirmed` when both ends report it and `probable` when one does.
 */
import type { RelationRecord } from '../model/records.js';
import type { Answers, NewTie, ReviewItem } from './schemas.js';
import { newTieEnds, suggestedOrgId, tieKey, type TieEnds } from './ties.js';
import { itemText } from './text.js';

export interface ReviewRespondent {
  nodeId: string;
  answers: Answers | null;
  submittedAt: string | null;
}

export interface ReviewInput {
  respondents: readonly ReviewRespondent[];
  /** The register's relations of the round's kinds that touch a respondent. */
  relations: readonly RelationRecord[];
  nameOf: (id: string) => string;
  decisions: ReadonlyMap<string, { decision: 'accepted' | 'rejected'; decidedAt: string; decidedBy: string }>;
}

interface Acc {
  kind: ReviewItem['kind'];
  ends: TieEnds | null;
  relationId: string | null;
  name: string | null;
  reporters: Set<string>;
  frequency: string[];
  value: number[];
  topics: Set<string>;
  org?: NewTie['newOrganisation'];
}

export interface ReviewQueue {
  items: ReviewItem[];
  /** What accepting an organisation item creates. */
  organisations: Map<string, { id: string; name: string; orgType?: string; municipality?: string }>;
}

function add(acc: Map<string, Acc>, id: string, seed: () => Acc, reporter: string, a: Partial<NewTie>): void {
  let x = acc.get(id);
  if (!x) acc.set(id, (x = seed()));
  x.reporters.add(reporter);
  if (a.frequency) x.frequency.push(a.frequency);
  if (a.value) x.value.push(a.value);
  for (const t of a.topics ?? []) x.topics.add(t);
}

const blank =
  (kind: ReviewItem['kind'], ends: TieEnds | null, relationId: string | null, name: string | null) => () => ({
    kind,
    ends,
    relationId,
    name,
    reporters: new Set<string>(),
    frequency: [],
    value: [],
    topics: new Set<string>(),
  });

/** Collects every answer into items keyed by a stable id. */
function collect(input: ReviewInput): Map<string, Acc> {
  const byId = new Map(input.relations.map((r) => [r.id, r]));
  const byKey = new Map(input.relations.map((r) => [tieKey(r), r]));
  const acc = new Map<string, Acc>();
  const submitted = input.respondents.filter((r) => r.submittedAt !== null && r.answers !== null);
  for (const r of submitted) {
    for (const t of r.answers!.ties) {
      const rel = byId.get(t.relationId);
      if (!rel) continue;
      const kind = t.status === 'confirm' ? 'confirm' : 'deny';
      add(acc, `${kind}:${rel.id}`, blank(kind, rel, rel.id, null), r.nodeId, t);
    }
    for (const t of r.answers!.newTies) {
      const ends = newTieEnds(r.nodeId, t);
      const id = `tie:${tieKey(ends)}`;
      // A reported tie the register has is a confirmation, unless this round's review already wrote it.
      const known = input.decisions.has(id) ? undefined : byKey.get(tieKey(ends));
      if (known) add(acc, `confirm:${known.id}`, blank('confirm', known, known.id, null), r.nodeId, t);
      else add(acc, id, blank('new_tie', ends, null, null), r.nodeId, t);
      if (t.newOrganisation) {
        const org = t.newOrganisation;
        const seed = () => ({ ...blank('new_organisation', null, null, org.name)(), org });
        add(acc, `org:${suggestedOrgId(org.name)}`, seed, r.nodeId, {});
      }
    }
  }
  return acc;
}

const reciprocatedOf = (x: Acc): boolean =>
  x.ends !== null && x.reporters.has(x.ends.from) && x.reporters.has(x.ends.to);

export function reviewQueue(input: ReviewInput): ReviewQueue {
  const items: ReviewItem[] = [];
  const organisations: ReviewQueue['organisations'] = new Map();
  for (const [id, x] of collect(input)) {
    const reciprocated = reciprocatedOf(x);
    const d = input.decisions.get(id);
    const evidence = x.kind === 'confirm' || x.kind === 'new_tie' ? (reciprocated ? 'confirmed' : 'probable') : null;
    if (x.kind === 'new_organisation' && x.org) {
      const orgId = suggestedOrgId(x.org.name);
      organisations.set(id, {
        id: orgId,
        name: x.org.name,
        ...(x.org.orgType ? { orgType: x.org.orgType } : {}),
        ...(x.org.municipality ? { municipality: x.org.municipality } : {}),
      });
    }
    const reportedBy = [...x.reporters].sort().map((r) => ({ id: r, name: input.nameOf(r) }));
    items.push({
      id,
      kind: x.kind,
      type: x.ends?.type ?? null,
      from: x.ends?.from ?? null,
      to: x.ends?.to ?? null,
      relationId: x.relationId,
      name: x.name,
      reportedBy,
      reciprocated,
      evidence,
      frequency: x.frequency,
      value: x.value,
      topics: [...x.topics].sort(),
      description: itemText(x.kind, x.ends, x.name, reportedBy, input.nameOf),
      decision: d?.decision ?? null,
      decidedAt: d?.decidedAt ?? null,
      decidedBy: d?.decidedBy ?? null,
    });
  }
  items.sort((a, b) => ORDER[a.kind] - ORDER[b.kind] || (a.id < b.id ? -1 : 1));
  return { items, organisations };
}

const ORDER: Record<ReviewItem['kind'], number> = { new_organisation: 0, new_tie: 1, confirm: 2, deny: 3 };

/** Bulk accept: undecided reciprocated ties and confirmations. */
export const reciprocatedOpen = (items: readonly ReviewItem[]): string[] =>
  items
    .filter((i) => i.decision === null && i.reciprocated && (i.kind === 'new_tie' || i.kind === 'confirm'))
    .map((i) => i.id);
