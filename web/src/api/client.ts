/**
 * The HTTP client: JSON in and out, problem+json errors as ApiError, network failures as NetworkError,
 * If-Match on every write to an existing record (W/"<version>"), the session's CSRF token on every write, and
 * a hook that hears every 401/403 (session expired, role too low) so the app can offer the sign-in.
 */
import type { CompletenessReport } from '../../../core/analysis/completeness/index.js';
import type { CouncilProposal } from '../../../core/analysis/council/types.js';
import type { PlatformReach } from '../../../core/analysis/platform/types.js';
import type {
  GapsResponse,
  Me,
  NodeInput,
  NodeRecord,
  ProblemBody,
  RelationInput,
  RelationRecord,
  SavedView,
  SerializedGraph,
} from './types.js';
import type { ScenarioAnswer, ScenarioDraft } from '../../../core/analysis/scenario/types.js';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: ProblemBody,
    /** Seconds from Retry-After (rate-limited sign-in), if the server sent one. */
    readonly retryAfter: number | null = null,
  ) {
    super(body.detail ?? `HTTP ${status}`);
    this.name = 'ApiError';
  }
  get code(): string {
    return this.body.code;
  }
}

/** The server could not be reached at all (down, offline, CORS). */
export class NetworkError extends Error {
  constructor(message: string) {
    super(message);
    this.name = 'NetworkError';
  }
}

interface RequestOptions {
  body?: unknown;
  version?: number;
  signal?: AbortSignal;
  /** Tell no auth listener about a 401/403 (a start-up prefetch: the real request reports it). */
  quiet?: boolean;
}

const etagOf = (version: number): string => `W/"${version}"`;
const SAFE = new Set(['GET', 'HEAD', 'OPTIONS']);
const AUTH_PATH = /^\/api\/(me|auth\/)/;

let csrfToken: string | null = null;
/** The CSRF token of the current session (from /api/me or the sign-in); null when signed out. */
export const setCsrfToken = (token: string | null): void => {
  csrfToken = token;
};

export type AuthFailure = { status: 401 | 403; method: string; path: string; error: ApiError };
const authListeners = new Set<(f: AuthFailure) => void>();
/** Hears every 401/403 outside /api/me and /api/auth/* (those answer the sign-in form itself). */
export function onAuthFailure(fn: (f: AuthFailure) => void): () => void {
  authListeners.add(fn);
  return () => authListeners.delete(fn);
}

/** One call to the API (exported for the feature clients beside this file, e.g. api/surveys.ts). */
export async function request<T>(method: string, path: string, opts: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (opts.body !== undefined) headers['content-type'] = 'application/json';
  if (opts.version !== undefined) headers['if-match'] = etagOf(opts.version);
  if (csrfToken && !SAFE.has(method)) headers['x-csrf-token'] = csrfToken;
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers,
      credentials: 'same-origin',
      ...(opts.body !== undefined ? { body: JSON.stringify(opts.body) } : {}),
      ...(opts.signal ? { signal: opts.signal } : {}),
    });
  } catch (err) {
    throw new NetworkError((err as Error).message);
  }
  if (res.status === 204) return undefined as T;
  const text = await res.text();
  let data: unknown = undefined;
  if (text) {
    try {
      data = JSON.parse(text);
    } catch {
      data = undefined;
    }
  }
  if (!res.ok) {
    const body = (
      data && typeof data === 'object' ? data : { status: res.status, code: `http_${res.status}` }
    ) as ProblemBody;
    const retry = Number(res.headers.get('retry-after'));
    const error = new ApiError(
      res.status,
      { ...body, status: res.status, code: body.code ?? `http_${res.status}` },
      Number.isFinite(retry) && retry > 0 ? retry : null,
    );
    if (!opts.quiet) reportAuthFailure(method, path, error);
    throw error;
  }
  return data as T;
}

function reportAuthFailure(method: string, path: string, error: ApiError): void {
  const status = error.status;
  if ((status === 401 || status === 403) && !AUTH_PATH.test(path) && error.code !== 'cross_origin')
    for (const fn of authListeners) fn({ status, method, path, error });
}

const enc = encodeURIComponent;

/** The graph requested at start-up, while the session is still being asked for; the first `api.graph()` takes it. */
let startupGraph: Promise<SerializedGraph> | null = null;

/**
 * Starts GET /api/graph (index.html preloads its bytes) so that parsing 10+ MB of JSON overlaps the session request
 * instead of following it. `api.graph()` reports a refusal (401/403) then, and asks again after any other failure.
 */
export function prefetchGraph(): void {
  startupGraph = request<SerializedGraph>('GET', '/api/graph', { quiet: true });
  startupGraph.catch(() => undefined);
}

function graph(signal?: AbortSignal): Promise<SerializedGraph> {
  const early = signal ? null : startupGraph;
  startupGraph = null;
  const fresh = () => request<SerializedGraph>('GET', '/api/graph', signal ? { signal } : {});
  if (!early) return fresh();
  return early.catch((err: unknown) => {
    // Refused: the answer stands (asking again would only be refused again); now the sign-in hears of it.
    if (err instanceof ApiError && (err.status === 401 || err.status === 403)) {
      reportAuthFailure('GET', '/api/graph', err);
      throw err;
    }
    return fresh();
  });
}

export const api = {
  graph,
  health: () => request<{ status: string; store: string }>('GET', '/api/health'),

  getNode: (id: string) => request<NodeRecord>('GET', `/api/nodes/${enc(id)}`),
  createNode: (input: NodeInput) => request<NodeRecord>('POST', '/api/nodes', { body: input }),
  updateNode: (id: string, input: NodeInput, version: number) =>
    request<NodeRecord>('PUT', `/api/nodes/${enc(id)}`, { body: input, version }),
  deleteNode: (id: string, version: number) => request<void>('DELETE', `/api/nodes/${enc(id)}`, { version }),

  getRelation: (id: string) => request<RelationRecord>('GET', `/api/relations/${enc(id)}`),
  createRelation: (input: RelationInput) => request<RelationRecord>('POST', '/api/relations', { body: input }),
  updateRelation: (id: string, input: RelationInput, version: number) =>
    request<RelationRecord>('PUT', `/api/relations/${enc(id)}`, { body: input, version }),
  deleteRelation: (id: string, version: number) => request<void>('DELETE', `/api/relations/${enc(id)}`, { version }),

  listViews: () => request<{ items: SavedView[] }>('GET', '/api/views'),
  getView: (name: string) => request<SavedView>('GET', `/api/views/${enc(name)}`),
  saveView: (name: string, state: unknown, version?: number) =>
    request<SavedView>('PUT', `/api/views/${enc(name)}`, {
      body: { state },
      ...(version !== undefined ? { version } : {}),
    }),
  deleteView: (name: string, version: number) => request<void>('DELETE', `/api/views/${enc(name)}`, { version }),

  gaps: () => request<GapsResponse>('GET', '/api/gaps'),
  platform: (query: string) => request<PlatformReach>('GET', `/api/platform?${query}`),
  council: (network: string) => request<CouncilProposal>('GET', `/api/council?network=${enc(network)}`),
  completeness: () => request<CompletenessReport>('GET', '/api/completeness'),
  scenario: (draft: ScenarioDraft) => request<ScenarioAnswer>('POST', '/api/scenarios', { body: draft }),

  me: () => request<Me>('GET', '/api/me'),
  login: (name: string, password: string) => request<Me>('POST', '/api/auth/login', { body: { name, password } }),
  logout: () => request<void>('POST', '/api/auth/logout'),
};
