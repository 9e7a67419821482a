import { describe, expect, it } from 'vitest';
import { initialState, type RegieState } from '../../shared/api/state';
import type { AudienceMessage } from '../../shared/protocol/audience-messages';
import { applyAudienceMessage } from './audience-reducer';
import { BALLOT_BUCKETS, ballotBucket } from './ballot-bucket';

let seq = 0;
const vote = (participantId: string, choices: number[], origin: 'room' | 'remote' = 'room'): AudienceMessage => ({
  type: 'poll.vote',
  hubSeq: ++seq,
  msgId: `${participantId}:v${seq}`,
  receivedAt: 0,
  origin,
  participantId,
  pollId: 'p',
  choices,
  rating: null,
  replaces: null,
});
/** Poll `p` open: votes count only while the régie has the poll open. */
const withPollOpen = (): RegieState => {
  const s = initialState();
  return { ...s, live: { ...s.live, interactions: { p: { status: 'open', openedAt: 0, closedAt: null, revealed: false, room: 'salle' } } } };
};
const apply = (msgs: AudienceMessage[], from = withPollOpen()) =>
  msgs.reduce((s, m) => applyAudienceMessage(s, 'hub-1', m, { seq: m.hubSeq, at: 0, actor: 'audience' }), from);

describe('the audience reducer', () => {
  it('counts the latest vote of each participant, split by origin', () => {
    const s = apply([vote('alice-000000000001', [0]), vote('bob-0000000000001', [1], 'remote'), vote('alice-000000000001', [2])]);
    expect(s.audience.tallies.p).toEqual({
      counts: { '0': { room: 0, remote: 0 }, '1': { room: 0, remote: 1 }, '2': { room: 1, remote: 0 } },
      voters: { room: 1, remote: 1 },
    });
    expect(s.hubCursor).toEqual({ hubId: 'hub-1', lastHubSeq: seq });
  });

  it('counts a multiple-choice vote once per option, and replaces it whole', () => {
    const s = apply([vote('carol-00000000001', [0, 3]), vote('carol-00000000001', [3])]);
    expect(s.audience.tallies.p?.counts).toEqual({ '0': { room: 0, remote: 0 }, '3': { room: 1, remote: 0 } });
    expect(s.audience.tallies.p?.voters).toEqual({ room: 1, remote: 0 });
  });

  it('does not count a vote for a poll the régie has not opened; counts one that arrives after the close', () => {
    const s = apply([vote('gil-0000000000001', [0])], initialState());
    expect(s.audience.tallies.p).toBeUndefined();
    expect(s.audience.received).toBe(1);
    // The hub took it while the poll was open there; the link brought it after the régie closed.
    const open = withPollOpen();
    const closed = {
      ...open,
      live: { ...open.live, interactions: { p: { status: 'closed' as const, openedAt: 0, closedAt: 5, revealed: false, room: 'salle' } } },
    };
    expect(apply([vote('gil-0000000000001', [0])], closed).audience.tallies.p?.voters).toEqual({ room: 1, remote: 0 });
  });

  it('spreads voters over buckets and leaves the earlier state untouched', () => {
    const ids = Array.from({ length: 1000 }, (_, i) => `participant-${i}`);
    expect(new Set(ids.map(ballotBucket)).size).toBe(BALLOT_BUCKETS);
    const before = apply([vote('dave-000000000001', [1])]);
    const frozen = JSON.stringify(before);
    applyAudienceMessage(before, 'hub-1', vote('dave-000000000001', [2]), { seq: 99, at: 0, actor: 'a' });
    expect(JSON.stringify(before)).toBe(frozen);
  });

  it('keeps questions with their origin and counts upvotes on them', () => {
    const ask: AudienceMessage = {
      type: 'question.ask',
      hubSeq: ++seq,
      msgId: 'eve:q1',
      receivedAt: 5,
      origin: 'remote',
      participantId: 'eve-0000000000001',
      text: 'Et après 18 ans ?',
      name: null,
      sessionId: 'j1-seq1',
    };
    let s = applyAudienceMessage(initialState(), 'hub-1', ask, { seq: 7, at: 0, actor: 'audience' });
    expect(s.audience.questions[0]).toMatchObject({ id: 'q-7', origin: 'remote', text: 'Et après 18 ans ?', upvotes: 0 });
    const up: AudienceMessage = {
      type: 'question.upvote',
      hubSeq: ++seq,
      msgId: 'fay:u1',
      receivedAt: 6,
      origin: 'room',
      participantId: 'fay-0000000000001',
      questionId: 'q-7',
    };
    s = applyAudienceMessage(s, 'hub-1', up, { seq: 8, at: 0, actor: 'audience' });
    expect(s.audience.questions[0]?.upvotes).toBe(1);
  });
});
