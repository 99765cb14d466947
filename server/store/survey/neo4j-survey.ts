import neo4j, { Neo4jError, type Driver } from 'neo4j-driver';
import { isUnavailable, Runner, type Tx } from '../neo4j/runner.js';
import { StoreError } from '../errors.js';
import type { Answers } from '../../../core/survey/schemas.js';
import {
  SurveyStoreError,
  type DecisionRecord,
  type RespondentRecord,
  type SurveyRecord,
  type SurveyStore,
} from './survey-store.js';

/**
 * Survey rounds in Neo4j: `(:Survey)`, `(:SurveyRespondent)` and `(:SurveyDecision)` nodes, apart from the graph's
 * `:Entity` nodes (so no snapshot sees them), linked by `surveyId`. Lists and answers are stored as JSON text.
 * Every value is a parameter; the only query text is the constants below.
 */
const SCHEMA = [
  'CREATE CONSTRAINT survey_id IF NOT EXISTS FOR (s:Survey) REQUIRE s.id IS UNIQUE',
  'CREATE CONSTRAINT survey_respondent_key IF NOT EXISTS FOR (r:SurveyRespondent) REQUIRE r.key IS UNIQUE',
  'CREATE CONSTRAINT survey_respondent_token IF NOT EXISTS FOR (r:SurveyRespondent) REQUIRE r.tokenHash IS UNIQUE',
  'CREATE INDEX survey_respondent_survey IF NOT EXISTS FOR (r:SurveyRespondent) ON (r.surveyId)',
  'CREATE CONSTRAINT survey_decision_key IF NOT EXISTS FOR (d:SurveyDecision) REQUIRE d.key IS UNIQUE',
  'CREATE INDEX survey_decision_survey IF NOT EXISTS FOR (d:SurveyDecision) ON (d.surveyId)',
];

const Q = {
  create: 'CREATE (s:Survey) SET s = $s',
  respondents: `UNWIND $rows AS row CREATE (r:SurveyRespondent) SET r = row`,
  get: 'MATCH (s:Survey {id: $id}) RETURN s {.*} AS s',
  list: 'MATCH (s:Survey) RETURN s {.*} AS s ORDER BY s.createdAt DESC, s.id',
  close: `MATCH (s:Survey {id: $id}) SET s.closedAt = coalesce(s.closedAt, $at)
          WITH s OPTIONAL MATCH (r:SurveyRespondent {surveyId: $id}) REMOVE r.email
          RETURN DISTINCT s {.*} AS s`,
  setToken: `MATCH (r:SurveyRespondent {key: $key}) SET r.tokenHash = $hash, r.invitedAt = $at RETURN 1 AS ok`,
  byToken: 'MATCH (r:SurveyRespondent {tokenHash: $hash}) RETURN r {.*} AS r',
  listRespondents: 'MATCH (r:SurveyRespondent {surveyId: $id}) RETURN r {.*} AS r ORDER BY r.nodeId',
  saveAnswers: `MATCH (r:SurveyRespondent {key: $key})
                SET r.answers = $answers, r.updatedAt = $at,
                    r.submittedAt = CASE WHEN $submit THEN $at ELSE r.submittedAt END
                RETURN r {.*} AS r`,
  decisions: 'MATCH (d:SurveyDecision {surveyId: $id}) RETURN d {.*} AS d ORDER BY d.itemId',
  saveDecisions: `UNWIND $rows AS row MERGE (d:SurveyDecision {key: row.key}) SET d = row`,
} as const;

type Props = Record<string, unknown>;
const CONSTRAINT = 'Neo.ClientError.Schema.ConstraintValidationFailed';
const ALREADY_THERE = new Set([
  'Neo.ClientError.Schema.EquivalentSchemaRuleAlreadyExists',
  'Neo.ClientError.Schema.ConstraintAlreadyExists',
  'Neo.ClientError.Schema.IndexAlreadyExists',
]);

const str = (v: unknown): string | null => (v === null || v === undefined ? null : String(v));
const keyOf = (surveyId: string, nodeId: string) => `${surveyId}|${nodeId}`;

const toSurvey = (p: Props): SurveyRecord => ({
  id: String(p.id),
  title: String(p.title),
  relationTypes: JSON.parse(String(p.relationTypes)) as string[],
  closesAt: String(p.closesAt),
  createdAt: String(p.createdAt),
  createdBy: String(p.createdBy),
  closedAt: str(p.closedAt),
});
const toRespondent = (p: Props): RespondentRecord => ({
  surveyId: String(p.surveyId),
  nodeId: String(p.nodeId),
  role: str(p.role),
  email: str(p.email),
  tokenHash: str(p.tokenHash),
  invitedAt: str(p.invitedAt),
  answers: p.answers === null || p.answers === undefined ? null : (JSON.parse(String(p.answers)) as Answers),
  updatedAt: str(p.updatedAt),
  submittedAt: str(p.submittedAt),
});
const toDecision = (p: Props): DecisionRecord => ({
  surveyId: String(p.surveyId),
  itemId: String(p.itemId),
  decision: p.decision === 'accepted' ? 'accepted' : 'rejected',
  decidedAt: String(p.decidedAt),
  decidedBy: String(p.decidedBy),
});

