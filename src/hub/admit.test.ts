import { describe, expect, it } from 'vitest';
import type { ParticipantAction } from '../shared/protocol/participant-messages';
import { type AdmitBoard, admit, choiceKey, parseChoiceKey, type Prior } from './admit';
import { emptyRoomBoard } from './board';

const emptyBoard: AdmitBoard = { ...emptyRoomBoard, bannedWords: {} };

const room = { participantId: 'p'.repeat(16), origin: 'room' as const };
const remote = { participantId: 'r'.repeat(16), origin: 'remote' as const };
const none: Prior = { previousVote: () => undefined, hasUpvoted: () => false, wordKeys: () => [] };
const qaOpen: AdmitBoard = { ...emptyBoard, qa: { open: true, roomOnly: false, sessionId: 's1' } };
const withPoll: AdmitBoard = { ...emptyBoard, interaction: { kind: 'poll', id: 'p1', question: 'Q', options: ['a', 'b', 'c'], maxChoices: 2 } };
const withRating: AdmitBoard = { ...emptyBoard, interaction: { kind: 'rating', id: 'r1', question: 'Q', min: 1, max: 5 } };
const withCloud: AdmitBoard = { ...emptyBoard, interaction: { kind: 'cloud', id: 'c1', prompt: 'Un mot', maxWordsPerParticipant: 3 } };

const ask = (text: string, extra: object = {}): ParticipantAction => ({ type: 'question.ask', msg: { clientMsgId: 'm', text, ...extra } });
const vote = (pollId: string, v: { choices?: number[]; rating?: number }): ParticipantAction => ({
  type: 'poll.vote',
  msg: { clientMsgId: 'm', pollId, ...v },
});
const words = (w: string[]): ParticipantAction => ({ type: 'words.send', msg: { clientMsgId: 'm', cloudId: 'c1', words: w } });
const code = (a: ReturnType<typeof admit>) => (a.ok ? (a.unchanged ? 'unchanged' : 'accepted') : a.refusal.error.code);

describe('admit: questions', () => {
  it('takes a question while the Q&A is open, tagged with its session', () => {
    const a = admit(qaOpen, ask('Et après ?', { name: 'Ana' }), room, none, 'id', 7);
    expect(a).toEqual({
      ok: true,
      unchanged: false,
      body: {
        msgId: 'id',
        receivedAt: 7,
        origin: 'room',
        participantId: room.participantId,
        type: 'question.ask',
        text: 'Et après ?',
        name: 'Ana',
        sessionId: 's1',
      },
      effect: { kind: 'none' },
    });
  });

  it('refuses when closed, from afar in a room-only session, or for another session', () => {
    expect(code(admit(emptyBoard, ask('x'), room, none, 'id', 0))).toBe('closed');
    const roomOnly = { ...qaOpen, qa: { ...qaOpen.qa, roomOnly: true } };
    expect(code(admit(roomOnly, ask('x'), remote, none, 'id', 0))).toBe('room_only');
    expect(code(admit(roomOnly, ask('x'), room, none, 'id', 0))).toBe('accepted');
    expect(code(admit(qaOpen, ask('x', { sessionId: 'old' }), room, none, 'id', 0))).toBe('closed');
    expect(code(admit(qaOpen, ask('x', { sessionId: 's1' }), room, none, 'id', 0))).toBe('accepted');
  });
});

describe('admit: votes', () => {
  it('checks the poll is the open one and the choices fit it', () => {
    expect(code(admit(withPoll, vote('p1', { choices: [0, 2] }), room, none, 'id', 0))).toBe('accepted');
    expect(code(admit(withPoll, vote('p2', { choices: [0] }), room, none, 'id', 0))).toBe('closed');
    expect(code(admit(emptyBoard, vote('p1', { choices: [0] }), room, none, 'id', 0))).toBe('closed');
    expect(code(admit(withCloud, vote('c1', { choices: [0] }), room, none, 'id', 0))).toBe('closed');
    expect(code(admit(withPoll, vote('p1', { choices: [3] }), room, none, 'id', 0))).toBe('invalid');
    expect(code(admit(withPoll, vote('p1', { choices: [0, 1, 2] }), room, none, 'id', 0))).toBe('invalid');
    expect(code(admit(withPoll, vote('p1', { rating: 2 }), room, none, 'id', 0))).toBe('invalid');
    expect(code(admit(withRating, vote('r1', { rating: 5 }), room, none, 'id', 0))).toBe('accepted');
    expect(code(admit(withRating, vote('r1', { rating: 0 }), room, none, 'id', 0))).toBe('invalid');
    expect(code(admit(withRating, vote('r1', { choices: [1] }), room, none, 'id', 0))).toBe('invalid');
  });

  it('a new vote replaces the previous one; the same vote again is unchanged', () => {
    const prior: Prior = { ...none, previousVote: () => ({ choiceKey: 'c:0,2', msgId: 'prev' }) };
    expect(admit(withPoll, vote('p1', { choices: [2, 0] }), room, prior, 'id', 0)).toEqual({ ok: true, unchanged: true });
    const a = admit(withPoll, vote('p1', { choices: [1] }), room, prior, 'id', 0);
    expect(a).toMatchObject({
      ok: true,
      unchanged: false,
      body: { choices: [1], rating: null, replaces: 'prev' },
      effect: { kind: 'vote', choiceKey: 'c:1' },
    });
  });

  it('choice keys are order-free and read back', () => {
    expect(choiceKey({ choices: [2, 0, 1] })).toBe('c:0,1,2');
    expect(choiceKey({ rating: 4 })).toBe('r:4');
    expect(parseChoiceKey('c:0,2')).toEqual({ choices: [0, 2], rating: null });
    expect(parseChoiceKey('r:4')).toEqual({ choices: null, rating: 4 });
  });
});

