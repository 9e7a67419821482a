import type { Cue } from './cue';
import { type Schedule, cueTime, plannedSchedule } from './delays';
import type { Programme } from './programme';

/** A cue with its session and its times: the cue engine's view of the run of show. */
export interface TimedCue {
  id: string;
  sessionId: string;
  cue: Cue;
  /** As planned in the programme (epoch ms). */
  plannedAt: number;
  /** As expected now, delays applied (epoch ms): the time the engine works with. */
  expectedAt: number;
  /** The session's expected end: a manual cue left behind after it stops taking the standby. */
  sessionEnd: number;
}

/**
 * Every cue of the programme, in the order they are expected (delays applied), then in the order
 * they are written (sessions, then cues within a session).
 */
export function cueList(p: Programme, schedule: Schedule = plannedSchedule(p)): TimedCue[] {
  const list: (TimedCue & { order: number })[] = [];
  for (const session of p.sessions) {
    const timing = schedule[session.id];
    if (!timing) continue;
    for (const cue of session.cues ?? []) {
      const { plannedAt, expectedAt } = cueTime(p, session, cue, timing);
      list.push({ id: cue.id, sessionId: session.id, cue, plannedAt, expectedAt, sessionEnd: timing.expectedEnd, order: list.length });
    }
  }
  return list.sort((a, b) => a.expectedAt - b.expectedAt || a.order - b.order).map(({ order: _order, ...timed }) => timed);
}
