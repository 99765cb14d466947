/**
 * Form fields generated from the catalogue: each kind's TypeBox property schema (JSON Schema) becomes a list of
 * field descriptions with labels, enums, required flags and limits. No form is written by hand.
 */
import type { TSchema } from 'typebox';
import type { EnumOption } from '../../../core/model/catalogue/node-kinds.js';
import { VALUE_LABELS } from '../../../core/model/field-text.js';
import type { Bilingual } from '../../../core/model/labels.js';

/** Options of a field picked from a list (municipalities, sectors …), by field name. */
export type PickLists = Record<string, { value: string; label: Bilingual }[]>;

export type FieldKind = 'text' | 'textarea' | 'url' | 'date' | 'number' | 'integer' | 'boolean' | 'enum' | 'multiEnum';

export interface FieldSpec {
  name: string;
  label: Bilingual;
  kind: FieldKind;
  required: boolean;
  options?: { value: string; label: Bilingual | null }[];
  pattern?: string;
  min?: number;
  max?: number;
  maxLength?: number;
}

interface JsonSchema {
  type?: string;
  format?: string;
  pattern?: string;
  minimum?: number;
  maximum?: number;
  exclusiveMinimum?: number;
  maxLength?: number;
  anyOf?: JsonSchema[];
  const?: unknown;
  items?: JsonSchema;
  properties?: Record<string, JsonSchema>;
  required?: string[];
}

const DATE_PATTERN = '^\\d{4}-\\d{2}-\\d{2}$';

function literalOptions(s: JsonSchema | undefined, enumOptions: EnumOption[] | undefined): FieldSpec['options'] | null {
  if (!s?.anyOf || !s.anyOf.every((x) => x.const !== undefined)) return null;
  return s.anyOf.map((x) => {
    const value = String(x.const);
    return { value, label: enumOptions?.find((o) => o.value === value)?.label ?? VALUE_LABELS[value] ?? null };
  });
}

export function fieldsFromSchema(
  schema: TSchema,
  labels: Record<string, Bilingual>,
  enums: Record<string, EnumOption[]> = {},
  picks: PickLists = {},
): FieldSpec[] {
  const root = schema as unknown as JsonSchema;
  const required = new Set(root.required ?? []);
  return Object.entries(root.properties ?? {}).map(([name, s]) => {
    const base = { name, label: labels[name] ?? { sv: name, en: name }, required: required.has(name) };
    // A code or a reference is picked from a list with labels, never typed.
    if (picks[name]) return { ...base, kind: 'enum', options: picks[name] };
    const opts = literalOptions(s, enums[name]);
    if (opts) return { ...base, kind: 'enum', options: opts };
    if (s.type === 'array') {
      const items = literalOptions(s.items, enums[name]);
      return items ? { ...base, kind: 'multiEnum', options: items } : { ...base, kind: 'text' };
    }
    if (s.type === 'boolean') return { ...base, kind: 'boolean' };
    if (s.type === 'number' || s.type === 'integer') {
      return {
        ...base,
        kind: s.type,
        ...(s.minimum !== undefined ? { min: s.minimum } : {}),
        ...(s.maximum !== undefined ? { max: s.maximum } : {}),
      };
    }
    if (s.format === 'uri') return { ...base, kind: 'url', ...(s.maxLength ? { maxLength: s.maxLength } : {}) };
    if (s.pattern === DATE_PATTERN) return { ...base, kind: 'date' };
    const kind: FieldKind = (s.maxLength ?? 0) > 500 ? 'textarea' : 'text';
    return {
      ...base,
      kind,
      ...(s.pattern ? { pattern: s.pattern } : {}),
      ...(s.maxLength ? { maxLength: s.maxLength } : {}),
    };
  });
}
