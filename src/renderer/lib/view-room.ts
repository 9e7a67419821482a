import { cueRoom, lastGoOf, mainRoomOf, programOf, stageMessageOf, type StageMessage, undoInputOf } from '../../shared/api/room-bus';
import { cuesOf } from '../../shared/api/room-cues';
import type { CueStandby } from '../../shared/domain/cue-rooms';
import type { ViewState } from '../../shared/api/state';
import { type LastGo, type UndoPlan, undoPlan } from '../../shared/domain/go-undo';
import { ROOM_ID_PATTERN, type RoomId } from '../../shared/domain/rooms';
import type { ProgramState } from '../../shared/domain/scene';
import { useRegie } from './regie-store';

/**
 * The room a view shows or drives: `?room=` in its address (docs/rooms.md § 2). An output or a
 * stage tablet of a workshop is opened at `/output?room=salle-450`; without it, the main room.
 * A room written wrong is said, never taken for the main room (a workshop's projector showing
 * the plenary would look right and be wrong).
 */
export type ViewRoom = { ok: true; room: RoomId | null } | { ok: false; raw: string };

export function roomFromSearch(search: string): ViewRoom {
  const raw = new URLSearchParams(search).get('room');
  if (raw === null || raw.trim() === '') return { ok: true, room: null };
  const room = raw.trim().toLowerCase();
  return ROOM_ID_PATTERN.test(room) ? { ok: true, room } : { ok: false, raw };
}

const fromLocation = roomFromSearch(globalThis.location?.search ?? '');

/** This page's room (null: the main room; also for a malformed one, which main.tsx refuses to show). */
export const VIEW_ROOM: RoomId | null = fromLocation.ok ? fromLocation.room : null;
export const VIEW_ROOM_MALFORMED: boolean = !fromLocation.ok;

/** The program bus of this page's room (the selectors give one object per value: no re-render loop). */
export function useProgram(): ProgramState | null {
  return useRegie((s) => (s.state ? programOf(s.state, VIEW_ROOM) : null));
}

export function useStageMessage(): StageMessage | null {
  return useRegie((s) => (s.state ? stageMessageOf(s.state, VIEW_ROOM) : null));
}

/**
 * The room whose run of show this desk drives (its standby card, Space, the arrows, `h`, `u`):
 * `?room=` in its address, else the main room. The one place to change if the desk gains a way to
 * switch rooms (rooms-desk): everything of the run of show reads the desk's room from here.
 */
export function deskRoomOf(state: Pick<ViewState, 'programme'>): RoomId {
  return VIEW_ROOM ?? mainRoomOf(state);
}

export function useDeskRoom(): RoomId | null {
  return useRegie((s) => (s.state ? deskRoomOf(s.state) : null));
}

/** The desk's room's playhead: its standby, hold and last GO time. */
export function deskCuesOf(state: Pick<ViewState, 'programme' | 'cues'>): CueStandby {
  return cuesOf(state, deskRoomOf(state));
}

export function useDeskCues(): CueStandby | null {
  return useRegie((s) => (s.state ? deskCuesOf(s.state) : null));
}

/**
 * The GO a desk's `u` undoes: its room's last GO. Each room has its own standby, so a desk's GOs
 * are its room's; another room's GO is undone from that room's desk (`?room=`).
 */
export function deskLastGo(state: Pick<ViewState, 'programme' | 'lastGos'>): LastGo | null {
  return lastGoOf(state, deskRoomOf(state));
}

export function useDeskLastGo(): LastGo | null {
  return useRegie((s) => (s.state ? deskLastGo(s.state) : null));
}

/** What undoing the GO on `cueId` would do, read in that cue's room. */
export function deskUndoPlan(state: ViewState, cueId: string): UndoPlan {
  return undoPlan(undoInputOf(state, cueRoom(state, cueId)), cueId);
}

/** `{ room }` for a command of this page's bus, or nothing for the main room (as an older desk sent). */
export function roomField(): { room?: RoomId } {
  return VIEW_ROOM === null ? {} : { room: VIEW_ROOM };
}
