/**
 * Access to the Neo4j server that test/setup/neo4j-global.ts provides, and
 * `describeNeo4j`, which never lets a Neo4j suite disappear silently: without
 * a server it is a visible "NOT RUN" skip, or a failure when REQUIRE_NEO4J=1.
 */
import { describe, inject, it } from 'vitest';

declare module 'vitest' {
  export interface ProvidedContext {
    /** Bolt URI of the test server, or '' when none is available. */
    neo4jUri: string;
    /** Why there is no server ('' when there is one). */
    neo4jSkipReason: string;
  }
}

/** Bolt URI of the test server, or undefined when there is none. */
export function neo4jUri(): string | undefined {
  // inject() yields undefined when the global setup did not run (e.g. a config without it).
  const provided = inject('neo4jUri');
  if (provided) return provided;
  const fromEnv = process.env.NEO4J_URI;
  return fromEnv ? fromEnv : undefined;
}

function skipReason(): string {
  const reason = inject('neo4jSkipReason');
  return reason ? reason : 'NEO4J_URI is not set and the Neo4j global setup provided no server';
}

/**
 * `describe(name, fn)` when a Neo4j server is available; `fn` gets its URI.
 * Without one: a failing test if REQUIRE_NEO4J=1, else a skipped test named
 * "NOT RUN (no Neo4j): ..." plus a warning, so the gap shows in every report.
 */
export function describeNeo4j(name: string, fn: (uri: string) => void): void {
  const uri = neo4jUri();
  if (uri) {
    describe(name, () => fn(uri));
    return;
  }
  const reason = skipReason();
  if (process.env.REQUIRE_NEO4J === '1') {
    describe(name, () => {
      it('has a Neo4j server', () => {
        throw new Error(`REQUIRE_NEO4J=1 but no Neo4j is available: ${reason}`);
      });
    });
    return;
  }
  console.warn(`NOT RUN (no Neo4j): ${name}: ${reason}`);
  describe(name, () => {
    it.skip(`NOT RUN (no Neo4j): ${reason}`, () => undefined);
  });
}
