import type { LastGo, UndoInput } from '../domain/go-undo';
import type { Programme } from '../domain/programme';
import { DEFAULT_ROOM, findRoom, mainRoomId, roomOfSession, type RoomId } from '../domain/rooms';
import { initialProgram, type ProgramState } from '../domain/scene';

/**
 * Each room its own program bus, stage message and last GO (docs/rooms.md § 2). The state keeps
 * them by room id; everyone reads them through these selectors, which give a room without an
 * entry its initial value and a missing room (an older client, an older journal) the main room's.
 */

/** A message from the régie to a room's stage tablet (« Plus que 5 minutes »). */
export interface StageMessage {
  text: string;
  at: number;
}

/** What the selectors read: the core's state and every view's mirror of it have these. */
export interface RoomBuses {
  programme: Programme | null;
  programs: Record<RoomId, ProgramState>;
  stageMessages: Record<RoomId, StageMessage>;
  lastGos: Record<RoomId, LastGo>;
}

/**
 * The bus of a room that never had one. One object for every such room, so that a view's
 * selector returns the same value twice running (React re-renders on a new identity).
 */
export const IDLE_PROGRAM: ProgramState = Object.freeze(initialProgram());

/** The room whose bus the projector window and `/output` without `?room=` show. */
export function mainRoomOf(state: Pick<RoomBuses, 'programme'>): RoomId {
  return state.programme ? mainRoomId(state.programme) : DEFAULT_ROOM.id;
}

/** A room named by a command or a view, or the main room when none is named. */
export function busRoom(state: Pick<RoomBuses, 'programme'>, room: RoomId | null | undefined): RoomId {
  return room ?? mainRoomOf(state);
}

/** True when the programme has this room (without a programme: only the default room). */
export function isKnownRoom(state: Pick<RoomBuses, 'programme'>, room: RoomId): boolean {
  return state.programme ? findRoom(state.programme, room) !== undefined : room === DEFAULT_ROOM.id;
}

/** A room's entry (own keys only: a room called « constructor » is not Object's). */
export function roomEntry<T>(record: Record<RoomId, T>, room: RoomId): T | undefined {
  return Object.hasOwn(record, room) ? record[room] : undefined;
}

export function programOf(state: Pick<RoomBuses, 'programme' | 'programs'>, room?: RoomId | null): ProgramState {
  return roomEntry(state.programs, busRoom(state, room)) ?? IDLE_PROGRAM;
}

export function stageMessageOf(state: Pick<RoomBuses, 'programme' | 'stageMessages'>, room?: RoomId | null): StageMessage | null {
  return roomEntry(state.stageMessages, busRoom(state, room)) ?? null;
}

export function lastGoOf(state: Pick<RoomBuses, 'programme' | 'lastGos'>, room?: RoomId | null): LastGo | null {
  return roomEntry(state.lastGos, busRoom(state, room)) ?? null;
}

/** The most recent GO of any room, and its room: what a desk that runs every room's cues may undo. */
export function latestGo(state: Pick<RoomBuses, 'lastGos'>): { room: RoomId; lastGo: LastGo } | null {
  let latest: { room: RoomId; lastGo: LastGo } | null = null;
  for (const [room, lastGo] of Object.entries(state.lastGos)) if (!latest || lastGo.at > latest.lastGo.at) latest = { room, lastGo };
  return latest;
}

/** A record with one room's entry replaced (null: removed). */
export function withRoom<T>(record: Record<RoomId, T>, room: RoomId, value: T | null): Record<RoomId, T> {
  if (value === null) {
    if (!Object.hasOwn(record, room)) return record;
    const { [room]: _gone, ...rest } = record;
    return rest;
  }
  return { ...record, [room]: value };
}

/** The room a session runs in (its `room` place); no session or no programme: the main room. */
export function sessionRoom(state: Pick<RoomBuses, 'programme'>, sessionId: string | null): RoomId {
  return state.programme && sessionId !== null ? roomOfSession(state.programme, sessionId).id : mainRoomOf(state);
}

/** The room of a cue: its session's (a cue put a scene on that room's bus; its GO is that room's). */
export function cueRoom(state: Pick<RoomBuses, 'programme'>, cueId: string): RoomId {
  const session = state.programme?.sessions.find((s) => s.cues?.some((c) => c.id === cueId));
  return sessionRoom(state, session?.id ?? null);
}

/** What undoing a room's last GO reads (go-undo.ts): that room's bus and last GO, the rest of the show. */
export function undoInputOf(state: Omit<UndoInput, 'program' | 'lastGo'> & RoomBuses, room: RoomId): UndoInput {
  return { ...state, program: programOf(state, room), lastGo: lastGoOf(state, room) };
}
