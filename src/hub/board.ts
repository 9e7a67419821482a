import { z } from 'zod';
import type { AudienceState, PatchOp, PublishedQuestion, QaState } from '../shared/protocol/audience-state';
import { qaStateSchema } from '../shared/protocol/audience-state';
import { idSchema } from '../shared/protocol/fields';
import { type Interaction, interactionSchema, type Results, resultsSchema } from '../shared/protocol/interactions';
import { MAX } from '../shared/protocol/limits';
import type { RegieCommand } from '../shared/protocol/regie-commands';
import { boardBrandingSchema, toBoardBranding } from './branding';

/**
 * What the régie put in front of the audience: the open interaction, revealed results, the Q&A,
 * the published questions (newest first, without their counts, which the hub keeps apart) and a
 * notice, and the event's look (branding.ts). Changed only by régie commands, through
 * `applyRegieCommand` (pure).
 */
export const boardQuestionSchema = z.strictObject({
  id: idSchema,
  text: z.string().max(MAX.questionText),
  name: z.string().max(MAX.name).nullable(),
  publishedAt: z.number().int().min(0),
});
export type BoardQuestion = z.infer<typeof boardQuestionSchema>;

export const boardSchema = z.strictObject({
  interaction: interactionSchema.nullable(),
  results: resultsSchema.nullable(),
  qa: qaStateSchema,
  notice: z.string().max(MAX.notice).nullable(),
  questions: z.array(boardQuestionSchema).max(MAX.publishedQuestions),
  /** Word cloud id → the normalised keys banned there (a board saved before it existed has none). */
  bannedWords: z.record(idSchema, z.array(z.string().max(MAX.bannedWordKey)).max(MAX.bannedWords)).default({}),
  /** The event's look on the phones (a board saved before it existed has none). */
  branding: boardBrandingSchema.nullable().default(null),
});
export type Board = z.infer<typeof boardSchema>;

export const emptyBoard: Board = {
  interaction: null,
  results: null,
  qa: { open: false, roomOnly: false, sessionId: null },
  notice: null,
  questions: [],
  bannedWords: {},
  branding: null,
};

export type VotesOf = (questionId: string) => number;

export function publishedQuestion(q: BoardQuestion, votesOf: VotesOf): PublishedQuestion {
  return { ...q, votes: votesOf(q.id) };
}

/** What phones receive: the board with counts, at a revision. */
export function audienceState(board: Board, votesOf: VotesOf, protocol: number, rev: number): AudienceState {
  return {
    protocol,
    rev,
    interaction: board.interaction,
    results: board.results,
    qa: board.qa,
    questions: board.questions.map((q) => publishedQuestion(q, votesOf)),
    notice: board.notice,
  };
}

export interface Applied {
  board: Board;
  /** What changed, as ops for the phones. Empty when the command changed nothing. */
  ops: PatchOp[];
}

const same = (board: Board): Applied => ({ board, ops: [] });

function withInteraction(board: Board, interaction: Interaction | null): Applied {
  const ops: PatchOp[] = [{ op: 'interaction', value: interaction }];
  let results: Results | null = board.results;
  // Opening another interaction takes away the results shown for the previous one.
  if (interaction && results && results.interactionId !== interaction.id) {
    results = null;
    ops.push({ op: 'results', value: null });
  }
  return { board: { ...board, interaction, results }, ops };
}

function withQa(board: Board, qa: QaState): Applied {
  return { board: { ...board, qa }, ops: [{ op: 'qa', value: qa }] };
}

/**
 * Applies one régie command to the board. Commands are idempotent: closing what is not open,
 * withdrawing what is not published, change nothing. Publishing beyond MAX.publishedQuestions
 * drops the oldest published question.
 */
export function applyRegieCommand(board: Board, command: RegieCommand, now: number, votesOf: VotesOf): Applied {
  switch (command.type) {
    case 'interaction.open':
      return withInteraction(board, command.interaction);
    case 'interaction.close':
      return board.interaction?.id === command.interactionId ? withInteraction(board, null) : same(board);
    case 'qa.open':
      return withQa(board, { open: true, roomOnly: command.roomOnly, sessionId: command.sessionId });
    case 'qa.close':
      return board.qa.open ? withQa(board, { ...board.qa, open: false }) : same(board);
    case 'question.publish': {
      const existing = board.questions.find((q) => q.id === command.questionId);
      const question: BoardQuestion = {
        id: command.questionId,
        text: command.text,
        name: command.name ?? null,
        publishedAt: existing?.publishedAt ?? now,
      };
      if (existing) {
        const questions = board.questions.map((q) => (q.id === question.id ? question : q));
        return { board: { ...board, questions }, ops: [{ op: 'question', value: publishedQuestion(question, votesOf) }] };
      }
      const all = [question, ...board.questions];
      const kept = all.slice(0, MAX.publishedQuestions);
      const ops: PatchOp[] = all.slice(MAX.publishedQuestions).map((q) => ({ op: 'question.remove', id: q.id }));
      ops.push({ op: 'question', value: publishedQuestion(question, votesOf) });
      return { board: { ...board, questions: kept }, ops };
    }
    case 'question.withdraw':
      if (!board.questions.some((q) => q.id === command.questionId)) return same(board);
      return {
        board: { ...board, questions: board.questions.filter((q) => q.id !== command.questionId) },
        ops: [{ op: 'question.remove', id: command.questionId }],
      };
    case 'questions.clear':
      return board.questions.length === 0 ? same(board) : { board: { ...board, questions: [] }, ops: [{ op: 'questions.clear' }] };
    case 'notice.show':
      return { board: { ...board, notice: command.text }, ops: [{ op: 'notice', value: command.text }] };
    case 'notice.clear':
      return board.notice === null ? same(board) : { board: { ...board, notice: null }, ops: [{ op: 'notice', value: null }] };
    case 'results.reveal':
      return { board: { ...board, results: command.results }, ops: [{ op: 'results', value: command.results }] };
    case 'results.hide':
      return board.results === null ? same(board) : { board: { ...board, results: null }, ops: [{ op: 'results', value: null }] };
    // Rooms, presence keys and personal codes (docs/rooms.md § 4): the hub's side is being built
    // (issue 17); until then a hub applies them as nothing, as a hub of before rooms would.
    case 'rooms.set':
    case 'codes.add':
    case 'codes.clear':
    case 'code.release':
      return same(board);
    case 'words.banned':
      // Hub-side only (the phones never see the list): no op for them.
      return { board: { ...board, bannedWords: { ...board.bannedWords, [command.cloudId]: command.keys } }, ops: [] };
    case 'branding.set':
      // Sent to the phones as its own `branding` event (never a patch op: an older page would refuse the patch).
      return { board: { ...board, branding: command.branding ? toBoardBranding(command.branding) : null }, ops: [] };
    case 'poll.reset':
      // The votes themselves are forgotten by the writer (hub-writer.ts); the board loses its results.
      return board.results?.interactionId !== command.pollId ? same(board) : { board: { ...board, results: null }, ops: [{ op: 'results', value: null }] };
  }
}

/** Reads the board saved in the database; an unreadable one gives the empty board (and says so). */
export function loadBoard(json: string | undefined): { board: Board; problem: string | null } {
  if (json === undefined) return { board: emptyBoard, problem: null };
  try {
    const parsed = boardSchema.safeParse(JSON.parse(json));
    if (parsed.success) return { board: parsed.data, problem: null };
    return { board: emptyBoard, problem: parsed.error.issues[0]?.message ?? 'invalide' };
  } catch (err) {
    return { board: emptyBoard, problem: err instanceof Error ? err.message : String(err) };
  }
}
