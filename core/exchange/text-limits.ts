import { problem, type Problem } from '../model/problems.js';
import type { Batch } from '../model/records.js';
import { NodeInputSchema, RelationInputSchema } from '../model/input-schemas.js';
import { illFormedPath } from './limits.js';

/**
 * String lengths and Unicode, checked before any other check of an import: duplicate names, catalogue validation and
 * id building are then only ever run on text of a sane size (one 300,000-character name once blocked the server for
 * 14 s in the duplicate check). Top-level fields have their schema's own limit; any other string (props, sources)
 * the longest any field allows (MAX_TEXT_CHARS). The exact per-field limits of props stay with validation.
 */
export const MAX_TEXT_CHARS = 2000;

const fieldLimits = (schema: { properties: Record<string, unknown> }): Map<string, number> =>
  new Map(
    Object.entries(schema.properties).flatMap(([k, s]) => {
      const max = (s as { maxLength?: unknown }).maxLength;
      return typeof max === 'number' ? [[k, max] as [string, number]] : [];
    }),
  );

const NODE_LIMITS = fieldLimits(NodeInputSchema);
const RELATION_LIMITS = fieldLimits(RelationInputSchema);

/** The first over-long string under `value` (its path and length), looking no deeper than needed. */
function firstOverLong(value: unknown, path: string, max: number): { path: string; length: number } | undefined {
  const stack: Array<[unknown, string]> = [[value, path]];
  while (stack.length > 0) {
    const [v, p] = stack.pop()!;
    if (typeof v === 'string') {
      if (v.length > max) return { path: p, length: v.length };
    } else if (v !== null && typeof v === 'object') {
      for (const [k, child] of Object.entries(v)) {
        if (k.length > max) return { path: `${p}/${k.slice(0, 40)}`, length: k.length };
        stack.push([child, `${p}/${k}`]);
      }
    }
  }
  return undefined;
}

const tooLong = (path: string, length: number, max: number): Problem =>
  problem(
    path,
    'too_long',
    `Texten är ${length} tecken lång; högst ${max} tecken är tillåtet`,
    `The text is ${length} characters long; at most ${max} characters are allowed`,
  );

function recordProblems(rec: unknown, base: string, limits: Map<string, number>): Problem[] {
  if (rec === null || typeof rec !== 'object') return [];
  const out: Problem[] = [];
  for (const [k, v] of Object.entries(rec)) {
    const max = limits.get(k) ?? MAX_TEXT_CHARS;
    const hit = firstOverLong(v, `${base}/${k}`, max);
    if (hit) out.push(tooLong(hit.path, hit.length, max));
  }
  const bad = illFormedPath(rec);
  if (bad !== undefined)
    out.push(
      problem(
        base + bad,
        'lone_surrogate',
        'Texten innehåller ett ogiltigt tecken (ett ensamt UTF-16-surrogattecken)',
        'The text holds an invalid character (a lone UTF-16 surrogate)',
      ),
    );
  return out;
}

/** Over-long and ill-formed strings of a batch, with batch paths (/nodes/3/name); empty when there are none. */
export function textProblems(batch: Batch): Problem[] {
  const out: Problem[] = [];
  const nodes: readonly unknown[] = Array.isArray(batch.nodes) ? batch.nodes : [];
  const relations: readonly unknown[] = Array.isArray(batch.relations) ? batch.relations : [];
  nodes.forEach((n, i) => out.push(...recordProblems(n, `/nodes/${i}`, NODE_LIMITS)));
  relations.forEach((r, i) => out.push(...recordProblems(r, `/relations/${i}`, RELATION_LIMITS)));
  return out;
}
