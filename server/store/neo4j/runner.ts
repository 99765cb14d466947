import neo4j, {
  Neo4jError,
  isRetryableError,
  type Driver,
  type ManagedTransaction,
  type Record as Neo4jRecord,
} from 'neo4j-driver';
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

/**
 * Reads retry transient failures for this long only, so that with the server down a request has its 503 within about
 * a second (the driver's own retry window, 5 s with backoff, made requests wait 6.5–15 s). Writes keep that window
 * for deadlocks under load, but while an outage is recent they first probe the server once and fail fast.
 */
export const READ_RETRY_MS = 600;
const READ_BACKOFF_MS = [50, 150, 300];
const OUTAGE_MEMORY_MS = 30_000;
/** Single writes retry deadlocks for this long, like the driver's window for transaction functions. */
const WRITE_RETRY_MS = 5_000;

const sleep = (ms: number) => new Promise((r) => setTimeout(r, ms));

/** A failure that means the server cannot be reached (or the pool cannot get a connection to it). */
export const isUnavailable = (err: unknown): boolean =>
  err instanceof Neo4jError &&
  (err.code === neo4j.error.SERVICE_UNAVAILABLE ||
    err.code === neo4j.error.SESSION_EXPIRED ||
    err.code === 'Neo.TransientError.General.DatabaseUnavailable' ||
    err.message.startsWith('Connection acquisition timed out'));

/** Reads as auto-commit statements with a short retry window, writes as retried transaction functions. */
export class Runner {
  /** When the server was last found unreachable (0: not recently). */
  private outageAt = 0;

  constructor(
    readonly driver: Driver,
    readonly database: string,
  ) {}

  readonly read: Run = async (text, params = {}) => {
    const started = Date.now();
    for (let attempt = 0; ; attempt++) {
      try {
        const rows = await this.readOnce(text, params);
        this.outageAt = 0;
        return rows;
      } catch (err) {
        if (isUnavailable(err)) this.outageAt = Date.now();
        const wait = READ_BACKOFF_MS[attempt];
        const retry = isRetryableError(err) && wait !== undefined && Date.now() - started + wait < READ_RETRY_MS;
        if (!retry) throw err;
        await sleep(wait);
      }
    }
  };

  private async readOnce(text: string, params: Params): Promise<PropMap[]> {
    const session = this.driver.session({ database: this.database, defaultAccessMode: neo4j.session.READ });
    try {
      return plain((await session.run(text, params)).records);
    } finally {
      await session.close();
    }
  }

  /**
   * One statement as its own auto-commit transaction: one round trip, and the server commits as soon as the statement
   * ends, so locks taken at its end (the history counter) are never held while the app is busy. Transient failures
   * (deadlocks with a bulk import) are retried: the failed statement was rolled back whole.
   */
  readonly writeOne: Run = async (text, params = {}) => {
    if (this.outageAt > 0 && Date.now() - this.outageAt < OUTAGE_MEMORY_MS) await this.read('RETURN 1 AS ok');
    const started = Date.now();
    for (let attempt = 0; ; attempt++) {
      const session = this.driver.session({ database: this.database, defaultAccessMode: neo4j.session.WRITE });
      try {
        return plain((await session.run(text, params)).records);
      } catch (err) {
        if (isUnavailable(err)) this.outageAt = Date.now();
        const wait = Math.min(1_000, 20 * 2 ** attempt);
        if (!isRetryableError(err) || isUnavailable(err) || Date.now() - started + wait > WRITE_RETRY_MS) throw err;
        await sleep(wait);
      } finally {
        await session.close();
      }
    }
  };

  /**
   * `work` may run more than once (the driver retries transient failures), so it must only read and write in `tx`.
   * `timeoutMs` replaces the server's default transaction timeout (bulk imports need longer than single writes).
   */
  async write<T>(work: (tx: Tx) => Promise<T>, timeoutMs?: number): Promise<T> {
    if (this.outageAt > 0 && Date.now() - this.outageAt < OUTAGE_MEMORY_MS) await this.read('RETURN 1 AS ok');
    const session = this.driver.session({ database: this.database, defaultAccessMode: neo4j.session.WRITE });
    try {
      return await session.executeWrite(
        (tx) => work(new Tx(tx)),
        timeoutMs !== undefined ? { timeout: timeoutMs } : undefined,
      );
    } catch (err) {
      if (isUnavailable(err)) this.outageAt = Date.now();
      throw err;
    } finally {
      await session.close();
    }
  }
}
