import { describe, it, expect } from 'vitest';
import { programmeSchema } from '../../shared/domain/programme';
import { zonedToEpoch } from '../../shared/domain/zoned-time';
import { holdingContent, maxListed, sharedRange } from './holding-content';

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
    expect(sharedRange(c.next)).toEqual({ start: '10:30', end: '12:00' });
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
