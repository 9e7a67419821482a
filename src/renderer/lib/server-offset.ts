/**
 * The core's clock seen from a view: serverNow − Date.now() at receipt. Each sample is late by
 * the network delay, so the largest recent sample is the best one; a sample far from the current
 * estimate means a clock really changed, and wins at once.
 */
export const OFFSET_JUMP_MS = 1000;

export function refineServerOffset(current: number | null, sample: number): number {
  if (current === null || !Number.isFinite(current)) return sample;
  if (Math.abs(sample - current) > OFFSET_JUMP_MS) return sample;
  if (sample >= current) return sample;
  // A slightly smaller sample: follow slowly (clocks slew), without jitter on the display.
  return current + (sample - current) * 0.1;
}
