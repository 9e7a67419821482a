/**
 * A countdown for the desk: « 00:45 », « 12:05 », « 1:02:03 » (the absolute value; the caller says
 * whether it is to come or past). Seconds are rounded up while counting down, so that « 00:00 »
 * shows only when the moment has come. Pure.
 */
export function formatCountdown(ms: number): string {
  const total = Math.ceil(Math.abs(ms) / 1000);
  const h = Math.floor(total / 3600);
  const m = Math.floor((total % 3600) / 60);
  const s = total % 60;
  const pad = (n: number) => String(n).padStart(2, '0');
  return h > 0 ? `${h}:${pad(m)}:${pad(s)}` : `${pad(m)}:${pad(s)}`;
}
