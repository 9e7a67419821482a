import { describe, expect, it } from 'vitest';
import { percentiles, perMinute, RateScheduler } from './schedule';

/** Runs a scheduler on a fake clock: ticks of `tickMs` for `totalMs`, returns the total due. */
function run(s: RateScheduler, totalMs: number, tickMs: number): number {
  s.start(0);
  let sum = 0;
  for (let t = tickMs; t <= totalMs; t += tickMs) sum += s.due(t);
  return sum;
}

describe('RateScheduler', () => {
  it('gives exactly the rate over time, whatever the tick', () => {
    expect(run(new RateScheduler(perMinute(30)), 60_000, 50)).toBe(30);
    expect(run(new RateScheduler(perMinute(30)), 60_000, 333)).toBe(29); // the last partial tick (59,940 ms) is not yet a full 30th
    expect(run(new RateScheduler(50), 10_000, 50)).toBe(500);
    expect(run(new RateScheduler(50), 10_000, 17)).toBe(499);
    expect(run(new RateScheduler(2000), 10_000, 50)).toBe(20_000);
  });

  it('carries fractions from tick to tick (0.5 a second: one every other second)', () => {
    const s = new RateScheduler(0.5);
    s.start(0);
    expect([1000, 2000, 3000, 4000].map((t) => s.due(t))).toEqual([0, 1, 0, 1]);
  });

  it('gives nothing at rate 0, on the first call without start, or when the clock goes back', () => {
    expect(run(new RateScheduler(0), 10_000, 50)).toBe(0);
    const s = new RateScheduler(10);
    expect(s.due(5000)).toBe(0);
    expect(s.due(4000)).toBe(0);
    expect(s.due(5000)).toBe(0); // the clock only moves forward from its furthest point
    expect(s.due(6000)).toBe(10);
  });

  it('caps one tick after a stall and counts what it dropped', () => {
    const s = new RateScheduler(100);
    s.start(0);
    expect(s.due(5000)).toBe(100);
    expect(s.dropped).toBe(400);
    expect(s.due(5010)).toBe(1);
  });

  it('refuses a negative or absurd rate', () => {
    expect(() => new RateScheduler(-1)).toThrow();
    expect(() => new RateScheduler(Number.NaN)).toThrow();
  });
});

describe('percentiles', () => {
  it('nearest rank, with the max', () => {
    const values = Array.from({ length: 100 }, (_, i) => 100 - i); // 1..100 shuffled by order
    expect(percentiles(values)).toEqual({ p50: 50, p95: 95, p99: 99, max: 100 });
    expect(percentiles([7])).toEqual({ p50: 7, p95: 7, p99: 7, max: 7 });
    expect(percentiles([])).toBeNull();
  });
});
