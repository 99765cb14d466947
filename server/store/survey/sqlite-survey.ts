import Database from 'better-sqlite3';
import { mkdirSync } from 'node:fs';
import { dirname } from 'node:path';
import type { Answers } from '../../../core/survey/schemas.js';
import {
  SurveyStoreError,
  type DecisionRecord,
  type RespondentRecord,
  type SurveyRecord,
  type SurveyStore,
} from './survey-store.js';

/**
 * Survey rounds in the SQLite file of the graph store, through a connection of their own (WAL lets both work),
 * with their own migration list in `survey_migrations`.
 */
const MIGRATIONS: { version: number; sql: string }[] = [
  {
    version: 1,
    sql: `
      CREATE TABLE surveys (
        id TEXT PRIMARY KEY,
        title TEXT NOT NULL,
        relation_types TEXT NOT NULL,
        closes_at TEXT NOT NULL,
        created_at TEXT NOT NULL,
        created_by TEXT NOT NULL,
        closed_at TEXT
      );
      CREATE TABLE survey_respondents (
        survey_id TEXT NOT NULL REFERENCES surveys(id) ON DELETE CASCADE,
        node_id TEXT NOT NULL,
        role TEXT,
        email TEXT,
        token_hash TEXT UNIQUE,
        invited_at TEXT,
        answers TEXT,
        updated_at TEXT,
        submitted_at TEXT,
        PRIMARY KEY (survey_id, node_id)
      );
      CREATE TABLE survey_decisions (
        survey_id TEXT NOT NULL REFERENCES surveys(id) ON DELETE CASCADE,
        item_id TEXT NOT NULL,
        decision TEXT NOT NULL CHECK (decision IN ('accepted','rejected')),
        decided_at TEXT NOT NULL,
        decided_by TEXT NOT NULL,
        PRIMARY KEY (survey_id, item_id)
      );
    `,
  },
];

interface SurveyRow {
  id: string;
  title: string;
  relation_types: string;
  closes_at: string;
  created_at: string;
  created_by: string;
  closed_at: string | null;
}
interface RespondentRow {
  survey_id: string;
  node_id: string;
  role: string | null;
  email: string | null;
  token_hash: string | null;
  invited_at: string | null;
  answers: string | null;
  updated_at: string | null;
  submitted_at: string | null;
}
interface DecisionRow {
  survey_id: string;
  item_id: string;
  decision: 'accepted' | 'rejected';
  decided_at: string;
  decided_by: string;
}

const survey = (r: SurveyRow): SurveyRecord => ({
  id: r.id,
  title: r.title,
  relationTypes: JSON.parse(r.relation_types) as string[],
  closesAt: r.closes_at,
  createdAt: r.created_at,
  createdBy: r.created_by,
  closedAt: r.closed_at,
});
const respondent = (r: RespondentRow): RespondentRecord => ({
  surveyId: r.survey_id,
  nodeId: r.node_id,
  role: r.role,
  email: r.email,
  tokenHash: r.token_hash,
  invitedAt: r.invited_at,
  answers: r.answers === null ? null : (JSON.parse(r.answers) as Answers),
  updatedAt: r.updated_at,
  submittedAt: r.submitted_at,
});
const decision = (r: DecisionRow): DecisionRecord => ({
  surveyId: r.survey_id,
  itemId: r.item_id,
  decision: r.decision,
  decidedAt: r.decided_at,
  decidedBy: r.decided_by,
});

export class SqliteSurveys implements SurveyStore {
  readonly kind = 'sqlite' as const;
  private readonly db: Database.Database;

  constructor(path: string) {
    if (path !== ':memory:') mkdirSync(dirname(path), { recursive: true });
    this.db = new Database(path);
    this.db.pragma('journal_mode = WAL');
    this.db.pragma('foreign_keys = ON');
    this.db.pragma('busy_timeout = 5000');
    this.migrate();
  }

  private migrate(): void {
    this.db.exec(
      'CREATE TABLE IF NOT EXISTS survey_migrations (version INTEGER PRIMARY KEY, applied_at TEXT NOT NULL)',
    );
    const done = new Set(
      (this.db.prepare('SELECT version FROM survey_migrations').all() as { version: number }[]).map((r) => r.version),
    );
    for (const m of MIGRATIONS) {
      if (done.has(m.version)) continue;
      this.db.transaction(() => {
        this.db.exec(m.sql);
        this.db
          .prepare('INSERT INTO survey_migrations (version, applied_at) VALUES (?, ?)')
          .run(m.version, new Date().toISOString());
      })();
    }
  }

