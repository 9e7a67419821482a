import { describe, expect, it } from 'vitest';
import type { Interaction } from '../shared/protocol/interactions';
import { MAX } from '../shared/protocol/limits';
import type { RegieCommand } from '../shared/protocol/regie-commands';
import { applyRegieCommand, audienceState, type Board, emptyBoard, loadBoard } from './board';

const votes = () => 0;
const run = (commands: RegieCommand[], from: Board = emptyBoard) =>
  commands.reduce<{ board: Board; ops: unknown[] }>(
    (acc, c, i) => {
      const r = applyRegieCommand(acc.board, c, 1000 + i, votes);
      return { board: r.board, ops: [...acc.ops, ...r.ops] };
    },
    { board: from, ops: [] },
  );
const poll: Interaction = { kind: 'poll', id: 'p1', question: 'Q', options: ['a', 'b'], maxChoices: 1 };

describe('applyRegieCommand', () => {
  it('opens one interaction at a time; opening another hides the previous results', () => {
    const { board } = run([
      { type: 'interaction.open', interaction: poll },
      { type: 'results.reveal', results: { kind: 'poll', interactionId: 'p1', counts: [3, 4], total: 7 } },
      { type: 'interaction.close', interactionId: 'p1' },
    ]);
    expect(board.interaction).toBeNull();
    expect(board.results).toMatchObject({ interactionId: 'p1' }); // results stay after the close
    const next = applyRegieCommand(
      board,
      { type: 'interaction.open', interaction: { kind: 'cloud', id: 'c1', prompt: 'Un mot', maxWordsPerParticipant: 3 } },
      0,
      votes,
    );
    expect(next.board.results).toBeNull();
    expect(next.ops).toEqual([
      { op: 'interaction', value: expect.objectContaining({ id: 'c1' }) },
      { op: 'results', value: null },
    ]);
  });

  it('is idempotent: closing what is not open, withdrawing what is not published, change nothing', () => {
    const { board } = run([{ type: 'interaction.open', interaction: poll }]);
    expect(applyRegieCommand(board, { type: 'interaction.close', interactionId: 'other' }, 0, votes)).toEqual({ board, ops: [] });
    expect(applyRegieCommand(board, { type: 'question.withdraw', questionId: 'q' }, 0, votes).ops).toEqual([]);
    expect(applyRegieCommand(board, { type: 'notice.clear' }, 0, votes).ops).toEqual([]);
  });

  it('publishes newest first, edits in place keeping the date, and keeps at most 200', () => {
    const { board } = run([
      { type: 'question.publish', questionId: 'q1', text: 'Un' },
      { type: 'question.publish', questionId: 'q2', text: 'Deux', name: 'Ali' },
      { type: 'question.publish', questionId: 'q1', text: 'Un (corrigé)' },
    ]);
    expect(board.questions).toEqual([
      { id: 'q2', text: 'Deux', name: 'Ali', publishedAt: 1001 },
      { id: 'q1', text: 'Un (corrigé)', name: null, publishedAt: 1000 },
    ]);
    const many = run(
      Array.from({ length: MAX.publishedQuestions + 1 }, (_, i): RegieCommand => ({
        type: 'question.publish',
        questionId: `q${i}`,
        text: 't',
      })),
    );
    expect(many.board.questions).toHaveLength(MAX.publishedQuestions);
    expect(many.board.questions.some((q) => q.id === 'q0')).toBe(false);
    expect(many.ops).toContainEqual({ op: 'question.remove', id: 'q0' });
  });

  it('gives the phones the board with counts', () => {
    const { board } = run([{ type: 'question.publish', questionId: 'q1', text: 'Un' }]);
    expect(audienceState(board, (id) => (id === 'q1' ? 4 : 0), 1, 9).questions).toEqual([
      { id: 'q1', text: 'Un', name: null, publishedAt: 1000, votes: 4 },
    ]);
  });
});

describe('loadBoard', () => {
  it('reads a saved board, and falls back to the empty one on garbage', () => {
    const { board } = run([{ type: 'qa.open', sessionId: 's', roomOnly: true }]);
    expect(loadBoard(JSON.stringify(board))).toEqual({ board, problem: null });
    expect(loadBoard(undefined)).toEqual({ board: emptyBoard, problem: null });
    expect(loadBoard('{"qa": 3}').problem).not.toBeNull();
    expect(loadBoard('not json').board).toEqual(emptyBoard);
  });
});
