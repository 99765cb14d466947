import { Type, type Static } from 'typebox';
import { NodeInputSchema, RelationInputSchema } from './input-schemas.js';

/** The versioned JSON snapshot file: what `export --format json` writes and `import` reads. */
export const SNAPSHOT_FORMAT = 'aktorsatlas-snapshot';
export const SNAPSHOT_VERSION = 1;

const Meta = {
  version: Type.Optional(Type.Integer({ minimum: 1 })),
  createdAt: Type.Optional(Type.String()),
  createdBy: Type.Optional(Type.String()),
  updatedAt: Type.Optional(Type.String()),
  updatedBy: Type.Optional(Type.String()),
};

export const SnapshotFileSchema = Type.Object(
  {
    format: Type.Literal(SNAPSHOT_FORMAT),
    version: Type.Literal(SNAPSHOT_VERSION),
    exportedAt: Type.String(),
    asOf: Type.Optional(Type.String()),
    nodes: Type.Array(Type.Object({ ...NodeInputSchema.properties, ...Meta }, { additionalProperties: false })),
    relations: Type.Array(Type.Object({ ...RelationInputSchema.properties, ...Meta }, { additionalProperties: false })),
  },
  { additionalProperties: false, $id: 'https://aktorsatlas.se/schema/snapshot-v1.json', title: 'Aktörsatlas snapshot' },
);

export type SnapshotFile = Static<typeof SnapshotFileSchema>;
