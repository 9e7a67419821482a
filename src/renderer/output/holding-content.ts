import type { Programme, Session } from '../../shared/domain/programme';
import { sessionStartMs } from '../../shared/domain/programme';
import { programmePosition } from '../../shared/domain/programme-position';
import { eventDate, nextSessions, runningSessions, sessionsOfDay } from '../lib/programme-view';

/** What the holding screen shows at an instant. Pure. */
export interface HoldingContent {
  phase: 'before' | 'during' | 'between' | 'after';
  /** Sessions on now (several when workshops run in parallel). */
  now: Session[];
  /** Sessions that start next (all those starting at the same minute). */
  next: Session[];
  nextStartMs: number | null;
  /** The event date of the next start when it is not today (null when today or none). */
  nextOtherDay: string | null;
  /** The next start opens its day (a welcome, not a resumption). */
  nextOpensDay: boolean;
  /** Several sessions at once, now or next: the screen packs them tighter. */
  crowded: boolean;
}

export function holdingContent(p: Programme, nowMs: number): HoldingContent {
  const { phase } = programmePosition(p, nowMs);
  const now = runningSessions(p, nowMs);
  const next = nextSessions(p, nowMs);
  const first = next[0];
  const nextStartMs = first ? sessionStartMs(p, first) : null;
  const nextOtherDay = first && first.day !== eventDate(p, nowMs) ? first.day : null;
  const nextOpensDay = !!first && sessionsOfDay(p, first.day)[0]?.start === first.start;
  return { phase, now, next, nextStartMs, nextOtherDay, nextOpensDay, crowded: now.length > 1 || next.length > 1 };
}

/** How many sessions of a parallel group fit: three rows of two, or two rows when both blocks are lists. */
export function maxListed(c: HoldingContent): number {
  return c.now.length > 1 && c.next.length > 1 ? 4 : 6;
}

/** The time range shared by every session of a list, if they all share one. */
export function sharedRange(sessions: Session[]): { start: string; end: string } | null {
  const [first, ...rest] = sessions;
  if (!first || rest.some((s) => s.start !== first.start || s.end !== first.end || s.day !== first.day)) return null;
  return { start: first.start, end: first.end };
}
