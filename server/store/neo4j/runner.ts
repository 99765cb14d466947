import neo4j, { type Driver, type ManagedTransaction, type Record as Neo4jRecord } from 'neo4j-driver';
import type { PropMap } from './mapping.js';

export type Params = Record<string, unknown>;

const plain = (records: Neo4jRecord[]): PropMap[] => records.map((r) => r.toObject() as PropMap);

/** One statement inside a managed write transaction; results are consumed before the function returns. */
export class Tx {
  constructor(private readonly tx: ManagedTransaction) {}

  async run(text: string, params: Params = {}): Promise<PropMap[]> {
    const result = await this.tx.run(text, params);
    return plain(result.records);
  }
}

/** Reads as managed single statements, writes as retried transaction functions, always on one named database. */
export class Runner {
  constructor(
    readonly driver: Driver,
    readonly database: string,
  ) {}

  async read(text: string, params: Params = {}): Promise<PropMap[]> {
    const result = await this.driver.executeQuery(text, params, { database: this.database, routing: neo4j.routing.READ });
    return plain(result.records);
  }

  /** `work` may run more than once (the driver retries transient failures), so it must only read and write in `tx`. */
  async write<T>(work: (tx: Tx) => Promise<T>): Promise<T> {
    const session = this.driver.session({ database: this.database, defaultAccessMode: neo4j.session.WRITE });
    try {
      return await session.executeWrite((tx) => work(new Tx(tx)));
    } finally {
      await session.close();
    }
  }
}
