import { describe, expect, it } from 'vitest';
import { type AudiencePatch, type AudienceState, applyPatch, audienceStateSchema } from './audience-state';

const state: AudienceState = {
  protocol: 1,
  rev: 3,
  interaction: null,
  results: null,
  qa: { open: false, roomOnly: false, sessionId: null },
  questions: [{ id: 'q1', text: 'Première', name: null, votes: 1, publishedAt: 1 }],
  notice: null,
};

describe('applyPatch', () => {
  const patch: AudiencePatch = {
    fromRev: 3,
    rev: 4,
    ops: [
      { op: 'qa', value: { open: true, roomOnly: true, sessionId: 's' } },
      { op: 'question', value: { id: 'q2', text: 'Deuxième', name: 'Ali', votes: 0, publishedAt: 2 } },
      { op: 'question', value: { id: 'q1', text: 'Première (corrigée)', name: null, votes: 1, publishedAt: 1 } },
      {
        op: 'votes',
        counts: [
          ['q2', 5],
          ['inconnue', 9],
        ],
      },
      { op: 'notice', value: 'Pause' },
    ],
  };

  it('applies ops in order: new questions on top, replaced ones in place', () => {
    const next = applyPatch(state, patch);
    expect(next.rev).toBe(4);
    expect(next.qa).toEqual({ open: true, roomOnly: true, sessionId: 's' });
    expect(next.questions.map((q) => [q.id, q.text, q.votes])).toEqual([
      ['q2', 'Deuxième', 5],
      ['q1', 'Première (corrigée)', 1],
    ]);
    expect(next.notice).toBe('Pause');
    expect(audienceStateSchema.safeParse(next).success).toBe(true);
  });

  it('is idempotent: a patch whose content the state already has changes nothing', () => {
    const once = applyPatch(state, patch);
    expect(applyPatch(once, patch)).toEqual(once);
  });

  it('removes and clears questions, and does not touch the state it was given', () => {
    const removed = applyPatch(state, { fromRev: 3, rev: 4, ops: [{ op: 'question.remove', id: 'q1' }] });
    expect(removed.questions).toEqual([]);
    expect(state.questions).toHaveLength(1);
    expect(applyPatch(state, { fromRev: 3, rev: 4, ops: [{ op: 'questions.clear' }] }).questions).toEqual([]);
  });
});
