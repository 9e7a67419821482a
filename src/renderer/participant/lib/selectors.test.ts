import { describe, expect, it } from 'vitest';
import type { WordCloud } from '../../../shared/protocol/interactions';
import type { OutboxEntry } from './outbox';
import { askStatus, checkWords, percent, ratingAverage, sameBallot, voteStatus, wordsLeft } from './selectors';

const cloud: WordCloud = { kind: 'cloud', id: 'c1', prompt: 'Un mot ?', maxWordsPerParticipant: 3 };
const pendingVote: OutboxEntry = { event: 'poll.vote', msg: { clientMsgId: 'v', pollId: 'p1', choices: [1] }, eventCode: 'A', queuedAt: 0 };
const pendingAsk: OutboxEntry = { event: 'question.ask', msg: { clientMsgId: 'q', text: 'Et après ?' }, eventCode: 'A', queuedAt: 0 };

describe('what the cards say', () => {
  it('a waiting message is « sending » online and « queued » offline; an answer only for its own poll', () => {
    expect(voteStatus([pendingVote], 'online', undefined, 'p1')).toEqual({ kind: 'sending' });
    expect(voteStatus([pendingVote], 'offline', undefined, 'p1')).toEqual({ kind: 'queued' });
    expect(voteStatus([], 'online', { kind: 'saved', at: 1, target: 'p1' }, 'p1')).toEqual({ kind: 'saved' });
    expect(voteStatus([], 'online', { kind: 'saved', at: 1, target: 'p0' }, 'p1')).toBeNull();
    expect(askStatus([pendingAsk], 'offline', { kind: 'saved', at: 1, target: '' })).toEqual({ kind: 'queued' });
  });

  it('ballots compare by content, whatever the order of the choices', () => {
    expect(sameBallot({ choices: [2, 0], rating: null }, { choices: [0, 2], rating: null })).toBe(true);
    expect(sameBallot({ choices: null, rating: 4 }, { choices: null, rating: 5 })).toBe(false);
    expect(sameBallot({ choices: [1], rating: null }, null)).toBe(false);
  });

  it('words: split at commas, cleaned, refused locally for the hub’s reasons', () => {
    expect(checkWords(' Confiance ,  écoute ', [], [], 3)).toEqual({ ok: true, words: ['Confiance', 'écoute'] });
    expect(checkWords(' , ', [], [], 3)).toEqual({ ok: false, reason: 'empty' });
    expect(checkWords('CONFIANCE', ['confiance'], [], 2)).toEqual({ ok: false, reason: 'again', word: 'CONFIANCE' });
    expect(checkWords('lien, Lien', [], [], 3)).toEqual({ ok: false, reason: 'twice', word: 'Lien' });
    expect(checkWords('a, b, c', [], [], 2)).toEqual({ ok: false, reason: 'tooMany', left: 2 });
    expect(checkWords('x'.repeat(41), [], [], 3)).toMatchObject({ ok: false, reason: 'tooLong' });
    expect(wordsLeft(cloud, ['confiance'], ['Écoute'])).toBe(1);
    expect(wordsLeft(cloud, ['a', 'b'], ['c', 'd'])).toBe(0);
  });

  it('results: whole percents, the average of a rating', () => {
    expect(percent(1, 3)).toBe(33);
    expect(percent(0, 0)).toBe(0);
    expect(ratingAverage([0, 1, 0, 1, 0], 1)).toBe(3);
    expect(ratingAverage([0, 0], 0)).toBeNull();
  });
});
