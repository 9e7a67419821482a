import { z } from 'zod';
import type { AudienceState, PatchOp, PublishedQuestion, QaState } from '../shared/protocol/audience-state';
import { qaStateSchema } from '../shared/protocol/audience-state';
import { idSchema } from '../shared/protocol/fields';
import { type Interaction, interactionSchema, type Results, resultsSchema } from '../shared/protocol/interactions';
import { MAX } from '../shared/protocol/limits';
import type { RegieCommand } from '../shared/protocol/regie-commands';
import { type HubRoom, hubRoomSchema, type RoomId, roomIdSchema, type RoomsSummary } from '../shared/protocol/rooms';
import { boardBrandingSchema, toBoardBranding } from './branding';

/**
 * What the régie put in front of the audience, per room (docs/rooms.md § 4): each room's open
 * interaction, revealed results, Q&A and published questions (newest first, without their counts,
 * which the hub keeps apart); and for the whole event the notice, the banned words, the event's look
 * (branding.ts) and the room list with each room's presence secret. Changed only by régie commands,
 * through `applyRegieCommand` (pure).
 */
export const boardQuestionSchema = z.strictObject({
  id: idSchema,
  text: z.string().max(MAX.questionText),
  name: z.string().max(MAX.name).nullable(),
  publishedAt: z.number().int().min(0),
});
export type BoardQuestion = z.infer<typeof boardQuestionSchema>;

export const roomBoardSchema = z.strictObject({
  interaction: interactionSchema.nullable(),
  results: resultsSchema.nullable(),
  qa: qaStateSchema,
  questions: z.array(boardQuestionSchema).max(MAX.publishedQuestions),
});
export type RoomBoard = z.infer<typeof roomBoardSchema>;

/** The room commands without `room` act in before the régie sent its rooms (a régie of before rooms). */
export const DEFAULT_MAIN_ROOM = 'main';

const eventBoardSchema = z.strictObject({
  rooms: z.record(roomIdSchema, roomBoardSchema),
  /** The régie's rooms (rooms.set), with their presence secrets; empty: one room, no proof of presence. */
  roomList: z.array(hubRoomSchema).max(50).default([]),
  notice: z.string().max(MAX.notice).nullable(),
  /** Word cloud id → the normalised keys banned there (a board saved before it existed has none). */
  bannedWords: z.record(idSchema, z.array(z.string().max(MAX.bannedWordKey)).max(MAX.bannedWords)).default({}),
  /** The event's look on the phones (a board saved before it existed has none). */
  branding: boardBrandingSchema.nullable().default(null),
});

/** A board saved before rooms (one interaction, one Q&A…) becomes the main room's. */
function upgradeBoard(raw: unknown): unknown {
  if (typeof raw !== 'object' || raw === null || 'rooms' in raw) return raw;
  const { interaction, results, qa, questions, ...event } = raw as Record<string, unknown>;
  return { ...event, rooms: { [DEFAULT_MAIN_ROOM]: { interaction, results, qa, questions } } };
}

export const boardSchema = z.preprocess(upgradeBoard, eventBoardSchema);
export type Board = z.infer<typeof eventBoardSchema>;

export const emptyRoomBoard: RoomBoard = {
  interaction: null,
  results: null,
  qa: { open: false, roomOnly: false, sessionId: null },
  questions: [],
};

export const emptyBoard: Board = {
  rooms: {},
  roomList: [],
  notice: null,
  bannedWords: {},
  branding: null,
};

/** The main room: the one the régie marked, else its first, else the room of before rooms. */
export function mainRoomId(board: Board): RoomId {
  return board.roomList.find((r) => r.main)?.id ?? board.roomList[0]?.id ?? DEFAULT_MAIN_ROOM;
}

export function hasRoom(board: Board, room: string): boolean {
  return board.roomList.length === 0 ? room === DEFAULT_MAIN_ROOM : board.roomList.some((r) => r.id === room);
}