describe('admit: upvotes and words', () => {
  const published: AdmitBoard = { ...emptyBoard, questions: [{ id: 'q1', text: 'x', name: null, publishedAt: 0 }] };
  const up = (questionId: string): ParticipantAction => ({ type: 'question.upvote', msg: { clientMsgId: 'm', questionId } });

  it('upvotes a published question once', () => {
    expect(code(admit(published, up('q1'), room, none, 'id', 0))).toBe('accepted');
    expect(code(admit(published, up('q2'), room, none, 'id', 0))).toBe('not_found');
    expect(code(admit(published, up('q1'), room, { ...none, hasUpvoted: () => true }, 'id', 0))).toBe('already_done');
  });

  it('holds words per participant per cloud, without repeats', () => {
    expect(admit(withCloud, words(['Écoute', 'lien']), room, none, 'id', 0)).toMatchObject({
      ok: true,
      effect: { kind: 'words', keys: ['ecoute', 'lien'] },
    });
    expect(code(admit(withCloud, words(['Lien', 'lien']), room, none, 'id', 0))).toBe('invalid');
    // The same word in another spelling (plural, article) is the same word, as the cloud counts it.
    expect(code(admit(withCloud, words(['lien', 'les liens']), room, none, 'id', 0))).toBe('invalid');
    const two: Prior = { ...none, wordKeys: () => ['ecoute', 'lien'] };
    expect(code(admit(withCloud, words(['ÉCOUTE']), room, two, 'id', 0))).toBe('already_done');
    expect(code(admit(withCloud, words(['liens']), room, two, 'id', 0))).toBe('already_done');
    expect(code(admit(withCloud, words(['temps']), room, two, 'id', 0))).toBe('accepted');
    const refused = admit(withCloud, words(['temps', 'soin']), room, two, 'id', 0);
    expect(refused).toMatchObject({
      ok: false,
      refusal: { error: { code: 'limit', message: '3 mots au plus par personne pour ce nuage (il vous en reste 1)' } },
    });
    expect(code(admit(withPoll, words(['x']), room, none, 'id', 0))).toBe('closed');
  });
});

describe('admit: words the cloud would not count', () => {
  const banned: AdmitBoard = { ...withCloud, bannedWords: { c1: ['enfant'] } };

  it('refuses a word whose normalised key the régie banned, whatever its spelling, and says so', () => {
    for (const w of ['enfant', "L'Enfant", 'ENFANTS', '« enfants »']) {
      expect(admit(banned, words([w]), room, none, 'id', 0)).toMatchObject({
        ok: false,
        refusal: { error: { code: 'invalid', message: `« ${w} » n’est pas retenu pour ce nuage de mots`, field: 'words.0' } },
      });
    }
    expect(code(admit(banned, words(['lien', 'enfants']), room, none, 'id', 0))).toBe('invalid');
    expect(code(admit(banned, words(['lien']), room, none, 'id', 0))).toBe('accepted');
    // The list is per cloud.
    expect(code(admit({ ...banned, bannedWords: { autre: ['enfant'] } }, words(['enfant']), room, none, 'id', 0))).toBe('accepted');
  });

  it('refuses an entry with nothing countable (a stop word, punctuation)', () => {
    expect(admit(withCloud, words(['le']), room, none, 'id', 0)).toMatchObject({
      ok: false,
      refusal: {
        error: { code: 'invalid', message: '« le » ne compte pas comme un mot : proposez un mot plus parlant', field: 'words.0' },
      },
    });
    expect(code(admit(withCloud, words(['lien', '?!']), room, none, 'id', 0))).toBe('invalid');
  });
});
