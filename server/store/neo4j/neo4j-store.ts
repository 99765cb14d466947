import neo4j, { type Driver } from 'neo4j-driver';
import { fold } from '../../../core/text/fold.js';
import type { GraphJsonItems, GraphJsonParts } from '../../../core/graph/serialize.js';
import type {
  JsonValue,
  NodeInput,
  NodeRecord,
  Page,
  RelationInput,
  RelationRecord,
  Snapshot,
  SnapshotQuery,
} from '../../../core/model/records.js';
import type {
  EndpointCheck,
  GraphStore,
  SavedView,
  HistoryEntry,
  HistoryQuery,
  ImportResult,
  NodeQuery,
  RelationQuery,
  StoreStats,
  WriteContext,
} from '../graph-store.js';
import type { RawDump } from '../graph-store.js';
import { alreadyExists, notFound, versionMismatch } from '../errors.js';
import { stamp } from '../record-builders.js';
import { mapped, type WriteTarget } from './errors.js';
import { chunks } from './batches.js';
import { checkBatch, importInTx, type ImportBatch } from './import.js';
import {
  historyFromProps,
  int,
  nodeFromProps,
  relationFromList,
  relationFromRow,
  toNumber,
  viewFromProps,
  viewToProps,
  type PropMap,
} from './mapping.js';
import { cypher } from './queries.js';
import { nodeKinds, nodesById, relationsById } from './record-io.js';
import { Runner, type Tx } from './runner.js';
import * as writes from './single-writes.js';
import { warmUp } from './warm-up.js';
import { restoreNeo4j } from './restore.js';
import { revision, snapshotItems, snapshotJson } from './snapshot-json.js';
import { migrate } from './schema.js';
import { assertPropKeys, nodeLabel, relationType } from './whitelist.js';

type Rel = RelationInput & { id: string };

export interface Neo4jConnection {
  uri: string;
  user?: string;
  password?: string;
  /** Defaults to `neo4j`, the one user database of Community Edition. */
  database?: string;
}

export interface Neo4jStoreOptions {
  database?: string;
  /** Close the driver on `close()`; true when the store created it. */
  ownsDriver?: boolean;
}

/** A bulk import is one transaction however large; it gets more time than the server's default for single writes. */
const IMPORT_TIMEOUT_MS = 10 * 60_000;

const nullIfEmpty = <T>(list: T[] | undefined): T[] | null => (list && list.length > 0 ? list : null);
const countsBy = (rows: PropMap[]): Record<string, number> =>
  Object.fromEntries(rows.map((r) => [r.key as string, toNumber(r.n)]));

/** Code-unit order, like SQLite's binary collation for the ASCII ids the catalogue produces. */
const byId = (a: { id: string }, b: { id: string }): number => (a.id < b.id ? -1 : a.id > b.id ? 1 : 0);

function checkVersion(id: string, expected: number | undefined, actual: number): void {
  if (expected !== undefined && expected !== actual) throw versionMismatch(id, expected, actual);
}

/**
 * The production store: a Neo4j 5 server through neo4j-driver 6. Every query is a named file in `cypher/`; labels
 * and relationship types come only from the catalogue. A single-record write is a read and one guarded auto-commit
 * statement (single-writes.ts): no lock is held across a round trip, and writers on different records do not queue.
 */
export class Neo4jStore implements GraphStore {
  readonly kind = 'neo4j' as const;
  private readonly runner: Runner;
  private readonly runs: writes.Runs;
  private readonly ownsDriver: boolean;

  constructor(
    private readonly driver: Driver,
    options: Neo4jStoreOptions = {},
  ) {
    this.runner = new Runner(driver, options.database ?? 'neo4j');
    this.runs = { read: this.runner.read, writeOne: this.runner.writeOne };
    this.ownsDriver = options.ownsDriver ?? false;
  }

  /** Connects (failing fast when the server is down), applies the schema once, and returns a store that owns its driver. */
  static async open(conn: Neo4jConnection): Promise<Neo4jStore> {
    // No user: the driver sends the 'none' scheme (a server with auth disabled, as in tests).
    const auth = conn.user !== undefined ? neo4j.auth.basic(conn.user, conn.password ?? '') : undefined;
    const driver = neo4j.driver(conn.uri, auth, {
      disableLosslessIntegers: true,
      connectionAcquisitionTimeout: 5_000,
      connectionTimeout: 5_000,
      // Retries of a failing write stop after 5 s too, so a request gets its 503 instead of waiting 30 s.
      maxTransactionRetryTime: 5_000,
    });
    const store = new Neo4jStore(driver, { database: conn.database, ownsDriver: true });
    try {
      await mapped(() => driver.verifyConnectivity({ database: store.runner.database }));
      await store.migrate();
      return store;
    } catch (err) {
      await driver.close();
      throw err;
    }
  }

  /** Runs the app's named queries once before the first request (warm-up.ts); nothing is written. */
  async warmUp(): Promise<void> {
    return mapped(() => warmUp(this.runner.read, this.runner.writeOne));
  }

