import { describe, expect, it } from 'vitest';
import { RateLimiter } from './rate-limiter';

describe('RateLimiter (token bucket)', () => {
  it('lets a burst through, then the rate', () => {
    let now = 0;
    const limiter = new RateLimiter({ perSecond: 5, burst: 10 }, () => now);
    const burst = Array.from({ length: 12 }, () => limiter.allow('p'));
    expect(burst.filter(Boolean)).toHaveLength(10);
    expect(limiter.allow('p')).toBe(false);
    now += 200; // one token back
    expect(limiter.allow('p')).toBe(true);
    expect(limiter.allow('p')).toBe(false);
    now += 1000;
    expect(Array.from({ length: 6 }, () => limiter.allow('p')).filter(Boolean)).toHaveLength(5);
  });

  it('keeps keys apart and never exceeds the burst after a long pause', () => {
    let now = 0;
    const limiter = new RateLimiter({ perSecond: 5, burst: 10 }, () => now);
    for (let i = 0; i < 10; i += 1) limiter.allow('a');
    expect(limiter.allow('a')).toBe(false);
    expect(limiter.allow('b')).toBe(true);
    now += 3_600_000;
    expect(limiter.available('a')).toBe(10);
  });

  it('sustains exactly its rate over time', () => {
    let now = 0;
    const limiter = new RateLimiter({ perSecond: 50, burst: 100 }, () => now);
    let ok = 0;
    for (let ms = 0; ms < 10_000; ms += 5) {
      now = ms;
      if (limiter.allow('ip')) ok += 1;
    }
    expect(ok).toBeGreaterThanOrEqual(100 + 50 * 10 - 2);
    expect(ok).toBeLessThanOrEqual(100 + 50 * 10);
  });

  it('sweep forgets full buckets only', () => {
    let now = 0;
    const limiter = new RateLimiter({ perSecond: 1, burst: 2 }, () => now);
    limiter.allow('idle');
    limiter.allow('busy');
    limiter.allow('busy');
    now += 1000; // idle is full again, busy is not
    limiter.sweep();
    expect(limiter.size).toBe(1);
    expect(limiter.available('busy')).toBe(1);
    now += 1000;
    limiter.sweep();
    expect(limiter.size).toBe(0);
  });
});
