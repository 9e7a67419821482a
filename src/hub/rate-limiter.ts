import type { RateLimit } from './options';

interface Bucket {
  tokens: number;
  at: number;
}

/**
 * Token buckets by key (a participant, an address): `perSecond` tokens come back each second, up
 * to `burst`; each message takes one. Pure apart from its map; the clock is passed in.
 */
export class RateLimiter {
  private readonly buckets = new Map<string, Bucket>();

  constructor(
    private readonly limit: RateLimit,
    private readonly now: () => number = Date.now,
  ) {}

  /** Takes a token for `key` if there is one. */
  allow(key: string): boolean {
    const now = this.now();
    const bucket = this.refill(key, now);
    if (bucket.tokens < 1) return false;
    bucket.tokens -= 1;
    return true;
  }

  /** Tokens left for `key` now (for tests and health). */
  available(key: string): number {
    return this.buckets.has(key) ? this.refill(key, this.now()).tokens : this.limit.burst;
  }

  /** Forgets full buckets (keys not heard from for a while): memory stays bounded by active keys. */
  sweep(): void {
    const now = this.now();
    for (const [key, b] of this.buckets) {
      if (b.tokens + ((now - b.at) / 1000) * this.limit.perSecond >= this.limit.burst) this.buckets.delete(key);
    }
  }

  get size(): number {
    return this.buckets.size;
  }

  private refill(key: string, now: number): Bucket {
    let bucket = this.buckets.get(key);
    if (!bucket) {
      bucket = { tokens: this.limit.burst, at: now };
      this.buckets.set(key, bucket);
      return bucket;
    }
    const elapsed = Math.max(0, now - bucket.at);
    bucket.tokens = Math.min(this.limit.burst, bucket.tokens + (elapsed / 1000) * this.limit.perSecond);
    bucket.at = now;
    return bucket;
  }
}
