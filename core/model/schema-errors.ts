import { Value } from 'typebox/value';
import { Compile } from 'typebox/compile';
import { Settings } from 'typebox/system';
import type { TSchema } from 'typebox';

// TypeBox buffers 8 errors by default; a form or an import row should list every problem (still bounded).
Settings.Set({ maxErrors: 200 });
import { problem, type Problem } from './problems.js';

interface SchemaError {
  keyword: string;
  instancePath: string;
  params: Record<string, unknown>;
  message: string;
}

/** The sub-schema that validates the value at a JSON-pointer instance path (objects and arrays only). */
function schemaAt(schema: TSchema, path: string): TSchema | undefined {
  let current: Record<string, unknown> | undefined = schema as unknown as Record<string, unknown>;
  for (const key of path.split('/').slice(1)) {
    if (!current) return undefined;
    const props = current.properties as Record<string, Record<string, unknown>> | undefined;
    current = props?.[key] ?? (current.items as Record<string, unknown> | undefined);
  }
  return current as TSchema | undefined;
}

/** Allowed values of a union of literals at a path, for a readable "one of" message. */
function literalOptions(schema: TSchema, errors: SchemaError[], path: string): string[] {
  const sub = schemaAt(schema, path) as { anyOf?: { const?: unknown }[] } | undefined;
  const fromSchema = (sub?.anyOf ?? []).filter((s) => s.const !== undefined).map((s) => String(s.const));
  if (fromSchema.length > 0) return fromSchema;
  return errors
    .filter((e) => e.instancePath === path && e.keyword === 'const')
    .map((e) => String(e.params.allowedValue));
}

// Compiled checkers, one per schema: checking valid input is the hot path of a large import.
const compiled = new WeakMap<TSchema, { Check(value: unknown): boolean }>();

function checker(schema: TSchema): { Check(value: unknown): boolean } {
  let c = compiled.get(schema);
  if (!c) {
    c = Compile(schema) as unknown as { Check(value: unknown): boolean };
    compiled.set(schema, c);
  }
  return c;
}

/** Turns TypeBox's errors into bilingual problems, one per place, most specific first. */
export function schemaProblems(schema: TSchema, value: unknown, base = ''): Problem[] {
  if (checker(schema).Check(value)) return [];
  const errors = [...Value.Errors(schema, value)] as unknown as SchemaError[];
  const out: Problem[] = [];
  const seen = new Set<string>();
  for (const e of errors) {
    const path = `${base}${e.instancePath}`;
    const p = messageFor(schema, e, errors, path);
    if (!p) continue;
    const key = `${p.path}|${p.code}`;
    if (seen.has(key)) continue;
    seen.add(key);
    out.push(p);
  }
  // A union of literals may be reported as bare `const` misses without an `anyOf` summary: say "one of" once.
  for (const e of errors) {
    if (e.keyword !== 'const') continue;
    const path = `${base}${e.instancePath}`;
    if (out.some((p) => p.path === path)) continue;
    const options = literalOptions(schema, errors, e.instancePath);
    out.push(problem(path, 'enum', `Måste vara en av: ${options.join(', ')}`, `Must be one of: ${options.join(', ')}`));
  }
  if (out.length === 0) out.push(problem(base || '/', 'invalid', 'Ogiltigt värde', 'Invalid value'));
  return out;
}

function messageFor(schema: TSchema, e: SchemaError, all: SchemaError[], path: string): Problem | undefined {
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
      const options = literalOptions(schema, all, e.instancePath);
      return options.length > 0
        ? problem(path, 'enum', `Måste vara en av: ${options.join(', ')}`, `Must be one of: ${options.join(', ')}`)
        : problem(path, 'type', 'Ogiltigt värde', 'Invalid value');
    }
    case 'type':
      return problem(
        path,
        'type',
        `Fel typ, ska vara ${String(e.params.type)}`,
        `Wrong type, must be ${String(e.params.type)}`,
      );
    case 'pattern':
      return problem(
        path,
        'pattern',
        `Fel format (${String(e.params.pattern)})`,
        `Wrong format (${String(e.params.pattern)})`,
      );
    case 'format':
      return problem(
        path,
        'format',
        `Måste vara ett giltigt ${String(e.params.format)}`,
        `Must be a valid ${String(e.params.format)}`,
      );
    case 'maxLength':
      return problem(
        path,
        'too_long',
        `För lång (högst ${String(e.params.limit)} tecken)`,
        `Too long (at most ${String(e.params.limit)} characters)`,
      );
    case 'minLength':
      return problem(
        path,
        'too_short',
        `För kort (minst ${String(e.params.limit)} tecken)`,
        `Too short (at least ${String(e.params.limit)} characters)`,
      );
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
