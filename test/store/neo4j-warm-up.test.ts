import { afterAll, beforeAll, expect, it } from 'vitest';
import { Neo4jStore } from '../../server/store/neo4j/neo4j-store.js';
import { describeNeo4j } from '../helpers/neo4j.js';

/** The start-up warm-up runs every named read and guarded write once and changes nothing. */
describeNeo4j('Neo4j warm-up', (uri) => {
  let store: Neo4jStore;
  beforeAll(async () => {
    store = await Neo4jStore.open({ uri });
  });
  afterAll(async () => {
    await store?.close();
  });

  it('runs the named queries without writing anything', async () => {
    // Other suites may write meanwhile: compare around a warm-up that saw no other write.
    let unchanged = false;
    for (let attempt = 0; attempt < 5 && !unchanged; attempt++) {
      const before = await store.revision();
      await store.warmUp();
      unchanged = (await store.revision()) === before;
    }
    expect(unchanged).toBe(true);
  });
});
