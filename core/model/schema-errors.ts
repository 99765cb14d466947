import { Value } from 'typebox/value';
import type { TSchema } from 'typebox';
import { problem, type Problem } from './problems.js';

interface SchemaError {
  keyword: string;
  instancePath: string;
  params: Record<string, unknown>;
  message: string;
}

/** Allowed values of a union of literals at a schema path, for a readable "one of" message. */
function literalOptions(errors: SchemaError[], path: string): string[] {
  return errors
    .filter((e) => e.instancePath === path && e.keyword === 'const')
    .map((e) => String(e.params.allowedValue));
}

/** Turns TypeBox's errors into bilingual problems, one per place, most specific first. */
export function schemaProblems(schema: TSchema, value: unknown, base = ''): Problem[] {
  const errors = [...Value.Errors(schema, value)] as unknown as SchemaError[];
  const out: Problem[] = [];
  const seen = new Set<string>();
  for (const e of errors) {
    const path = `${base}${e.instancePath}`;
    const p = messageFor(e, errors, path);
    if (!p) continue;
    const key = `${p.path}|${p.code}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(p);
  }
  return out;
}

function messageFor(e: SchemaError, all: SchemaError[], path: string): Problem | undefined {
  switch (e.keyword) {
    case 'boolean':
    case 'const':
      return undefined; // reported by additionalProperties / anyOf
    case 'additionalProperties': {
      const names = (e.params.additionalProperties as string[] | undefined) ?? [];
      return names.length === 0
        ? undefined
        : problem(
            `${path}/${names[0]}`,
            'unknown_property',
            `Okänd egenskap "${names.join('", "')}"`,
            `Unknown property "${names.join('", "')}"`,
          );
    }
    case 'required': {
      const names = (e.params.requiredProperties as string[] | undefined) ?? [];
      return problem(
        `${path}/${names[0] ?? ''}`,
        'required',
        `Obligatoriskt fält saknas: ${names.join(', ')}`,
        `Required field missing: ${names.join(', ')}`,
      );
    }
    case 'anyOf': {
      const options = literalOptions(all, e.instancePath);
      return options.length > 0
        ? problem(path, 'enum', `Måste vara en av: ${options.join(', ')}`, `Must be one of: ${options.join(', ')}`)
        : problem(path, 'type', 'Ogiltigt värde', 'Invalid value');
    }
    case 'type':
      return problem(path, 'type', `Fel typ, ska vara ${String(e.params.type)}`, `Wrong type, must be ${String(e.params.type)}`);
    case 'pattern':
      return problem(path, 'pattern', `Fel format (${String(e.params.pattern)})`, `Wrong format (${String(e.params.pattern)})`);
    case 'format':
      return problem(path, 'format', `Måste vara ett giltigt ${String(e.params.format)}`, `Must be a valid ${String(e.params.format)}`);
    case 'maxLength':
      return problem(path, 'too_long', `För lång (högst ${String(e.params.limit)} tecken)`, `Too long (at most ${String(e.params.limit)} characters)`);
    case 'minLength':
      return problem(path, 'too_short', `För kort (minst ${String(e.params.limit)} tecken)`, `Too short (at least ${String(e.params.limit)} characters)`);
    case 'minimum':
    case 'exclusiveMinimum':
      return problem(path, 'too_small', `För litet värde (${e.message})`, `Value too small (${e.message})`);
    case 'maximum':
    case 'exclusiveMaximum':
      return problem(path, 'too_large', `För stort värde (${e.message})`, `Value too large (${e.message})`);
    case 'minItems':
      return problem(path, 'too_few', `För få poster (${e.message})`, `Too few items (${e.message})`);
    case 'maxItems':
      return problem(path, 'too_many', `För många poster (${e.message})`, `Too many items (${e.message})`);
    default:
      return problem(path, e.keyword, `Ogiltigt värde: ${e.message}`, `Invalid value: ${e.message}`);
  }
}
