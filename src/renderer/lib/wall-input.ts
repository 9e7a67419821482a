import { type RehearsalBounds, rehearsalDays, rehearsalRefusal } from '../../shared/domain/rehearsal-clock';
import { isIsoDate, zonedToEpoch } from '../../shared/domain/zoned-time';

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

/** What « Régler la répétition » would set, or why not (the core refuses the same: rehearsal-clock.ts). */
export type RehearsalEntry = { ok: true; at: number; time: string } | { ok: false; why: 'time' | 'bounds' };

export function rehearsalEntry(date: string, timeText: string, timeZone: string, bounds: RehearsalBounds): RehearsalEntry {
  const time = parseTypedTime(timeText);
  if (!time || !isIsoDate(date)) return { ok: false, why: 'time' };
  const at = zonedToEpoch({ date, time }, timeZone);
  return rehearsalRefusal(at, bounds) === null ? { ok: true, at, time } : { ok: false, why: 'bounds' };
}

/**
 * The dates the clock control offers: the event's days and the margin days; with no programme,
 * the dates it is given (today, the show clock's day). A date the clock stands on outside the
 * bounds is not offered: choosing it could only be refused.
 */
export function rehearsalDateChoices(bounds: RehearsalBounds, ...fallback: string[]): string[] {
  const days = rehearsalDays(bounds);
  return days.length > 0 ? days : [...new Set(fallback)].sort();
}
