import { relationKind } from '../../core/model/catalogue/relation-kinds.js';
import { ORGANISATION_TYPES } from '../../core/model/catalogue/node-kinds.js';
import type { RelationRecord } from '../../core/model/records.js';
import { answerProblems } from '../../core/survey/answers.js';
import { FREQUENCIES, type Answers, type Questionnaire } from '../../core/survey/schemas.js';
import { FREQUENCY_LABELS, VALUE_LABELS, tieQuestion } from '../../core/survey/text.js';
import { problem } from '../../core/model/problems.js';
import type { GraphStore } from '../store/graph-store.js';
import type { RespondentRecord, SurveyRecord, SurveyStore } from '../store/survey/survey-store.js';
import { ApiProblem, validationFailed } from '../problems.js';
import { sha256 } from '../auth/secrets.js';
import { closedProblem, isClosed } from './rounds.js';

const EMPTY: Answers = { ties: [], newTies: [] };

const unknownToken = () =>
  new ApiProblem(404, 'unknown_token', 'The link is unknown or has been replaced', [
    problem(
      '',
      'unknown_token',
      'Länken är okänd eller har ersatts av en ny. Be om en ny länk.',
      'The link is unknown or has been replaced by a new one. Ask for a new link.',
    ),
  ]);

/** The respondent's side: everything is reached through the token, and only that organisation's answers. */
export class SurveyResponses {
  constructor(
    private readonly surveys: SurveyStore,
    private readonly store: GraphStore,
  ) {}

  /**
   * The token is hashed and looked up by its hash (one indexed read): no string comparison with stored tokens, so
   * the time does not depend on how much of a guess is right. Closed rounds answer 410.
   */
  async resolve(token: string): Promise<{ survey: SurveyRecord; respondent: RespondentRecord }> {
    const respondent = await this.surveys.respondentByToken(sha256(token));
    const survey = respondent ? await this.surveys.getSurvey(respondent.surveyId) : undefined;
    if (!respondent || !survey) throw unknownToken();
    if (isClosed(survey)) throw closedProblem();
    return { survey, respondent };
  }

  /** The organisation's registered ties of the round's kinds. */
  async ownTies(survey: SurveyRecord, nodeId: string): Promise<RelationRecord[]> {
    const page = await this.store.listRelations({ nodeId, type: survey.relationTypes, offset: 0, limit: 1000 });
    return page.items;
  }

  async questionnaire(token: string): Promise<Questionnaire> {
    const { survey, respondent } = await this.resolve(token);
    const org = await this.store.getNode(respondent.nodeId);
    const ties = await this.ownTies(survey, respondent.nodeId);
    const others = new Map<string, { id: string; kind: string; name: string; nameEn?: string }>();
    for (const r of ties) {
      const id = r.from === respondent.nodeId ? r.to : r.from;
      const n = others.get(id) ?? (await this.store.getNode(id));
      if (n) others.set(id, { id: n.id, kind: n.kind, name: n.name, ...(n.nameEn ? { nameEn: n.nameEn } : {}) });
    }
    return {
      survey: { id: survey.id, title: survey.title, closesAt: survey.closesAt, status: 'open' },
      organisation: {
        id: respondent.nodeId,
        name: org?.name ?? respondent.nodeId,
        ...(org?.nameEn ? { nameEn: org.nameEn } : {}),
      },
      role: respondent.role,
      ties: ties.map((r) => {
        const out = r.from === respondent.nodeId;
        const counterpart = others.get(out ? r.to : r.from) ?? {
          id: out ? r.to : r.from,
          kind: '',
          name: out ? r.to : r.from,
        };
        return {
          relationId: r.id,
          type: r.type,
          direction: out ? ('out' as const) : ('in' as const),
          counterpart,
          question: tieQuestion(r.type, out, counterpart.name),
          evidence: r.evidence,
        };
      }),
      answers: respondent.answers ?? EMPTY,
      submittedAt: respondent.submittedAt,
      updatedAt: respondent.updatedAt,
      choices: choices(survey.relationTypes),
    };
  }

  /** Up to 20 nodes of the kinds a respondent may name, by name; only for a valid token of an open round. */
  async search(
    token: string,
    q: string,
    kind: string | undefined,
  ): Promise<{ id: string; kind: string; name: string; nameEn?: string }[]> {
    await this.resolve(token);
    const kinds = kind ? [kind] : ['Organisation', 'Network', 'Occupation', 'Skill'];
    const page = await this.store.listNodes({ kind: kinds, q, offset: 0, limit: 20 });
    return page.items.map((n) => ({ id: n.id, kind: n.kind, name: n.name, ...(n.nameEn ? { nameEn: n.nameEn } : {}) }));
  }

  /** Saves a draft (or submits): validated against the round, the organisation's own ties and the catalogue. */
  async save(token: string, answers: Answers, submit: boolean): Promise<RespondentRecord> {
    const { survey, respondent } = await this.resolve(token);
    const own = await this.ownTies(survey, respondent.nodeId);
    const referenced = [
      ...answers.newTies.flatMap((t) => [t.counterpartId, t.newOrganisation?.municipality]),
      ...answers.ties.flatMap((t) => t.topics ?? []),
      ...answers.newTies.flatMap((t) => t.topics ?? []),
      respondent.nodeId,
    ].filter((x): x is string => typeof x === 'string');
    const kinds = await this.store.nodeKinds([...new Set(referenced)]);
    const problems = answerProblems(answers, {
      respondent: respondent.nodeId,
      relationTypes: survey.relationTypes,
      ownTies: new Set(own.map((r) => r.id)),
      kindOf: (id) => kinds.get(id),
    });
    if (problems.length > 0) throw validationFailed(problems, 'The answers are not valid; nothing was saved');
    return this.surveys.saveAnswers(survey.id, respondent.nodeId, answers, new Date().toISOString(), submit);
  }
}

function choices(relationTypes: readonly string[]): Questionnaire['choices'] {
  return {
    relationTypes: relationTypes.flatMap((t) => {
      const k = relationKind(t);
      return k
        ? [
            {
              id: k.id,
              label: k.label,
              inverseLabel: k.inverseLabel,
              directed: k.directed,
              from: [...k.from],
              to: [...k.to],
            },
          ]
        : [];
    }),
    frequencies: FREQUENCIES.map((f) => ({ value: f, label: FREQUENCY_LABELS[f] })),
    values: VALUE_LABELS.map((label, i) => ({ value: i + 1, label })),
    orgTypes: ORGANISATION_TYPES.map((o) => ({ value: o.value, label: o.label })),
  };
}
