import { describe, expect, it } from 'vitest';
import { type Programme, programmeSchema } from './programme';
import { programmePosition } from './programme-position';
import { zonedToEpoch } from './zoned-time';

const programme: Programme = programmeSchema.parse({
  event: { name: 'Test' },
  days: [{ date: '2021-06-24' }, { date: '2021-06-25' }],
  sessions: [
    { id: 'a', day: '2021-06-24', start: '09:00', end: '10:00', kind: 'opening', title: 'Ouverture' },
    { id: 'b', day: '2021-06-24', start: '10:30', end: '12:00', kind: 'plenary', title: 'Séquence 1' },
    { id: 'c', day: '2021-06-25', start: '09:00', end: '12:00', kind: 'closing', title: 'Clôture' },
  ],
});
const at = (date: string, time: string) => zonedToEpoch({ date, time }, 'Europe/Paris');

describe('programmePosition', () => {
  it('before the first session', () => {
    expect(programmePosition(programme, at('2021-06-24', '08:50'))).toMatchObject({ phase: 'before', current: null, next: { id: 'a' }, day: '2021-06-24' });
  });
  it('during a session', () => {
    expect(programmePosition(programme, at('2021-06-24', '09:15'))).toMatchObject({ phase: 'during', current: { id: 'a' }, next: { id: 'b' } });
  });
  it('between sessions, across days', () => {
    expect(programmePosition(programme, at('2021-06-24', '10:10'))).toMatchObject({ phase: 'between', current: null, next: { id: 'b' } });
    expect(programmePosition(programme, at('2021-06-24', '18:00'))).toMatchObject({ phase: 'between', next: { id: 'c' }, day: '2021-06-24' });
  });
  it('after the last one', () => {
    expect(programmePosition(programme, at('2021-06-26', '09:00'))).toMatchObject({ phase: 'after', current: null, next: null, day: '2021-06-25' });
  });
  it('shows the next event day when today is not one', () => {
    expect(programmePosition(programme, at('2021-06-20', '12:00')).day).toBe('2021-06-24');
  });
});
