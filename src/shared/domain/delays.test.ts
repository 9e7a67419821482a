import { describe, expect, it } from 'vitest';
import { type DelayEntry, type Schedule, addDelay, applyDelays, cueTime, formatOffset, removeDelay } from './delays';
import { type Programme, type ProgrammeInput, programmeSchema } from './programme';
import { epochToWall, zonedToEpoch } from './zoned-time';

const PARIS = 'Europe/Paris';
const D1 = '2021-06-24';
const D2 = '2021-06-25';

type Row = [id: string, start: string, end: string, kind?: 'plenary' | 'break' | 'workshop', extra?: object];

function programme(rows: Row[], day = D1, more: Row[] = []): Programme {
  const sessions = (d: string, rs: Row[]) =>
    rs.map(([id, start, end, kind = 'plenary', extra = {}]) => ({ id, day: d, start, end, kind, title: id, ...extra }));
  const input: ProgrammeInput = {
    event: { name: 'Test' },
    days: more.length > 0 ? [{ date: day }, { date: D2 }] : [{ date: day }],
    sessions: [...sessions(day, rows), ...sessions(D2, more)],
  };
  return programmeSchema.parse(input);
}

/** Expected wall times of a session: "09:57–11:12". */
function wall(schedule: Schedule, id: string): string {
  const t = schedule[id];
  if (!t) throw new Error(`séance absente : ${id}`);
  return `${epochToWall(t.expectedStart, PARIS).time}–${epochToWall(t.expectedEnd, PARIS).time}`;
}

const delay = (sessionId: string, minutes: number, at = 1): DelayEntry => ({ sessionId, minutes, at });

// A morning like the demo's: plenary, break, plenary, lunch; and a workshop slot after.
const morning = programme([
  ['seq1', '09:45', '11:00'],
  ['pause', '11:00', '11:30', 'break'],
  ['table-ronde', '11:30', '12:30'],
  ['dejeuner', '12:30', '14:00', 'break', { minMinutes: 60 }],
  ['seq2', '14:00', '15:30'],
  ['atelier-a', '15:30', '17:00', 'workshop'],
  ['atelier-b', '15:30', '17:00', 'workshop'],
  ['atelier-c', '15:30', '16:45', 'workshop'],
  ['cloture', '17:00', '17:30'],
]);

