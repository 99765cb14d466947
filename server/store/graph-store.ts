import type {
  JsonValue,
  Batch,
  NodeInput,
  NodeRecord,
  Page,
  RelationInput,
  RelationRecord,
  Snapshot,
  SnapshotQuery,
} from '../../core/model/records.js';
import type { GraphJsonItems, GraphJsonParts } from '../../core/graph/serialize.js';

/** Who writes, and when (transaction time). */
export interface WriteContext {
  actor: string;
  /** ISO timestamp; defaults to now. Tests set it to write history on chosen dates. */
  at?: string;
}

export interface NodeQuery {
  kind?: string[];
  /** Case- and diacritic-insensitive substring search over names and ids. */
  q?: string;
  offset: number;
  limit: number;
}

export interface RelationQuery {
  type?: string[];
  nodeId?: string;
  from?: string;
  to?: string;
  offset: number;
  limit: number;
}

export interface HistoryEntry {
  seq: number;
  recordId: string;
  recordType: 'node' | 'relation';
  version: number;
  op: 'create' | 'update' | 'delete';
  actor: string;
  at: string;
  before: NodeRecord | RelationRecord | null;
  after: NodeRecord | RelationRecord | null;
}

export interface HistoryQuery {
  recordId?: string;
  actor?: string;
  since?: string;
  until?: string;
  /** Only entries numbered after this seq (the graph cache catches up from its revision). */
  afterSeq?: number;
  limit: number;
}

export interface ImportResult {
  nodesCreated: number;
  nodesUpdated: number;
  relationsCreated: number;
  relationsUpdated: number;
}

export interface StoreStats {
  nodes: number;
  relations: number;
  nodesByKind: Record<string, number>;
  relationsByType: Record<string, number>;
}

export type StoreKind = 'sqlite' | 'neo4j';

/** Everything a backup holds of a graph store, exactly as stored (versions, timestamps, authors, history seq). */
export interface RawDump {
  nodes: NodeRecord[];
  relations: RelationRecord[];
  history: HistoryEntry[];
  views: SavedView[];
}

/** A named view of the map: filters, encodings, camera, and node positions so the map is stable. */
export interface SavedView {
  name: string;
  state: JsonValue;
  version: number;
  updatedAt: string;
  updatedBy: string;
}

/** Sees the kinds of a new relation's endpoints that the store's write refused; throws to refuse the write. */
export type EndpointCheck = (kinds: ReadonlyMap<string, string>) => void;

/**
 * The one storage interface the server uses. Writes are transactional: a failed write changes nothing.
 * `expectedVersion` implements optimistic concurrency (If-Match); undefined means "do not check".
 * Inputs are validated against the catalogue before they reach a store.
 */
export interface GraphStore {
  readonly kind: StoreKind;
  stats(): Promise<StoreStats>;
  /** Kinds of the given node ids that exist. */
  nodeKinds(ids: string[]): Promise<Map<string, string>>;
  getNode(id: string): Promise<NodeRecord | undefined>;
  listNodes(query: NodeQuery): Promise<Page<NodeRecord>>;
  createNode(input: NodeInput, ctx: WriteContext): Promise<NodeRecord>;
  /** `check` sees the stored record before the version check and throws to refuse (saves the caller a read). */
  updateNode(
    id: string,
    input: NodeInput,
    expectedVersion: number | undefined,
    ctx: WriteContext,
    check?: (prev: NodeRecord) => void,
  ): Promise<NodeRecord>;
  /** Deletes the node and its relations (each recorded in history). */
  deleteNode(id: string, expectedVersion: number | undefined, ctx: WriteContext): Promise<void>;
  getRelation(id: string): Promise<RelationRecord | undefined>;
  listRelations(query: RelationQuery): Promise<Page<RelationRecord>>;
  /**
   * With `endpoints`, a store that `checksEndpointKinds` writes only when both endpoints exist with kinds the catalogue
   * allows for the type; when they do not, it calls `endpoints` with their stored kinds (missing ones absent), which
   * throws the caller's report or returns to have the write tried again (they changed meanwhile).
   */
  createRelation(
    input: RelationInput & { id: string },
    ctx: WriteContext,
    endpoints?: EndpointCheck,
  ): Promise<RelationRecord>;
  /** createRelation checks the endpoints' kinds in its own write (no read of them needed before it). */
  readonly checksEndpointKinds?: boolean;
  updateRelation(
    id: string,
    input: RelationInput & { id: string },
    expectedVersion: number | undefined,
    ctx: WriteContext,
  ): Promise<RelationRecord>;
  deleteRelation(id: string, expectedVersion: number | undefined, ctx: WriteContext): Promise<void>;
  /** Upserts by id, all-or-nothing. Relations must carry ids. */
  importBatch(
    batch: Batch & { relations: (RelationInput & { id: string })[] },
    ctx: WriteContext,
  ): Promise<ImportResult>;
  snapshot(query: SnapshotQuery): Promise<Snapshot>;
  /** The same graph as `snapshot`, as graphology JSON text built from the stored rows (GET /api/graph). */
  snapshotJson(query: SnapshotQuery): Promise<GraphJsonParts>;
  /**
   * Changes whenever a write of nodes or relations commits, from any process (the history high-water mark), so a
   * cached graph can be checked with one cheap read.
   */
  revision(): Promise<string>;
  /** The node, its neighbours up to `depth` steps, and the relations among them. */
  neighbourhood(id: string, depth: number): Promise<Snapshot>;
  /**
   * The unfiltered graph's node and edge fragments with their ids (as snapshotJson joins them), for a cache that
   * patches them from history. Optional: without it the graph cache rebuilds after every write.
   */
  graphItems?(): Promise<GraphJsonItems>;
  /** Prepares the store for requests (Neo4j: runs its named queries once); the server calls it at start. */
  warmUp?(): Promise<void>;
  /** Ids compare by UTF-16 code units (Neo4j's snapshotJson sorts in JS) or by code point (SQLite's binary order). */
  readonly idOrder?: 'utf16' | 'codepoint';
  history(query: HistoryQuery): Promise<HistoryEntry[]>;
  listViews(): Promise<SavedView[]>;
  getView(name: string): Promise<SavedView | undefined>;
  /** Creates (expectedVersion undefined and no such view) or replaces a view, checking the version. */
  saveView(name: string, state: JsonValue, expectedVersion: number | undefined, ctx: WriteContext): Promise<SavedView>;
  deleteView(name: string, expectedVersion: number | undefined, ctx: WriteContext): Promise<void>;
  /**
   * Writes a backup into an EMPTY store as it was stored (no new versions, timestamps or history), in one
   * transaction; refuses (already_exists) if the store holds any node, relation, history entry or view.
   * Optional while not every adapter has it (Neo4j: server/store/neo4j/restore.ts).
   */
  restoreRaw?(dump: RawDump): Promise<void>;
  close(): Promise<void>;
}
