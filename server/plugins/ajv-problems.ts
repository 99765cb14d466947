import type { FastifySchemaValidationError } from 'fastify/types/schema.js';
import { problem, type Problem } from '../../core/model/problems.js';

/** Fastify's Ajv errors as bilingual problems with a JSON-pointer path. */
export function ajvProblems(errors: FastifySchemaValidationError[], where: string): Problem[] {
  const base = where === 'body' ? '' : `/${where}`;
  const out: Problem[] = [];
  const seen = new Set<string>();
  for (const e of errors) {
    const params = e.params as Record<string, unknown>;
    const path = `${base}${e.instancePath}`;
    let p: Problem;
    switch (e.keyword) {
      case 'required':
        p = problem(
          `${path}/${String(params.missingProperty)}`,
          'required',
          `Obligatoriskt fält saknas: ${String(params.missingProperty)}`,
          `Required field missing: ${String(params.missingProperty)}`,
        );
        break;
      case 'additionalProperties':
        p = problem(
          `${path}/${String(params.additionalProperty)}`,
          'unknown_property',
          `Okänd egenskap "${String(params.additionalProperty)}"`,
          `Unknown property "${String(params.additionalProperty)}"`,
        );
        break;
      case 'type':
        p = problem(
          path,
          'type',
          `Fel typ, ska vara ${String(params.type)}`,
          `Wrong type, must be ${String(params.type)}`,
        );
        break;
      case 'const':
      case 'enum':
      case 'anyOf': {
        const allowed = params.allowedValues ?? params.allowedValue;
        p = problem(
          path,
          'enum',
          `Ogiltigt värde${allowed ? ` (tillåtet: ${String(allowed)})` : ''}`,
          `Invalid value${allowed ? ` (allowed: ${String(allowed)})` : ''}`,
        );
        break;
      }
      case 'pattern':
        p = problem(
          path,
          'pattern',
          `Fel format (${String(params.pattern)})`,
          `Wrong format (${String(params.pattern)})`,
        );
        break;
      case 'format':
        p = problem(
          path,
          'format',
          `Måste vara ett giltigt ${String(params.format)}`,
          `Must be a valid ${String(params.format)}`,
        );
        break;
      case 'minItems':
        p = problem(
          path,
          'too_few',
          `För få poster (minst ${String(params.limit)})`,
          `Too few items (at least ${String(params.limit)})`,
        );
        break;
      default:
        p = problem(path, e.keyword, `Ogiltigt värde: ${e.message ?? ''}`, `Invalid value: ${e.message ?? ''}`);
    }
    const key = `${p.path}|${p.code}`;
    if (!seen.has(key)) {
      seen.add(key);
      out.push(p);
    }
  }
  return out;
}
