import { Neo4jStore } from '../../server/store/neo4j/neo4j-store.js';
import { describeNeo4j } from '../helpers/neo4j.js';
import { historyContract } from './history-contract.js';

describeNeo4j('history on Neo4j', (uri) => {
  historyContract('neo4j', async () => Neo4jStore.open({ uri }));
});
