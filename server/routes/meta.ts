import type { FastifyPluginAsyncTypebox } from '@fastify/type-provider-typebox';
import { Type } from 'typebox';
import { NODE_KINDS } from '../../core/model/catalogue/node-kinds.js';
import { RELATION_KINDS } from '../../core/model/catalogue/relation-kinds.js';
import { EVIDENCE_LEVELS } from '../../core/model/records.js';
import { errorResponses } from '../schemas/common.js';
import type { StoreStats } from '../store/graph-store.js';

/** Health and the catalogue, from which clients build forms, legends and filters. */
const meta: FastifyPluginAsyncTypebox = async (app) => {
  // The counts scan both tables (100 ms and more for 80k relations on a busy machine); they change only with the
  // revision, which is one indexed read.
  let counts: { revision: string; value: Promise<StoreStats> } | undefined;
  const stats = async (): Promise<StoreStats> => {
    const revision = await app.store.revision();
    if (counts?.revision !== revision) {
      const entry = { revision, value: app.store.stats() };
      counts = entry;
      entry.value.catch(() => {
        if (counts === entry) counts = undefined;
      });
    }
    return counts.value;
  };
  app.get(
    '/api/health',
    {
      schema: {
        tags: ['meta'],
        summary: 'Health: store kind, app version and counts',
        response: {
          200: Type.Object({
            status: Type.Literal('ok'),
            store: Type.String(),
            version: Type.String(),
            counts: Type.Object({
              nodes: Type.Integer(),
              relations: Type.Integer(),
              nodesByKind: Type.Record(Type.String(), Type.Integer()),
              relationsByType: Type.Record(Type.String(), Type.Integer()),
            }),
          }),
          503: errorResponses[503],
        },
      },
    },
    async () => ({
      status: 'ok' as const,
      store: app.store.kind,
      version: app.appVersion,
      counts: await stats(),
    }),
  );

  app.get(
    '/api/catalogue',
    {
      schema: {
        tags: ['meta'],
        summary: 'Node kinds, relation kinds and evidence levels, with Swedish and English labels and property schemas',
        response: { 200: Type.Object({}, { additionalProperties: true }) },
      },
    },
    async () => ({
      nodeKinds: NODE_KINDS,
      relationKinds: RELATION_KINDS,
      evidenceLevels: EVIDENCE_LEVELS.map((e) => ({
        value: e,
        label: {
          confirmed: { sv: 'Bekräftad', en: 'Confirmed' },
          probable: { sv: 'Trolig', en: 'Probable' },
          uncertain: { sv: 'Osäker', en: 'Uncertain' },
        }[e],
      })),
    }),
  );
};

export default meta;
