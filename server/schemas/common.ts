import { Type } from 'typebox';
import { NodeInputSchema, RelationInputSchema } from '../../core/model/input-schemas.js';

const Meta = {
  version: Type.Integer(),
  createdAt: Type.String(),
  createdBy: Type.String(),
  updatedAt: Type.String(),
  updatedBy: Type.String(),
};

export const NodeRecordSchema = Type.Object(
  { ...NodeInputSchema.properties, props: Type.Record(Type.String(), Type.Unknown()), ...Meta },
  { $id: 'NodeRecord' },
);

export const RelationRecordSchema = Type.Object(
  {
    ...RelationInputSchema.properties,
    id: Type.String(),
    weight: Type.Number(),
    props: Type.Record(Type.String(), Type.Unknown()),
    validFrom: Type.Union([Type.String(), Type.Null()]),
    validTo: Type.Union([Type.String(), Type.Null()]),
    ...Meta,
  },
  { $id: 'RelationRecord' },
);

export const ProblemSchema = Type.Object(
  {
    type: Type.String(),
    title: Type.String(),
    status: Type.Integer(),
    code: Type.String(),
    detail: Type.String(),
    problems: Type.Optional(
      Type.Array(
        Type.Object({
          path: Type.String(),
          code: Type.String(),
          message: Type.Object({ sv: Type.String(), en: Type.String() }),
        }),
      ),
    ),
    id: Type.Optional(Type.String()),
  },
  { description: 'RFC 9457 problem details (application/problem+json)' },
);

export const page = <T extends ReturnType<typeof Type.Object>>(item: T) =>
  Type.Object({ items: Type.Array(item), total: Type.Integer(), offset: Type.Integer(), limit: Type.Integer() });

/** Largest paging offset: a bounded integer, so the stores never see 1e20 or Infinity. */
export const MAX_OFFSET = 1_000_000_000;

export const Paging = {
  offset: Type.Integer({ minimum: 0, maximum: MAX_OFFSET, default: 0 }),
  limit: Type.Integer({ minimum: 1, maximum: 1000, default: 50 }),
};

export const IdParams = Type.Object({ id: Type.String({ minLength: 3, maxLength: 410 }) });

export const IfMatchHeaders = Type.Object({
  'if-match': Type.Optional(Type.String({ description: 'The ETag of the version you edited, e.g. W/"3"' })),
});

/** Comma-separated list in a query string. */
export const csv = (description: string) => Type.Optional(Type.String({ maxLength: 2000, description }));
export const splitCsv = (v: string | undefined): string[] | undefined =>
  v === undefined || v === ''
    ? undefined
    : v
        .split(',')
        .map((s) => s.trim())
        .filter(Boolean);

export const errorResponses = {
  400: ProblemSchema,
  404: ProblemSchema,
  409: ProblemSchema,
  412: ProblemSchema,
  428: ProblemSchema,
  503: ProblemSchema,
};
