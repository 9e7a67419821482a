import { describe, expect, it } from 'vitest';
import { audienceMessageSchema } from './audience-messages';
import { interactionSchema } from './interactions';
import { regieCommandSchema, regieCommandTypes, resumeMessageSchema } from './regie-commands';
import { parseMessage } from './validate';

describe('régie commands', () => {
  it('lists every command type', () => {
    expect(regieCommandTypes).toEqual([
      'interaction.open',
      'interaction.close',
      'qa.open',
      'qa.close',
      'question.publish',
      'question.withdraw',
      'questions.clear',
      'notice.show',
      'notice.clear',
      'results.reveal',
      'results.hide',
      'poll.reset',
      'words.banned',
      'rooms.set',
      'codes.add',
      'codes.clear',
      'code.release',
      'branding.set',
    ]);
  });

  it('checks interactions: options, maxChoices, rating bounds', () => {
    const poll = { kind: 'poll', id: 'p', question: 'Q ?', options: ['a', 'b'], maxChoices: 1 };
    expect(interactionSchema.safeParse(poll).success).toBe(true);
    expect(parseMessage(interactionSchema, { ...poll, maxChoices: 3 }, 'interaction')).toMatchObject({
      ok: false,
      error: { message: 'maxChoices dépasse le nombre d’options' },
    });
    expect(interactionSchema.safeParse({ ...poll, options: ['seule'] }).success).toBe(false);
    expect(interactionSchema.safeParse({ kind: 'rating', id: 'r', question: 'Note ?', min: 1, max: 5 }).success).toBe(true);
    expect(interactionSchema.safeParse({ kind: 'rating', id: 'r', question: 'Note ?', min: 1, max: 50 }).success).toBe(false);
    expect(interactionSchema.safeParse({ kind: 'cloud', id: 'c', prompt: 'Un mot', maxWordsPerParticipant: 3 }).success).toBe(true);
  });

  it('holds every string to a limit', () => {
    expect(regieCommandSchema.safeParse({ type: 'notice.show', text: 'x'.repeat(281) }).success).toBe(false);
    expect(regieCommandSchema.safeParse({ type: 'question.publish', questionId: 'q', text: 'x'.repeat(501) }).success).toBe(false);
    expect(regieCommandSchema.safeParse({ type: 'question.publish', questionId: 'q'.repeat(65), text: 'x' }).success).toBe(false);
    expect(resumeMessageSchema.safeParse({ protocol: 1, regieId: 'short', afterHubSeq: 0 }).success).toBe(false);
  });

  it('audience messages are a closed union the régie can validate', () => {
    const base = { hubSeq: 1, msgId: 'abcdefghijklmnop:m1', receivedAt: 1, origin: 'room', participantId: 'abcdefghijklmnop' };
    expect(
      audienceMessageSchema.safeParse({ ...base, type: 'poll.vote', pollId: 'p', choices: [1], rating: null, replaces: null }).success,
    ).toBe(true);
    expect(audienceMessageSchema.safeParse({ ...base, type: 'poll.vote', pollId: 'p', choices: [1] }).success).toBe(false);
    expect(audienceMessageSchema.safeParse({ ...base, type: 'other' }).success).toBe(false);
  });
});
