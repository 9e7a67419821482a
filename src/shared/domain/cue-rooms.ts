import { z } from 'zod';
import { type CueEngineState, type CueEvent, cueRunSchema, evolveCue } from './cue-events';
import type { TimedCue } from './cue-list';
import type { Programme } from './programme';
import { mainRoomId, type RoomId, roomOfSession, roomsOf } from './rooms';

/**
 * Each room its own run of show (docs/rooms.md § 2): when six workshops run at once, each has its
 * standby, its GO order, its hold and its missed cues, and auto cues fire in every room on their
 * own. What is per room is the playhead (`CueStandby`); a cue's run (`runs`, a cue id is unique in
 * the programme) and the watched start (`since`) are the show's.
 *
 * The cue engine (cue-engine.ts) works on one room at a time: `cueRoomState` gives it the room's
 * view (the old one-standby shape, with the show's runs), and `withCueRoomState` writes the view
 * it returns back. Folding a room's events with `evolveCueShow` does the same, so the journal
 * rebuilds every room.
 */

const instant = z.number();

export const cueStandbySchema = z.strictObject({
  /** The cue the room's next GO fires. */
  standby: z.string().nullable(),
  /** Put there by the operator (next/previous, re-arm): the engine leaves it until it fires or is skipped. */
  standbyPinned: z.boolean(),
  /** Held: no cue of the room fires by itself. */
  held: z.boolean(),
  heldSince: instant.nullable(),
  /** The room's last accepted GO, against double presses. */
  lastGoAt: instant.nullable(),
});
export type CueStandby = z.infer<typeof cueStandbySchema>;

export const cueShowStateSchema = z.strictObject({
  /** Each room's playhead (a room without an entry: nothing on standby, not held). */
  rooms: z.record(z.string(), cueStandbySchema),
  runs: z.record(z.string(), cueRunSchema),
  /** From when the engine watches the auto cues (cue-events.ts says why); null: all of them. */
  since: instant.nullable(),
});
export type CueShowState = z.infer<typeof cueShowStateSchema>;

/** The playhead of a room that never had one: one frozen object, so a view's selector is stable. */
export const IDLE_STANDBY: CueStandby = Object.freeze({ standby: null, standbyPinned: false, held: false, heldSince: null, lastGoAt: null });

const samePlayhead = (a: CueStandby, b: CueStandby) =>
  a.standby === b.standby && a.standbyPinned === b.standbyPinned && a.held === b.held && a.heldSince === b.heldSince && a.lastGoAt === b.lastGoAt;

/** A playhead kept as a room's entry (idle: none), as `withCueRoomState` keeps it. */
export function playheadEntry(room: RoomId, playhead: CueStandby): Record<RoomId, CueStandby> {
  return samePlayhead(IDLE_STANDBY, playhead) ? {} : { [room]: playhead };
}

export function initialCueShowState(): CueShowState {
  return { rooms: {}, runs: {}, since: null };
}

/** A room's playhead (own keys only: a room called « constructor » is not Object's). */
export function standbyOf(show: CueShowState, room: RoomId): CueStandby {
  return Object.hasOwn(show.rooms, room) ? show.rooms[room]! : IDLE_STANDBY;
}

/** What the cue engine works on for one room: its playhead, and the show's runs and watched start. */
export function cueRoomState(show: CueShowState, room: RoomId): CueEngineState {
  return { ...standbyOf(show, room), runs: show.runs, since: show.since };
}

/**
 * The show with one room's view written back. Untouched parts keep their identity (patches rely
 * on it), and a room whose playhead is idle has no entry: one form for one show, whether it was
 * replayed, upgraded from an older snapshot or reset.
 */
export function withCueRoomState(show: CueShowState, room: RoomId, view: CueEngineState): CueShowState {
  const { runs, since, ...playhead } = view;
  const before = standbyOf(show, room);
  let rooms = show.rooms;
  if (!samePlayhead(before, playhead)) {
    if (samePlayhead(IDLE_STANDBY, playhead)) {
      const { [room]: _idle, ...rest } = show.rooms;
      rooms = rest;
    } else rooms = { ...show.rooms, [room]: playhead };
  }
  const sinceAfter = since ?? null;
  if (rooms === show.rooms && runs === show.runs && sinceAfter === show.since) return show;
  return { rooms, runs, since: sinceAfter };
}

/** Applies one event of `room`'s run of show. Pure and immutable. */
export function evolveCueShow(show: CueShowState, event: CueEvent, room: RoomId): CueShowState {
  return withCueRoomState(show, room, evolveCue(cueRoomState(show, room), event));
}

/** The room of an event: its own, else (a journal of before rooms) the main room. */
export function eventRoom(event: { room?: RoomId | undefined }, main: RoomId): RoomId {
  return event.room ?? main;
}

/** The events of a room's step, stamped with the room for the journal. */
export function inRoom<E extends CueEvent>(events: readonly E[], room: RoomId): E[] {
  return events.map((e) => ({ ...e, room }));
}

/** The rooms with a playhead held now. */
export function heldRooms(show: CueShowState): RoomId[] {
  return Object.entries(show.rooms)
    .filter(([, p]) => p.held)
    .map(([room]) => room);
}

const sessionRooms = new WeakMap<Programme, Map<string, RoomId>>();

/** A cue's room is its session's (docs/rooms.md § 1); read once per programme, four ticks a second. */
export function roomOfCueSession(programme: Programme, sessionId: string): RoomId {
  let rooms = sessionRooms.get(programme);
  if (!rooms) {
    rooms = new Map(programme.sessions.map((s) => [s.id, roomOfSession(programme, s.id).id]));
    sessionRooms.set(programme, rooms);
  }
  return rooms.get(sessionId) ?? mainRoomId(programme);
}

/** The cues of one room, in the engine's order. */
export function roomCues(programme: Programme | null, list: readonly TimedCue[], room: RoomId): TimedCue[] {
  return programme ? list.filter((c) => roomOfCueSession(programme, c.sessionId) === room) : [];
}

/**
 * The rooms whose run of show the clock drives, main room first then the programme's order: every
 * room with cues, and a room whose playhead still points somewhere (its cues gone with an edit, the
 * engine lets its standby go).
 */
export function cueRooms(programme: Programme | null, list: readonly TimedCue[], show: CueShowState): RoomId[] {
  if (!programme) return [];
  const withCues = new Set(list.map((c) => roomOfCueSession(programme, c.sessionId)));
  const ordered = roomsOf(programme)
    .slice()
    .sort((a, b) => Number(b.main) - Number(a.main))
    .map((r) => r.id)
    .filter((id) => withCues.has(id));
  const stale = Object.entries(show.rooms)
    .filter(([room, p]) => p.standby !== null && !withCues.has(room))
    .map(([room]) => room);
  return [...ordered, ...stale];
}
