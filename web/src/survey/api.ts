/**
 * The questionnaire's side of the survey API (issue 22): GET/PUT /api/survey-response/{token} and its submit, with
 * the wire types of core/survey/schemas.ts. No account: the token in the link is the only credential, so these
 * calls send no cookie.
 */
import type { Answers, Questionnaire } from '../../../core/survey/schemas.js';

export type { Answers, Questionnaire };
export type TieAnswer = Answers['ties'][number];
export type NewTie = Answers['newTies'][number];
export type TieDetails = Pick<TieAnswer, 'frequency' | 'value' | 'topics'>;
export type RelationChoice = Questionnaire['choices']['relationTypes'][number];

export interface RegisterHit {
  id: string;
  kind: string;
  name: string;
  nameEn?: string;
}

/** A refusal the page explains: unknown link (404), closed round (410), or anything else (0: no connection). */
export class SurveyError extends Error {
  constructor(
    readonly status: number,
    readonly code: string,
  ) {
    super(`HTTP ${status} ${code}`);
    this.name = 'SurveyError';
  }
}

async function call<T>(method: string, path: string, body?: unknown): Promise<T> {
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      credentials: 'omit',
      headers: { accept: 'application/json', ...(body !== undefined ? { 'content-type': 'application/json' } : {}) },
      ...(body !== undefined ? { body: JSON.stringify(body) } : {}),
    });
  } catch {
    throw new SurveyError(0, 'network');
  }
  const text = await res.text();
  let data: unknown = undefined;
  try {
    data = text ? JSON.parse(text) : undefined;
  } catch {
    data = undefined;
  }
  if (!res.ok) {
    const code = data && typeof data === 'object' && 'code' in data ? String(data.code) : `http_${res.status}`;
    throw new SurveyError(res.status, code);
  }
  return data as T;
}

const base = (token: string) => `/api/survey-response/${encodeURIComponent(token)}`;
const enc = encodeURIComponent;

/**
 * The register by name: through the token where the server offers it (a respondent has no account), else the
 * ordinary node search (which answers only where reading is open: the local mode or anonymous read).
 */
async function search(token: string, q: string, kinds: readonly string[]): Promise<RegisterHit[]> {
  const query = `q=${enc(q)}&kind=${enc(kinds.join(','))}&limit=20`;
  try {
    return (await call<{ items: RegisterHit[] }>('GET', `${base(token)}/search?${query}`)).items;
  } catch (err) {
    if (!(err instanceof SurveyError) || err.status !== 404) throw err;
  }
  const page = await call<{ items: { id: string; kind: string; name?: string; nameEn?: string }[] }>(
    'GET',
    `/api/nodes?${query}`,
  );
  return page.items.map((n) => ({
    id: n.id,
    kind: n.kind,
    name: n.name ?? n.id,
    ...(n.nameEn ? { nameEn: n.nameEn } : {}),
  }));
}

/**
 * Names of register nodes the saved answers refer to (the questionnaire sends ids only for added ties and topics):
 * the ordinary node read, where reading is open; a name that cannot be read is shown as "(namnet visas inte)".
 */
async function names(ids: string[]): Promise<RegisterHit[]> {
  const found = await Promise.all(
    ids.map((id) =>
      call<{ id: string; kind: string; name: string; nameEn?: string }>('GET', `/api/nodes/${enc(id)}`).catch(
        () => null,
      ),
    ),
  );
  return found.filter((n): n is RegisterHit => n !== null);
}

export const surveyApi = {
  names,
  load: (token: string) => call<Questionnaire>('GET', base(token)),
  save: (token: string, answers: Answers) => call<unknown>('PUT', base(token), answers),
  /** Sends the answers with the submit, so what is submitted is exactly what the page shows. */
  submit: (token: string, answers: Answers) =>
    call<{ submittedAt: string | null }>('POST', `${base(token)}/submit`, answers),
  search,
};
