import { describe, it, expect } from 'vitest';
import { tokenFromLocation } from './url-token';

describe('tokenFromLocation', () => {
  it('reads ?token=', () => {
    expect(tokenFromLocation('?token=abc_DEF-123')).toBe('abc_DEF-123');
    expect(tokenFromLocation('?x=1&token=t0k')).toBe('t0k');
  });
  it('is null when absent or empty', () => {
    expect(tokenFromLocation('')).toBeNull();
    expect(tokenFromLocation('?token=')).toBeNull();
  });
});
