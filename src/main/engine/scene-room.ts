import { mainRoomOf } from '../../shared/api/room-bus';
import type { AudienceQuestion, RegieState } from '../../shared/api/state';
import type { RoomId } from '../../shared/domain/rooms';

/**
 * The room a question or an interaction belongs to, for the check that a room's screen shows only
 * its own (docs/rooms.md § 2). `AudienceQuestion.room` and the interaction run's `room` come with
 * the rooms' Q&A (another part of issue 17): until they are in the state, and for a question or a
 * run from before rooms, it is the main room — as an event without a room is the main room's.
 */
export function questionRoom(q: AudienceQuestion, state: Pick<RegieState, 'programme'>): RoomId {
  const own = (q as { room?: unknown }).room;
  return typeof own === 'string' ? own : mainRoomOf(state);
}

/** The room of an interaction's run; null for an interaction never opened (any room may show it). */
export function interactionRoom(id: string, state: Pick<RegieState, 'programme' | 'live'>): RoomId | null {
  const run = Object.hasOwn(state.live.interactions, id) ? state.live.interactions[id] : undefined;
  if (!run) return null;
  const own = (run as { room?: unknown }).room;
  return typeof own === 'string' ? own : mainRoomOf(state);
}
