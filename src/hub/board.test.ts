import { describe, expect, it } from 'vitest';
import type { Interaction } from '../shared/protocol/interactions';
import { MAX } from '../shared/protocol/limits';
import type { RegieCommand } from '../shared/protocol/regie-commands';
import type { HubRoom } from '../shared/protocol/rooms';
import { applyRegieCommand, audienceState, type Board, emptyBoard, loadBoard, mainRoomId, roomBoard, roomsSummary } from './board';

const main = (b: Board) => roomBoard(b, mainRoomId(b));
const secret = (c: string) => c.repeat(43);
const rooms: HubRoom[] = [
  { id: 'grand-auditorium', name: 'Grand Auditorium', main: true, secret: secret('a') },
  { id: 'salle-450', name: 'Salle 450', main: false, secret: secret('b') },
  { id: 'salle-800', name: 'Salle 800', main: false, secret: secret('c') },
];

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
    expect(main(board).interaction).toBeNull();
    expect(main(board).results).toMatchObject({ interactionId: 'p1' }); // results stay after the close
    const next = applyRegieCommand(
      board,
      { type: 'interaction.open', interaction: { kind: 'cloud', id: 'c1', prompt: 'Un mot', maxWordsPerParticipant: 3 } },
      0,
      votes,
    );
    expect(main(next.board).results).toBeNull();
    expect(next.ops).toEqual([
      { op: 'interaction', value: expect.objectContaining({ id: 'c1' }) },
      { op: 'results', value: null },
    ]);
  });

  it('is idempotent: closing what is not open, withdrawing what is not published, change nothing', () => {
    const { board } = run([{ type: 'interaction.open', interaction: poll }]);
    expect(applyRegieCommand(board, { type: 'interaction.close', interactionId: 'other' }, 0, votes)).toEqual({ board, ops: [], room: null });
    expect(applyRegieCommand(board, { type: 'question.withdraw', questionId: 'q' }, 0, votes).ops).toEqual([]);
    expect(applyRegieCommand(board, { type: 'notice.clear' }, 0, votes).ops).toEqual([]);
  });

  it('publishes newest first, edits in place keeping the date, and keeps at most 200', () => {
    const { board } = run([
      { type: 'question.publish', questionId: 'q1', text: 'Un' },
      { type: 'question.publish', questionId: 'q2', text: 'Deux', name: 'Ali' },
      { type: 'question.publish', questionId: 'q1', text: 'Un (corrigé)' },
    ]);
    expect(main(board).questions).toEqual([
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
    expect(main(many.board).questions).toHaveLength(MAX.publishedQuestions);
    expect(main(many.board).questions.some((q) => q.id === 'q0')).toBe(false);
    expect(many.ops).toContainEqual({ op: 'question.remove', id: 'q0' });
  });

  it('gives the phones the board with counts', () => {
    const { board } = run([{ type: 'question.publish', questionId: 'q1', text: 'Un' }]);
    expect(audienceState(board, 'main', (id) => (id === 'q1' ? 4 : 0), 1, 9).questions).toEqual([
      { id: 'q1', text: 'Un', name: null, publishedAt: 1000, votes: 4 },
    ]);
  });
});

describe('rooms (docs/rooms.md § 4)', () => {
  it('keeps each room its own interaction, Q&A and questions; a command without room acts in the main room', () => {
    const { board } = run([
      { type: 'rooms.set', rooms },
      { type: 'qa.open', sessionId: 'atelier-1', roomOnly: true, room: 'salle-450' },
      { type: 'question.publish', questionId: 'q-450', text: 'Dans la 450', room: 'salle-450' },
      { type: 'interaction.open', interaction: poll, room: 'salle-800' },
      { type: 'question.publish', questionId: 'q-main', text: 'En plénière' },
      { type: 'notice.show', text: 'Pause à 16 h' },
    ]);
    const of = (room: string) => audienceState(board, room, votes, 1, 1);
    expect(of('salle-450')).toMatchObject({ qa: { open: true, roomOnly: true }, interaction: null, notice: 'Pause à 16 h' });
    expect(of('salle-450').questions.map((q) => q.id)).toEqual(['q-450']);
    expect(of('salle-800')).toMatchObject({ qa: { open: false }, interaction: { id: 'p1' }, questions: [], notice: 'Pause à 16 h' });
    expect(of('grand-auditorium').questions.map((q) => q.id)).toEqual(['q-main']);
    expect(of('grand-auditorium').qa.open).toBe(false);
    expect(roomsSummary(board).rooms.map((r) => [r.id, r.live, r.roomOnly])).toEqual([
      ['grand-auditorium', false, false],
      ['salle-450', true, true],
      ['salle-800', true, false],
    ]);
    expect(JSON.stringify(roomsSummary(board))).not.toContain(secret('a'));
  });

  it('tells which room a change is for: the notice goes to every room', () => {
    const withRooms = run([{ type: 'rooms.set', rooms }]).board;
    expect(applyRegieCommand(withRooms, { type: 'qa.close', room: 'salle-450' }, 0, votes).ops).toEqual([]);
    expect(applyRegieCommand(withRooms, { type: 'qa.open', sessionId: null, roomOnly: false, room: 'salle-450' }, 0, votes).room).toBe('salle-450');
    expect(applyRegieCommand(withRooms, { type: 'qa.open', sessionId: null, roomOnly: false }, 0, votes).room).toBe('grand-auditorium');
    expect(applyRegieCommand(withRooms, { type: 'notice.show', text: 'x' }, 0, votes).room).toBeNull();
  });

  it('moves what an older régie put in the main room to the main room the rooms name; drops rooms gone', () => {
    const { board } = run([
      { type: 'question.publish', questionId: 'q1', text: 'Avant les salles' },
      { type: 'rooms.set', rooms },
      { type: 'question.publish', questionId: 'q2', text: 'Atelier', room: 'salle-800' },
      { type: 'rooms.set', rooms: rooms.slice(0, 2) },
    ]);
    expect(mainRoomId(board)).toBe('grand-auditorium');
    expect(main(board).questions.map((q) => q.id)).toEqual(['q1']);
    expect(Object.keys(board.rooms)).toEqual(['grand-auditorium']);
  });

  it('upgrades a board saved before rooms into the main room’s', () => {
    const old = {
      interaction: poll,
      results: null,
      qa: { open: true, roomOnly: false, sessionId: 's' },
      notice: 'Bienvenue',
      questions: [{ id: 'q1', text: 'Un', name: null, publishedAt: 5 }],
      bannedWords: {},
      branding: null,
    };
    const { board, problem } = loadBoard(JSON.stringify(old));
    expect(problem).toBeNull();
    expect(board.notice).toBe('Bienvenue');
    expect(main(board)).toEqual({ interaction: poll, results: null, qa: old.qa, questions: old.questions });
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
