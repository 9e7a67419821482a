import { describe, expect, it } from 'vitest';
import { interactionSchema, interactionText } from './interaction';

describe('interaction schema', () => {
  it('fills in the defaults of each kind', () => {
    expect(interactionSchema.parse({ kind: 'poll', id: 'n', type: 'rating', question: 'Note ?' })).toEqual({
      kind: 'poll',
      id: 'n',
      type: 'rating',
      question: 'Note ?',
      min: 1,
      max: 5,
      hideResultsUntilReveal: false,
    });
    const cloud = interactionSchema.parse({ kind: 'wordcloud', id: 'w', prompt: 'Un mot' });
    expect(cloud).toMatchObject({ maxWordsPerParticipant: 3, maxWordLength: 25 });
    expect(interactionText(cloud)).toBe('Un mot');
  });

  it('checks options: 2 to 10, distinct, and no more choices than options', () => {
    const multiple = (options: string[], maxChoices?: number) =>
      interactionSchema.safeParse({
        kind: 'poll',
        id: 'm',
        type: 'multiple',
        question: 'Q ?',
        options,
        ...(maxChoices ? { maxChoices } : {}),
      });
    expect(multiple(['a', 'b', 'c'], 2).success).toBe(true);
    expect(multiple(['a', 'b'], 3).error?.issues[0]).toMatchObject({ path: ['maxChoices'] });
    expect(multiple(['a', 'A']).error?.issues[0]).toMatchObject({ path: ['options', 1], message: 'option en double : A' });
    expect(multiple(Array.from({ length: 11 }, (_, i) => `o${i}`)).success).toBe(false);
    expect(interactionSchema.safeParse({ kind: 'poll', id: 'y', type: 'yesno', question: 'Q ?', options: ['oui', 'non'] }).success).toBe(
      false,
    );
  });
});
