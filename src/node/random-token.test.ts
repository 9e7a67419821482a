import { describe, expect, it } from 'vitest';
import { parseArgs } from 'node:util';
import { newToken } from './random-token';

describe('a token for the command line', () => {
  it('never starts with a dash, so `--follow-token TOKEN` always parses', () => {
    // 5,000 draws: a leading dash comes once in 64 from plain base64url (~78 expected here).
    for (let i = 0; i < 5_000; i += 1) {
      const token = newToken();
      expect(token).toMatch(/^[A-Za-z0-9_][A-Za-z0-9_-]{23}$/);
      expect(parseArgs({ args: ['--follow-token', token], options: { 'follow-token': { type: 'string' } } }).values['follow-token']).toBe(token);
    }
  });
});
