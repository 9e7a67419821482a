/**
 * Reading a wall time typed by an operator: « 8:50 », « 08:50 », « 8h50 », « 8 h 50 », « 0850 »,
 * « 14:05:30 » (seconds dropped). Returns "HH:MM" or null. Pure.
 */
export function parseTypedTime(input: string): string | null {
  const m = /^\s*(\d{1,2})\s*(?:[:hH.]\s*)?(\d{2})(?:\s*:\s*\d{2})?\s*$/.exec(input);
  if (!m) return null;
  const h = Number(m[1]);
  const min = Number(m[2]);
  if (h > 23 || min > 59) return null;
  return `${String(h).padStart(2, '0')}:${String(min).padStart(2, '0')}`;
}
