import { type Programme, type Session, sessionEndMs, sessionStartMs } from './programme';
import { epochToWall } from './zoned-time';

/** Where "now" falls in the programme: what is on, what comes next, which day it is. */
export interface ProgrammePosition {
  /** The event day shown: today if it is one, else the next one, else the last one. */
  day: string | null;
  current: Session | null;
  next: Session | null;
  /** Before the first session, between two, or after the last. */
  phase: 'before' | 'during' | 'between' | 'after';
}

export function sortedSessions(p: Programme): Session[] {
  return [...p.sessions].sort((a, b) => sessionStartMs(p, a) - sessionStartMs(p, b) || a.id.localeCompare(b.id));
}

export function programmePosition(p: Programme, nowMs: number): ProgrammePosition {
  const sessions = sortedSessions(p);
  // Parallel workshops overlap: "current" is the first one still running, the others show in the timeline.
  const current = sessions.find((s) => sessionStartMs(p, s) <= nowMs && nowMs < sessionEndMs(p, s)) ?? null;
  const next = sessions.find((s) => sessionStartMs(p, s) > nowMs && s !== current) ?? null;

  const today = epochToWall(nowMs, p.event.timeZone).date;
  const dates = p.days.map((d) => d.date).sort();
  const day = dates.includes(today) ? today : (dates.find((d) => d > today) ?? dates[dates.length - 1] ?? null);

  let phase: ProgrammePosition['phase'];
  if (current) phase = 'during';
  else if (!next) phase = 'after';
  else if (sessions[0] === next) phase = 'before';
  else phase = 'between';
  return { day, current, next, phase };
}
