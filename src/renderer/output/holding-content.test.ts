import { describe, it, expect } from 'vitest';
import { applyDelays, type DelayEntry } from '../../shared/domain/delays';
import { formatClockFr, formatRange } from '../../shared/domain/french-typography';
import { programmeSchema } from '../../shared/domain/programme';
import { zonedToEpoch } from '../../shared/domain/zoned-time';
import type { SessionMarks } from '../lib/desk-schedule';
import { nextAt, runningAt } from '../lib/desk-schedule';
import { holdingContent as holdingContentAt, maxListed, sharedRange } from './holding-content';

const programme = programmeSchema.parse({
  event: { name: 'Assises', timeZone: 'Europe/Paris' },
  days: [{ date: '2021-06-24' }, { date: '2021-06-25' }],
  sessions: [
    { id: 'ouverture', day: '2021-06-24', start: '09:00', end: '10:00', kind: 'opening', title: 'Ouverture' },
    { id: 'pause', day: '2021-06-24', start: '10:00', end: '10:30', kind: 'break', title: 'Pause' },
    { id: 'a1', day: '2021-06-24', start: '10:30', end: '12:00', kind: 'workshop', title: 'Atelier 1', room: 'Salle 1' },
    { id: 'a2', day: '2021-06-24', start: '10:30', end: '12:00', kind: 'workshop', title: 'Atelier 2', room: 'Salle 2' },
    { id: 'pleniere', day: '2021-06-24', start: '14:00', end: '15:00', kind: 'plenary', title: 'Plénière' },
    { id: 'cloture', day: '2021-06-25', start: '09:30', end: '10:00', kind: 'closing', title: 'Clôture' },
  ],
});
const at = (date: string, time: string) => zonedToEpoch({ date, time }, 'Europe/Paris');
const MINUTE = 60_000;
const nbsp = (x: string) => x.replace(/\u00a0/g, ' ');

/** The holding screen at `now`, with the delays entered and the actual starts and ends marked. */
function holdingContent(p: typeof programme, now: number, delays: DelayEntry[] = [], marks: SessionMarks = {}) {
  return holdingContentAt(p, applyDelays(p, delays), marks, now);
}

describe('holdingContent', () => {
  it('before the first session: nothing on, the opening next', () => {
    const c = holdingContent(programme, at('2021-06-24', '08:30'));
    expect(c.phase).toBe('before');
    expect(c.now).toEqual([]);
    expect(c.next.map((s) => s.id)).toEqual(['ouverture']);
    expect(c.nextOpensDay).toBe(true);
    expect(c.nextOtherDay).toBeNull();
  });

  it('during a break: the break on, every parallel workshop next, packed tighter', () => {
    const c = holdingContent(programme, at('2021-06-24', '10:10'));
    expect(c.now.map((s) => s.id)).toEqual(['pause']);
    expect(c.next.map((s) => s.id)).toEqual(['a1', 'a2']);
    expect(c.crowded).toBe(true);
    expect(sharedRange(c.next, c.windows)).toEqual({ start: at('2021-06-24', '10:30'), end: at('2021-06-24', '12:00') });
  });

  it('during parallel workshops: all of them on', () => {
    const c = holdingContent(programme, at('2021-06-24', '11:00'));
    expect(c.now.map((s) => s.id)).toEqual(['a1', 'a2']);
    expect(c.next.map((s) => s.id)).toEqual(['pleniere']);
    expect(maxListed(c)).toBe(6);
  });

  it('between two sessions of the same day: a resumption, not a welcome', () => {
    const c = holdingContent(programme, at('2021-06-24', '13:00'));
    expect(c.phase).toBe('between');
    expect(c.nextOpensDay).toBe(false);
    expect(c.nextOtherDay).toBeNull();
  });

  it('in the evening: the next day is named', () => {
    const c = holdingContent(programme, at('2021-06-24', '19:00'));
    expect(c.nextOtherDay).toBe('2021-06-25');
    expect(c.nextOpensDay).toBe(true);
  });

  it('after the last session: finished', () => {
    const c = holdingContent(programme, at('2021-06-25', '11:00'));
    expect(c.phase).toBe('after');
    expect(c.next).toEqual([]);
    expect(c.nextStartMs).toBeNull();
  });
});

