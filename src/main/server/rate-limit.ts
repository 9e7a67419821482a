/**
 * A token bucket per client: `burst` requests at once, then `perSecond`. Enough for a Stream
 * Deck (a few presses a second) and a Companion feedback poll; a runaway script gets 429s instead
 * of filling the journal. Buckets idle for a minute are forgotten.
 */
export class RateLimiter {
  private buckets = new Map<string, { tokens: number; at: number }>();

  constructor(
    private readonly perSecond: number,
    private readonly burst: number,
    private readonly now: () => number = Date.now,
  ) {}

  /** Takes one token for `key`; false when the client must wait. */
  take(key: string): boolean {
    const now = this.now();
    if (this.buckets.size > 1000) this.forgetIdle(now);
    const b = this.buckets.get(key) ?? { tokens: this.burst, at: now };
    b.tokens = Math.min(this.burst, b.tokens + ((now - b.at) / 1000) * this.perSecond);
    b.at = now;
    this.buckets.set(key, b);
    if (b.tokens < 1) return false;
    b.tokens -= 1;
    return true;
  }

  private forgetIdle(now: number): void {
    for (const [key, b] of this.buckets) if (now - b.at > 60_000) this.buckets.delete(key);
  }
}
