import { z } from 'zod';
import { type Cue, offsetMinutes } from './cue';
import { type Programme, type Session, sessionEndMs, sessionStartMs } from './programme';
import { zonedToEpoch } from './zoned-time';

/**
 * Delays: "we are running 12 minutes late" as one entry on the current session, and the expected
 * times of every session and cue that follow from the entries. Pure; all times are instants (epoch
 * ms), so a session across a daylight-saving change keeps its real length.
 *
 * The rules, day by day (a delay never crosses into the next day):
 * - Sessions whose planned times overlap (parallel workshops) form a group and move together.
 * - An entry sets its session's offset from the plan, start and end: `+12` means "12 minutes later
 *   than planned", not "12 more". The latest entry of a group wins (`at`, then list order); an entry
 *   of 0 takes a delay back, and removing the entry lets the delay of what came before apply again.
 * - A group without an entry starts at its planned start or when the group before it is expected
 *   to end, whichever is later: empty gaps absorb delay, and nothing moves earlier than planned
 *   unless a negative entry is made on that very session.
 * - A break (a group of one break) starts late too, but shrinks to absorb the delay: it keeps
 *   `minMinutes` (5 by default; never more than its planned length), and ends no earlier than planned.
 *   The rest of the delay flows on. A break with an entry of its own moves whole, like any session.
 * - Cues at an offset follow their session's expected start. Cues at a clock time keep their time,
 *   but one planned at or after its session's start never comes before the session's expected
 *   start (the poll of a session that starts 20 minutes late opens when it starts, not before).
 */

export const DEFAULT_MIN_BREAK_MINUTES = 5;
const MINUTE = 60_000;

export const delayEntrySchema = z.strictObject({
  sessionId: z.string().min(1),
  /** Offset from the plan in minutes: +12 late, −5 early, 0 back on time. */
  minutes: z.int().min(-240).max(720),
  /** When it was entered (epoch ms): the latest entry wins. */
  at: z.number(),
});
export type DelayEntry = z.infer<typeof delayEntrySchema>;

export interface DelayOptions {
  /** The shortest a break may become when it absorbs delay, unless the break says otherwise. */
  minBreakMinutes?: number;
}

export interface SessionTiming {
  sessionId: string;
  plannedStart: number;
  plannedEnd: number;
  expectedStart: number;
  expectedEnd: number;
  /** Minutes between expected and planned times (+12: twelve minutes late). */
  startDelay: number;
  endDelay: number;
  /** Why it moved: an entry on it (or its group), the delay of what came before, or nothing. */
  cause: 'entry' | 'carried' | 'none';
  /** For a break that shrank: the minutes of delay it absorbed. */
  absorbed: number;
}

/** Expected times of every session, by session id. */
export type Schedule = Record<string, SessionTiming>;

/** The entry in force for each session: the latest one (by `at`, then by order in the list). */
export function activeDelays(entries: readonly DelayEntry[]): Map<string, DelayEntry> {
  const active = new Map<string, DelayEntry>();
  for (const e of entries) {
    const current = active.get(e.sessionId);
    if (!current || e.at >= current.at) active.set(e.sessionId, e);
  }
  return active;
}

export function addDelay(entries: readonly DelayEntry[], entry: DelayEntry): DelayEntry[] {
  return [...entries, entry];
}

/** Removes an entry (same session and time): the delays before it apply again. */
export function removeDelay(entries: readonly DelayEntry[], entry: Pick<DelayEntry, 'sessionId' | 'at'>): DelayEntry[] {
  return entries.filter((e) => !(e.sessionId === entry.sessionId && e.at === entry.at));
}

interface Slot {
  session: Session;
  index: number;
  start: number;
  end: number;
}

/** Sessions of one day in planned order, grouped where their planned times overlap. */
function groupsOfDay(slots: Slot[]): Slot[][] {
  const sorted = [...slots].sort((a, b) => a.start - b.start || a.index - b.index);
  const groups: Slot[][] = [];
  let groupEnd = -Infinity;
  for (const slot of sorted) {
    const last = groups[groups.length - 1];
    if (last && slot.start < groupEnd) {
      last.push(slot);
      groupEnd = Math.max(groupEnd, slot.end);
    } else {
      groups.push([slot]);
      groupEnd = slot.end;
    }
  }
  return groups;
}

