import type { FastifySchemaValidationError } from 'fastify/types/schema.js';
import { VALUE_LABELS, fieldLabel, formatHint, inSentence } from '../../core/model/field-text.js';
import { problem, type Problem } from '../../core/model/problems.js';

// Field labels and formats in words come from core/model/field-text.ts, as in the catalogue's validation.
const labelAt = (path: string) =>
  fieldLabel(
    path
      .split('/')
      .filter((s) => s !== '' && !/^\d+$/.test(s))
      .pop() ?? '',
  );

function requiredProblem(path: string, name: string): Problem {
  const l = fieldLabel(name);
  return problem(path, 'required', `Ange ${inSentence(l.sv)}`, `Enter ${inSentence(l.en)}`);
}

/** Allowed values by their labels ("Välj belägg bland: Bekräftad, Trolig, Osäker"), never the stored codes. */
function enumProblem(path: string, allowed: unknown): Problem {
  const l = labelAt(path);
  const values = (Array.isArray(allowed) ? allowed : allowed === undefined ? [] : [allowed]).map(String);
  if (values.length === 0)
    return problem(path, 'enum', `${l.sv} har ett ogiltigt värde`, `${l.en} has an invalid value`);
  const names = (lang: 'sv' | 'en') => values.map((v) => VALUE_LABELS[v]?.[lang] ?? v).join(', ');
  return problem(
    path,
    'enum',
    `Välj ${inSentence(l.sv)} bland: ${names('sv')}`,
    `Choose ${inSentence(l.en)} from: ${names('en')}`,
  );
}

function patternProblem(path: string, pattern: string): Problem {
  const l = labelAt(path);
  const hint = formatHint(pattern);
  return hint
    ? problem(path, 'pattern', `${l.sv} ska vara ${hint.sv}`, `${l.en} must be ${hint.en}`)
    : problem(path, 'pattern', `${l.sv} har fel format`, `${l.en} has the wrong format`);
}

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
        p = requiredProblem(`${path}/${String(params.missingProperty)}`, String(params.missingProperty));
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
      case 'anyOf':
        // A `const` error names one branch of a union only (Ajv stops at the first error): no partial list then.
        p = enumProblem(path, e.keyword === 'enum' ? params.allowedValues : undefined);
        break;
      case 'pattern':
        p = patternProblem(path, String(params.pattern));
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
