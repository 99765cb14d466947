import { Type } from 'typebox';
import type { JsonValue } from './records.js';

/**
 * Wire schemas of the inputs, and the one description of their shape: records.ts derives NodeInput,
 * RelationInput and Source from these (`Static`). Kind-specific `props` are checked separately against the
 * catalogue.
 */
const isoDate = Type.String({ pattern: '^\\d{4}-\\d{2}-\\d{2}$', description: 'YYYY-MM-DD' });
// Any JSON value (an empty schema), typed as JsonValue rather than unknown.
const propsBag = Type.Record(Type.String({ pattern: '^[A-Za-z][A-Za-z0-9_]{0,63}$' }), Type.Unsafe<JsonValue>({}));

export const SourceSchema = Type.Object(
  {
    url: Type.String({ format: 'uri', pattern: '^https?://', maxLength: 1000 }),
    title: Type.String({ minLength: 1, maxLength: 500 }),
    /** ISO date (YYYY-MM-DD) of the source or of retrieval. */
    date: Type.Optional(isoDate),
  },
  { additionalProperties: false },
);

export const NodeInputSchema = Type.Object(
  {
    id: Type.String({ minLength: 3, maxLength: 170 }),
    kind: Type.String({ minLength: 1, maxLength: 60 }),
    name: Type.String({ minLength: 1, maxLength: 300 }),
    nameEn: Type.Optional(Type.String({ maxLength: 300 })),
    props: Type.Optional(propsBag),
  },
  { additionalProperties: false },
);

export const RelationInputSchema = Type.Object(
  {
    id: Type.Optional(Type.String({ minLength: 3, maxLength: 410 })),
    type: Type.String({ minLength: 1, maxLength: 60 }),
    from: Type.String({ minLength: 3, maxLength: 170 }),
    to: Type.String({ minLength: 3, maxLength: 170 }),
    /** Tie strength (higher = stronger). Path metrics use distance = 1/weight. */
    weight: Type.Optional(Type.Number({ exclusiveMinimum: 0, maximum: 1e6 })),
    props: Type.Optional(propsBag),
    sources: Type.Array(SourceSchema, { minItems: 1, maxItems: 50 }),
    evidence: Type.Union([Type.Literal('confirmed'), Type.Literal('probable'), Type.Literal('uncertain')]),
    /** Valid time: when the relation held in the world (ISO dates, inclusive). */
    validFrom: Type.Optional(Type.Union([isoDate, Type.Null()])),
    validTo: Type.Optional(Type.Union([isoDate, Type.Null()])),
    note: Type.Optional(Type.String({ maxLength: 2000 })),
  },
  { additionalProperties: false },
);
