/**
 * The HTTP client: JSON in and out, problem+json errors as ApiError, network failures as NetworkError,
 * If-Match on every write to an existing record (W/"<version>").
 */
import type {
  GapsResponse,
  NodeInput,
  NodeRecord,
  ProblemBody,
  RelationInput,
  RelationRecord,
  SavedView,
  SerializedGraph,
} from './types.js';

export class ApiError extends Error {
  constructor(
    readonly status: number,
    readonly body: ProblemBody,
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
}

const etagOf = (version: number): string => `W/"${version}"`;

async function request<T>(method: string, path: string, opts: RequestOptions = {}): Promise<T> {
  const headers: Record<string, string> = { accept: 'application/json' };
  if (opts.body !== undefined) headers['content-type'] = 'application/json';
  if (opts.version !== undefined) headers['if-match'] = etagOf(opts.version);
  let res: Response;
  try {
    res = await fetch(path, {
      method,
      headers,
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
    throw new ApiError(res.status, { ...body, status: res.status, code: body.code ?? `http_${res.status}` });
  }
  return data as T;
}

const enc = encodeURIComponent;

export const api = {
  graph: (signal?: AbortSignal) => request<SerializedGraph>('GET', '/api/graph', signal ? { signal } : {}),
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
};
