import type { NodeInput, RelationInput, RelationRecord, Snapshot, Source } from '../../core/model/records.js';
import { relationId } from '../../core/model/ids.js';
import { problem } from '../../core/model/problems.js';
import { compareRounds, type Round } from '../../core/survey/compare.js';
import { reciprocatedOpen, reviewQueue, type ReviewQueue } from '../../core/survey/review.js';
import type { ReviewDecisionInput, ReviewItem, RoundComparison, SurveySummary } from '../../core/survey/schemas.js';
import { surveySummary } from '../../core/survey/summary.js';
import { denialNote, sourceTitle } from '../../core/survey/text.js';
import type { GraphService } from '../services/graph-service.js';
import type { GraphStore, WriteContext } from '../store/graph-store.js';
import type { RespondentRecord, SurveyRecord, SurveyStore } from '../store/survey/survey-store.js';
import { validationFailed } from '../problems.js';
import { notFound, today } from './rounds.js';

type Rel = RelationInput & { id: string };
const RANK = { uncertain: 1, probable: 2, confirmed: 3 } as const;

const asInput = (r: RelationRecord): Rel => ({
  id: r.id,
  type: r.type,
  from: r.from,
  to: r.to,
  weight: r.weight,
  props: r.props,
  sources: r.sources,
  evidence: r.evidence,
  validFrom: r.validFrom,
  validTo: r.validTo,
  ...(r.note !== undefined ? { note: r.note } : {}),
});

export interface ReviewResult {
  accepted: string[];
  rejected: string[];
  nodesCreated: number;
  relationsCreated: number;
  relationsUpdated: number;
}

/** The editors' review, follow-up and comparison of rounds. Accepted items are written as one import batch. */
export class SurveyReview {
  constructor(
    private readonly surveys: SurveyStore,
    private readonly store: GraphStore,
    private readonly graph: GraphService,
  ) {}

  private async survey(id: string): Promise<SurveyRecord> {
    const s = await this.surveys.getSurvey(id);
    if (!s) throw notFound(id);
    return s;
  }

  private async context(
    s: SurveyRecord,
  ): Promise<{ register: Snapshot; queue: ReviewQueue; round: Round; respondents: RespondentRecord[] }> {
    const register = await this.store.snapshot({});
    const respondents = await this.surveys.listRespondents(s.id);
    const ids = new Set(respondents.map((r) => r.nodeId));
    const kinds = new Set(s.relationTypes);
    const names = new Map(register.nodes.map((n) => [n.id, n.name]));
    const decisions = new Map((await this.surveys.listDecisions(s.id)).map((d) => [d.itemId, d]));
    const queue = reviewQueue({
      respondents,
      relations: register.relations.filter((r) => kinds.has(r.type) && (ids.has(r.from) || ids.has(r.to))),
      nameOf: (id) => names.get(id) ?? id,
      decisions,
    });
    return {
      register,
      queue,
      respondents,
      round: { id: s.id, title: s.title, relationTypes: s.relationTypes, closesAt: s.closesAt, respondents },
    };
  }

  async items(id: string): Promise<ReviewItem[]> {
    return (await this.context(await this.survey(id))).queue.items;
  }

