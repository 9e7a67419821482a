import type { Schedule } from '../../shared/domain/delays';
import type { Programme, Session } from '../../shared/domain/programme';
import { nextAt, runningAt, type SessionMarks, sessionWindow } from '../lib/desk-schedule';

/**
 * What the facilitator's tablet says about time: the session running now (the Q&A's if it is
 * one of them), when it is expected to end (delays applied, the operator's marks first), the time
 * left and how late it runs; or, between sessions, the next one. Pure.
 */
export interface StageSession {
  session: Session;
  state: 'running' | 'next';
  start: number;
  end: number;
  /** ms until the end (running) or the start (next); negative once past. */
  left: number;
  /** Minutes late (+) or early (−) against the programme. */
  delay: number;
}

export function stageSession(p: Programme, schedule: Schedule, marks: SessionMarks, qaSessionId: string | null, now: number): StageSession | null {
  const running = runningAt(p, schedule, marks, now);
  const current = running.find((s) => s.id === qaSessionId) ?? running[0];
  if (current) {
    const w = sessionWindow(p, current, schedule, marks);
    return { session: current, state: 'running', start: w.start, end: w.end, left: w.end - now, delay: schedule[current.id]?.endDelay ?? 0 };
  }
  const next = nextAt(p, schedule, marks, now)[0];
  if (!next) return null;
  const w = sessionWindow(p, next, schedule, marks);
  return { session: next, state: 'next', start: w.start, end: w.end, left: w.start - now, delay: schedule[next.id]?.startDelay ?? 0 };
}
