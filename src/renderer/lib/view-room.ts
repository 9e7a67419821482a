import { programOf, stageMessageOf, type StageMessage } from '../../shared/api/room-bus';
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
