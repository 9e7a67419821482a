import { describe, it, expect } from 'vitest';
import { formatCountdown } from './countdown';

describe('formatCountdown', () => {
  it('counts minutes and seconds, rounding up so 00:00 means now', () => {
    expect(formatCountdown(60_000)).toBe('01:00');
    expect(formatCountdown(59_001)).toBe('01:00');
    expect(formatCountdown(45_000)).toBe('00:45');
    expect(formatCountdown(0)).toBe('00:00');
  });
  it('adds hours past an hour, and shows a past moment by its absolute value', () => {
    expect(formatCountdown(3_723_000)).toBe('1:02:03');
    expect(formatCountdown(-130_000)).toBe('02:10');
  });
});
