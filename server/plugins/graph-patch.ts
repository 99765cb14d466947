import { graphJsonText, nodeRecordJson, relationRecordJson, type GraphJsonItems } from '../../core/graph/serialize.js';
import type { NodeRecord, RelationRecord } from '../../core/model/records.js';
import type { HistoryEntry } from '../store/graph-store.js';

/** Code point order, which is SQLite's binary (UTF-8 byte) order of the ids. */
function byCodePoint(a: string, b: string): number {
  for (let i = 0, j = 0; i < a.length && j < b.length;) {
    const x = a.codePointAt(i) ?? 0;
    const y = b.codePointAt(j) ?? 0;
    if (x !== y) return x - y;
    i += x > 0xffff ? 2 : 1;
    j += y > 0xffff ? 2 : 1;
  }
  return a.length === b.length ? 0 : a.length < b.length ? -1 : 1;
}
const byCodeUnit = (a: string, b: string): number => (a < b ? -1 : a > b ? 1 : 0);

/** The fragments of one list, joined in id order; the order is re-sorted only after an id came or went. */
class Fragments {
  private readonly byId: Map<string, string>;
  private order: string[] | null;

  constructor(
    items: [string, string][],
    private readonly compare: (a: string, b: string) => number,
  ) {
    this.byId = new Map(items);
    this.order = items.map((i) => i[0]);
  }

  set(id: string, json: string): void {
    if (!this.byId.has(id)) this.order = null;
    this.byId.set(id, json);
  }

  delete(id: string): void {
    if (this.byId.delete(id)) this.order = null;
  }

  joined(): string {
    this.order ??= [...this.byId.keys()].sort(this.compare);
    return this.order.map((id) => this.byId.get(id)).join(',');
  }
}

/**
 * GET /api/graph (unfiltered) kept as per-record fragments, so a write is applied by replacing the fragments its
 * history entry names instead of reading the whole graph again. Entries are replayed in seq order from the revision
 * the fragments were read at; the read may already hold some of them, and replaying a record's entries in order ends
 * at its current state either way.
 */
export class PatchableGraph {
  private readonly nodes: Fragments;
  private readonly edges: Fragments;

  constructor(
    items: GraphJsonItems,
    /** The store revision read before the fragments were. */
    public revision: number,
    private readonly attributes: Record<string, unknown>,
    order: 'utf16' | 'codepoint',
  ) {
    const compare = order === 'codepoint' ? byCodePoint : byCodeUnit;
    this.nodes = new Fragments(items.nodes, compare);
    this.edges = new Fragments(items.edges, compare);
  }

  /**
   * Applies entries numbered right after the revision; false (nothing applied) when they do not follow on without a
   * gap, which means the history was not written by ordinary writes (a restore): then the caller rebuilds.
   */
  apply(entries: HistoryEntry[]): boolean {
    if (entries.some((e, i) => e.seq !== this.revision + 1 + i)) return false;
    for (const e of entries) {
      const list = e.recordType === 'node' ? this.nodes : this.edges;
      if (!e.after) list.delete(e.recordId);
      else if (e.recordType === 'node') list.set(e.recordId, nodeRecordJson(e.after as NodeRecord));
      else list.set(e.recordId, relationRecordJson(e.after as RelationRecord));
    }
    this.revision += entries.length;
    return true;
  }

  text(): string {
    return graphJsonText({ nodes: this.nodes.joined(), edges: this.edges.joined() }, this.attributes);
  }
}
