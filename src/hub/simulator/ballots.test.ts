import { describe, expect, it } from 'vitest';
import type { ChoicePoll, RatingPoll } from '../../shared/protocol/interactions';
import { voteMessageSchema } from '../../shared/protocol/participant-messages';
import { makeBallot, optionWeights } from './ballots';
import { createRng } from './rng';

const poll: ChoicePoll = { kind: 'poll', id: 'p1', question: 'Qui décide ?', options: ['Juge', 'ASE', 'Famille', 'Enfant'], maxChoices: 1 };
const multi: ChoicePoll = { ...poll, id: 'p2', maxChoices: 3 };
const rating: RatingPoll = { kind: 'rating', id: 'r1', question: 'Note ?', min: 1, max: 5 };

describe('ballots', () => {
  it('are valid votes for the poll: one choice, up to maxChoices distinct, a rating in range', () => {
    const rng = createRng(2);
    for (let i = 0; i < 500; i += 1) {
      const one = makeBallot(rng, poll);
      expect('choices' in one && one.choices.length).toBe(1);
      const many = makeBallot(rng, multi);
      if (!('choices' in many)) throw new Error('choices attendus');
      expect(many.choices.length).toBeGreaterThanOrEqual(1);
      expect(many.choices.length).toBeLessThanOrEqual(3);
      expect(new Set(many.choices).size).toBe(many.choices.length);
      const r = makeBallot(rng, rating);
      if (!('rating' in r)) throw new Error('note attendue');
      expect(r.rating).toBeGreaterThanOrEqual(1);
      expect(r.rating).toBeLessThanOrEqual(5);
      for (const b of [one, many, r]) expect(voteMessageSchema.safeParse({ clientMsgId: 'c', pollId: 'p', ...b }).success).toBe(true);
    }
  });

  it('each poll has its favourites, the same in every run', () => {
    expect(optionWeights('p1', 4)).toEqual(optionWeights('p1', 4));
    expect(optionWeights('p1', 4)).not.toEqual(optionWeights('p9', 4));
    const rng = createRng(4);
    const counts = [0, 0, 0, 0];
    for (let i = 0; i < 4000; i += 1) {
      const b = makeBallot(rng, poll);
      if ('choices' in b) counts[b.choices[0] ?? 0] = (counts[b.choices[0] ?? 0] ?? 0) + 1;
    }
    const w = optionWeights('p1', 4);
    const favourite = w.indexOf(Math.max(...w));
    expect(counts[favourite]).toBe(Math.max(...counts));
  });
});
