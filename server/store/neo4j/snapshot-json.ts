import { edgeJson, nodeJson, type GraphJsonItems, type GraphJsonParts } from '../../../core/graph/serialize.js';
import type { SnapshotQuery } from '../../../core/model/records.js';
import { toNumber } from './mapping.js';
import { cypher } from './queries.js';
import type { Run } from './runner.js';

const nullIfEmpty = <T>(list: T[] | undefined): T[] | null => (list && list.length > 0 ? list : null);
const strOrNull = (v: unknown): string | null => (typeof v === 'string' ? v : null);
/** Code-unit order, as the record snapshot and SQLite sort ids. */
const byKey = (a: [string, string], b: [string, string]): number => (a[0] < b[0] ? -1 : a[0] > b[0] ? 1 : 0);
const joined = (rows: [string, string][]): string => rows.map((r) => r[1]).join(',');

/**
 * GET /api/graph's nodes and edges straight from the rows: props and sources stay the stored JSON text, so no record
 * is parsed and serialised again (see core/graph/serialize.ts `nodeJson`/`edgeJson`).
 */
export async function snapshotJson(read: Run, query: SnapshotQuery): Promise<GraphJsonParts> {
  const items = await snapshotItems(read, query);
  return { nodes: joined(items.nodes), edges: joined(items.edges) };
}

/** The fragments of snapshotJson with their ids, each list in id order. */
export async function snapshotItems(read: Run, query: SnapshotQuery): Promise<GraphJsonItems> {
  const kinds = nullIfEmpty(query.kinds);
  const [nodeRows, relRows] = await Promise.all([
    read(cypher('snapshot-nodes-json'), { kinds }),
    read(cypher('snapshot-relations-json'), {
      kinds,
      types: nullIfEmpty(query.relationTypes),
      asOf: query.asOf ?? null,
    }),
  ]);
  const ids = new Set<string>();
  const nodes = nodeRows.map((row): [string, string] => {
    const [id, kind, name, nameEn, props, version, updatedAt] = row.n as unknown[];
    ids.add(String(id));
    const text = nodeJson({
      id: String(id),
      kind: String(kind),
      name: String(name),
      nameEn: strOrNull(nameEn),
      propsJson: String(props),
      version: toNumber(version),
      updatedAt: String(updatedAt),
    });
    return [String(id), text];
  });
  const edges: [string, string][] = [];
  for (const row of relRows) {
    const [type, from, to, id, weight, props, sources, evidence, validFrom, validTo, note, version] =
      row.rel as unknown[];
    // The two reads are separate transactions; keep only relations whose ends are in this node list.
    if (!ids.has(String(from)) || !ids.has(String(to))) continue;
    edges.push([
      String(id),
      edgeJson({
        id: String(id),
        type: String(type),
        from: String(from),
        to: String(to),
        weight: toNumber(weight),
        propsJson: String(props),
        sourcesJson: String(sources),
        evidence: String(evidence),
        validFrom: strOrNull(validFrom),
        validTo: strOrNull(validTo),
        note: strOrNull(note),
        version: toNumber(version),
      }),
    ]);
  }
  return { nodes: nodes.sort(byKey), edges: edges.sort(byKey) };
}

/** The history counter's seq (store-revision.cypher). */
export async function revision(read: Run): Promise<string> {
  const [row] = await read(cypher('store-revision'));
  return String(toNumber(row?.seq ?? 0));
}
