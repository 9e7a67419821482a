import { describe, it, expect } from 'vitest';
import type { RehearsalBounds } from '../../shared/domain/rehearsal-clock';
import { zonedToEpoch } from '../../shared/domain/zoned-time';
import { parseTypedTime, rehearsalDateChoices, rehearsalEntry } from './wall-input';

describe('parseTypedTime', () => {
  it('reads the ways an operator types a time', () => {
    expect(parseTypedTime('08:50')).toBe('08:50');
    expect(parseTypedTime('8:50')).toBe('08:50');
    expect(parseTypedTime('8h50')).toBe('08:50');
    expect(parseTypedTime(' 8 h 50 ')).toBe('08:50');
    expect(parseTypedTime('0850')).toBe('08:50');
    expect(parseTypedTime('14:05:30')).toBe('14:05');
  });
  it('refuses what is not a time', () => {
    expect(parseTypedTime('24:00')).toBeNull();
    expect(parseTypedTime('12:60')).toBeNull();
    expect(parseTypedTime('midi')).toBeNull();
    expect(parseTypedTime('')).toBeNull();
  });
});

describe('rehearsalEntry and rehearsalDateChoices', () => {
  const tz = 'Europe/Paris';
  const paris = (date: string, time: string) => zonedToEpoch({ date, time }, tz);
  // The demo's bounds (rehearsal-clock.ts): 23 to 26 June 2021 in Paris.
  const bounds: RehearsalBounds = {
    from: paris('2021-06-23', '00:00'),
    to: paris('2021-06-27', '00:00'),
    firstDay: '2021-06-23',
    lastDay: '2021-06-26',
  };

  it('gives the instant of a typed time on an allowed day', () => {
    expect(rehearsalEntry('2021-06-24', '10h15', tz, bounds)).toEqual({ ok: true, at: paris('2021-06-24', '10:15'), time: '10:15' });
    expect(rehearsalEntry('2021-06-26', '23:59', tz, bounds)).toMatchObject({ ok: true });
  });

  it('says why not: a time that is not one, a day off the event’s (the year 275760, the real date)', () => {
    expect(rehearsalEntry('2021-06-24', '25:00', tz, bounds)).toEqual({ ok: false, why: 'time' });
    expect(rehearsalEntry('275760-09-13', '10:00', tz, bounds)).toEqual({ ok: false, why: 'time' });
    expect(rehearsalEntry('2026-11-28', '10:00', tz, bounds)).toEqual({ ok: false, why: 'bounds' });
    expect(rehearsalEntry('2021-06-22', '23:59', tz, bounds)).toEqual({ ok: false, why: 'bounds' });
  });

  it('offers the event’s days with their margin, else the dates given', () => {
    expect(rehearsalDateChoices(bounds, '2026-11-28')).toEqual(['2021-06-23', '2021-06-24', '2021-06-25', '2021-06-26']);
    const none: RehearsalBounds = { from: 0, to: 1, firstDay: null, lastDay: null };
    expect(rehearsalDateChoices(none, '2026-11-28', '2026-11-27', '2026-11-28')).toEqual(['2026-11-27', '2026-11-28']);
  });
});
