import { Value } from 'typebox/value';
import { Compile } from 'typebox/compile';
import { Settings } from 'typebox/system';
import type { TSchema } from 'typebox';

// TypeBox buffers 8 errors by default; a form or an import row should list every problem (still bounded).
Settings.Set({ maxErrors: 200 });
import type { EnumOption } from './catalogue/node-kinds.js';
import { VALUE_LABELS, fieldLabel, formatHint, inSentence } from './field-text.js';
import type { Bilingual } from './labels.js';
import { problem, type Problem } from './problems.js';

/** What a message may name: the labels of the fields and of their values (a kind's `propLabels` and `enums`). */
export interface FieldText {
  labels?: Readonly<Record<string, Bilingual>>;
  enums?: Readonly<Record<string, readonly EnumOption[]>>;
}

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

/** Allowed values of a union of literals at a path (from the schema, else from the errors). */
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

/** The field a path names: its last segment that is not an array index ("/sources/0/url" → "url"). */
const fieldName = (path: string): string =>
  path
    .split('/')
    .filter((s) => s !== '' && !/^\d+$/.test(s))
    .pop() ?? '';

/** The words one message is built from: the field's label and its values' labels. */
class Words {
  constructor(
    private readonly text: FieldText,
    readonly path: string,
  ) {}
  get name(): string {
    return fieldName(this.path);
  }
  get label(): Bilingual {
    return fieldLabel(this.name, this.text.labels);
  }
  get lower(): Bilingual {
    return { sv: inSentence(this.label.sv), en: inSentence(this.label.en) };
  }
  options(values: string[]): Bilingual {
    const labelOf = (v: string): Bilingual =>
      this.text.enums?.[this.name]?.find((o) => o.value === v)?.label ?? VALUE_LABELS[v] ?? { sv: v, en: v };
    return {
      sv: values.map((v) => labelOf(v).sv).join(', '),
      en: values.map((v) => labelOf(v).en).join(', '),
    };
  }
}

/** Turns TypeBox's errors into plain bilingual problems, one per place, named by the fields' labels. */
export function schemaProblems(schema: TSchema, value: unknown, base = '', text: FieldText = {}): Problem[] {
  if (checker(schema).Check(value)) return [];
  const errors = [...Value.Errors(schema, value)] as unknown as SchemaError[];
  const out: Problem[] = [];
  const seen = new Set<string>();
  const push = (p: Problem) => {
    const key = `${p.path}|${p.code}`;
    if (seen.has(key) || (p.code === 'enum' && out.some((q) => q.path === p.path))) return;
    seen.add(key);
    out.push(p);
  };
  for (const e of errors) for (const p of messagesFor(schema, e, errors, `${base}${e.instancePath}`, text)) push(p);
  // A union of literals may be reported as bare `const` misses without an `anyOf` summary: say "one of" once.
  for (const e of errors) {
    const path = `${base}${e.instancePath}`;
    if (e.keyword !== 'const' || out.some((p) => p.path === path)) continue;
    push(enumProblem(new Words(text, path), literalOptions(schema, errors, e.instancePath)));
  }
  if (out.length === 0) out.push(problem(base || '/', 'invalid', 'Ogiltigt värde', 'Invalid value'));
  return out;
}

function enumProblem(w: Words, values: string[]): Problem {
  const o = w.options(values);
  return problem(w.path, 'enum', `Välj ${w.lower.sv} bland: ${o.sv}`, `Choose ${w.lower.en} from: ${o.en}`);
}

const TYPE_WORDS: Record<string, Bilingual> = {
  string: { sv: 'text', en: 'text' },
  number: { sv: 'ett tal', en: 'a number' },
  integer: { sv: 'ett heltal', en: 'a whole number' },
  boolean: { sv: 'ja eller nej', en: 'yes or no' },
  array: { sv: 'en lista', en: 'a list' },
  object: { sv: 'en grupp av fält', en: 'a group of fields' },
  null: { sv: 'tomt', en: 'empty' },
};

function messagesFor(schema: TSchema, e: SchemaError, all: SchemaError[], path: string, text: FieldText): Problem[] {
  if (e.keyword === 'required') {
    const names = (e.params.requiredProperties as string[] | undefined) ?? [];
    return names.map((n) => {
      const w = new Words(text, `${path}/${n}`);
      return problem(w.path, 'required', `Ange ${w.lower.sv}`, `Enter ${w.lower.en}`);
    });
  }
  if (e.keyword === 'additionalProperties') {
    const names = (e.params.additionalProperties as string[] | undefined) ?? [];
    return names.map((n) =>
      problem(`${path}/${n}`, 'unknown_property', `Okänd egenskap "${n}"`, `Unknown property "${n}"`),
    );
  }
  if (e.keyword === 'anyOf') {
    const options = literalOptions(schema, all, e.instancePath);
    if (options.length > 0) return [enumProblem(new Words(text, path), options)];
  }
  const p = messageFor(e, new Words(text, path));
  return p ? [p] : [];
}

function messageFor(e: SchemaError, w: Words): Problem | undefined {
  const { sv, en } = w.label;
  const limit = String(e.params.limit);
  const say = (code: string, s: string, n: string) => problem(w.path, code, s, n);
  switch (e.keyword) {
    case 'boolean':
    case 'const':
      return undefined; // reported by additionalProperties / anyOf
    case 'type': {
      const word = TYPE_WORDS[String(e.params.type)] ?? { sv: String(e.params.type), en: String(e.params.type) };
      return say('type', `${sv} ska vara ${word.sv}`, `${en} must be ${word.en}`);
    }
    case 'pattern': {
      const hint = formatHint(String(e.params.pattern));
      return hint
        ? say('pattern', `${sv} ska vara ${hint.sv}`, `${en} must be ${hint.en}`)
        : say('pattern', `${sv} har fel format`, `${en} has the wrong format`);
    }
    case 'format':
      return e.params.format === 'uri'
        ? say(
            'format',
            `${sv} ska vara en webbadress, som https://example.se`,
            `${en} must be a web address, such as https://example.se`,
          )
        : say('format', `${sv} har fel format`, `${en} has the wrong format`);
    case 'maxLength':
      return say(
        'too_long',
        `${sv} är för lång (högst ${limit} tecken)`,
        `${en} is too long (at most ${limit} characters)`,
      );
    case 'minLength':
      return e.params.limit === 1
        ? say('required', `Ange ${w.lower.sv}`, `Enter ${w.lower.en}`)
        : say(
            'too_short',
            `${sv} är för kort (minst ${limit} tecken)`,
            `${en} is too short (at least ${limit} characters)`,
          );
    case 'minimum':
      return say('too_small', `${sv} ska vara minst ${limit}`, `${en} must be at least ${limit}`);
    case 'exclusiveMinimum':
      return say('too_small', `${sv} ska vara större än ${limit}`, `${en} must be more than ${limit}`);
    case 'maximum':
      return say('too_large', `${sv} får vara högst ${limit}`, `${en} must be at most ${limit}`);
    case 'exclusiveMaximum':
      return say('too_large', `${sv} ska vara mindre än ${limit}`, `${en} must be less than ${limit}`);
    case 'minItems':
      return say('too_few', `${sv}: ange minst ${limit}`, `${en}: give at least ${limit}`);
    case 'maxItems':
      return say('too_many', `${sv}: högst ${limit}`, `${en}: at most ${limit}`);
    default:
      return say(e.keyword, `${sv} har ett ogiltigt värde`, `${en} has an invalid value`);
  }
}
