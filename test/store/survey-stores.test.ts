/** The survey store contract on a real SQLite file and a real Neo4j. */
import neo4j from 'neo4j-driver';
import { SqliteSurveys } from '../../server/store/survey/sqlite-survey.js';
import { Neo4jSurveys } from '../../server/store/survey/neo4j-survey.js';
import { tempDbPath } from '../helpers/app.js';
import { describeNeo4j } from '../helpers/neo4j.js';
import { surveyStoreContract } from './survey-contract.js';

surveyStoreContract('sqlite', async () => new SqliteSurveys(tempDbPath()));

describeNeo4j('survey store: Neo4j', (uri) => {
  surveyStoreContract('neo4j', () =>
    Neo4jSurveys.open(neo4j.driver(uri, undefined, { disableLosslessIntegers: true }), 'neo4j', true),
  );
});