describe('holdingContent follows the delays, as the desk does', () => {
  const day = (time: string) => at('2021-06-24', time);

  it('« À suivre 11 h 10 »: the break after a session running 10 minutes late', () => {
    const p = programmeSchema.parse({
      event: { name: 'Assises', timeZone: 'Europe/Paris' },
      days: [{ date: '2021-06-24' }],
      sessions: [
        { id: 'seq1', day: '2021-06-24', start: '09:45', end: '11:00', kind: 'plenary', title: 'Séquence 1' },
        { id: 'pause', day: '2021-06-24', start: '11:00', end: '11:30', kind: 'break', title: 'Pause' },
        { id: 'seq1b', day: '2021-06-24', start: '11:30', end: '12:30', kind: 'plenary', title: 'Table ronde' },
      ],
    });
    const late = [{ sessionId: 'seq1', minutes: 10, at: day('10:40') }];
    const c = holdingContent(p, day('10:40'), late);
    expect(c.now.map((s) => s.id)).toEqual(['seq1']);
    expect(c.next.map((s) => s.id)).toEqual(['pause']);
    expect(nbsp(formatClockFr(c.nextStartMs ?? 0, 'Europe/Paris'))).toBe('11 h 10');
    expect(nbsp(formatRange(c.windows.seq1!.start, c.windows.seq1!.end, 'Europe/Paris'))).toBe('9 h 55 – 11 h 10');
    // The break absorbs the delay: it still ends at 11:30, and the table ronde is on time.
    expect(c.windows.pause).toEqual({ start: day('11:10'), end: day('11:30') });
    // At 11:05 the late session is still on (the plan would say « Pause »).
    const c2 = holdingContent(p, day('11:05'), late);
    expect(c2.now.map((s) => s.id)).toEqual(['seq1']);
    expect(c2.nextStartMs).toBe(day('11:10'));
    // Without the delay: the plan.
    expect(holdingContent(p, day('10:40')).nextStartMs).toBe(day('11:00'));
  });

  it('shows exactly what the desk shows (same functions, same answers) at every minute of the day', () => {
    const delays = [
      { sessionId: 'ouverture', minutes: 12, at: day('09:30') },
      { sessionId: 'a1', minutes: 5, at: day('10:50') },
    ];
    const marks = { pleniere: { startedAt: day('14:03'), endedAt: day('14:52') } };
    const schedule = applyDelays(programme, delays);
    for (let t = day('08:00'); t < day('16:00'); t += 7 * MINUTE) {
      const c = holdingContentAt(programme, schedule, marks, t);
      expect(c.now).toEqual(runningAt(programme, schedule, marks, t));
      expect(c.next).toEqual(nextAt(programme, schedule, marks, t));
    }
  });

  it('parallel workshops moved together keep one shared (expected) range', () => {
    const c = holdingContent(programme, day('10:10'), [{ sessionId: 'a1', minutes: 15, at: day('10:05') }]);
    expect(c.next.map((s) => s.id)).toEqual(['a1', 'a2']);
    expect(sharedRange(c.next, c.windows)).toEqual({ start: day('10:45'), end: day('12:15') });
    expect(c.nextStartMs).toBe(day('10:45'));
  });

  it('the actual start and end marked by the operator win over the expected times', () => {
    // The opening really ended at 09:50: the room is in the break, which starts at its planned 10:00.
    const marks = { ouverture: { startedAt: day('09:02'), endedAt: day('09:50') } };
    const c = holdingContent(programme, day('09:55'), [], marks);
    expect(c.phase).toBe('between');
    expect(c.now).toEqual([]);
    expect(c.next.map((s) => s.id)).toEqual(['pause']);
    // Started late by hand: not on yet at its planned time, and the welcome says when.
    const c2 = holdingContent(programme, day('09:01'), [], { ouverture: { startedAt: day('09:02'), endedAt: null } });
    expect(c2.now).toEqual([]);
    expect(c2.phase).toBe('before');
  });

  it('a late first session still opens its day (a welcome, at the expected time)', () => {
    const c = holdingContent(programme, day('09:05'), [{ sessionId: 'ouverture', minutes: 10, at: day('08:55') }]);
    expect(c.phase).toBe('before');
    expect(c.next.map((s) => s.id)).toEqual(['ouverture']);
    expect(c.nextOpensDay).toBe(true);
    expect(c.nextStartMs).toBe(day('09:10'));
  });

  it('a session ended early is no longer on; what follows keeps its time', () => {
    const c = holdingContent(programme, day('14:40'), [], { pleniere: { startedAt: day('14:00'), endedAt: day('14:35') } });
    expect(c.now).toEqual([]);
    expect(c.phase).toBe('between');
    expect(c.nextOtherDay).toBe('2021-06-25');
  });
});
