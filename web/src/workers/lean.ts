/**
 * The loaded graph as lean records for the analysis worker, and back as a Snapshot for core's actor projection.
 * The projection only reads ids, kinds, relation types, weights and valid time; the rest is filled neutrally.
 */
import type { AbstractGraph } from 'graphology-types';
import type { NodeRecord, RelationRecord, Snapshot } from '../../../core/model/records.js';
import type { LeanGraph } from './protocol.js';
import { isEvidence } from '../../../core/analysis/key-actors.js';

const str = (x: unknown): string | null => (typeof x === 'string' && x !== '' ? x : null);

/** Every loaded node and relation (map filters do not apply: the numbers must equal GET /api/analysis). */
export function leanGraph(g: AbstractGraph): LeanGraph {
  const out: LeanGraph = { nodes: [], edges: [] };
  g.forEachNode((key, a) => out.nodes.push({ key, kind: String(a.kind ?? ''), name: String(a.name ?? key) }));
  g.forEachEdge((key, a, source, target) => {
    const w = typeof a.weight === 'number' && a.weight > 0 && Number.isFinite(a.weight) ? a.weight : 1;
    const type = String(a.type ?? '');
    const evidence = isEvidence(a.evidence) ? a.evidence : 'confirmed';
    out.edges.push({
      key,
      source,
      target,
      type,
      weight: w,
      validFrom: str(a.validFrom),
      validTo: str(a.validTo),
      evidence,
    });
  });
  return out;
}

const META = { version: 1, createdAt: '', createdBy: '', updatedAt: '', updatedBy: '' };

export function leanToSnapshot(lean: LeanGraph): Snapshot {
  const nodes: NodeRecord[] = lean.nodes.map((n) => ({ id: n.key, kind: n.kind, name: n.name, props: {}, ...META }));
  const relations: RelationRecord[] = lean.edges.map((e) => ({
    id: e.key,
    type: e.type,
    from: e.source,
    to: e.target,
    weight: e.weight,
    props: {},
    sources: [],
    evidence: e.evidence,
    validFrom: e.validFrom,
    validTo: e.validTo,
    ...META,
  }));
  return { nodes, relations };
}
