import type { AudienceQuestion } from '../../../shared/api/state';
import { questionRoom } from '../../../shared/domain/room-of';
import type { RoomId } from '../../../shared/domain/rooms';

/**
 * What a desk scoped to one room sees of the questions (docs/rooms.md § 5): that room's only.
 * The main room's queue is the plenary's: a workshop's question is in its room's queue, never there.
 */
export function roomQuestions(all: readonly AudienceQuestion[], room: RoomId, main: RoomId): readonly AudienceQuestion[] {
  // A room seat receives its room's questions only: nothing to drop, the same array (no new identity).
  if (all.every((q) => questionRoom(q, main) === room)) return all;
  return all.filter((q) => questionRoom(q, main) === room);
}

/** How many questions of a room wait to be screened (the « Questions » tab's count). */
export function incomingIn(all: readonly AudienceQuestion[], room: RoomId, main: RoomId): number {
  let n = 0;
  for (const q of all) if (q.status === 'incoming' && questionRoom(q, main) === room) n += 1;
  return n;
}

/** A session's window on the show clock (delays and marks applied). */
export interface SessionSpan {
  id: string;
  room: RoomId;
  start: number;
  end: number;
}

/** The session a room's desk calls « current »: its open Q&A's, else the first of that room running now. */
export function currentSessionOfRoom(qaSessionId: string | null, spans: readonly SessionSpan[], room: RoomId, now: number): string | null {
  if (qaSessionId) return qaSessionId;
  return spans.find((w) => w.room === room && w.start <= now && now < w.end)?.id ?? null;
}
