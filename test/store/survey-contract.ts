import { afterAll, beforeAll, describe, expect, it } from 'vitest';
import { randomUUID } from 'node:crypto';
import type { SurveyRecord, SurveyStore } from '../../server/store/survey/survey-store.js';
import { SurveyStoreError } from '../../server/store/survey/survey-store.js';

/**
 * The survey store contract: the SQLite and the Neo4j survey stores run this very suite. Each run uses a fresh
 * namespace, so a shared database is never wiped.
 */
export function surveyStoreContract(label: string, open: () => Promise<SurveyStore>): void {
  describe(`survey store contract: ${label}`, () => {
    let store: SurveyStore;
    const ns = randomUUID().slice(0, 8);
    const survey = (key: string, createdAt: string): SurveyRecord => ({
      id: `omg-${ns}-${key}`,
      title: `Omgång ${key}`,
      relationTypes: ['MEMBER_OF', 'COLLABORATES_WITH'],
      closesAt: '2099-12-31',
      createdAt,
      createdBy: 'kontrakt',
      closedAt: null,
    });
    const A = `org:${ns}-a`;
    const B = `org:${ns}-b`;

    beforeAll(async () => {
      store = await open();
    });
    afterAll(async () => {
      await store?.close();
    });

    it('creates a round with its respondents, refuses a taken id, lists newest first', async () => {
      const s = survey('1', '2026-12-01T10:00:00.000Z');
      await store.createSurvey(s, [
        { nodeId: A, role: 'Rektor', email: 'info@example.org' },
        { nodeId: B, role: null, email: null },
      ]);
      await store.createSurvey(survey('2', '2026-12-02T10:00:00.000Z'), [{ nodeId: A, role: null, email: null }]);
      expect(await store.getSurvey(s.id)).toEqual(s);
      expect(await store.getSurvey(`omg-${ns}-none`)).toBeUndefined();
      const mine = (await store.listSurveys()).filter((x) => x.id.startsWith(`omg-${ns}`)).map((x) => x.id);
      expect(mine).toEqual([`omg-${ns}-2`, `omg-${ns}-1`]);
      await expect(store.createSurvey(s, [])).rejects.toMatchObject({ code: 'survey_exists' });
      const rs = await store.listRespondents(s.id);
      expect(rs).toEqual([
        {
          surveyId: s.id,
          nodeId: A,
          role: 'Rektor',
          email: 'info@example.org',
          tokenHash: null,
          invitedAt: null,
          answers: null,
          updatedAt: null,
          submittedAt: null,
        },
        {
          surveyId: s.id,
          nodeId: B,
          role: null,
          email: null,
          tokenHash: null,
          invitedAt: null,
          answers: null,
          updatedAt: null,
          submittedAt: null,
        },
      ]);
    });

    it('finds a respondent by token hash only; a new token replaces the old', async () => {
      const id = `omg-${ns}-1`;
      await store.setTokens(id, [{ nodeId: A, tokenHash: `${ns}-h1` }], '2026-12-03T00:00:00.000Z');
      expect(await store.respondentByToken(`${ns}-h1`)).toMatchObject({
        surveyId: id,
        nodeId: A,
        invitedAt: '2026-12-03T00:00:00.000Z',
      });
      await store.setTokens(id, [{ nodeId: A, tokenHash: `${ns}-h2` }], '2026-12-04T00:00:00.000Z');
      expect(await store.respondentByToken(`${ns}-h1`)).toBeUndefined();
      expect((await store.respondentByToken(`${ns}-h2`))?.nodeId).toBe(A);
      await expect(
        store.setTokens(id, [{ nodeId: `org:${ns}-x`, tokenHash: `${ns}-h3` }], '2026-12-04'),
      ).rejects.toBeInstanceOf(SurveyStoreError);
    });

    it('saves drafts, then submits; answers are read back as written', async () => {
      const id = `omg-${ns}-1`;
      const draft = {
        ties: [{ relationId: 'rel:x', status: 'confirm' as const, frequency: 'monthly' as const, value: 3 }],
        newTies: [],
      };
      const saved = await store.saveAnswers(id, A, draft, '2026-12-05T00:00:00.000Z', false);
      expect(saved).toMatchObject({ answers: draft, updatedAt: '2026-12-05T00:00:00.000Z', submittedAt: null });
      const final = { ...draft, newTies: [{ type: 'COLLABORATES_WITH', counterpartId: B }] };
      const sent = await store.saveAnswers(id, A, final, '2026-12-06T00:00:00.000Z', true);
      expect(sent).toMatchObject({ answers: final, submittedAt: '2026-12-06T00:00:00.000Z' });
      // A later draft keeps the submission time.
      expect((await store.saveAnswers(id, A, draft, '2026-12-07T00:00:00.000Z', false)).submittedAt).toBe(
        '2026-12-06T00:00:00.000Z',
      );
      await expect(store.saveAnswers(id, `org:${ns}-x`, draft, '2026-12-07', false)).rejects.toMatchObject({
        code: 'respondent_not_found',
      });
    });

    it('upserts review decisions', async () => {
      const id = `omg-${ns}-1`;
      await store.saveDecisions([
        { surveyId: id, itemId: 'confirm:rel:x', decision: 'rejected', decidedAt: '2026-12-08', decidedBy: 'r' },
      ]);
      await store.saveDecisions([
        { surveyId: id, itemId: 'confirm:rel:x', decision: 'accepted', decidedAt: '2026-12-09', decidedBy: 'r' },
        { surveyId: id, itemId: 'deny:rel:y', decision: 'rejected', decidedAt: '2026-12-09', decidedBy: 'r' },
      ]);
      expect(await store.listDecisions(id)).toEqual([
        { surveyId: id, itemId: 'confirm:rel:x', decision: 'accepted', decidedAt: '2026-12-09', decidedBy: 'r' },
        { surveyId: id, itemId: 'deny:rel:y', decision: 'rejected', decidedAt: '2026-12-09', decidedBy: 'r' },
      ]);
    });

    it('closing keeps the closing time, forgets mail addresses, keeps token hashes (so links answer 410)', async () => {
      const id = `omg-${ns}-1`;
      const closed = await store.closeSurvey(id, '2026-12-10T00:00:00.000Z');
      expect(closed.closedAt).toBe('2026-12-10T00:00:00.000Z');
      expect((await store.closeSurvey(id, '2026-12-11T00:00:00.000Z')).closedAt).toBe('2026-12-10T00:00:00.000Z');
      const rs = await store.listRespondents(id);
      expect(rs.map((r) => r.email)).toEqual([null, null]);
      expect((await store.respondentByToken(`${ns}-h2`))?.nodeId).toBe(A);
      await expect(store.closeSurvey(`omg-${ns}-none`, '2026-12-10')).rejects.toMatchObject({
        code: 'survey_not_found',
      });
    });
  });
}
