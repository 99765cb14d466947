import neo4j, { Neo4jError } from 'neo4j-driver';
import { StoreError, alreadyExists } from '../errors.js';

/**
 * Driver errors → store errors. Neo4j's messages can quote the query, so unknown failures are re-thrown with the
 * status code only; the original stays reachable as `cause` (non-enumerable, so it is logged but not serialised).
 */
export class Neo4jQueryError extends Error {
  constructor(
    readonly neo4jCode: string,
    cause: unknown,
    message = 'Neo4j query failed',
  ) {
    super(`${message} (${neo4jCode})`, { cause });
    this.name = 'Neo4jQueryError';
  }
}

const UNAVAILABLE = new Set<string>([
  neo4j.error.SERVICE_UNAVAILABLE,
  neo4j.error.SESSION_EXPIRED,
  'Neo.TransientError.General.DatabaseUnavailable',
  'Neo.ClientError.Database.DatabaseNotFound',
]);
const CONSTRAINT = 'Neo.ClientError.Schema.ConstraintValidationFailed';

/** What was being written, so a constraint violation can name it. */
export interface WriteTarget {
  what: 'Node' | 'Relation' | 'View';
  id: string;
}

/** The value Neo4j quotes in a uniqueness violation ("... property `id` = 'org:x'"); used when the caller wrote many. */
const quotedId = (message: string): string | undefined => /`(?:id|name)` = '((?:[^'\\]|\\.)*)'/.exec(message)?.[1];

export function mapDriverError(err: unknown, target?: WriteTarget): unknown {
  if (!(err instanceof Neo4jError)) return err;
  // Pool timeouts carry no code of their own ('N/A'); they mean the server is unreachable or saturated.
  if (UNAVAILABLE.has(err.code) || err.message.startsWith('Connection acquisition timed out')) {
    return new StoreError('store_unavailable', 'The graph database is unavailable', { neo4jCode: err.code });
  }
  // Only a clash on a record id is the caller's "already exists"; any other constraint failing is a store bug.
  if (err.code === CONSTRAINT && /property `(id|name)`/.test(err.message)) {
    const id = quotedId(err.message) ?? target?.id ?? 'unknown';
    const what = /^Relationship/.test(err.message) ? 'Relation' : (target?.what ?? 'Node');
    return alreadyExists(what, id);
  }
  if (err.code === 'Neo.TransientError.General.MemoryPoolOutOfMemoryError') {
    return new Neo4jQueryError(
      err.code,
      err,
      'The write is too large for one Neo4j transaction (transaction memory limit)',
    );
  }
  return new Neo4jQueryError(err.code, err);
}

/** Runs a store operation and maps whatever the driver throws. */
export async function mapped<T>(work: () => Promise<T>, target?: WriteTarget): Promise<T> {
  try {
    return await work();
  } catch (err) {
    throw mapDriverError(err, target);
  }
}
