/** A small client of the survey API over Fastify's inject, for the survey tests. */
import { expect } from 'vitest';
import type { FastifyInstance, LightMyRequestResponse } from 'fastify';
import { parseCsv } from '../../core/exchange/csv.js';
import type { RelationRecord } from '../../core/model/records.js';
import type { Questionnaire, ReviewItem } from '../../core/survey/schemas.js';

export class SurveyClient {
  constructor(private readonly app: FastifyInstance) {}

  async create(payload: object): Promise<string> {
    const res = await this.app.inject({ method: 'POST', url: '/api/surveys', payload });
    expect(res.statusCode, res.body).toBe(201);
    return res.json().id as string;
  }

  async invite(id: string): Promise<{ nodeId: string; url: string; token: string }[]> {
    const res = await this.app.inject({ method: 'POST', url: `/api/surveys/${id}/invitations` });
    expect(res.statusCode, res.body).toBe(201);
    return (res.json() as { nodeId: string; url: string }[]).map((l) => ({ ...l, token: l.url.split('/enkat/')[1] }));
  }

  get(token: string): Promise<LightMyRequestResponse> {
    return this.app.inject({ method: 'GET', url: `/api/survey-response/${token}` });
  }

  async questionnaire(token: string): Promise<Questionnaire> {
    const res = await this.get(token);
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as Questionnaire;
  }

  put(token: string, payload: object): Promise<LightMyRequestResponse> {
    return this.app.inject({ method: 'PUT', url: `/api/survey-response/${token}`, payload });
  }

  submit(token: string, payload?: object): Promise<LightMyRequestResponse> {
    return this.app.inject({
      method: 'POST',
      url: `/api/survey-response/${token}/submit`,
      ...(payload ? { payload } : {}),
    });
  }

  async review(id: string): Promise<ReviewItem[]> {
    const res = await this.app.inject({ method: 'GET', url: `/api/surveys/${id}/review` });
    expect(res.statusCode, res.body).toBe(200);
    return res.json().items as ReviewItem[];
  }

  decide(id: string, payload: object): Promise<LightMyRequestResponse> {
    return this.app.inject({ method: 'POST', url: `/api/surveys/${id}/review`, payload });
  }

  async relations(query: string): Promise<RelationRecord[]> {
    const res = await this.app.inject({ method: 'GET', url: `/api/relations?${query}` });
    expect(res.statusCode, res.body).toBe(200);
    return res.json().items as RelationRecord[];
  }

  async relation(id: string): Promise<RelationRecord> {
    const res = await this.app.inject({ method: 'GET', url: `/api/relations/${encodeURIComponent(id)}` });
    expect(res.statusCode, res.body).toBe(200);
    return res.json() as RelationRecord;
  }

  readCsv(text: string): string[][] {
    return parseCsv(text.replace(/^\uFEFF/, ''), ',');
  }
}
