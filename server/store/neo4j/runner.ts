import neo4j, { type Driver, type ManagedTransaction, type Record as Neo4jRecord } from 'neo4j-driver';
import type { PropMap } from './mapping.js';

export type Params = Record<string, unknown>;
/** Runs one statement and returns its rows as plain objects; a read or a statement inside a write transaction. */
export type Run = (text: string, params?: Params) => Promise<PropMap[]>;

const plain = (records: Neo4jRecord[]): PropMap[] => records.map((r) => r.toObject() as PropMap);

/** One statement inside a managed write transaction; results are consumed before the function returns. */
export class Tx {
  constructor(private readonly tx: ManagedTransaction) {}

  readonly run: Run = async (text, params = {}) => plain((await this.tx.run(text, params)).records);
}

/** Reads as managed single statements, writes as retried transaction functions, always on one named database. */
export class Runner {
  constructor(
    readonly driver: Driver,
    readonly database: string,
  ) {}

  readonly read: Run = async (text, params = {}) =>
    plain(
      (await this.driver.executeQuery(text, params, { database: this.database, routing: neo4j.routing.READ })).records,
    );

  /**
   * `work` may run more than once (the driver retries transient failures), so it must only read and write in `tx`.
   * `timeoutMs` replaces the server's default transaction timeout (bulk imports need longer than single writes).
   */
  async write<T>(work: (tx: Tx) => Promise<T>, timeoutMs?: number): Promise<T> {
    const session = this.driver.session({ database: this.database, defaultAccessMode: neo4j.session.WRITE });
    try {
      return await session.executeWrite(
        (tx) => work(new Tx(tx)),
        timeoutMs !== undefined ? { timeout: timeoutMs } : undefined,
      );
    } finally {
      await session.close();
    }
  }
}
