import { describe, it, expect } from 'vitest';
import { parseDelayMinutes } from './minutes-input';

describe('parseDelayMinutes', () => {
  it('reads what an operator types', () => {
    expect(parseDelayMinutes('12')).toBe(12);
    expect(parseDelayMinutes('+12')).toBe(12);
    expect(parseDelayMinutes(' 12 min ')).toBe(12);
    expect(parseDelayMinutes('-5')).toBe(-5);
    expect(parseDelayMinutes('\u22125')).toBe(-5);
    expect(parseDelayMinutes('0')).toBe(0);
  });
  it('refuses what is not a number of minutes in range', () => {
    expect(parseDelayMinutes('')).toBeNull();
    expect(parseDelayMinutes('douze')).toBeNull();
    expect(parseDelayMinutes('1.5')).toBeNull();
    expect(parseDelayMinutes('721')).toBeNull();
    expect(parseDelayMinutes('-241')).toBeNull();
  });
});
