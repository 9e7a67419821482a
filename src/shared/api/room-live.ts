import type { Programme } from '../domain/programme';
import { DEFAULT_ROOM, findRoom, type RoomId } from '../domain/rooms';
import { cueRoom, mainRoomOf as busMainRoom, sessionRoom } from './room-bus';
import { CLOSED_QA, type LiveState, type QaState } from './state';

/**
 * The live Q&A and interactions per room (docs/rooms.md § 2), read one way by the core and the
 * views. Anything written before rooms, or sent without a room, belongs to the main room.
 */

type WithProgramme = { programme: Programme | null };
type WithLive = WithProgramme & { live: Pick<LiveState, 'qa'> };

/** The main room's id (no programme: the default room). */
export function mainRoomOf(programme: Programme | null): RoomId {
  return busMainRoom({ programme });
}

/** A room's Q&A (closed when it never opened). */
export function qaOf(state: WithLive, room: RoomId): QaState {
  return state.live.qa[room] ?? CLOSED_QA;
}

/** The main room's Q&A: what the central desk, its queue and the plenary's stage read. */
export function mainQa(state: WithLive): QaState {
  return qaOf(state, mainRoomOf(state.programme));
}

/** The rooms whose Q&A is open now. */
export function openQaRooms(state: Pick<WithLive, 'live'>): RoomId[] {
  return Object.entries(state.live.qa)
    .filter(([, qa]) => qa.open)
    .map(([room]) => room);
}

/** The room of a session (none, or unknown: the main room). */
export function roomOfSessionId(programme: Programme | null, sessionId: string | null | undefined): RoomId {
  return sessionRoom({ programme }, sessionId || null);
}

/** The room of a cue: its session's. */
export function roomOfCue(programme: Programme | null, cueId: string): RoomId {
  return cueRoom({ programme }, cueId);
}

/**
 * Where an interaction opens when the command names no room: where it ran last, else the room it
 * was made for (a workshop seat's poll made on the spot), else the room of the first session whose
 * cues name it (a workshop's prepared poll opens in the workshop), else the main room.
 */
export function defaultRoomOfInteraction(state: WithProgramme & { live: Pick<LiveState, 'interactions'> }, interactionId: string): RoomId {
  const run = Object.hasOwn(state.live.interactions, interactionId) ? state.live.interactions[interactionId] : undefined;
  if (run) return run.room;
  const madeFor = state.programme?.interactions?.find((i) => i.id === interactionId)?.room;
  if (madeFor !== undefined && knownRoom(state.programme, madeFor) !== null) return madeFor;
  const session = state.programme?.sessions.find((s) =>
    s.cues?.some((c) => 'interaction' in c.action && c.action.interaction === interactionId),
  );
  return roomOfSessionId(state.programme, session?.id ?? null);
}

/** The room a command names, checked against the programme's rooms (null: unknown). */
export function knownRoom(programme: Programme | null, room: RoomId): RoomId | null {
  if (!programme) return room === DEFAULT_ROOM.id ? room : null;
  return findRoom(programme, room)?.id ?? null;
}
