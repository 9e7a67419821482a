import { describe, expect, it } from 'vitest';
import { programmeSchema, sessionStartMs } from '../../shared/domain/programme';
import { deskModeOf, lockCommand, runningSession } from './desk-mode';

const programme = programmeSchema.parse({
  event: { name: 'Assises', timeZone: 'Europe/Paris' },
  days: [{ date: '2021-06-24' }],
  sessions: [
    { id: 'seq1', day: '2021-06-24', start: '09:45', end: '11:00', kind: 'plenary', title: 'Séquence 1' },
    { id: 'pause', day: '2021-06-24', start: '11:00', end: '11:30', kind: 'break', title: 'Pause' },
  ],
});
const at = (time: string) => sessionStartMs(programme, { ...programme.sessions[0]!, start: time });

describe('desk mode', () => {
  it('is the core’s lock, show mode when unknown', () => {
    expect(deskModeOf({ editLocked: false })).toBe('preparation');
    expect(deskModeOf({ editLocked: true })).toBe('show');
    expect(deskModeOf(null)).toBe('show');
    expect(lockCommand('show')).toEqual({ type: 'edit.lock', locked: true });
    expect(lockCommand('preparation')).toEqual({ type: 'edit.lock', locked: false });
  });

  it('knows when a session is running (unlocking then asks first)', () => {
    const state = { programme, delays: [], sessionMarks: {} };
    expect(runningSession(state, at('10:14'))?.id).toBe('seq1');
    expect(runningSession(state, at('07:00'))).toBeNull();
    expect(runningSession({ ...state, programme: null }, at('10:14'))).toBeNull();
    // Running late: still on at 11:05.
    expect(runningSession({ ...state, delays: [{ sessionId: 'seq1', minutes: 10, at: 0 }] }, at('11:05'))?.id).toBe('seq1');
    // Marked as ended early: nothing runs any more.
    expect(runningSession({ ...state, sessionMarks: { seq1: { startedAt: at('09:45'), endedAt: at('10:10') } } }, at('10:14'))).toBeNull();
  });
});
