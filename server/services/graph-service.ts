import { validateBatch, validateNode, validateRelation } from '../../core/model/validate.js';
import { relationId } from '../../core/model/ids.js';
import { prefixProblems } from '../../core/model/problems.js';
import type { Batch, NodeInput, NodeRecord, RelationInput, RelationRecord } from '../../core/model/records.js';
import type { GraphStore, ImportResult, WriteContext } from '../store/graph-store.js';
import { validationFailed } from '../problems.js';

type Rel = RelationInput & { id: string };

/** Validates against the catalogue, then writes through the store. Routes and the CLI share it. */
export class GraphService {
  constructor(private readonly store: GraphStore) {}

  async createNode(input: NodeInput, ctx: WriteContext): Promise<NodeRecord> {
    const problems = validateNode(input);
    if (problems.length > 0) throw validationFailed(problems);
    return this.store.createNode(input, ctx);
  }

  async updateNode(
    id: string,
    input: NodeInput,
    expectedVersion: number | undefined,
    ctx: WriteContext,
  ): Promise<NodeRecord> {
    const problems = validateNode({ ...input, id });
    if (input.id !== undefined && input.id !== id) {
      problems.push({
        path: '/id',
        code: 'id_mismatch',
        message: { sv: 'Id i kroppen skiljer sig från adressen', en: 'The id in the body differs from the URL' },
      });
    }
    if (problems.length > 0) throw validationFailed(problems);
    // The store checks the kind on the record it reads anyway: no read of its own (one round trip less on Neo4j).
    return this.store.updateNode(id, { ...input, id }, expectedVersion, ctx, (prev) => {
      if (prev.kind === input.kind) return;
      throw validationFailed([
        {
          path: '/kind',
          code: 'kind_change',
          message: { sv: 'Nodtypen kan inte ändras', en: 'The node kind cannot be changed' },
        },
      ]);
    });
  }

  async createRelation(input: RelationInput, ctx: WriteContext): Promise<RelationRecord> {
    if (!this.store.checksEndpointKinds) return this.store.createRelation(await this.checkedRelation(input), ctx);
    // Everything but the endpoints is checked here; the store's write checks their existence and kinds and asks for
    // the report only when it refused them (one read less per write). Other problems: the full report, as before.
    if (validateRelation(input, () => undefined).some((p) => p.code !== 'unknown_node'))
      await this.checkedRelation(input);
    return this.store.createRelation(withId(input), ctx, (kinds) => {
      const problems = validateRelation(input, (id) => kinds.get(id));
      if (problems.length > 0) throw validationFailed(prefixProblems('', problems));
    });
  }

  async updateRelation(
    id: string,
    input: RelationInput,
    expectedVersion: number | undefined,
    ctx: WriteContext,
  ): Promise<RelationRecord> {
    const rel = await this.checkedRelation({ ...input, id });
    return this.store.updateRelation(id, rel, expectedVersion, ctx);
  }

  async importBatch(batch: Batch, ctx: WriteContext): Promise<ImportResult> {
    const prepared = await this.checkedBatch(batch);
    return this.store.importBatch(prepared, ctx);
  }

  /** Validates a batch without writing: the preview of an import. */
  async checkedBatch(batch: Batch): Promise<Batch & { relations: Rel[] }> {
    const referenced = new Set<string>();
    for (const r of batch.relations) {
      if (typeof r?.from === 'string') referenced.add(r.from);
      if (typeof r?.to === 'string') referenced.add(r.to);
    }
    const existing = await this.store.nodeKinds([...referenced]);
    const problems = validateBatch(batch, (id) => existing.get(id));
    if (problems.length > 0) {
      const bad = new Set(problems.map((p) => p.path.split('/').slice(0, 3).join('/')));
      throw validationFailed(problems, `${bad.size} record(s) in the batch are invalid; nothing was written`);
    }
    return { nodes: batch.nodes, relations: batch.relations.map(withId) };
  }

  private async checkedRelation(input: RelationInput): Promise<Rel> {
    const ids = [input?.from, input?.to].filter((x): x is string => typeof x === 'string');
    const kinds = await this.store.nodeKinds(ids);
    const problems = validateRelation(input, (id) => kinds.get(id));
    if (problems.length > 0) throw validationFailed(prefixProblems('', problems));
    return withId(input);
  }
}

// A relation that has its id is passed on as it is (no copy per record of a large import); the store does not mutate it.
const withId = (r: RelationInput): Rel =>
  typeof r.id === 'string' ? (r as Rel) : { ...r, id: relationId(r.type, r.from, r.to) };
