import type { NodeRecord, RelationRecord } from '../../../core/model/records.js';
import type { HistoryEntry } from '../graph-store.js';
import { historyToProps, toNumber, type PropMap } from './mapping.js';
import { cypher } from './queries.js';
import type { Tx } from './runner.js';

export const CHUNK = 5000;

export function* chunks<T>(items: T[], size = CHUNK): Generator<T[]> {
  for (let i = 0; i < items.length; i += size) yield items.slice(i, i + size);
}

/**
 * The history of one write transaction. `open` takes the counter's lock first thing, so writers run one at a time:
 * seq numbers are handed out here without gaps and the entries are written, in batches, before commit.
 */
export class HistoryLog {
  private readonly entries: PropMap[] = [];

  private constructor(
    private readonly tx: Tx,
    private seq: number,
    private readonly actor: string,
    private readonly at: string,
  ) {}

  static async open(tx: Tx, ctx: { actor: string; at: string }): Promise<HistoryLog> {
    const [row] = await tx.run(cypher('history-lock'), { at: ctx.at });
    return new HistoryLog(tx, toNumber(row.seq), ctx.actor, ctx.at);
  }

  add(
    recordType: HistoryEntry['recordType'],
    op: HistoryEntry['op'],
    before: NodeRecord | RelationRecord | null,
    after: NodeRecord | RelationRecord | null,
  ): void {
    const rec = after ?? before;
    if (!rec) throw new Error('A history entry needs a before or an after');
    this.seq += 1;
    this.entries.push(
      historyToProps({ seq: this.seq, recordId: rec.id, recordType, version: rec.version, op, actor: this.actor, at: this.at, before, after }),
    );
  }

  async flush(): Promise<void> {
    for (const batch of chunks(this.entries)) {
      await this.tx.run(cypher('history-append'), { seq: batch[batch.length - 1].seq, entries: batch });
    }
    this.entries.length = 0;
  }
}
