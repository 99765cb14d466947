import type { GraphStore, ImportResult } from './store/graph-store.js';
import { GraphService } from './services/graph-service.js';

/** Loads the Jönköpings län network into an empty store; a store that holds anything is left alone. */
export async function seedIfEmpty(store: GraphStore): Promise<ImportResult | undefined> {
  const stats = await store.stats();
  if (stats.nodes > 0) return undefined;
  // Loaded lazily: only an empty store needs the fixture.
  const { jonkopingBatch } = await import('../fixtures/jonkoping/index.js');
  return new GraphService(store).importBatch(jonkopingBatch(), { actor: 'seed' });
}
