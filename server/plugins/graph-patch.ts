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

const COMMA = 0x2c;

/**
 * The fragments of one list as UTF-8 bytes, copied in id order into the body; the order is re-sorted only after an
 * id came or went. Bytes rather than strings: joining 50k strings built by template literals (V8 ropes, as the Neo4j
 * rows are mapped) and encoding the 14 MB result cost ~100 ms per body at 10k actors, copying bytes ~10 ms.
 */
class Fragments {
  private readonly byId: Map<string, Buffer>;
  private order: string[] | null;

  constructor(
    items: [string, string][],
    private readonly compare: (a: string, b: string) => number,
  ) {
    this.byId = new Map(items.map(([id, json]) => [id, Buffer.from(json, 'utf8')]));
    this.order = items.map((i) => i[0]);
  }

  set(id: string, json: string): void {
    if (!this.byId.has(id)) this.order = null;
    // Its own memory: a slice of Node's shared 8 KiB pool would keep the whole slab alive while the fragment lives,
    // so patched records would pin slabs of replaced ones. The first read's slices are bounded by the graph read.
    const bytes = Buffer.allocUnsafeSlow(Buffer.byteLength(json, 'utf8'));
    bytes.write(json, 'utf8');
    this.byId.set(id, bytes);
  }

  delete(id: string): void {
    if (this.byId.delete(id)) this.order = null;
  }

  /** The fragments in id order. */
  ordered(): Buffer[] {
    this.order ??= [...this.byId.keys()].sort(this.compare);
    return this.order.map((id) => this.byId.get(id) as Buffer);
  }
}

/** Bytes of the fragments joined by commas. */
const joinedLength = (list: Buffer[]): number => list.reduce((n, b) => n + b.length, Math.max(0, list.length - 1));

/** Copies the fragments, comma-separated, into `out` at `offset`; returns the offset after them. */
function copyJoined(list: Buffer[], out: Buffer, offset: number): number {
  let at = offset;
  for (let i = 0; i < list.length; i++) {
    if (i > 0) out[at++] = COMMA;
    at += list[i].copy(out, at);
  }
  return at;
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

  /** The body: graphJsonText's document, byte for byte, assembled from the fragments' bytes. */
  bytes(): Buffer {
    // NUL never occurs raw in JSON text, so it marks where the two lists go in the frame.
    const [head, mid, tail] = graphJsonText({ nodes: '\0', edges: '\0' }, this.attributes)
      .split('\0')
      .map((t) => Buffer.from(t, 'utf8'));
    const nodes = this.nodes.ordered();
    const edges = this.edges.ordered();
    const out = Buffer.allocUnsafe(head.length + joinedLength(nodes) + mid.length + joinedLength(edges) + tail.length);
    let at = head.copy(out, 0);
    at = copyJoined(nodes, out, at);
    at += mid.copy(out, at);
    at = copyJoined(edges, out, at);
    at += tail.copy(out, at);
    if (at !== out.length) throw new Error('graph body: the length of the fragments was miscounted');
    return out;
  }
}
