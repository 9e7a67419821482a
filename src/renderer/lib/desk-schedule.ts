import type { ViewState } from '../../shared/api/state';
import type { Schedule, SessionTiming } from '../../shared/domain/delays';
import type { Programme, Session } from '../../shared/domain/programme';
import { sessionEndMs, sessionStartMs } from '../../shared/domain/programme';
import { sortedSessions } from '../../shared/domain/programme-position';

/**
 * When a session really runs, for the desk: its expected times (delays applied), overridden by
 * the actual start and end the operator marked. What is « en cours » and « à suivre » on the desk
 * follows these windows, so a session running late stays current until it is expected to end. Pure.
 */

export type SessionMarks = ViewState['sessionMarks'];

export interface SessionWindow {
  start: number;
  end: number;
}

export function sessionWindow(p: Programme, s: Session, schedule: Schedule, marks: SessionMarks): SessionWindow {
  const timing: SessionTiming | undefined = schedule[s.id];
  const mark = marks[s.id];
  const start = mark?.startedAt ?? timing?.expectedStart ?? sessionStartMs(p, s);
  const end = mark?.endedAt ?? timing?.expectedEnd ?? sessionEndMs(p, s);
  return { start, end };
}

/** Every session running at `now` (parallel workshops included), in planned order. */
export function runningAt(p: Programme, schedule: Schedule, marks: SessionMarks, now: number): Session[] {
  return sortedSessions(p).filter((s) => {
    const w = sessionWindow(p, s, schedule, marks);
    return w.start <= now && now < w.end;
  });
}

/** The sessions that start next (all those expected at that same minute). */
export function nextAt(p: Programme, schedule: Schedule, marks: SessionMarks, now: number): Session[] {
  const later = sortedSessions(p)
    .map((s) => ({ s, start: sessionWindow(p, s, schedule, marks).start }))
    .filter((x) => x.start > now)
    .sort((a, b) => a.start - b.start);
  const first = later[0];
  return first ? later.filter((x) => x.start === first.start).map((x) => x.s) : [];
}
