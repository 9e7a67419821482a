import type { AudienceQuestion, QaState, RegieState, ViewState } from '../api/state';
import { defaultRoomOfInteraction, qaOf } from '../api/room-live';
import { type RoomId, roomOr } from './rooms';
import { mainRoomOf } from '../api/room-bus';

/**
 * Which room a thing of the state belongs to (docs/rooms.md § 2), for the seats' authorisation
 * (authorize.ts) and projection (src/main/server/seat-projection.ts). The per-room slices are read
 * through src/shared/api/room-live.ts (Q&A, interactions) and room-bus.ts (bus, stage message, GO).
 */

type StateWithProgramme = Pick<RegieState, 'programme'>;

/** The main room of the state's programme (no programme: the default room). */
export function stateMainRoom(state: StateWithProgramme): RoomId {
  return mainRoomOf(state);
}

/** Reads an optional `room` field of something that may not have one yet. */
function roomField(x: object | undefined): RoomId | undefined {
  if (x === undefined || !('room' in x)) return undefined;
  const room = (x as { room?: unknown }).room;
  return typeof room === 'string' ? room : undefined;
}

/** A question's room: its `room`, else (written before rooms) the main room. */
export function questionRoom(q: AudienceQuestion, main: RoomId): RoomId {
  return roomOr(roomField(q), main);
}

/**
 * An interaction's room: its run's `room` once it ran in a room; else the room of the first
 * session whose cues launch it (a prepared workshop poll is that workshop's); else the main room.
 */
export function interactionRoom(state: StateWithProgramme & Pick<RegieState, 'live'>, interactionId: string): RoomId {
  return defaultRoomOfInteraction(state, interactionId);
}

/** A room's Q&A (closed when it never opened). */
export function roomQa(state: StateWithProgramme & Pick<ViewState, 'live'>, room: RoomId): QaState {
  return qaOf(state, room);
}
