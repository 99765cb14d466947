import type { PropMap } from './mapping.js';
import type { Run } from './runner.js';

/** Rows per UNWIND statement: large enough to amortise a round trip, small enough to keep each message modest. */
export const CHUNK = 5000;

export function* chunks<T>(items: T[], size = CHUNK): Generator<T[]> {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
}

/**
 * Runs one statement per batch of `items`, pipelined: every batch is sent without waiting for the previous one
 * (the server still runs them in order), so packing the next batch overlaps with the server's work on this one.
 */
export async function sendBatches<T>(
  run: Run,
  text: string,
  items: T[],
  params: (batch: T[], start: number) => Record<string, unknown>,
): Promise<PropMap[]> {
  const sends = [...chunks(items)].map((batch, i) => run(text, params(batch, i * CHUNK)));
  return (await Promise.all(sends)).flat();
}
