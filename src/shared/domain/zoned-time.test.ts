import { describe, expect, it } from 'vitest';
import { epochToWall, isIsoDate, zonedToEpoch, zoneOffsetMs } from './zoned-time';

const PARIS = 'Europe/Paris';

describe('zoned time', () => {
  it('reads Paris summer and winter times', () => {
    expect(new Date(zonedToEpoch({ date: '2021-06-24', time: '09:00' }, PARIS)).toISOString()).toBe('2021-06-24T07:00:00.000Z');
    expect(new Date(zonedToEpoch({ date: '2021-12-01', time: '09:00' }, PARIS)).toISOString()).toBe('2021-12-01T08:00:00.000Z');
  });

  it('handles the spring gap and the autumn overlap', () => {
    // 28 March 2021: 02:00 → 03:00. 01:30 is winter time, 03:30 summer time.
    expect(new Date(zonedToEpoch({ date: '2021-03-28', time: '01:30' }, PARIS)).toISOString()).toBe('2021-03-28T00:30:00.000Z');
    expect(new Date(zonedToEpoch({ date: '2021-03-28', time: '03:30' }, PARIS)).toISOString()).toBe('2021-03-28T01:30:00.000Z');
    // 31 October 2021: 03:00 → 02:00; 02:30 happens twice, the earlier one is taken.
    expect(new Date(zonedToEpoch({ date: '2021-10-31', time: '02:30' }, PARIS)).toISOString()).toBe('2021-10-31T00:30:00.000Z');
    // A session from 01:00 to 04:00 that night lasts four hours, not three.
    const start = zonedToEpoch({ date: '2021-10-31', time: '01:00' }, PARIS);
    const end = zonedToEpoch({ date: '2021-10-31', time: '04:00' }, PARIS);
    expect((end - start) / 3_600_000).toBe(4);
  });

  it('goes back to the wall clock', () => {
    const at = Date.UTC(2021, 5, 24, 12, 45);
    expect(epochToWall(at, PARIS)).toEqual({ date: '2021-06-24', time: '14:45' });
    expect(zoneOffsetMs(at, PARIS)).toBe(2 * 3_600_000);
    expect(epochToWall(zonedToEpoch({ date: '2021-06-25', time: '23:59' }, 'America/Montreal'), 'America/Montreal')).toEqual({ date: '2021-06-25', time: '23:59' });
  });

  it('refuses impossible dates', () => {
    expect(isIsoDate('2021-02-29')).toBe(false);
    expect(isIsoDate('2024-02-29')).toBe(true);
    expect(isIsoDate('24/06/2021')).toBe(false);
    expect(() => zonedToEpoch({ date: '2021-06-24', time: '25:00' }, PARIS)).toThrow(RangeError);
  });
});
