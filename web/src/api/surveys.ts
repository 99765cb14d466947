/** The editor's survey-round calls (issue 22), with the wire types of core/survey/schemas.ts. */
import type {
  ReviewDecisionInput,
  ReviewItem,
  RoundComparison,
  SurveyCreate,
  SurveySummary,
  SurveyView,
} from '../../../core/survey/schemas.js';
import { request } from './client.js';

export type { ReviewItem, RoundComparison, SurveyCreate, SurveySummary, SurveyView };
export interface Invitation {
  nodeId: string;
  url: string;
}
export interface ReviewResult {
  accepted: string[];
  rejected: string[];
  nodesCreated: number;
  relationsCreated: number;
  relationsUpdated: number;
}

const enc = encodeURIComponent;
const base = (id: string) => `/api/surveys/${enc(id)}`;

export const surveysApi = {
  list: () => request<{ items: SurveyView[] }>('GET', '/api/surveys'),
  get: (id: string) => request<SurveyView>('GET', base(id)),
  create: (input: SurveyCreate) => request<{ id: string }>('POST', '/api/surveys', { body: input }),
  close: (id: string) => request<unknown>('POST', `${base(id)}/close`),
  invite: (id: string) => request<Invitation[]>('POST', `${base(id)}/invitations`, { body: {} }),
  /** Mails new links to the respondents that have an address (needs SMTP on the server). */
  send: (id: string) =>
    request<{ sent: string[]; withoutAddress: string[]; failed: string[] }>('POST', `${base(id)}/invitations/send`, {
      body: {},
    }),
  review: (id: string) => request<{ items: ReviewItem[] }>('GET', `${base(id)}/review`),
  decide: (id: string, decision: ReviewDecisionInput) =>
    request<ReviewResult>('POST', `${base(id)}/review`, { body: decision }),
  summary: (id: string) => request<SurveySummary>('GET', `${base(id)}/summary`),
  compare: (from: string, to: string) =>
    request<RoundComparison>('GET', `/api/surveys/compare?from=${enc(from)}&to=${enc(to)}`),
};