  async createSurvey(
    s: SurveyRecord,
    respondents: Pick<RespondentRecord, 'nodeId' | 'role' | 'email'>[],
  ): Promise<void> {
    this.db.transaction(() => {
      if (this.db.prepare('SELECT 1 FROM surveys WHERE id = ?').get(s.id))
        throw new SurveyStoreError('survey_exists', `Survey "${s.id}" already exists`);
      this.db
        .prepare('INSERT INTO surveys VALUES (?,?,?,?,?,?,?)')
        .run(s.id, s.title, JSON.stringify(s.relationTypes), s.closesAt, s.createdAt, s.createdBy, s.closedAt);
      const add = this.db.prepare('INSERT INTO survey_respondents (survey_id, node_id, role, email) VALUES (?,?,?,?)');
      for (const r of respondents) add.run(s.id, r.nodeId, r.role, r.email);
    })();
  }

  async getSurvey(id: string): Promise<SurveyRecord | undefined> {
    const row = this.db.prepare('SELECT * FROM surveys WHERE id = ?').get(id) as SurveyRow | undefined;
    return row ? survey(row) : undefined;
  }

  async listSurveys(): Promise<SurveyRecord[]> {
    return (this.db.prepare('SELECT * FROM surveys ORDER BY created_at DESC, id').all() as SurveyRow[]).map(survey);
  }

  async closeSurvey(id: string, at: string): Promise<SurveyRecord> {
    return this.db.transaction(() => {
      const row = this.db.prepare('SELECT * FROM surveys WHERE id = ?').get(id) as SurveyRow | undefined;
      if (!row) throw new SurveyStoreError('survey_not_found', `Survey "${id}" not found`);
      const closedAt = row.closed_at ?? at;
      this.db.prepare('UPDATE surveys SET closed_at = ? WHERE id = ?').run(closedAt, id);
      this.db.prepare('UPDATE survey_respondents SET email = NULL WHERE survey_id = ?').run(id);
      return survey({ ...row, closed_at: closedAt });
    })();
  }

  async setTokens(surveyId: string, tokens: { nodeId: string; tokenHash: string }[], at: string): Promise<void> {
    this.db.transaction(() => {
      const set = this.db.prepare(
        'UPDATE survey_respondents SET token_hash = ?, invited_at = ? WHERE survey_id = ? AND node_id = ?',
      );
      for (const t of tokens) {
        if (set.run(t.tokenHash, at, surveyId, t.nodeId).changes === 0)
          throw new SurveyStoreError('respondent_not_found', `"${t.nodeId}" is not a respondent of "${surveyId}"`);
      }
    })();
  }

  async respondentByToken(tokenHash: string): Promise<RespondentRecord | undefined> {
    const row = this.db.prepare('SELECT * FROM survey_respondents WHERE token_hash = ?').get(tokenHash) as
      RespondentRow | undefined;
    return row ? respondent(row) : undefined;
  }

  async listRespondents(surveyId: string): Promise<RespondentRecord[]> {
    return (
      this.db
        .prepare('SELECT * FROM survey_respondents WHERE survey_id = ? ORDER BY node_id')
        .all(surveyId) as RespondentRow[]
    ).map(respondent);
  }

  async saveAnswers(
    surveyId: string,
    nodeId: string,
    answers: Answers,
    at: string,
    submit: boolean,
  ): Promise<RespondentRecord> {
    return this.db.transaction(() => {
      const sql = submit
        ? 'UPDATE survey_respondents SET answers = ?, updated_at = ?, submitted_at = ? WHERE survey_id = ? AND node_id = ?'
        : 'UPDATE survey_respondents SET answers = ?, updated_at = ?, submitted_at = submitted_at WHERE survey_id = ? AND node_id = ?';
      const args = submit
        ? [JSON.stringify(answers), at, at, surveyId, nodeId]
        : [JSON.stringify(answers), at, surveyId, nodeId];
      if (this.db.prepare(sql).run(...args).changes === 0)
        throw new SurveyStoreError('respondent_not_found', `"${nodeId}" is not a respondent of "${surveyId}"`);
      const row = this.db
        .prepare('SELECT * FROM survey_respondents WHERE survey_id = ? AND node_id = ?')
        .get(surveyId, nodeId) as RespondentRow;
      return respondent(row);
    })();
  }

  async listDecisions(surveyId: string): Promise<DecisionRecord[]> {
    return (
      this.db
        .prepare('SELECT * FROM survey_decisions WHERE survey_id = ? ORDER BY item_id')
        .all(surveyId) as DecisionRow[]
    ).map(decision);
  }

  async saveDecisions(decisions: DecisionRecord[]): Promise<void> {
    this.db.transaction(() => {
      const put = this.db.prepare(
        `INSERT INTO survey_decisions VALUES (?,?,?,?,?)
         ON CONFLICT (survey_id, item_id) DO UPDATE SET decision = excluded.decision,
           decided_at = excluded.decided_at, decided_by = excluded.decided_by`,
      );
      for (const d of decisions) put.run(d.surveyId, d.itemId, d.decision, d.decidedAt, d.decidedBy);
    })();
  }

  async close(): Promise<void> {
    if (this.db.open) this.db.close();
  }
}
