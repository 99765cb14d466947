import type { NodeRecord, RelationRecord } from '../../../core/model/records.js';
import type { HistoryEntry } from '../graph-store.js';
import { historyRow, int, toNumber } from './mapping.js';
import { cypher } from './queries.js';
import type { Tx } from './runner.js';
import { sendBatches } from './batches.js';

/**
 * The history of one write transaction. `open` takes the counter's lock first thing, so writers run one at a time:
 * seq numbers are handed out here without gaps and the entries are written, in batches, before commit.
 */
export class HistoryLog {
  private readonly entries: unknown[][] = [];
  private readonly seqs: number[] = [];

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
    this.seqs.push(this.seq);
    this.entries.push(
      historyRow({ seq: this.seq, recordId: rec.id, recordType, version: rec.version, op, before, after }),
    );
  }

  /** Writes the entries in batches; each batch also moves the counter to its last seq. */
  async flush(): Promise<void> {
    await sendBatches(this.tx.run, cypher('history-append'), this.entries, (entries, start) => ({
      seq: int(this.seqs[start + entries.length - 1]),
      entries,
      actor: this.actor,
      at: this.at,
    }));
    this.entries.length = 0;
    this.seqs.length = 0;
  }
}
