import { create } from 'zustand';
import { VIEW_ROOM } from '../../lib/view-room';
import type { RoomId } from '../../../shared/domain/rooms';
import type { SeatInfo } from '../../../shared/domain/seats';

/**
 * The room the desk drives (docs/rooms.md § 5): its queue and its program bus (preview, TAKE,
 * panic, stage message) are that room's. The central régie switches it from the rooms overview
 * (`o`, then a room's key) and comes back to the main room with `0`; it starts on the address's
 * room (`?room=`), else the main room. A room moderator's desk is its seat's room, whatever this says.
 */
export interface DeskRoomState {
  /** null: the main room, whichever it is (the programme may change it). */
  chosen: RoomId | null;
  overviewOpen: boolean;
  /** Bumped when a room's queue is asked for: the centre shows « Questions ». */
  queueTicket: number;
}

export const useDeskRoomStore = create<DeskRoomState>(() => ({ chosen: VIEW_ROOM, overviewOpen: false, queueTicket: 0 }));

/**
 * The room a desk drives: a room seat's own room (its main room when its seat names none); at the
 * central desk the room chosen, else the main room. A chosen room the programme no longer has is
 * the main room (the desk never drives a room that is gone).
 */
export function resolveDeskRoom(chosen: RoomId | null, seat: Pick<SeatInfo, 'kind' | 'room'> | null, main: RoomId, known: (room: RoomId) => boolean): RoomId {
  if (seat?.kind === 'room') return seat.room ?? main;
  return chosen !== null && known(chosen) ? chosen : main;
}

/** The `room` a bus or stage command carries: none for the main room (as a desk of before rooms sent), else the room. */
export function roomFieldFor(room: RoomId, main: RoomId): { room?: RoomId } {
  return room === main ? {} : { room };
}

/** Drives a room: its queue and its bus. `queue`: the centre shows its questions. */
export function driveRoom(room: RoomId | null, opts: { queue?: boolean } = {}): void {
  useDeskRoomStore.setState((s) => ({ chosen: room, overviewOpen: false, queueTicket: opts.queue ? s.queueTicket + 1 : s.queueTicket }));
}

export function driveMainRoom(): void {
  driveRoom(null);
}

export function openOverview(): void {
  useDeskRoomStore.setState({ overviewOpen: true });
}

export function closeOverview(): void {
  useDeskRoomStore.setState({ overviewOpen: false });
}

export function toggleOverview(): void {
  useDeskRoomStore.setState((s) => ({ overviewOpen: !s.overviewOpen }));
}
