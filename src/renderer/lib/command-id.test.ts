import { describe, it, expect } from 'vitest';
import { COMMAND_ID_PATTERN, newCommandId } from './command-id';

describe('newCommandId', () => {
  it('makes ids the core accepts (8 to 64 of [A-Za-z0-9_-])', () => {
    for (let i = 0; i < 200; i += 1) expect(newCommandId()).toMatch(COMMAND_ID_PATTERN);
  });
  it('does not repeat itself', () => {
    const ids = new Set(Array.from({ length: 1000 }, () => newCommandId()));
    expect(ids.size).toBe(1000);
  });
});
