import { describe, expect, it } from 'vitest';
import { isAllowedHost, isAllowedOrigin, roleOfSeat, sameSecret } from './access';

const hosts = new Set(['127.0.0.1', 'localhost', '192.168.1.20']);

describe('access checks', () => {
  it('compares secrets whole, and maps seat kinds to the page they open', () => {
    expect(sameSecret('c'.repeat(24), 'c'.repeat(24))).toBe(true);
    expect(sameSecret('c'.repeat(24), 'c'.repeat(23))).toBe(false);
    expect(sameSecret('c'.repeat(24), `${'c'.repeat(23)}d`)).toBe(false);
    expect(roleOfSeat('regie')).toBe('control');
    expect(roleOfSeat('room')).toBe('control');
    expect(roleOfSeat('output')).toBe('output');
    expect(roleOfSeat('stage')).toBe('stage');
  });

  it('accepts our own Host headers only, on our port', () => {
    expect(isAllowedHost('127.0.0.1:4870', hosts, 4870)).toBe(true);
    expect(isAllowedHost('localhost:4870', hosts, 4870)).toBe(true);
    expect(isAllowedHost('192.168.1.20:4870', hosts, 4870)).toBe(true);
    expect(isAllowedHost('127.0.0.1:4871', hosts, 4870)).toBe(false);
    expect(isAllowedHost('evil.example:4870', hosts, 4870)).toBe(false);
    expect(isAllowedHost('127.0.0.1.evil.example:4870', hosts, 4870)).toBe(false);
    expect(isAllowedHost(undefined, hosts, 4870)).toBe(false);
    expect(isAllowedHost('localhost', hosts, 80)).toBe(true);
  });

  it('accepts no Origin (Node clients) or our own, nothing foreign', () => {
    expect(isAllowedOrigin(undefined, hosts, 4870)).toBe(true);
    expect(isAllowedOrigin('http://127.0.0.1:4870', hosts, 4870)).toBe(true);
    expect(isAllowedOrigin('http://evil.example', hosts, 4870)).toBe(false);
    expect(isAllowedOrigin('null', hosts, 4870)).toBe(false);
    expect(isAllowedOrigin('file://', hosts, 4870)).toBe(false);
    expect(isAllowedOrigin('https://127.0.0.1:4870', hosts, 4870)).toBe(false);
  });
});
