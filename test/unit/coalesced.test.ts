import { describe, expect, it } from 'vitest';
import { coalesced } from '../../server/plugins/coalesced.js';

const tick = (ms: number) => new Promise((r) => setTimeout(r, ms));

describe('coalesced reads (the graph cache revision check)', () => {
  it('never answers a caller with a read that started before it asked, and shares reads', async () => {
    let value = 0;
    let reads = 0;
    const check = coalesced(async () => {
      reads++;
      const seen = value;
      await tick(20);
      return seen;
    });
    const a = check();
    value = 1; // a write commits while the first read runs
    const b = check();
    const c = check();
    expect(await a).toBe(0);
    expect(await b).toBe(1);
    expect(await c).toBe(1);
    expect(reads).toBe(2);
    value = 2;
    expect(await check()).toBe(2);
    expect(reads).toBe(3);
  });

  it('passes a failure to the callers of that read only', async () => {
    let fail = true;
    const check = coalesced(async () => {
      const down = fail;
      await tick(5);
      if (down) throw new Error('down');
      return 'ok';
    });
    const a = check();
    const b = check();
    fail = false;
    await expect(a).rejects.toThrow('down');
    await expect(b).resolves.toBe('ok');
  });
});
