/**
 * When to restart a hub process that died. Pure: the supervisor keeps the history and asks.
 *
 * The first restart is immediate: phones and the régie's link are reconnecting already, and a
 * single crash (a kill -9, an out-of-memory) should cost the audience a second, not more. A hub
 * that keeps dying is restarted less and less often (doubling, capped), so that a broken start
 * (a full disk, a port taken) does not spin a CPU core the régie needs; once it has held long
 * enough, the count starts again.
 */
export interface RestartPolicy {
  /** The second consecutive failure waits this long, the third twice as long, … */
  baseMs: number;
  capMs: number;
  /** A process that stayed up this long is « stable »: the next crash is a first one again. */
  stableAfterMs: number;
  /** This many exits within `stormWindowMs` is a restart storm (logged, shown on the desk). */
  stormCount: number;
  stormWindowMs: number;
}

export const DEFAULT_RESTART_POLICY: RestartPolicy = {
  baseMs: 250,
  capMs: 10_000,
  stableAfterMs: 60_000,
  stormCount: 3,
  stormWindowMs: 60_000,
};

/** The wait before restart number `consecutive` (1 for the first failure since the hub was stable). */
export function restartDelay(consecutive: number, policy: RestartPolicy): number {
  if (consecutive <= 1) return 0;
  return Math.min(policy.capMs, policy.baseMs * 2 ** Math.min(consecutive - 2, 30));
}

/** The exits (their times) still inside the storm window at `now`. */
export function recentExits(exitTimes: readonly number[], now: number, policy: RestartPolicy): number[] {
  return exitTimes.filter((t) => now - t < policy.stormWindowMs);
}

export function isStorm(exitTimes: readonly number[], now: number, policy: RestartPolicy): boolean {
  return recentExits(exitTimes, now, policy).length >= policy.stormCount;
}
