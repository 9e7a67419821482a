import type { AudienceQuestion, QaState, RegieState, ViewState } from '../api/state';
import { defaultRoomOfInteraction, qaOf } from '../api/room-live';
import { mainRoomId, type RoomId, roomOr, DEFAULT_ROOM } from './rooms';
import { initialProgram, type ProgramState } from './scene';

/**
 * Which room a thing of the state belongs to, and a room's share of the slices that are one per
 * room (docs/rooms.md § 2). The seats' authorisation (authorize.ts) and projection
 * (src/main/server/seat-projection.ts) read rooms through these functions only.
 *
 * THE EXTENSION POINT. Written before the per-room state lands (rooms-qa: `room` on questions and
 * interaction runs, `live.qa` per room; rooms-bus: `programs`, `stageMessages` per room), each
 * reads the field when it is there and falls back to the main room otherwise. When those fields
 * land, only the bodies of `roomProgram` and `roomStageMessage` change (read the room's entry);
 * `roomQa`, `questionRoom` and `interactionRoom` read the per-room state already.
 */

type StateWithProgramme = Pick<RegieState, 'programme'>;

/** The main room of the state's programme (no programme: the default room). */
export function stateMainRoom(state: StateWithProgramme): RoomId {
  return state.programme ? mainRoomId(state.programme) : DEFAULT_ROOM.id;
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

/** A room's program bus. Today one bus, the main room's; rooms-bus: `state.programs[room] ?? initialProgram()`. */
export function roomProgram(state: StateWithProgramme & Pick<ViewState, 'program'>, room: RoomId): ProgramState {
  return room === stateMainRoom(state) ? state.program : initialProgram();
}

/** A room's stage message. Today one, the main room's; rooms-bus: `state.stageMessages[room] ?? null`. */
export function roomStageMessage(state: StateWithProgramme & Pick<ViewState, 'stageMessage'>, room: RoomId): ViewState['stageMessage'] {
  return room === stateMainRoom(state) ? state.stageMessage : null;
}