describe('applyDelays', () => {
  it('keeps the plan with no entry', () => {
    const s = applyDelays(morning, []);
    expect(wall(s, 'seq1')).toBe('09:45–11:00');
    expect(s.seq1).toMatchObject({ startDelay: 0, endDelay: 0, cause: 'none', absorbed: 0 });
    expect(s.seq1!.plannedStart).toBe(zonedToEpoch({ date: D1, time: '09:45' }, PARIS));
  });

  it('moves the session and lets the next break absorb the delay', () => {
    const s = applyDelays(morning, [delay('seq1', 12)]);
    expect(wall(s, 'seq1')).toBe('09:57–11:12');
    expect(s.seq1).toMatchObject({ startDelay: 12, endDelay: 12, cause: 'entry' });
    expect(wall(s, 'pause')).toBe('11:12–11:30');
    expect(s.pause).toMatchObject({ startDelay: 12, endDelay: 0, cause: 'carried', absorbed: 12 });
    expect(wall(s, 'table-ronde')).toBe('11:30–12:30');
    expect(s['table-ronde']).toMatchObject({ startDelay: 0, cause: 'none' });
  });

  it('keeps a break to its minimum and passes the rest of the delay on', () => {
    const s = applyDelays(morning, [delay('seq1', 40)]);
    expect(wall(s, 'pause')).toBe('11:40–11:45');
    expect(s.pause!.absorbed).toBe(25);
    expect(wall(s, 'table-ronde')).toBe('11:45–12:45');
    // Lunch keeps 60 minutes (its own minimum) and absorbs the 15 minutes.
    expect(wall(s, 'dejeuner')).toBe('12:45–14:00');
    expect(wall(s, 'seq2')).toBe('14:00–15:30');
    // A minimum of its own or of the options; never longer than planned.
    expect(wall(applyDelays(morning, [delay('seq1', 40)], { minBreakMinutes: 20 }), 'table-ronde')).toBe('12:00–13:00');
    expect(wall(applyDelays(morning, [delay('seq1', 40)], { minBreakMinutes: 45 }), 'pause')).toBe('11:40–12:10');
  });

  it('takes a delay back, by a later entry or by removing it', () => {
    const entries = [delay('seq1', 12, 1)];
    const back = addDelay(entries, delay('seq1', 0, 2));
    expect(wall(applyDelays(morning, back), 'seq1')).toBe('09:45–11:00');
    expect(wall(applyDelays(morning, back), 'pause')).toBe('11:00–11:30');
    expect(removeDelay(entries, { sessionId: 'seq1', at: 1 })).toEqual([]);
    expect(wall(applyDelays(morning, removeDelay(back, { sessionId: 'seq1', at: 2 })), 'seq1')).toBe('09:57–11:12');
  });

  it('keeps the latest entry of a session, not the sum', () => {
    const s = applyDelays(morning, [delay('seq1', 12, 1), delay('seq1', 8, 2)]);
    expect(wall(s, 'seq1')).toBe('09:53–11:08');
    // The latest by time wins even if written earlier in the list.
    expect(wall(applyDelays(morning, [delay('seq1', 8, 5), delay('seq1', 12, 2)]), 'seq1')).toBe('09:53–11:08');
  });

  it('combines two delays on different sessions', () => {
    const s = applyDelays(morning, [delay('seq1', 12, 1), delay('table-ronde', 20, 2)]);
    expect(wall(s, 'pause')).toBe('11:12–11:30');
    expect(wall(s, 'table-ronde')).toBe('11:50–12:50');
    expect(wall(s, 'dejeuner')).toBe('12:50–14:00');
    // An explicit entry states the offset from the plan, even below the delay carried to it.
    const t = applyDelays(morning, [delay('seq1', 40, 1), delay('table-ronde', 5, 2)]);
    expect(wall(t, 'table-ronde')).toBe('11:35–12:35');
  });

  it('moves parallel workshops together', () => {
    const s = applyDelays(morning, [delay('seq2', 10)]);
    expect(wall(s, 'atelier-a')).toBe('15:40–17:10');
    expect(wall(s, 'atelier-b')).toBe('15:40–17:10');
    expect(wall(s, 'atelier-c')).toBe('15:40–16:55');
    expect(wall(s, 'cloture')).toBe('17:10–17:40');
    // An entry on one workshop moves its slot.
    const w = applyDelays(morning, [delay('atelier-b', 15)]);
    expect(['atelier-a', 'atelier-b', 'atelier-c'].map((id) => w[id]!.startDelay)).toEqual([15, 15, 15]);
    expect(wall(w, 'cloture')).toBe('17:15–17:45');
  });

  it('never moves a session earlier than planned unless an early entry is made on it', () => {
    const s = applyDelays(morning, [delay('seq1', -5)]);
    expect(wall(s, 'seq1')).toBe('09:40–10:55');
    expect(s.seq1!.startDelay).toBe(-5);
    expect(wall(s, 'pause')).toBe('11:00–11:30');
    expect(s.pause!.cause).toBe('none');
  });

  it('lets empty gaps absorb delay too', () => {
    const p = programme([
      ['a', '09:00', '10:00'],
      ['b', '10:15', '11:00'],
    ]);
    expect(wall(applyDelays(p, [delay('a', 10)]), 'b')).toBe('10:15–11:00');
    expect(wall(applyDelays(p, [delay('a', 25)]), 'b')).toBe('10:25–11:10');
  });

  it('stops at the end of the day', () => {
    const p = programme([['j1', '16:00', '17:30']], D1, [['j2', '09:00', '10:00']]);
    const s = applyDelays(p, [delay('j1', 45)]);
    expect(wall(s, 'j1')).toBe('16:45–18:15');
    expect(wall(s, 'j2')).toBe('09:00–10:00');
  });

  it('ignores entries on sessions no longer in the programme', () => {
    expect(wall(applyDelays(morning, [delay('ghost', 30)]), 'seq1')).toBe('09:45–11:00');
  });

  it('keeps the real length of a session across the daylight-saving change', () => {
    // 31 October 2021, Paris: at 03:00 the clocks go back to 02:00. 01:00–04:00 lasts four hours.
    const night = programme(
      [
        ['nuit', '01:00', '04:00'],
        ['aube', '04:00', '05:00'],
      ],
      '2021-10-31',
    );
    const s = applyDelays(night, [delay('nuit', 12)]);
    const t = s.nuit!;
    expect((t.plannedEnd - t.plannedStart) / 3_600_000).toBe(4);
    expect((t.expectedEnd - t.expectedStart) / 3_600_000).toBe(4);
    expect(wall(s, 'nuit')).toBe('01:12–04:12');
    expect(t.endDelay).toBe(12);
    expect(wall(s, 'aube')).toBe('04:12–05:12');
    expect(s.aube!.startDelay).toBe(12);
  });
});

