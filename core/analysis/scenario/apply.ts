/**
 * A draft applied to a snapshot in memory: validated by the catalogue exactly as an import is (validateBatch),
 * plus the checks only a draft needs (what it removes must exist, what it adds must be new).
 */
import { relationId } from '../../model/ids.js';
import { nodeFields, relationFields } from '../../model/record-fields.js';
import { prefixProblems, problem, type Problem } from '../../model/problems.js';
import type { NodeInput, NodeRecord, RelationInput, RelationRecord, Snapshot } from '../../model/records.js';
import { validateBatch } from '../../model/validate.js';
import type { ScenarioDraft, ScenarioSummary } from './types.js';

/** Who and when, on records that exist only in the draft. */
const DRAFT_META = {
  version: 0,
  createdAt: '1970-01-01T00:00:00.000Z',
  createdBy: 'scenario',
  updatedAt: '1970-01-01T00:00:00.000Z',
  updatedBy: 'scenario',
} as const;

export interface AppliedScenario {
  snapshot: Snapshot;
  summary: ScenarioSummary;
}

interface DraftParts {
  addNodes: NodeInput[];
  addRelations: RelationInput[];
  removeNodes: string[];
  removeRelations: string[];
}

const parts = (draft: ScenarioDraft): DraftParts => ({
  addNodes: draft.add?.nodes ?? [],
  addRelations: draft.add?.relations ?? [],
  removeNodes: draft.remove?.nodes ?? [],
  removeRelations: draft.remove?.relations ?? [],
});

/** Problems with what the draft removes: each id must name a record of the snapshot. */
function removalProblems(snapshot: Snapshot, d: DraftParts): Problem[] {
  const nodes = new Set(snapshot.nodes.map((n) => n.id));
  const relations = new Set(snapshot.relations.map((r) => r.id));
  const out: Problem[] = [];
  d.removeNodes.forEach((id, i) => {
    if (!nodes.has(id))
      out.push(
        problem(
          `/remove/nodes/${i}`,
          'unknown_node',
          `Noden "${id}" finns inte i registret`,
          `Node "${id}" is not in the register`,
        ),
      );
  });
  d.removeRelations.forEach((id, i) => {
    if (!relations.has(id))
      out.push(
        problem(
          `/remove/relations/${i}`,
          'unknown_relation',
          `Relationen "${id}" finns inte i registret`,
          `Relation "${id}" is not in the register`,
        ),
      );
  });
  return out;
}

/** Problems with what the draft adds: the catalogue's batch validation, and nothing that exists already. */
function additionProblems(snapshot: Snapshot, d: DraftParts): Problem[] {
  const gone = new Set(d.removeNodes);
  const kinds = new Map(snapshot.nodes.filter((n) => !gone.has(n.id)).map((n) => [n.id, n.kind]));
  const out = prefixProblems(
    '/add',
    validateBatch({ nodes: d.addNodes, relations: d.addRelations }, (id) => kinds.get(id)),
  );
  d.addNodes.forEach((n, i) => {
    if (typeof n?.id === 'string' && kinds.has(n.id))
      out.push(
        problem(
          `/add/nodes/${i}/id`,
          'already_exists',
          `Noden "${n.id}" finns redan i registret`,
          `Node "${n.id}" is already in the register`,
        ),
      );
  });
  const removed = new Set(d.removeRelations);
  const existing = new Set(snapshot.relations.filter((r) => !removed.has(r.id)).map((r) => r.id));
  const drafted = new Set<string>();
  d.addRelations.forEach((r, i) => {
    if (typeof r?.type !== 'string' || typeof r.from !== 'string' || typeof r.to !== 'string') return;
    const id = r.id ?? relationId(r.type, r.from, r.to);
    // The same tie drafted twice without ids (batch validation only sees explicit ids).
    if (r.id === undefined && drafted.has(id))
      out.push(
        problem(
          `/add/relations/${i}`,
          'duplicate_relation',
          'Samma relation finns två gånger i utkastet',
          'The same relation is in the draft twice',
        ),
      );
    drafted.add(id);
    if (existing.has(id))
      out.push(
        problem(
          `/add/relations/${i}`,
          'already_exists',
          'Relationen finns redan i registret',
          'The relation is already in the register',
        ),
      );
  });
  return out;
}

/** Every problem with a draft against a snapshot; empty when it may be analysed. */
export function scenarioProblems(snapshot: Snapshot, draft: ScenarioDraft): Problem[] {
  const d = parts(draft);
  return [...removalProblems(snapshot, d), ...additionProblems(snapshot, d)];
}

const nodeRecord = (n: NodeInput): NodeRecord => ({ ...nodeFields(n), ...DRAFT_META });

const relationRecord = (r: RelationInput): RelationRecord => ({
  ...relationFields({ ...r, id: r.id ?? relationId(r.type, r.from, r.to) }),
  ...DRAFT_META,
});

/**
 * The snapshot as it would be after the draft: removed nodes take their relations with them. The draft must be
 * valid (see scenarioProblems); the input snapshot is not changed.
 */
export function applyScenario(snapshot: Snapshot, draft: ScenarioDraft): AppliedScenario {
  const d = parts(draft);
  const goneNodes = new Set(d.removeNodes);
  const goneRelations = new Set(d.removeRelations);
  const keptRelations = snapshot.relations.filter(
    (r) => !goneRelations.has(r.id) && !goneNodes.has(r.from) && !goneNodes.has(r.to),
  );
  const nodes = [...snapshot.nodes.filter((n) => !goneNodes.has(n.id)), ...d.addNodes.map(nodeRecord)];
  const relations = [...keptRelations, ...d.addRelations.map(relationRecord)];
  return {
    snapshot: { ...snapshot, nodes, relations },
    summary: {
      nodesAdded: d.addNodes.length,
      relationsAdded: d.addRelations.length,
      nodesRemoved: goneNodes.size,
      relationsRemoved: snapshot.relations.length - keptRelations.length,
    },
  };
}
