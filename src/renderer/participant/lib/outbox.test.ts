import { describe, expect, it } from 'vitest';
import {
  addEntry,
  isTransient,
  nextToSend,
  OUTBOX_MAX_AGE_MS,
  type OutboxEntry,
  parseOutbox,
  removeEntry,
  serialiseOutbox,
} from './outbox';

const NOW = 1_700_000_000_000;
const ask = (id: string, text = 'Et après 18 ans ?', eventCode = 'ASSISES', queuedAt = NOW): OutboxEntry => ({
  event: 'question.ask',
  msg: { clientMsgId: id, text },
  eventCode,
  queuedAt,
});
const vote = (id: string, pollId: string, choices: number[]): OutboxEntry => ({
  event: 'poll.vote',
  msg: { clientMsgId: id, pollId, choices },
  eventCode: 'ASSISES',
  queuedAt: NOW,
});

describe('the outbox', () => {
  it('survives a reload: what is saved is read back as it was', () => {
    const entries = [
      ask('a1'),
      vote('v1', 'p1', [2]),
      { event: 'question.upvote', msg: { clientMsgId: 'u1', questionId: 'q-1' }, eventCode: 'ASSISES', queuedAt: NOW } as OutboxEntry,
    ];
    expect(parseOutbox(serialiseOutbox(entries), NOW + 1000)).toEqual(entries);
    expect(serialiseOutbox([])).toBeNull();
  });

  it('drops what it cannot trust: unreadable JSON, unknown events, invalid messages, entries too old', () => {
    expect(parseOutbox('{not json', NOW)).toEqual([]);
    expect(parseOutbox('{"a":1}', NOW)).toEqual([]);
    const raw = JSON.stringify([
      { event: 'hack', msg: { clientMsgId: 'x' }, eventCode: 'A', queuedAt: NOW },
      { event: 'question.ask', msg: { clientMsgId: 'bad id!', text: 'x' }, eventCode: 'A', queuedAt: NOW },
      { event: 'question.ask', msg: { clientMsgId: 'empty', text: '   ' }, eventCode: 'A', queuedAt: NOW },
      ask('old', 'x', 'ASSISES', NOW - OUTBOX_MAX_AGE_MS - 1),
      ask('ok'),
    ]);
    expect(parseOutbox(raw, NOW).map((e) => e.msg.clientMsgId)).toEqual(['ok']);
  });

  it('a new vote in a poll replaces a vote for it still waiting, not one already on its way', () => {
    let e = addEntry([], vote('v1', 'p1', [0]));
    e = addEntry(e, ask('a1'));
    e = addEntry(e, vote('v2', 'p1', [1]));
    expect(e.map((x) => x.msg.clientMsgId)).toEqual(['a1', 'v2']);
    e = addEntry(e, vote('v3', 'p1', [2]), new Set(['v2']));
    expect(e.map((x) => x.msg.clientMsgId)).toEqual(['a1', 'v2', 'v3']);
    e = addEntry(e, vote('w1', 'p2', [0]));
    expect(e).toHaveLength(4);
    expect(addEntry(e, ask('a1'))).toHaveLength(4); // the same clientMsgId is not queued twice
  });

  it('sends oldest first, only to the event it was typed for, never what is on its way', () => {
    const e = [ask('a1', 'x', 'AUTRE'), ask('a2'), ask('a3')];
    expect(nextToSend(e, 'ASSISES', new Set())?.msg.clientMsgId).toBe('a2');
    expect(nextToSend(e, 'ASSISES', new Set(['a2']))?.msg.clientMsgId).toBe('a3');
    expect(nextToSend(removeEntry(e, 'a2'), 'ASSISES', new Set(['a3']))).toBeNull();
  });

  it('keeps a message refused for a passing reason, drops one refused for good', () => {
    expect(['rate_limited', 'busy', 'unavailable', 'not_joined'].every(isTransient)).toBe(true);
    expect(['closed', 'invalid', 'room_only', 'too_large', 'already_done'].some(isTransient)).toBe(false);
  });
});