/** A phone's room as the board knows it: a room no longer listed (or none) is the main room. */
export function placeRoom(board: Board, room: string | null | undefined): RoomId {
  return room && hasRoom(board, room) ? room : mainRoomId(board);
}

export function roomBoard(board: Board, room: RoomId): RoomBoard {
  return Object.hasOwn(board.rooms, room) ? (board.rooms[room] ?? emptyRoomBoard) : emptyRoomBoard;
}

/** Live now: its Q&A or an interaction is open. */
export function isLive(r: RoomBoard): boolean {
  return r.qa.open || r.interaction !== null;
}

/** The rooms as the phones see them (no secret): for the room chooser. */
export function roomsSummary(board: Board): RoomsSummary {
  return {
    rooms: board.roomList.map((r) => {
      const rb = roomBoard(board, r.id);
      return { id: r.id, name: r.name, main: r.main, live: isLive(rb), roomOnly: rb.qa.open && rb.qa.roomOnly };
    }),
  };
}

export type VotesOf = (questionId: string) => number;

export function publishedQuestion(q: BoardQuestion, votesOf: VotesOf): PublishedQuestion {
  return { ...q, votes: votesOf(q.id) };
}

/** What the phones of one room receive: that room's board with counts, and the event's notice, at a revision. */
export function audienceState(board: Board, room: RoomId, votesOf: VotesOf, protocol: number, rev: number): AudienceState {
  const rb = roomBoard(board, room);
  return {
    protocol,
    rev,
    interaction: rb.interaction,
    results: rb.results,
    qa: rb.qa,
    questions: rb.questions.map((q) => publishedQuestion(q, votesOf)),
    notice: board.notice,
  };
}

export interface Applied {
  board: Board;
  /** What changed, as ops for the phones. Empty when the command changed nothing. */
  ops: PatchOp[];
  /** The room whose phones get the ops; null: every room's (the notice). */
  room: RoomId | null;
  /** The room list changed: every phone's room is decided again. */
  roomsChanged?: boolean;
}

const same = (board: Board): Applied => ({ board, ops: [], room: null });

/** A room's board changed: the ops go to that room's phones only. */
function inRoom(board: Board, room: RoomId, next: RoomBoard, ops: PatchOp[]): Applied {
  return { board: { ...board, rooms: { ...board.rooms, [room]: next } }, ops, room };
}

function withInteraction(board: Board, room: RoomId, interaction: Interaction | null): Applied {
  const rb = roomBoard(board, room);
  const ops: PatchOp[] = [{ op: 'interaction', value: interaction }];
  let results: Results | null = rb.results;
  // Opening another interaction takes away the results shown for the previous one.
  if (interaction && results && results.interactionId !== interaction.id) {
    results = null;
    ops.push({ op: 'results', value: null });
  }
  return inRoom(board, room, { ...rb, interaction, results }, ops);
}

function withQa(board: Board, room: RoomId, qa: QaState): Applied {
  return inRoom(board, room, { ...roomBoard(board, room), qa }, [{ op: 'qa', value: qa }]);
}

/**
 * The new room list. Boards of rooms still listed stay; the main room's board follows the main
 * room when its id changes (a régie of before rooms published in `main`, then sent its rooms);
 * boards of rooms gone are dropped (their phones go to the main room).
 */
function withRooms(board: Board, roomList: HubRoom[]): Applied {
  const oldMain = mainRoomId(board);
  const next: Board = { ...board, roomList };
  const newMain = mainRoomId(next);
  const rooms: Record<string, RoomBoard> = {};
  for (const r of roomList) if (Object.hasOwn(board.rooms, r.id)) rooms[r.id] = roomBoard(board, r.id);
  if (newMain !== oldMain && !Object.hasOwn(board.rooms, newMain) && Object.hasOwn(board.rooms, oldMain)) rooms[newMain] = roomBoard(board, oldMain);
  return { board: { ...next, rooms }, ops: [], room: null, roomsChanged: true };
}

