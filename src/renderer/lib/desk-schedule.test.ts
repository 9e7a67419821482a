import { describe, it, expect } from 'vitest';
import { applyDelays } from '../../shared/domain/delays';
import { programmeSchema, sessionStartMs } from '../../shared/domain/programme';
import { nextAt, runningAt, sessionWindow } from './desk-schedule';

const programme = programmeSchema.parse({
  event: { name: 'Assises', timeZone: 'Europe/Paris' },
  days: [{ date: '2021-06-24' }],
  sessions: [
    { id: 'seq1', day: '2021-06-24', start: '09:45', end: '11:00', kind: 'plenary', title: 'Séquence 1' },
    { id: 'pause', day: '2021-06-24', start: '11:00', end: '11:30', kind: 'break', title: 'Pause' },
    { id: 'seq1b', day: '2021-06-24', start: '11:30', end: '12:30', kind: 'plenary', title: 'Table ronde' },
  ],
});
const at = (time: string) => sessionStartMs(programme, { ...programme.sessions[0]!, start: time });
const MINUTE = 60_000;

describe('desk-schedule', () => {
  it('keeps a late session current until it is expected to end', () => {
    const schedule = applyDelays(programme, [{ sessionId: 'seq1', minutes: 10, at: 0 }]);
    expect(runningAt(programme, schedule, {}, at('11:05')).map((s) => s.id)).toEqual(['seq1']);
    expect(nextAt(programme, schedule, {}, at('11:05')).map((s) => s.id)).toEqual(['pause']);
    expect(runningAt(programme, schedule, {}, at('11:12')).map((s) => s.id)).toEqual(['pause']);
  });

  it('lets the actual start and end marked by the operator win', () => {
    const schedule = applyDelays(programme, []);
    const marks = { seq1: { startedAt: at('09:50'), endedAt: at('10:58') } };
    expect(sessionWindow(programme, programme.sessions[0]!, schedule, marks)).toEqual({ start: at('09:50'), end: at('10:58') });
    expect(runningAt(programme, schedule, marks, at('09:47'))).toEqual([]);
    expect(runningAt(programme, schedule, marks, at('10:59'))).toEqual([]);
    expect(nextAt(programme, schedule, marks, at('10:59')).map((s) => s.id)).toEqual(['pause']);
  });

  it('falls back to the planned times when the schedule does not know a session', () => {
    expect(sessionWindow(programme, programme.sessions[1]!, {}, {})).toEqual({ start: at('11:00'), end: at('11:00') + 30 * MINUTE });
  });
});