describe('cueTime', () => {
  const p = programmeSchema.parse({
    event: { name: 'Test' },
    days: [{ date: D1 }],
    sessions: [
      {
        id: 's',
        day: D1,
        start: '10:00',
        end: '11:00',
        kind: 'plenary',
        title: 'S',
        cues: [
          { id: 'offset', at: { offset: '+00:15' }, action: { type: 'qa.open' } },
          { id: 'before', at: { offset: '-00:05' }, action: { type: 'scene', scene: 'join' } },
          { id: 'clock', at: { time: '10:10' }, action: { type: 'qa.close' } },
          { id: 'clock-late', at: { time: '10:45' }, action: { type: 'qa.close' } },
          { id: 'clock-before', at: { time: '09:50' }, action: { type: 'scene', scene: 'holding' } },
        ],
      },
    ],
  } satisfies ProgrammeInput);
  const session = p.sessions[0]!;
  const times = (entries: DelayEntry[]) => {
    const timing = applyDelays(p, entries).s!;
    return Object.fromEntries(
      (session.cues ?? []).map((c) => {
        const t = cueTime(p, session, c, timing);
        return [c.id, `${epochToWall(t.plannedAt, PARIS).time}→${epochToWall(t.expectedAt, PARIS).time}`];
      }),
    );
  };

  it('moves offset cues with their session; clock-time cues keep their time but not before the session starts', () => {
    expect(times([])).toEqual({
      offset: '10:15→10:15',
      before: '09:55→09:55',
      clock: '10:10→10:10',
      'clock-late': '10:45→10:45',
      'clock-before': '09:50→09:50',
    });
    expect(times([delay('s', 20)])).toEqual({
      offset: '10:15→10:35',
      before: '09:55→10:15',
      clock: '10:10→10:20', // the session now starts at 10:20
      'clock-late': '10:45→10:45',
      'clock-before': '09:50→09:50', // before the session: the clock's, whatever the session does
    });
    expect(times([delay('s', -5)]).clock).toBe('10:10→10:10');
  });
});

describe('formatOffset', () => {
  it('signs the offset with a real minus sign', () => {
    expect(formatOffset(12)).toBe('+12 min');
    expect(formatOffset(-5)).toBe('\u22125 min');
    expect(formatOffset(0)).toBe('à l’heure');
    expect(formatOffset(0.2)).toBe('à l’heure');
    expect(formatOffset(75)).toBe('+1 h 15');
    expect(formatOffset(-120)).toBe('\u22122 h');
    expect(formatOffset(60)).toBe('+1 h');
  });
});