/** The expected start and end of every session, given the delay entries. */
export function applyDelays(p: Programme, entries: readonly DelayEntry[], options: DelayOptions = {}): Schedule {
  const defaultMin = options.minBreakMinutes ?? DEFAULT_MIN_BREAK_MINUTES;
  const active = activeDelays(entries);
  const byDay = new Map<string, Slot[]>();
  p.sessions.forEach((session, index) => {
    const slot = { session, index, start: sessionStartMs(p, session), end: sessionEndMs(p, session) };
    byDay.set(session.day, [...(byDay.get(session.day) ?? []), slot]);
  });

  const schedule: Schedule = {};
  const put = (slot: Slot, expectedStart: number, expectedEnd: number, cause: SessionTiming['cause'], absorbed = 0) => {
    schedule[slot.session.id] = {
      sessionId: slot.session.id,
      plannedStart: slot.start,
      plannedEnd: slot.end,
      expectedStart,
      expectedEnd,
      startDelay: Math.round((expectedStart - slot.start) / MINUTE),
      endDelay: Math.round((expectedEnd - slot.end) / MINUTE),
      cause,
      absorbed,
    };
  };

  for (const slots of byDay.values()) {
    let previousEnd = -Infinity;
    for (const group of groupsOfDay(slots)) {
      const entry = group
        .map((s) => active.get(s.session.id))
        .filter((e): e is DelayEntry => e !== undefined)
        .reduce<DelayEntry | null>((latest, e) => (latest === null || e.at >= latest.at ? e : latest), null);
      const groupStart = Math.min(...group.map((s) => s.start));
      const only = group.length === 1 ? group[0] : undefined;

      if (entry) {
        const shift = entry.minutes * MINUTE;
        for (const s of group) put(s, s.start + shift, s.end + shift, 'entry');
      } else if (only && only.session.kind === 'break') {
        const shift = Math.max(0, previousEnd - only.start);
        const length = only.end - only.start;
        const minLength = Math.min(length, (only.session.minMinutes ?? defaultMin) * MINUTE);
        const start = only.start + shift;
        const end = Math.max(only.end, start + minLength);
        put(only, start, end, shift > 0 ? 'carried' : 'none', Math.round((only.end + shift - end) / MINUTE));
      } else {
        const shift = Math.max(0, previousEnd - groupStart);
        for (const s of group) put(s, s.start + shift, s.end + shift, shift > 0 ? 'carried' : 'none');
      }
      previousEnd = Math.max(...group.map((s) => schedule[s.session.id]?.expectedEnd ?? s.end));
    }
  }
  return schedule;
}

/** A schedule with no delay: expected = planned. */
export function plannedSchedule(p: Programme): Schedule {
  return applyDelays(p, []);
}

export interface CueTime {
  plannedAt: number;
  expectedAt: number;
}

/** When a cue is planned, and when it is expected given its session's timing (see the rules above). */
export function cueTime(p: Programme, session: Session, cue: Cue, timing: SessionTiming): CueTime {
  if ('offset' in cue.at) {
    const offset = offsetMinutes(cue.at.offset) * MINUTE;
    return { plannedAt: timing.plannedStart + offset, expectedAt: timing.expectedStart + offset };
  }
  const plannedAt = zonedToEpoch({ date: session.day, time: cue.at.time }, p.event.timeZone);
  const expectedAt = plannedAt >= timing.plannedStart ? Math.max(plannedAt, timing.expectedStart) : plannedAt;
  return { plannedAt, expectedAt };
}

/**
 * A signed offset for people: « +12 min », « −5 min » (with a real minus sign, U+2212),
 * « +1 h 05 », and « à l’heure » for none.
 */
export function formatOffset(minutes: number): string {
  const m = Math.round(minutes);
  if (m === 0) return 'à l’heure';
  const sign = m < 0 ? '\u2212' : '+';
  const abs = Math.abs(m);
  if (abs < 60) return `${sign}${abs} min`;
  const rest = abs % 60;
  return `${sign}${Math.floor(abs / 60)} h${rest === 0 ? '' : ` ${String(rest).padStart(2, '0')}`}`;
}
