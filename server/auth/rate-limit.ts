/**
 * A fixed-window counter per key (e.g. "ip|name"), in memory. Bounded: when it holds too many keys, expired
 * windows are dropped, and if that is not enough the oldest keys go, so a flood of distinct keys cannot exhaust memory.
 */
export class RateLimiter {
  private readonly windows = new Map<string, { count: number; resetAt: number }>();

  constructor(
    readonly max: number,
    readonly windowMs: number,
    private readonly maxKeys = 50_000,
    private readonly now: () => number = Date.now,
  ) {}

  /** Counts one attempt; returns whether it is allowed and, if not, the seconds until the window resets. */
  hit(key: string): { allowed: boolean; retryAfter: number; remaining: number } {
    const t = this.now();
    let w = this.windows.get(key);
    if (!w || w.resetAt <= t) {
      if (w) this.windows.delete(key);
      if (this.windows.size >= this.maxKeys) this.prune(t);
      w = { count: 0, resetAt: t + this.windowMs };
      this.windows.set(key, w);
    }
    w.count += 1;
    const allowed = w.count <= this.max;
    return {
      allowed,
      retryAfter: Math.max(1, Math.ceil((w.resetAt - t) / 1000)),
      remaining: Math.max(0, this.max - w.count),
    };
  }

  reset(key: string): void {
    this.windows.delete(key);
  }

  private prune(t: number): void {
    for (const [k, w] of this.windows) if (w.resetAt <= t) this.windows.delete(k);
    // Still full: drop the oldest (Map keeps insertion order).
    for (const k of this.windows.keys()) {
      if (this.windows.size < this.maxKeys) break;
      this.windows.delete(k);
    }
  }
}
