import { describe, expect, it } from 'vitest';
import { regieUrl, setRegieBase } from './regie-address';

describe('the régie a page’s requests go to', () => {
  it('is the page’s own origin until the page moves, then the régie it moved to', () => {
    expect(regieUrl('/api/seats')).toBe('/api/seats');
    setRegieBase('http://192.168.1.21:4870/', 'http://192.168.1.20:4870');
    expect(regieUrl('/api/remote/take-over?confirm=prendre-la-main')).toBe(
      'http://192.168.1.21:4870/api/remote/take-over?confirm=prendre-la-main',
    );
    setRegieBase('http://192.168.1.20:4870', 'http://192.168.1.20:4870');
    expect(regieUrl('/api/seats')).toBe('/api/seats');
  });
});
