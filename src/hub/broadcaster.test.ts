import { afterEach, beforeEach, describe, expect, it, vi } from 'vitest';
import type { AudiencePatch, AudienceState } from '../shared/protocol/audience-state';
import { Broadcaster } from './broadcaster';

describe('Broadcaster', () => {
  let patches: AudiencePatch[];
  let states: AudienceState[];
  let votes: Map<string, number>;
  let b: Broadcaster;
  beforeEach(() => {
    vi.useFakeTimers();
    patches = [];
    states = [];
    votes = new Map([['q1', 0]]);
    const state = (rev: number): AudienceState => ({
      protocol: 1,
      rev,
      interaction: null,
      results: null,
      qa: { open: false, roomOnly: false, sessionId: null },
      questions: [],
      notice: null,
    });
    b = new Broadcaster(
      { patch: (p) => patches.push(p), state: (s) => states.push(s) },
      state,
      (id) => votes.get(id) ?? 0,
      (id) => votes.has(id),
      { patchDelayMs: 50, votesIntervalMs: 1000, maxOps: 3 },
      () => Date.now(),
    );
  });
  afterEach(() => vi.useRealTimers());

  it('groups board changes made within the delay into one patch', () => {
    b.push([{ op: 'notice', value: 'A' }], []);
    b.push([{ op: 'notice', value: 'B' }], []);
    vi.advanceTimersByTime(49);
    expect(patches).toEqual([]);
    vi.advanceTimersByTime(1);
    expect(patches).toEqual([
      {
        fromRev: 1,
        rev: 2,
        ops: [
          { op: 'notice', value: 'A' },
          { op: 'notice', value: 'B' },
        ],
      },
    ]);
    expect(b.current().rev).toBe(2);
  });

  it('sends vote counts at most once per interval, with the latest count', () => {
    votes.set('q1', 1);
    b.push([], ['q1']);
    vi.advanceTimersByTime(0);
    expect(patches.at(-1)?.ops).toEqual([{ op: 'votes', counts: [['q1', 1]] }]);
    for (let i = 2; i <= 50; i += 1) {
      votes.set('q1', i);
      b.push([], ['q1', 'withdrawn']);
      vi.advanceTimersByTime(10);
    }
    expect(patches).toHaveLength(1);
    vi.advanceTimersByTime(1000);
    expect(patches).toHaveLength(2);
    expect(patches[1]).toEqual({ fromRev: 2, rev: 3, ops: [{ op: 'votes', counts: [['q1', 50]] }] });
  });

  it('a board change brings pending counts forward; too many ops send the full state', () => {
    b.push([], ['q1']);
    vi.advanceTimersByTime(0);
    b.push([], ['q1']);
    b.push([{ op: 'qa', value: { open: true, roomOnly: false, sessionId: null } }], []);
    vi.advanceTimersByTime(50);
    expect(patches.at(-1)?.ops.map((o) => o.op)).toEqual(['qa', 'votes']);
    b.push(
      Array.from({ length: 4 }, (_, i) => ({ op: 'notice' as const, value: `n${i}` })),
      [],
    );
    vi.advanceTimersByTime(50);
    expect(states).toHaveLength(1);
    expect(states[0]?.rev).toBe(b.rev);
  });
});
