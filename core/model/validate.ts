import { nodeKind } from './catalogue/node-kinds.js';
import { relationKind } from './catalogue/relation-kinds.js';
import { isValidId, isValidRelationId, idPrefix } from './ids.js';
import { checkKommunkod } from './kommunkod.js';
import { checkOrgnr } from './orgnr.js';
import { problem, prefixProblems, type Problem } from './problems.js';
import type { Batch, NodeInput, RelationInput } from './records.js';
import { NodeInputSchema, RelationInputSchema } from './input-schemas.js';
import { schemaProblems } from './schema-errors.js';

/** Every problem with a node input; empty when it is valid. */
export function validateNode(input: unknown): Problem[] {
  const shape = schemaProblems(NodeInputSchema, input);
  if (shape.length > 0) return shape;
  const node = input as NodeInput;
  const kind = nodeKind(node.kind);
  if (!kind)
    return [problem('/kind', 'unknown_kind', `Okänd nodtyp "${node.kind}"`, `Unknown node kind "${node.kind}"`)];
  const out: Problem[] = [];
  if (!isValidId(node.id)) {
    out.push(
      problem(
        '/id',
        'invalid_id',
        'Ogiltigt id (prefix:nyckel, a–z, 0–9, . _ -)',
        'Invalid id (prefix:key, a–z, 0–9, . _ -)',
      ),
    );
  } else if (idPrefix(node.id) !== kind.idPrefix) {
    out.push(
      problem(
        '/id',
        'id_prefix',
        `Id för ${kind.label.sv} ska börja med "${kind.idPrefix}:"`,
        `Id of a ${kind.label.en} must start with "${kind.idPrefix}:"`,
      ),
    );
  }
  const props = node.props ?? NO_PROPS;
  const propProblems = schemaProblems(kind.props, props, '/props');
  if (propProblems.length > 0) out.push(...propProblems);
  if (typeof props.orgnr === 'string' || typeof props.kommunkod === 'string') out.push(...domainChecks(props));
  return out;
}

/** Checks that need more than a schema: check digits and code lists. */
function domainChecks(props: Record<string, unknown>): Problem[] {
  const out: Problem[] = [];
  if (typeof props.orgnr === 'string') {
    const r = checkOrgnr(props.orgnr);
    if (r === 'checksum')
      out.push(
        problem(
          '/props/orgnr',
          'orgnr_checksum',
          'Organisationsnumret har fel kontrollsiffra',
          'The organisation number has a wrong check digit',
        ),
      );
    if (r === 'not_legal_person')
      out.push(
        problem(
          '/props/orgnr',
          'orgnr_not_legal_person',
          'Organisationsnumret ser ut som ett personnummer (tredje siffran < 2)',
          'The organisation number looks like a personal identity number (third digit < 2)',
        ),
      );
  }
  if (typeof props.kommunkod === 'string') {
    const r = checkKommunkod(props.kommunkod);
    if (r === 'unknown_county')
      out.push(
        problem(
          '/props/kommunkod',
          'kommunkod_county',
          `Länsprefixet ${props.kommunkod.slice(0, 2)} finns inte`,
          `County prefix ${props.kommunkod.slice(0, 2)} does not exist`,
        ),
      );
    if (r === 'unknown_in_county')
      out.push(
        problem(
          '/props/kommunkod',
          'kommunkod_unknown',
          `${props.kommunkod} är inte en kommun i Jönköpings län`,
          `${props.kommunkod} is not a municipality of Jönköpings län`,
        ),
      );
  }
  return out;
}

