/**
 * How many messages are due now for a given rate: each tick adds `perSecond × elapsed` to a
 * running total and takes the whole part; the fraction carries to the next tick, so 30 a minute
 * over 60 s is exactly 30, whatever the tick length. Pure: the clock is passed in.
 */
export class RateScheduler {
  private carry = 0;
  private last: number | null = null;
  /** Messages the caller could not send (nobody eligible); kept for the summary. */
  dropped = 0;

  constructor(
    readonly perSecond: number,
    /** At most this many in one tick (after a stalled event loop, no avalanche). */
    private readonly maxPerTick = Math.max(1, Math.ceil(perSecond)),
  ) {
    if (!Number.isFinite(perSecond) || perSecond < 0) throw new Error(`débit invalide : ${perSecond}`);
  }

  /** Starts the clock (the first `due` counts from here). */
  start(now: number): void {
    this.last = now;
    this.carry = 0;
  }

  due(now: number): number {
    if (this.last === null) {
      this.start(now);
      return 0;
    }
    const elapsed = Math.max(0, now - this.last) / 1000;
    this.last = Math.max(this.last, now);
    const exact = this.carry + this.perSecond * elapsed;
    const n = Math.floor(exact + 1e-9);
    this.carry = Math.max(0, exact - n);
    if (n > this.maxPerTick) {
      this.dropped += n - this.maxPerTick;
      return this.maxPerTick;
    }
    return n;
  }
}

/** `--questions-per-min 30` → 0.5 a second. */
export const perMinute = (n: number): number => n / 60;

/** Percentiles (nearest rank) of a list of numbers; null when it is empty. */
export function percentiles(values: readonly number[], ps: readonly number[] = [50, 95, 99]): Record<string, number> | null {
  if (values.length === 0) return null;
  const sorted = [...values].sort((a, b) => a - b);
  const out: Record<string, number> = {};
  for (const p of ps) {
    const rank = Math.max(1, Math.ceil((p / 100) * sorted.length));
    out[`p${p}`] = sorted[rank - 1] as number;
  }
  out.max = sorted[sorted.length - 1] as number;
  return out;
}