/**
 * Applies one régie command to the board. Commands are idempotent: closing what is not open,
 * withdrawing what is not published, change nothing. Publishing beyond MAX.publishedQuestions
 * drops the oldest published question.
 */
export function applyRegieCommand(board: Board, command: RegieCommand, now: number, votesOf: VotesOf): Applied {
  const room = 'room' in command && command.room !== undefined ? command.room : mainRoomId(board);
  const rb = roomBoard(board, room);
  switch (command.type) {
    case 'interaction.open':
      return withInteraction(board, room, command.interaction);
    case 'interaction.close':
      return rb.interaction?.id === command.interactionId ? withInteraction(board, room, null) : same(board);
    case 'qa.open':
      return withQa(board, room, { open: true, roomOnly: command.roomOnly, sessionId: command.sessionId });
    case 'qa.close':
      return rb.qa.open ? withQa(board, room, { ...rb.qa, open: false }) : same(board);
    case 'question.publish': {
      const existing = rb.questions.find((q) => q.id === command.questionId);
      const question: BoardQuestion = {
        id: command.questionId,
        text: command.text,
        name: command.name ?? null,
        publishedAt: existing?.publishedAt ?? now,
      };
      if (existing) {
        const questions = rb.questions.map((q) => (q.id === question.id ? question : q));
        return inRoom(board, room, { ...rb, questions }, [{ op: 'question', value: publishedQuestion(question, votesOf) }]);
      }
      const all = [question, ...rb.questions];
      const kept = all.slice(0, MAX.publishedQuestions);
      const ops: PatchOp[] = all.slice(MAX.publishedQuestions).map((q) => ({ op: 'question.remove', id: q.id }));
      ops.push({ op: 'question', value: publishedQuestion(question, votesOf) });
      return inRoom(board, room, { ...rb, questions: kept }, ops);
    }
    case 'question.withdraw':
      if (!rb.questions.some((q) => q.id === command.questionId)) return same(board);
      return inRoom(board, room, { ...rb, questions: rb.questions.filter((q) => q.id !== command.questionId) }, [
        { op: 'question.remove', id: command.questionId },
      ]);
    case 'questions.clear':
      return rb.questions.length === 0 ? same(board) : inRoom(board, room, { ...rb, questions: [] }, [{ op: 'questions.clear' }]);
    case 'notice.show':
      return { board: { ...board, notice: command.text }, ops: [{ op: 'notice', value: command.text }], room: null };
    case 'notice.clear':
      return board.notice === null ? same(board) : { board: { ...board, notice: null }, ops: [{ op: 'notice', value: null }], room: null };
    case 'results.reveal':
      return inRoom(board, room, { ...rb, results: command.results }, [{ op: 'results', value: command.results }]);
    case 'results.hide':
      return rb.results === null ? same(board) : inRoom(board, room, { ...rb, results: null }, [{ op: 'results', value: null }]);
    case 'rooms.set':
      return withRooms(board, command.rooms);
    // Personal codes live in the hub's tables (hub-store.ts), not on the board: the writer keeps them.
    case 'codes.add':
    case 'codes.clear':
    case 'code.release':
      return same(board);
    case 'words.banned':
      // Hub-side only (the phones never see the list): no op for them.
      return { board: { ...board, bannedWords: { ...board.bannedWords, [command.cloudId]: command.keys } }, ops: [], room: null };
    case 'branding.set':
      // Sent to the phones as its own `branding` event (never a patch op: an older page would refuse the patch).
      return { board: { ...board, branding: command.branding ? toBoardBranding(command.branding) : null }, ops: [], room: null };
    case 'poll.reset':
      // The votes themselves are forgotten by the writer (hub-writer.ts); the board loses its results.
      return rb.results?.interactionId !== command.pollId
        ? same(board)
        : inRoom(board, room, { ...rb, results: null }, [{ op: 'results', value: null }]);
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