  async decide(id: string, input: ReviewDecisionInput, ctx: WriteContext, sourceUrl: string): Promise<ReviewResult> {
    const s = await this.survey(id);
    const { register, queue } = await this.context(s);
    const byId = new Map(queue.items.map((i) => [i.id, i]));
    const accept = [
      ...new Set([...(input.accept ?? []), ...(input.acceptReciprocated ? reciprocatedOpen(queue.items) : [])]),
    ];
    const reject = input.reject ?? [];
    const unknown = [...accept, ...reject].filter((x) => !byId.has(x));
    const both = accept.filter((x) => reject.includes(x));
    if (unknown.length > 0 || both.length > 0)
      throw validationFailed([
        ...unknown.map((x) =>
          problem('/accept', 'unknown_item', `Okänd post i granskningen: ${x}`, `Unknown review item: ${x}`),
        ),
        ...both.map((x) =>
          problem(
            '/reject',
            'accept_and_reject',
            `Posten både godtas och avvisas: ${x}`,
            `The item is both accepted and rejected: ${x}`,
          ),
        ),
      ]);
    const at = ctx.at ?? new Date().toISOString();
    const source: Source = { url: sourceUrl, title: sourceTitle(s.title), date: today(at) };
    const batch = this.batch(
      accept.map((x) => byId.get(x)!),
      queue,
      register,
      s.title,
      source,
    );
    const written = await this.graph.importBatch(batch, ctx);
    await this.surveys.saveDecisions([
      ...accept.map((itemId) => ({
        surveyId: id,
        itemId,
        decision: 'accepted' as const,
        decidedAt: at,
        decidedBy: ctx.actor,
      })),
      ...reject.map((itemId) => ({
        surveyId: id,
        itemId,
        decision: 'rejected' as const,
        decidedAt: at,
        decidedBy: ctx.actor,
      })),
    ]);
    return {
      accepted: accept,
      rejected: reject,
      nodesCreated: written.nodesCreated,
      relationsCreated: written.relationsCreated,
      relationsUpdated: written.relationsUpdated,
    };
  }

  /** The records accepting the items writes: new organisations, new ties, confirmed and flagged ties. */
  private batch(items: ReviewItem[], queue: ReviewQueue, register: Snapshot, title: string, source: Source) {
    const existing = new Map(register.relations.map((r) => [r.id, r]));
    const nodeIds = new Set(register.nodes.map((n) => n.id));
    const nodes: NodeInput[] = [];
    const relations = new Map<string, Rel>();
    const withSource = (sources: Source[]) => [...sources.filter((x) => x.url !== source.url), source];
    for (const item of items) {
      const org = queue.organisations.get(item.id);
      if (item.kind === 'new_organisation' && org && !nodeIds.has(org.id)) {
        const props = {
          ...(org.orgType ? { orgType: org.orgType } : {}),
          ...(org.municipality ? { municipality: org.municipality } : {}),
        };
        nodes.push({ id: org.id, kind: 'Organisation', name: org.name, props });
      }
      if (item.kind === 'new_tie' && item.type && item.from && item.to) {
        const rid = relationId(item.type, item.from, item.to);
        relations.set(rid, {
          id: rid,
          type: item.type,
          from: item.from,
          to: item.to,
          sources: [source],
          evidence: item.evidence ?? 'probable',
        });
      }
      const stored = item.relationId ? existing.get(item.relationId) : undefined;
      const base = (item.relationId ? relations.get(item.relationId) : undefined) ?? (stored && asInput(stored));
      if (!base) continue;
      if (item.kind === 'confirm') {
        const evidence =
          RANK[item.evidence ?? 'probable'] > RANK[base.evidence] ? (item.evidence ?? 'probable') : base.evidence;
        relations.set(base.id, { ...base, sources: withSource(base.sources), evidence });
      }
      if (item.kind === 'deny') {
        // Flagged, never deleted: the tie stays, drawn as uncertain, and its note says who denied it in which round.
        const line = denialNote(
          title,
          source.date ?? '',
          item.reportedBy.map((r) => r.name),
        );
        const note = [base.note, line].filter(Boolean).join('\n').slice(-2000);
        relations.set(base.id, { ...base, evidence: 'uncertain', note });
      }
    }
    return { nodes, relations: [...relations.values()] };
  }

  async summary(id: string): Promise<SurveySummary> {
    const s = await this.survey(id);
    const { register, queue, respondents } = await this.context(s);
    return surveySummary(id, respondents, new Map(register.nodes.map((n) => [n.id, n])), queue.items);
  }

  async compare(fromId: string, toId: string): Promise<RoundComparison> {
    const a = await this.context(await this.survey(fromId));
    const b = await this.context(await this.survey(toId));
    return compareRounds(b.register, a.round, b.round);
  }
}
