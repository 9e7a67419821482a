import { describe, it, expect } from 'vitest';
import { refineServerOffset } from './server-offset';

describe('refineServerOffset', () => {
  it('takes the first sample', () => {
    expect(refineServerOffset(null, 120)).toBe(120);
  });
  it('keeps the least delayed sample (the largest)', () => {
    expect(refineServerOffset(100, 140)).toBe(140);
    const slightlyLate = refineServerOffset(140, 100);
    expect(slightlyLate).toBeGreaterThan(100);
    expect(slightlyLate).toBeLessThan(140);
  });
  it('follows a real clock change at once', () => {
    expect(refineServerOffset(100, 5000)).toBe(5000);
    expect(refineServerOffset(5000, 100)).toBe(100);
  });
});
