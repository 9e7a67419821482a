import { cueRoom, isKnownRoom, lastGoOf, mainRoomOf, programOf, stageMessageOf, type StageMessage, undoInputOf } from '../../../shared/api/room-bus';
import { cuesOf } from '../../../shared/api/room-cues';
import type { CueStandby } from '../../../shared/domain/cue-rooms';
import { type LastGo, type UndoPlan, undoPlan } from '../../../shared/domain/go-undo';
import type { ViewState } from '../../../shared/api/state';
import { findRoom, type RoomId } from '../../../shared/domain/rooms';
import type { ProgramState } from '../../../shared/domain/scene';
import type { SeatInfo } from '../../../shared/domain/seats';
import { useRegie } from '../../lib/regie-store';
import { resolveDeskRoom, roomFieldFor, useDeskRoomStore } from './desk-room-store';

/** The desk's room, read from the mirrored state, the seat and the room chosen. */
export function deskRoomIn(state: Pick<ViewState, 'programme'> | null, seat: SeatInfo | null, chosen: RoomId | null): RoomId {
  const s = state ?? { programme: null };
  return resolveDeskRoom(chosen, seat, mainRoomOf(s), (room) => isKnownRoom(s, room));
}

/** The room this desk drives now (outside React: the actions). */
export function deskRoom(): RoomId {
  const { state, seat } = useRegie.getState();
  return deskRoomIn(state, seat, useDeskRoomStore.getState().chosen);
}

/** `{ room }` for a command of this desk's bus or stage message (none for the main room at the central desk). */
export function deskRoomField(): { room?: RoomId } {
  const { state, seat } = useRegie.getState();
  const room = deskRoom();
  // A room seat always names its room: the core checks it against the seat.
  if (seat?.kind === 'room') return { room };
  return roomFieldFor(room, mainRoomOf(state ?? { programme: null }));
}

export function useDeskRoom(): RoomId {
  const chosen = useDeskRoomStore((s) => s.chosen);
  return useRegie((s) => deskRoomIn(s.state, s.seat, chosen));
}

/** This desk is a room moderator's (a `room` seat): its room only, none of the central régie's panels. */
export function useRoomSeat(): boolean {
  return useRegie((s) => s.seat?.kind === 'room');
}

export interface DeskRoomInfo {
  id: RoomId;
  name: string;
  main: boolean;
}

/** The desk's room with its name, and whether it is the main room. */
export function useDeskRoomInfo(): DeskRoomInfo {
  const room = useDeskRoom();
  const programme = useRegie((s) => s.state?.programme ?? null);
  const main = mainRoomOf({ programme });
  return { id: room, name: (programme ? findRoom(programme, room)?.name : undefined) ?? room, main: room === main };
}

/** The program bus of the desk's room (one object per value: no re-render loop). */
export function useDeskProgram(): ProgramState | null {
  const room = useDeskRoom();
  return useRegie((s) => (s.state ? programOf(s.state, room) : null));
}

export function useDeskStageMessage(): StageMessage | null {
  const room = useDeskRoom();
  return useRegie((s) => (s.state ? stageMessageOf(s.state, room) : null));
}

/**
 * The room whose run of show this desk drives (its standby card, Space, the arrows, `h`, `u`): the
 * room the desk drives (its seat's, the one chosen in the overview, `?room=`, else the main room).
 */
export function deskRoomOf(state: Pick<ViewState, 'programme'>): RoomId {
  return deskRoomIn(state, useRegie.getState().seat, useDeskRoomStore.getState().chosen);
}

/** The desk's room's playhead: its standby, hold and last GO time. */
export function deskCuesOf(state: Pick<ViewState, 'programme' | 'cues'>): CueStandby {
  return cuesOf(state, deskRoomOf(state));
}

export function useDeskCues(): CueStandby | null {
  const room = useDeskRoom();
  return useRegie((s) => (s.state ? cuesOf(s.state, room) : null));
}

/**
 * The GO a desk's `u` undoes: its room's last GO. Each room has its own standby, so a desk's GOs
 * are its room's; another room's GO is undone with that room driven.
 */
export function deskLastGo(state: Pick<ViewState, 'programme' | 'lastGos'>): LastGo | null {
  return lastGoOf(state, deskRoomOf(state));
}

export function useDeskLastGo(): LastGo | null {
  const room = useDeskRoom();
  return useRegie((s) => (s.state ? lastGoOf(s.state, room) : null));
}

/** What undoing the GO on `cueId` would do, read in that cue's room. */
export function deskUndoPlan(state: ViewState, cueId: string): UndoPlan {
  return undoPlan(undoInputOf(state, cueRoom(state, cueId)), cueId);
}

