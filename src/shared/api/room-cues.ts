import { type CueShowState, type CueStandby, standbyOf } from '../domain/cue-rooms';
import type { Programme } from '../domain/programme';
import type { RoomId } from '../domain/rooms';
import { busRoom } from './room-bus';

/**
 * Each room's run-of-show playhead (docs/rooms.md § 2), read one way by the core, the remote
 * control and the desks: a room's standby, hold and last GO time. No room named: the main room's.
 */
export function cuesOf(state: { programme: Programme | null; cues: CueShowState }, room?: RoomId | null): CueStandby {
  return standbyOf(state.cues, busRoom(state, room));
}
