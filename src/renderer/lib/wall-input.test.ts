import { describe, it, expect } from 'vitest';
import { parseTypedTime } from './wall-input';

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