  /** Applies `cypher/schema.cypher` unless this schema version is recorded; returns whether it ran. */
  async migrate(): Promise<boolean> {
    return mapped(() => migrate(this.driver, this.runner.database));
  }

  async stats(): Promise<StoreStats> {
    return mapped(async () => {
      const [byKind, byType] = await Promise.all([
        this.runner.read(cypher('stats-nodes')),
        this.runner.read(cypher('stats-relations')),
      ]);
      const nodesByKind = countsBy(byKind);
      const relationsByType = countsBy(byType);
      const sum = (m: Record<string, number>) => Object.values(m).reduce((s, n) => s + n, 0);
      return { nodes: sum(nodesByKind), relations: sum(relationsByType), nodesByKind, relationsByType };
    });
  }

  async nodeKinds(ids: string[]): Promise<Map<string, string>> {
    return mapped(() => nodeKinds(this.runner.read, ids));
  }

  async getNode(id: string): Promise<NodeRecord | undefined> {
    return mapped(async () => (await nodesById(this.runner.read, [id])).get(id));
  }

  async listNodes(query: NodeQuery): Promise<Page<NodeRecord>> {
    return mapped(async () => {
      const [row] = await this.runner.read(cypher(query.q ? 'node-search' : 'node-list'), {
        kinds: nullIfEmpty(query.kind),
        q: query.q ? fold(query.q) : null,
        skip: int(query.offset),
        limit: int(query.limit),
      });
      const items = (row.items as PropMap[]).map(nodeFromProps);
      return { items, total: toNumber(row.total), offset: query.offset, limit: query.limit };
    });
  }

  async createNode(input: NodeInput, ctx: WriteContext): Promise<NodeRecord> {
    nodeLabel(input.kind);
    assertPropKeys(input.props);
    const c = { ...ctx, at: stamp(ctx) };
    return mapped(() => writes.createNode(this.runs, input, c), { what: 'Node', id: input.id });
  }

  async updateNode(
    id: string,
    input: NodeInput,
    expectedVersion: number | undefined,
    ctx: WriteContext,
    check?: (prev: NodeRecord) => void,
  ): Promise<NodeRecord> {
    nodeLabel(input.kind);
    assertPropKeys(input.props);
    const c = { ...ctx, at: stamp(ctx) };
    return mapped(() => writes.updateNode(this.runs, id, input, expectedVersion, c, check), { what: 'Node', id });
  }

  async deleteNode(id: string, expectedVersion: number | undefined, ctx: WriteContext): Promise<void> {
    const c = { ...ctx, at: stamp(ctx) };
    await mapped(() => writes.deleteNode(this.runs, id, expectedVersion, c), { what: 'Node', id });
  }

  async getRelation(id: string): Promise<RelationRecord | undefined> {
    return mapped(async () => (await relationsById(this.runner.read, [id])).get(id));
  }

  async listRelations(query: RelationQuery): Promise<Page<RelationRecord>> {
    return mapped(async () => {
      const anchor = query.from ?? query.to ?? query.nodeId;
      const params = {
        types: nullIfEmpty(query.type),
        anchor: anchor ?? null,
        nodeId: query.nodeId ?? null,
        from: query.from ?? null,
        to: query.to ?? null,
        skip: int(query.offset),
        limit: int(query.limit),
      };
      const [row] = await this.runner.read(cypher(anchor ? 'relation-list-anchored' : 'relation-list'), params);
      const items = (row.items as unknown[][]).map(relationFromList);
      return { items, total: toNumber(row.total), offset: query.offset, limit: query.limit };
    });
  }

  readonly checksEndpointKinds = true;

  async createRelation(input: Rel, ctx: WriteContext, endpoints?: EndpointCheck): Promise<RelationRecord> {
    relationType(input.type);
    assertPropKeys(input.props);
    const c = { ...ctx, at: stamp(ctx) };
    return mapped(() => writes.createRelation(this.runs, input, c, endpoints), { what: 'Relation', id: input.id });
  }

  async updateRelation(
    id: string,
    input: Rel,
    expectedVersion: number | undefined,
    ctx: WriteContext,
  ): Promise<RelationRecord> {
    relationType(input.type);
    assertPropKeys(input.props);
    const c = { ...ctx, at: stamp(ctx) };
    return mapped(() => writes.updateRelation(this.runs, id, input, expectedVersion, c), { what: 'Relation', id });
  }

  async deleteRelation(id: string, expectedVersion: number | undefined, ctx: WriteContext): Promise<void> {
    const c = { ...ctx, at: stamp(ctx) };
    await mapped(() => writes.deleteRelation(this.runs, id, expectedVersion, c), { what: 'Relation', id });
  }

  async importBatch(batch: ImportBatch, ctx: WriteContext): Promise<ImportResult> {
    checkBatch(batch);
    const c = { ...ctx, at: stamp(ctx) };
    return this.write(undefined, (tx) => importInTx(tx, batch, c), IMPORT_TIMEOUT_MS);
  }

  async snapshotJson(query: SnapshotQuery): Promise<GraphJsonParts> {
    return mapped(() => snapshotJson(this.runner.read, query));
  }

  readonly idOrder = 'utf16' as const;