const mapped = async <T>(work: () => Promise<T>): Promise<T> => {
  try {
    return await work();
  } catch (err) {
    throw isUnavailable(err) ? new StoreError('store_unavailable', 'The survey database is unavailable') : err;
  }
};

export class Neo4jSurveys implements SurveyStore {
  readonly kind = 'neo4j' as const;
  private readonly runner: Runner;

  private constructor(
    private readonly driver: Driver,
    database: string,
    private readonly ownsDriver: boolean,
  ) {
    this.runner = new Runner(driver, database);
  }

  /** Applies the constraints (idempotent) and returns the store. */
  static async open(driver: Driver, database = 'neo4j', ownsDriver = false): Promise<Neo4jSurveys> {
    const session = driver.session({ database, defaultAccessMode: neo4j.session.WRITE });
    try {
      for (const statement of SCHEMA) {
        try {
          await mapped(() => session.run(statement));
        } catch (err) {
          if (!(err instanceof Neo4jError && ALREADY_THERE.has(err.code))) throw err;
        }
      }
    } finally {
      await session.close();
    }
    return new Neo4jSurveys(driver, database, ownsDriver);
  }

  private read(text: string, params: Props = {}): Promise<Props[]> {
    return mapped(() => this.runner.read(text, params));
  }

  private tx<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    return mapped(() => this.runner.write(work));
  }

  async createSurvey(
    s: SurveyRecord,
    respondents: Pick<RespondentRecord, 'nodeId' | 'role' | 'email'>[],
  ): Promise<void> {
    const rows = respondents.map((r) => ({
      key: keyOf(s.id, r.nodeId),
      surveyId: s.id,
      nodeId: r.nodeId,
      ...(r.role !== null ? { role: r.role } : {}),
      ...(r.email !== null ? { email: r.email } : {}),
    }));
    try {
      await this.tx(async (tx) => {
        const { closedAt, ...rest } = s;
        await tx.run(Q.create, {
          s: { ...rest, relationTypes: JSON.stringify(s.relationTypes), ...(closedAt ? { closedAt } : {}) },
        });
        await tx.run(Q.respondents, { rows });
      });
    } catch (err) {
      if (err instanceof Neo4jError && err.code === CONSTRAINT)
        throw new SurveyStoreError('survey_exists', `Survey "${s.id}" already exists`);
      throw err;
    }
  }

  async getSurvey(id: string): Promise<SurveyRecord | undefined> {
    const [row] = await this.read(Q.get, { id });
    return row ? toSurvey(row.s as Props) : undefined;
  }

  async listSurveys(): Promise<SurveyRecord[]> {
    return (await this.read(Q.list)).map((r) => toSurvey(r.s as Props));
  }

  async closeSurvey(id: string, at: string): Promise<SurveyRecord> {
    const [row] = await this.tx((tx) => tx.run(Q.close, { id, at }));
    if (!row) throw new SurveyStoreError('survey_not_found', `Survey "${id}" not found`);
    return toSurvey(row.s as Props);
  }

  async setTokens(surveyId: string, tokens: { nodeId: string; tokenHash: string }[], at: string): Promise<void> {
    await this.tx(async (tx) => {
      for (const t of tokens) {
        const rows = await tx.run(Q.setToken, { key: keyOf(surveyId, t.nodeId), hash: t.tokenHash, at });
        if (rows.length === 0)
          throw new SurveyStoreError('respondent_not_found', `"${t.nodeId}" is not a respondent of "${surveyId}"`);
      }
    });
  }

  async respondentByToken(tokenHash: string): Promise<RespondentRecord | undefined> {
    const [row] = await this.read(Q.byToken, { hash: tokenHash });
    return row ? toRespondent(row.r as Props) : undefined;
  }

  async listRespondents(surveyId: string): Promise<RespondentRecord[]> {
    return (await this.read(Q.listRespondents, { id: surveyId })).map((r) => toRespondent(r.r as Props));
  }

  async saveAnswers(
    surveyId: string,
    nodeId: string,
    answers: Answers,
    at: string,
    submit: boolean,
  ): Promise<RespondentRecord> {
    const [row] = await this.tx((tx) =>
      tx.run(Q.saveAnswers, { key: keyOf(surveyId, nodeId), answers: JSON.stringify(answers), at, submit }),
    );
    if (!row) throw new SurveyStoreError('respondent_not_found', `"${nodeId}" is not a respondent of "${surveyId}"`);
    return toRespondent(row.r as Props);
  }

  async listDecisions(surveyId: string): Promise<DecisionRecord[]> {
    return (await this.read(Q.decisions, { id: surveyId })).map((r) => toDecision(r.d as Props));
  }

  async saveDecisions(decisions: DecisionRecord[]): Promise<void> {
    if (decisions.length === 0) return;
    const rows = decisions.map((d) => ({ key: `${d.surveyId}|${d.itemId}`, ...d }));
    await this.tx((tx) => tx.run(Q.saveDecisions, { rows }));
  }

  async close(): Promise<void> {
    if (this.ownsDriver) await this.driver.close();
  }
}
