/**
 * Survey rounds beside the graph: the rounds, their respondents (token hashes, never tokens; a mail address only
 * until the round closes), the answers, and the editors' review decisions. Both stores (SQLite, Neo4j) implement
 * this one interface; test/store/survey-contract.ts runs the same tests on both.
 */
import type { Answers } from '../../../core/survey/schemas.js';

export interface SurveyRecord {
  id: string;
  title: string;
  relationTypes: string[];
  /** Last day to answer (YYYY-MM-DD, inclusive). */
  closesAt: string;
  createdAt: string;
  createdBy: string;
  closedAt: string | null;
}

export interface RespondentRecord {
  surveyId: string;
  nodeId: string;
  role: string | null;
  email: string | null;
  /** SHA-256 (hex) of the invitation token; null until invited. */
  tokenHash: string | null;
  invitedAt: string | null;
  answers: Answers | null;
  updatedAt: string | null;
  submittedAt: string | null;
}

export interface DecisionRecord {
  surveyId: string;
  itemId: string;
  decision: 'accepted' | 'rejected';
  decidedAt: string;
  decidedBy: string;
}

export class SurveyStoreError extends Error {
  constructor(
    readonly code: 'survey_exists' | 'survey_not_found' | 'respondent_not_found',
    message: string,
  ) {
    super(message);
    this.name = 'SurveyStoreError';
  }
}

export interface SurveyStore {
  readonly kind: 'sqlite' | 'neo4j';
  /** Creates the round with its respondents (not yet invited). Throws survey_exists on a taken id. */
  createSurvey(survey: SurveyRecord, respondents: Pick<RespondentRecord, 'nodeId' | 'role' | 'email'>[]): Promise<void>;
  getSurvey(id: string): Promise<SurveyRecord | undefined>;
  /** Newest first. */
  listSurveys(): Promise<SurveyRecord[]>;
  /** Marks the round closed and forgets its mail addresses (the token hashes stay, so a link answers 410, not 404). */
  closeSurvey(id: string, at: string): Promise<SurveyRecord>;
  /** Replaces the token hashes of the given respondents (a re-issue makes the old links invalid). */
  setTokens(surveyId: string, tokens: { nodeId: string; tokenHash: string }[], at: string): Promise<void>;
  /** One indexed lookup by hash. */
  respondentByToken(tokenHash: string): Promise<RespondentRecord | undefined>;
  listRespondents(surveyId: string): Promise<RespondentRecord[]>;
  /** Saves the answers of one respondent (draft), and marks them submitted when `submit`. */
  saveAnswers(
    surveyId: string,
    nodeId: string,
    answers: Answers,
    at: string,
    submit: boolean,
  ): Promise<RespondentRecord>;
  listDecisions(surveyId: string): Promise<DecisionRecord[]>;
  /** Upserts decisions by (surveyId, itemId). */
  saveDecisions(decisions: DecisionRecord[]): Promise<void>;
  close(): Promise<void>;
}