/** Problems with a relation input. `kindOf` resolves endpoint ids to node kinds (undefined = no such node). */
export function validateRelation(input: unknown, kindOf: (id: string) => string | undefined): Problem[] {
  const shape = schemaProblems(RelationInputSchema, input);
  if (shape.length > 0) return shape;
  const rel = input as RelationInput;
  const kind = relationKind(rel.type);
  if (!kind)
    return [
      problem(
        '/type',
        'unknown_relation_type',
        `Okänd relationstyp "${rel.type}"`,
        `Unknown relation type "${rel.type}"`,
      ),
    ];
  const out: Problem[] = [];
  if (rel.id !== undefined && !isValidRelationId(rel.id)) {
    out.push(problem('/id', 'invalid_id', 'Ogiltigt relations-id', 'Invalid relation id'));
  }
  const fromProblem = endpointProblem('from', rel.from, kind.from, kindOf, kind.label);
  if (fromProblem) out.push(fromProblem);
  const toProblem = endpointProblem('to', rel.to, kind.to, kindOf, kind.label);
  if (toProblem) out.push(toProblem);
  if (rel.from === rel.to)
    out.push(
      problem('/to', 'self_loop', 'En relation kan inte gå till sig själv', 'A relation cannot point to itself'),
    );
  if (rel.validFrom && rel.validTo && rel.validFrom > rel.validTo) {
    out.push(problem('/validTo', 'valid_range', 'validTo ligger före validFrom', 'validTo is before validFrom'));
  }
  const props = rel.props ?? NO_PROPS;
  const propProblems = schemaProblems(kind.props, props, '/props');
  if (propProblems.length > 0) out.push(...propProblems);
  if (
    typeof props.seats === 'number' &&
    typeof props.seatsWomen === 'number' &&
    typeof props.seatsMen === 'number' &&
    props.seatsWomen + props.seatsMen > props.seats
  ) {
    out.push(
      problem(
        '/props/seats',
        'seats_sum',
        'Kvinnor + män överstiger antalet platser',
        'Women + men exceed the number of seats',
      ),
    );
  }
  return out;
}

// Valid records are the hot path of a large import: no arrays or objects are built for them.
const NO_PROPS: Readonly<Record<string, never>> = Object.freeze({});

function endpointProblem(
  end: 'from' | 'to',
  id: string,
  allowed: readonly string[],
  kindOf: (id: string) => string | undefined,
  label: { sv: string; en: string },
): Problem | undefined {
  if (!isValidId(id)) return problem(`/${end}`, 'invalid_id', 'Ogiltigt id', 'Invalid id');
  const k = kindOf(id);
  if (k === undefined)
    return problem(`/${end}`, 'unknown_node', `Noden "${id}" finns inte`, `Node "${id}" does not exist`);
  if (!allowed.includes(k)) {
    return problem(
      `/${end}`,
      'endpoint_kind',
      `"${label.sv}" tillåter inte ${k} som ${end === 'from' ? 'källa' : 'mål'} (tillåtet: ${allowed.join(', ')})`,
      `"${label.en}" does not allow ${k} as ${end === 'from' ? 'source' : 'target'} (allowed: ${allowed.join(', ')})`,
    );
  }
  return undefined;
}

/**
 * Validates a whole batch. Endpoints may be nodes of the batch or existing nodes (`existingKind`).
 * Problems carry `/nodes/<i>` or `/relations/<i>` so a caller can name the bad record.
 */
export function validateBatch(batch: Batch, existingKind: (id: string) => string | undefined): Problem[] {
  const out: Problem[] = [];
  const batchKinds = new Map<string, string>();
  const seenNodes = new Set<string>();
  batch.nodes.forEach((n, i) => {
    const ps = validateNode(n);
    if (ps.length > 0) out.push(...prefixProblems(`/nodes/${i}`, ps));
    if (typeof n?.id === 'string') {
      if (seenNodes.has(n.id))
        out.push(
          problem(
            `/nodes/${i}/id`,
            'duplicate_id',
            `Id "${n.id}" förekommer flera gånger`,
            `Id "${n.id}" occurs more than once`,
          ),
        );
      seenNodes.add(n.id);
      if (typeof n.kind === 'string') batchKinds.set(n.id, n.kind);
    }
  });
  const kindOf = (id: string) => batchKinds.get(id) ?? existingKind(id);
  const seenRels = new Set<string>();
  batch.relations.forEach((r, i) => {
    const ps = validateRelation(r, kindOf);
    if (ps.length > 0) out.push(...prefixProblems(`/relations/${i}`, ps));
    const id = typeof r?.id === 'string' ? r.id : undefined;
    if (id) {
      if (seenRels.has(id))
        out.push(
          problem(
            `/relations/${i}/id`,
            'duplicate_id',
            `Id "${id}" förekommer flera gånger`,
            `Id "${id}" occurs more than once`,
          ),
        );
      seenRels.add(id);
    }
  });
  return out;
}
