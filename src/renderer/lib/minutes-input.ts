/** The minutes typed for a delay: « 12 », « +12 », « −5 » (or -5), « 12 min ». Null when unreadable or out of range. Pure. */
export const MIN_DELAY_MINUTES = -240;
export const MAX_DELAY_MINUTES = 720;

export function parseDelayMinutes(input: string): number | null {
  const m = /^\s*([+\-\u2212]?)\s*(\d{1,3})\s*(?:mn|min|minutes?)?\s*$/i.exec(input);
  if (!m) return null;
  const n = Number(m[2]) * (m[1] === '-' || m[1] === '\u2212' ? -1 : 1);
  return n < MIN_DELAY_MINUTES || n > MAX_DELAY_MINUTES ? null : n;
}
