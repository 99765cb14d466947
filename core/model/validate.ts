import { nodeKind, type NodeKindDef } from './catalogue/node-kinds.js';
import { relationKind, type RelationKindDef } from './catalogue/relation-kinds.js';
import { isValidId, isValidRelationId, idPrefix } from './ids.js';
import { inSentence } from './field-text.js';
import { checkKommunkod } from './kommunkod.js';
import { checkOrgnr } from './orgnr.js';
import { problem, prefixProblems, type Problem } from './problems.js';
import type { Batch, NodeInput, RelationInput } from './records.js';
import { NodeInputSchema, RelationInputSchema } from './input-schemas.js';
import { schemaProblems } from './schema-errors.js';

/** Every problem with a node input, all at once (shape, id and the kind's props); empty when it is valid. */
export function validateNode(input: unknown): Problem[] {
  const out = schemaProblems(NodeInputSchema, input);
  if (!isRecord(input)) return out;
  const node = input as Partial<NodeInput>;
  const kind = typeof node.kind === 'string' ? nodeKind(node.kind) : undefined;
  if (!kind) {
    if (typeof node.kind === 'string' && node.kind !== '')
      out.push(problem('/kind', 'unknown_kind', `Okänd nodtyp "${node.kind}"`, `Unknown node kind "${node.kind}"`));
    return out;
  }
  const idProblem =
    typeof node.id === 'string' && !out.some((p) => p.path === '/id') ? nodeIdProblem(node.id, kind) : null;
  if (idProblem) out.push(idProblem);
  const props = isRecord(node.props) ? node.props : NO_PROPS;
  const propProblems = schemaProblems(kind.props, props, '/props', { labels: kind.propLabels, enums: kind.enums });
  if (propProblems.length > 0) out.push(...propProblems);
  if (typeof props.orgnr === 'string' || typeof props.kommunkod === 'string') out.push(...domainChecks(props));
  return out;
}

const isRecord = (v: unknown): v is Record<string, unknown> => typeof v === 'object' && v !== null && !Array.isArray(v);

function nodeIdProblem(id: string, kind: NodeKindDef): Problem | null {
  if (!isValidId(id))
    return problem(
      '/id',
      'invalid_id',
      `Id ska vara ett prefix, ett kolon och en nyckel av bokstäver a–z, siffror, punkt, understreck eller bindestreck, som ${kind.idPrefix}:exempel-1`,
      `An id is a prefix, a colon and a key of letters a–z, digits, dot, underscore or hyphen, such as ${kind.idPrefix}:example-1`,
    );
  if (idPrefix(id) !== kind.idPrefix)
    return problem(
      '/id',
      'id_prefix',
      `Id för ${inSentence(kind.label.sv)} ska börja med "${kind.idPrefix}:"`,
      `The id of ${inSentence(kind.label.en)} must start with "${kind.idPrefix}:"`,
    );
  return null;
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

/** Problems with a relation input, all at once. `kindOf` resolves endpoint ids to node kinds (undefined = no such node). */
export function validateRelation(input: unknown, kindOf: (id: string) => string | undefined): Problem[] {
  const out = schemaProblems(RelationInputSchema, input);
  if (!isRecord(input)) return out;
  const rel = input as Partial<RelationInput>;
  const kind = typeof rel.type === 'string' ? relationKind(rel.type) : undefined;
  if (!kind) {
    if (typeof rel.type === 'string' && rel.type !== '')
      out.push(
        problem(
          '/type',
          'unknown_relation_type',
          `Okänd relationstyp "${rel.type}"`,
          `Unknown relation type "${rel.type}"`,
        ),
      );
    return out;
  }
  const placed = (path: string) => out.some((p) => p.path === path);
  if (typeof rel.id === 'string' && !placed('/id') && !isValidRelationId(rel.id))
    out.push(problem('/id', 'invalid_id', 'Ogiltigt relations-id', 'Invalid relation id'));
  for (const end of ['from', 'to'] as const) {
    const id = rel[end];
    const p = typeof id === 'string' && !placed(`/${end}`) ? endpointProblem(end, id, kind, kindOf) : undefined;
    if (p) out.push(p);
  }
  if (typeof rel.from === 'string' && rel.from !== '' && rel.from === rel.to)
    out.push(
      problem('/to', 'self_loop', 'En relation kan inte gå till sig själv', 'A relation cannot point to itself'),
    );
  if (typeof rel.validFrom === 'string' && typeof rel.validTo === 'string' && rel.validFrom > rel.validTo)
    out.push(
      problem('/validTo', 'valid_range', 'Slutdatum ligger före startdatum', 'The end date is before the start date'),
    );
  const props = isRecord(rel.props) ? rel.props : NO_PROPS;
  const propProblems = schemaProblems(kind.props, props, '/props', { labels: kind.propLabels });
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
        'Platser för kvinnor och män är fler än platserna totalt',
        'Seats for women and men exceed the total seats',
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
  kind: RelationKindDef,
  kindOf: (id: string) => string | undefined,
): Problem | undefined {
  const allowed = end === 'from' ? kind.from : kind.to;
  if (!isValidId(id)) return problem(`/${end}`, 'invalid_id', 'Ogiltigt id', 'Invalid id');
  const k = kindOf(id);
  if (k === undefined)
    return problem(`/${end}`, 'unknown_node', `Noden "${id}" finns inte`, `Node "${id}" does not exist`);
  if (!allowed.includes(k)) {
    const names = (lang: 'sv' | 'en') => allowed.map((a) => nodeKind(a)?.label[lang] ?? a).join(', ');
    const own = nodeKind(k)?.label ?? { sv: k, en: k };
    return problem(
      `/${end}`,
      'endpoint_kind',
      `"${kind.label.sv}" kan inte ha en ${inSentence(own.sv)} som ${end === 'from' ? 'källa' : 'mål'} (tillåtet: ${names('sv')})`,
      `"${kind.label.en}" cannot have ${inSentence(own.en)} as ${end === 'from' ? 'source' : 'target'} (allowed: ${names('en')})`,
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
