import { randomUUID } from 'node:crypto';
import type { GraphStore } from '../store/graph-store.js';
import type { RespondentRecord, SurveyRecord, SurveyStore } from '../store/survey/survey-store.js';
import type { SurveyCreate, SurveyView } from '../../core/survey/schemas.js';
import { problem, type Problem } from '../../core/model/problems.js';
import { ApiProblem, validationFailed } from '../problems.js';
import { randomSecret, sha256 } from '../auth/secrets.js';

export const today = (at = new Date().toISOString()): string => at.slice(0, 10);

/** Closed by an editor, or past its last day. */
export const isClosed = (s: SurveyRecord, at = new Date().toISOString()): boolean =>
  s.closedAt !== null || s.closesAt < today(at);

export const notFound = (id: string) =>
  new ApiProblem(404, 'survey_not_found', `Survey "${id}" not found`, [
    problem('', 'survey_not_found', 'Enkätomgången finns inte', 'The survey round does not exist'),
  ]);

/** Rounds and invitations: the editor's side. Validates against the register before the survey store sees it. */
export class SurveyRounds {
  constructor(
    readonly surveys: SurveyStore,
    private readonly store: GraphStore,
  ) {}

  async get(id: string): Promise<SurveyRecord> {
    const s = await this.surveys.getSurvey(id);
    if (!s) throw notFound(id);
    return s;
  }

  async create(input: SurveyCreate, actor: string, at = new Date().toISOString()): Promise<string> {
    const list = input.respondents.map((r) => (typeof r === 'string' ? { nodeId: r } : r));
    const problems: Problem[] = [];
    if (input.closesAt < today(at))
      problems.push(
        problem('/closesAt', 'in_the_past', 'Sista svarsdag har redan passerat', 'The closing date has passed'),
      );
    const kinds = await this.store.nodeKinds(list.map((r) => r.nodeId));
    const seen = new Set<string>();
    list.forEach((r, i) => {
      if (kinds.get(r.nodeId) !== 'Organisation')
        problems.push(
          problem(
            `/respondents/${i}`,
            'not_an_organisation',
            `"${r.nodeId}" är ingen organisation i registret`,
            `"${r.nodeId}" is not an organisation of the register`,
          ),
        );
      if (seen.has(r.nodeId))
        problems.push(
          problem(
            `/respondents/${i}`,
            'duplicate',
            'Organisationen finns redan i listan',
            'The organisation is already in the list',
          ),
        );
      seen.add(r.nodeId);
    });
    if (problems.length > 0) throw validationFailed(problems);
    const id = `omg-${randomUUID()}`;
    await this.surveys.createSurvey(
      {
        id,
        title: input.title.trim(),
        relationTypes: [...input.relationTypes],
        closesAt: input.closesAt,
        createdAt: at,
        createdBy: actor,
        closedAt: null,
      },
      list.map((r) => ({ nodeId: r.nodeId, role: r.role?.trim() || null, email: r.email ?? null })),
    );
    return id;
  }

  async view(s: SurveyRecord): Promise<SurveyView> {
    const respondents = await this.surveys.listRespondents(s.id);
    const names = await this.names(respondents.map((r) => r.nodeId));
    return {
      id: s.id,
      title: s.title,
      relationTypes: s.relationTypes,
      closesAt: s.closesAt,
      status: isClosed(s) ? 'closed' : 'open',
      createdAt: s.createdAt,
      createdBy: s.createdBy,
      closedAt: s.closedAt,
      respondents: respondents.map((r) => ({
        nodeId: r.nodeId,
        name: names.get(r.nodeId) ?? r.nodeId,
        role: r.role,
        invitedAt: r.invitedAt,
        submittedAt: r.submittedAt,
        draftAt: r.updatedAt,
      })),
    };
  }

  async names(ids: string[]): Promise<Map<string, string>> {
    const out = new Map<string, string>();
    for (const id of ids) {
      const n = await this.store.getNode(id);
      if (n) out.set(id, n.name);
    }
    return out;
  }

  /**
   * New tokens for the given respondents (default all): 32 random bytes each, only the SHA-256 stored. A second
   * call rotates them, so a lost link is replaced and the old one stops working; answers stay with the organisation.
   */
  async invite(
    id: string,
    nodeIds: string[] | undefined,
    baseUrl: string,
    at = new Date().toISOString(),
  ): Promise<{ nodeId: string; url: string; respondent: RespondentRecord }[]> {
    const s = await this.get(id);
    if (isClosed(s, at)) throw closedProblem();
    const respondents = await this.surveys.listRespondents(id);
    const chosen = nodeIds ? respondents.filter((r) => nodeIds.includes(r.nodeId)) : respondents;
    const missing = (nodeIds ?? []).filter((n) => !respondents.some((r) => r.nodeId === n));
    if (missing.length > 0)
      throw validationFailed(
        missing.map((m) =>
          problem(
            '/nodeIds',
            'not_a_respondent',
            `"${m}" svarar inte i omgången`,
            `"${m}" is not a respondent of the round`,
          ),
        ),
      );
    const issued = chosen.map((r) => ({ respondent: r, token: randomSecret() }));
    await this.surveys.setTokens(
      id,
      issued.map((x) => ({ nodeId: x.respondent.nodeId, tokenHash: sha256(x.token) })),
      at,
    );
    return issued.map((x) => ({
      nodeId: x.respondent.nodeId,
      url: `${baseUrl}/enkat/${x.token}`,
      respondent: x.respondent,
    }));
  }
}

export const closedProblem = () =>
  new ApiProblem(410, 'survey_closed', 'The survey round is closed', [
    problem(
      '',
      'survey_closed',
      'Enkätomgången är stängd. Svaren kan inte längre ändras.',
      'The survey round is closed. Answers can no longer be changed.',
    ),
  ]);
