import { z } from 'zod';

/**
 * Rooms (docs/rooms.md § 1): the places where sessions run at the same time, each with its own Q&A,
 * interactions and program bus. The programme may list them; otherwise they are derived from the
 * sessions' `room` texts. Everything here is pure: the core, the hub's feeder and the views all
 * agree on the same rooms for the same programme.
 */

export const ROOM_ID_PATTERN = /^[a-z0-9][a-z0-9-]{0,39}$/;
export type RoomId = string;

/** The programme's own list of rooms (`rooms:` at the top level of the native file). */
export const roomEntrySchema = z.strictObject({
  id: z.string().regex(ROOM_ID_PATTERN, 'salle : identifiant de 1 à 40 caractères [a-z0-9-]'),
  name: z.string().trim().min(1).max(120),
  /** The room whose bus the projector window and `/output` without `?room=` show. */
  main: z.boolean().optional(),
  /** The sessions' `room` texts that take place in this room (its own name always does). */
  places: z.array(z.string().trim().min(1).max(120)).max(20).optional(),
});
export type RoomEntry = z.infer<typeof roomEntrySchema>;

export interface Room {
  id: RoomId;
  name: string;
  main: boolean;
  places: string[];
}

/** The main room when a programme names no room at all. */
export const DEFAULT_ROOM: Room = { id: 'salle', name: 'Salle', main: true, places: [] };

/** « Salle 450 » → « salle-450 »: lower case, accents off, anything else a dash, 40 characters at most. */
export function roomSlug(name: string): string {
  const slug = name
    .normalize('NFD')
    .replace(/\p{M}/gu, '')
    .toLowerCase()
    .replace(/[^a-z0-9]+/g, '-')
    .replace(/^-+|-+$/g, '')
    .slice(0, 40)
    .replace(/-+$/, '');
  return slug === '' ? 'salle' : slug;
}

const placeKey = (place: string): string => place.normalize('NFC').trim().toLocaleLowerCase('fr');

/** What the rooms need of a session (kept structural: programme.ts imports this module). */
interface RoomSession {
  id: string;
  kind: string;
  room?: string | undefined;
}

function isCentral(s: RoomSession): boolean {
  return s.kind === 'plenary' || s.kind === 'opening' || s.kind === 'closing';
}

interface ProgrammeRooms {
  rooms?: RoomEntry[] | undefined;
  sessions: readonly RoomSession[];
}

const cache = new WeakMap<object, Room[]>();

/**
 * The rooms of a programme, in order, exactly one of them main. Listed rooms come first in the
 * order given; a session's `room` text that no listed room claims becomes a room of its own (so
 * a session is never without a room).
 */
export function roomsOf(p: ProgrammeRooms): Room[] {
  const hit = cache.get(p);
  if (hit) return hit;
  const rooms: Room[] = (p.rooms ?? []).map((r) => ({
    id: r.id,
    name: r.name,
    main: r.main === true,
    places: uniquePlaces([r.name, ...(r.places ?? [])]),
  }));
  const claimed = new Map<string, Room>();
  for (const r of rooms) for (const place of r.places) if (!claimed.has(placeKey(place))) claimed.set(placeKey(place), r);
  const ids = new Set(rooms.map((r) => r.id));
  for (const s of p.sessions) {
    if (s.room === undefined || claimed.has(placeKey(s.room))) continue;
    const base = roomSlug(s.room);
    let id = base;
    for (let n = 2; ids.has(id); n++) id = `${base.slice(0, 37)}-${n}`;
    const room: Room = { id, name: s.room, main: false, places: [s.room] };
    ids.add(id);
    rooms.push(room);
    claimed.set(placeKey(s.room), room);
  }
  if (rooms.length === 0) rooms.push({ ...DEFAULT_ROOM });
  const mainId = pickMain(rooms, p.sessions, claimed);
  const result = rooms.map((r) => ({ ...r, main: r.id === mainId }));
  cache.set(p, result);
  return result;
}

function uniquePlaces(places: string[]): string[] {
  const seen = new Set<string>();
  return places.filter((place) => {
    const key = placeKey(place);
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}

/** Listed `main`, else the room of the first plenary (or opening, or closing), else the first room. */
function pickMain(rooms: Room[], sessions: readonly RoomSession[], claimed: Map<string, Room>): RoomId {
  const marked = rooms.find((r) => r.main);
  if (marked) return marked.id;
  const central = sessions.find((s) => isCentral(s) && s.room !== undefined);
  if (central?.room !== undefined) {
    const room = claimed.get(placeKey(central.room));
    if (room) return room.id;
  }
  return rooms[0]!.id;
}

export function mainRoom(p: ProgrammeRooms): Room {
  return roomsOf(p).find((r) => r.main)!;
}

export function mainRoomId(p: ProgrammeRooms): RoomId {
  return mainRoom(p).id;
}

/** The room a place (a session's `room` text) belongs to; no place, or an unknown one: the main room. */
export function roomOfPlace(p: ProgrammeRooms, place: string | undefined): Room {
  const rooms = roomsOf(p);
  if (place !== undefined) {
    const key = placeKey(place);
    const room = rooms.find((r) => r.places.some((pl) => placeKey(pl) === key));
    if (room) return room;
  }
  return rooms.find((r) => r.main)!;
}

/** The room of a session (unknown session: the main room). */
export function roomOfSession(p: ProgrammeRooms, sessionId: string): Room {
  const session = p.sessions.find((s) => s.id === sessionId);
  return roomOfPlace(p, session?.room);
}

export function findRoom(p: ProgrammeRooms, id: RoomId): Room | undefined {
  return roomsOf(p).find((r) => r.id === id);
}

/**
 * The room an event, command or message names, for the code that reads one: absent (written
 * before rooms, or sent by an older régie, hub or phone) means the main room.
 */
export function roomOr(room: RoomId | undefined, main: RoomId): RoomId {
  return room ?? main;
}
