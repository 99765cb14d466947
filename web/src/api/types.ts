/** Wire types of the Aktörsatlas API, as the front end uses them. */
import type { Bilingual } from '../../../core/model/labels.js';
import type { NodeInput, NodeRecord, RelationInput, RelationRecord } from '../../../core/model/records.js';
import type { SerializedGraph } from '../../../core/graph/serialize.js';
import type { FindingShape as Finding, SummaryItem } from '../../../core/analysis/gaps/schema.js';

export type { NodeInput, NodeRecord, RelationInput, RelationRecord, SerializedGraph };

export interface ProblemItem {
  path: string;
  code: string;
  message: Bilingual;
}

export interface ProblemBody {
  type?: string;
  title?: string;
  status: number;
  code: string;
  detail?: string;
  problems?: ProblemItem[];
}

export interface SavedView<S = unknown> {
  name: string;
  state: S;
  version: number;
  updatedAt: string;
  updatedBy: string;
}

/** A finding of GET /api/gaps: the type is derived from the one TypeBox schema in core. */
export type GapFinding = Finding;
export type { SummaryItem };

export interface GapKindInfo {
  id: string;
  label: Bilingual;
  definition?: Bilingual;
}

export interface GapsResponse {
  findings: GapFinding[];
  /** At most 10 finding ids to read first, each with one plain sentence. */
  summary?: SummaryItem[];
  /** Descriptors of the gap kinds (label and definition), when the server sends them. */
  gapKinds?: GapKindInfo[];
}

export type Role = 'viewer' | 'editor' | 'admin';

/** GET /api/me: who the client is and what it may do. */
export interface Me {
  user: { id: string; name: string; role: Role } | null;
  role: Role | null;
  mode: 'accounts' | 'open-local' | 'anonymous-read' | 'sign-in-required';
  via: 'session' | 'token' | null;
  csrfToken: string | null;
  expiresAt: string | null;
}
