import { describe, expect, it } from 'vitest';
import { isAllowedHost, isAllowedOrigin, roleForToken } from './access';

const hosts = new Set(['127.0.0.1', 'localhost', '192.168.1.20']);

describe('access checks', () => {
  it('maps tokens to roles, and nothing else', () => {
    const tokens = { control: 'c'.repeat(24), output: 'o'.repeat(24), stage: 's'.repeat(24) };
    expect(roleForToken(tokens, 'c'.repeat(24))).toBe('control');
    expect(roleForToken(tokens, 'o'.repeat(24))).toBe('output');
    expect(roleForToken(tokens, 's'.repeat(24))).toBe('stage');
    expect(roleForToken(tokens, 'c'.repeat(23))).toBeNull();
    expect(roleForToken(tokens, undefined)).toBeNull();
    expect(roleForToken(tokens, { toString: () => 'c'.repeat(24) })).toBeNull();
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
