import { busRoom, mainRoomOf, programOf, roomEntry, withRoom } from '../../shared/api/room-bus';
import type { RegieState } from '../../shared/api/state';
import { findRoom, type RoomId } from '../../shared/domain/rooms';
import type { ProgramState } from '../../shared/domain/scene';
import type { RegieEvent } from './events';

/** The events of a room's program bus, stage message and GO (docs/rooms.md § 2). */
export type RoomBusEvent = Extract<
  RegieEvent,
  { type: `program.${string}` } | { type: 'stage.message.set' } | { type: 'go.recorded' } | { type: 'go.undone' }
>;

function withProgram(state: RegieState, room: RoomId, program: ProgramState): RegieState {
  return { ...state, programs: withRoom(state.programs, room, program) };
}

/**
 * Applies a bus event to its room. An event without a room (a journal written before rooms) is the
 * main room's, as the programme of that moment names it: a replay finds the same room.
 */
export function applyRoomBusEvent(state: RegieState, event: RoomBusEvent): RegieState {
  const room = busRoom(state, event.room);
  const p = programOf(state, room);
  switch (event.type) {
    case 'program.previewed':
      return withProgram(state, room, { ...p, preview: event.scene, previewCue: event.cueId ?? null });
    case 'program.taken': {
      const wasOnAir = p.panicFrom ?? p.onAir;
      // A TAKE empties the preview (a journal from before swapped it); a cue's scene leaves it alone.
      const taken = event.swap || event.emptyPreview === true;
      const preview = event.swap ? wasOnAir : event.emptyPreview ? null : p.preview;
      return withProgram(state, room, {
        ...p,
        onAir: event.scene,
        preview,
        previewCue: taken ? null : (p.previewCue ?? null),
        onAirCue: event.cueId ?? null,
        previous: wasOnAir,
        take: p.take + 1,
        panicFrom: null,
        takeTransition: event.transition,
      });
    }
    case 'program.panicked':
      return withProgram(state, room, { ...p, panicFrom: p.onAir, onAir: { kind: event.to }, take: p.take + 1 });
    case 'program.restored':
      return withProgram(state, room, { ...p, onAir: p.panicFrom ?? p.onAir, panicFrom: null, take: p.take + 1 });
    case 'program.locked':
      return withProgram(state, room, { ...p, locked: event.locked });
    case 'program.transition.set':
      return withProgram(state, room, { ...p, transition: event.transition });
    case 'stage.message.set':
      return { ...state, stageMessages: withRoom(state.stageMessages, room, event.text === null ? null : { text: event.text, at: event.at }) };
    case 'go.recorded':
      return { ...state, lastGos: withRoom(state.lastGos, room, event.lastGo) };
    case 'go.undone':
      return { ...state, lastGos: withRoom(state.lastGos, room, null) };
    default:
      return event satisfies never;
  }
}

/**
 * After the programme changed: when the main room it named is gone from the new programme (another
 * programme loaded, rooms renamed), its bus, stage message and last GO follow the new main room, so
 * that the projector window keeps what it showed. Another room's entries wait for their room.
 */
export function carryMainRoom(before: RegieState, after: RegieState): RegieState {
  const from = mainRoomOf(before);
  const to = mainRoomOf(after);
  if (from === to || (after.programme && findRoom(after.programme, from))) return after;
  const move = <T>(record: Record<RoomId, T>): Record<RoomId, T> => {
    const value = roomEntry(record, from);
    if (value === undefined || roomEntry(record, to) !== undefined) return record;
    return withRoom(withRoom(record, from, null), to, value);
  };
  const programs = move(after.programs);
  const stageMessages = move(after.stageMessages);
  const lastGos = move(after.lastGos);
  if (programs === after.programs && stageMessages === after.stageMessages && lastGos === after.lastGos) return after;
  return { ...after, programs, stageMessages, lastGos };
}