  async graphItems(): Promise<GraphJsonItems> {
    return mapped(() => snapshotItems(this.runner.read, {}));
  }

  async revision(): Promise<string> {
    return mapped(() => revision(this.runner.read));
  }

  async snapshot(query: SnapshotQuery): Promise<Snapshot> {
    return mapped(async () => {
      const kinds = nullIfEmpty(query.kinds);
      const [nodeRows, relRows] = await Promise.all([
        this.runner.read(cypher('snapshot-nodes'), { kinds }),
        this.runner.read(cypher('snapshot-relations'), {
          kinds,
          types: nullIfEmpty(query.relationTypes),
          asOf: query.asOf ?? null,
        }),
      ]);
      const nodes = nodeRows.map((r) => nodeFromProps(r.n as PropMap)).sort(byId);
      // The two reads are separate transactions; keep only relations whose ends are in this node list.
      const ids = new Set(nodes.map((n) => n.id));
      // Sorted here rather than in Cypher, so the server can stream instead of materialising every row.
      const relations = relRows
        .map(relationFromRow)
        .filter((r) => ids.has(r.from) && ids.has(r.to))
        .sort(byId);
      return { nodes, relations, ...(query.asOf ? { asOf: query.asOf } : {}) };
    });
  }

  async neighbourhood(id: string, depth: number): Promise<Snapshot> {
    return mapped(async () => {
      const read = this.runner.read;
      if ((await nodesById(read, [id])).size === 0) throw notFound('Node', id);
      // Breadth-first, one query per step: a variable-length pattern would enumerate paths, not nodes.
      const seen = new Set([id]);
      let frontier = [id];
      for (let step = 0; step < depth && frontier.length > 0; step++) {
        const next: string[] = [];
        for (const batch of chunks(frontier)) {
          for (const row of await read(cypher('neighbours'), { ids: batch })) {
            const n = row.id as string;
            if (!seen.has(n)) {
              seen.add(n);
              next.push(n);
            }
          }
        }
        frontier = next;
      }
      const ids = [...seen];
      const nodes = [...(await nodesById(read, ids)).values()].sort(byId);
      const present = new Set(nodes.map((n) => n.id));
      const relations = (await read(cypher('relations-among'), { ids }))
        .map(relationFromRow)
        .filter((r) => present.has(r.from) && present.has(r.to))
        .sort(byId);
      return { nodes, relations };
    });
  }

  async history(query: HistoryQuery): Promise<HistoryEntry[]> {
    return mapped(async () => {
      const params = {
        recordId: query.recordId ?? null,
        actor: query.actor ?? null,
        since: query.since ?? null,
        until: query.until ?? null,
        afterSeq: int(query.afterSeq ?? -1),
        limit: int(query.limit),
      };
      const rows = await this.runner.read(cypher(query.recordId ? 'history-by-record' : 'history-list'), params);
      return rows.map((r) => historyFromProps(r.h as PropMap));
    });
  }

  async listViews(): Promise<SavedView[]> {
    return mapped(async () => (await this.runner.read(cypher('view-list'))).map((r) => viewFromProps(r.v as PropMap)));
  }

  async getView(name: string): Promise<SavedView | undefined> {
    return mapped(async () => {
      const [row] = await this.runner.read(cypher('view-get'), { name });
      return row ? viewFromProps(row.v as PropMap) : undefined;
    });
  }

  async saveView(
    name: string,
    state: JsonValue,
    expectedVersion: number | undefined,
    ctx: WriteContext,
  ): Promise<SavedView> {
    const at = stamp(ctx);
    return this.write({ what: 'View', id: name }, async (tx) => {
      const [row] = await tx.run(cypher('view-lock'), { name });
      const version = toNumber(row.version);
      if (version > 0 && expectedVersion === undefined) throw alreadyExists('View', name);
      if (version > 0) checkVersion(name, expectedVersion, version);
      const view: SavedView = { name, state, version: version + 1, updatedAt: at, updatedBy: ctx.actor };
      await tx.run(cypher('view-save'), { view: viewToProps(view) });
      return view;
    });
  }

  async deleteView(name: string, expectedVersion: number | undefined, _ctx: WriteContext): Promise<void> {
    await this.write({ what: 'View', id: name }, async (tx) => {
      const [row] = await tx.run(cypher('view-lock'), { name });
      const version = toNumber(row.version);
      if (version === 0) throw notFound('View', name);
      checkVersion(name, expectedVersion, version);
      await tx.run(cypher('view-delete'), { name });
    });
  }

  /** Writes a backup into an empty database exactly as stored (see restore.ts). */
  async restoreRaw(dump: RawDump): Promise<void> {
    return mapped(() => restoreNeo4j(this.driver, this.runner.database, dump));
  }

  async close(): Promise<void> {
    if (this.ownsDriver) await this.driver.close();
  }

  /** One write transaction, its driver errors mapped (a uniqueness violation names `target`). */
  private write<T>(target: WriteTarget | undefined, work: (tx: Tx) => Promise<T>, timeoutMs?: number): Promise<T> {
    return mapped(() => this.runner.write(work, timeoutMs), target);
  }
}
