import type { Schedule } from '../../shared/domain/delays';
import type { Programme, Session } from '../../shared/domain/programme';
import { nextAt, runningAt, type SessionMarks, type SessionWindow, sessionWindow } from '../lib/desk-schedule';
import { eventDate, sessionsOfDay } from '../lib/programme-view';

/**
 * What the holding screen shows at an instant. Pure. Its times are the desk's: the expected ones
 * (delays applied), overridden by the actual starts and ends the operator marked, through the very
 * functions the desk uses (desk-schedule.ts), so that the room and the régie never disagree.
 */
export interface HoldingContent {
  phase: 'before' | 'during' | 'between' | 'after';
  /** Sessions on now (several when workshops run in parallel). */
  now: Session[];
  /** Sessions that start next (all those expected at the same minute). */
  next: Session[];
  /** When the sessions shown (now and next) really run, by session id. */
  windows: Record<string, SessionWindow>;
  nextStartMs: number | null;
  /** The event date of the next start when it is not today (null when today or none). */
  nextOtherDay: string | null;
  /** The next start opens its day (a welcome, not a resumption). */
  nextOpensDay: boolean;
  /** Several sessions at once, now or next: the screen packs them tighter. */
  crowded: boolean;
}

export function holdingContent(p: Programme, schedule: Schedule, marks: SessionMarks, nowMs: number): HoldingContent {
  const windowOf = (s: Session) => sessionWindow(p, s, schedule, marks);
  const now = runningAt(p, schedule, marks, nowMs);
  const next = nextAt(p, schedule, marks, nowMs);
  const windows: Record<string, SessionWindow> = {};
  for (const s of [...now, ...next]) windows[s.id] = windowOf(s);

  const first = next[0];
  const nextStartMs = first ? (windows[first.id]?.start ?? null) : null;
  const nextOtherDay = first && first.day !== eventDate(p, nowMs) ? first.day : null;
  // Nothing of that day is expected before it: it opens the day.
  const nextOpensDay = !!first && nextStartMs !== null && sessionsOfDay(p, first.day).every((s) => windowOf(s).start >= nextStartMs);

  let phase: HoldingContent['phase'];
  if (now.length > 0) phase = 'during';
  else if (!first) phase = 'after';
  else if (p.sessions.every((s) => windowOf(s).start > nowMs)) phase = 'before';
  else phase = 'between';

  return { phase, now, next, windows, nextStartMs, nextOtherDay, nextOpensDay, crowded: now.length > 1 || next.length > 1 };
}

/** How many sessions of a parallel group fit: three rows of two, or two rows when both blocks are lists. */
export function maxListed(c: HoldingContent): number {
  return c.now.length > 1 && c.next.length > 1 ? 4 : 6;
}

/** The times shared by every session of a list, if they all share them. */
export function sharedRange(sessions: readonly Session[], windows: Record<string, SessionWindow>): SessionWindow | null {
  const [first, ...rest] = sessions.map((s) => windows[s.id]);
  if (!first || rest.some((w) => !w || w.start !== first.start || w.end !== first.end)) return null;
  return first;
}
