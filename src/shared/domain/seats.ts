import type { Room, RoomId } from './rooms';

/**
 * Seats (docs/rooms.md § 3): named accesses to the core, each with its own token. The core keeps
 * them (src/main/store/seat-store.ts); what is here is pure and the desk shares it.
 *
 * - `regie`: the central desk, everything in every room (« Régie — modération »);
 * - `room`: a room moderator, its room's questions, bus, Q&A and interactions only;
 * - `output`: a room's projector or stream encoder, read-only;
 * - `stage`: a room's facilitator tablet, read-only.
 */
export const seatKinds = ['regie', 'room', 'output', 'stage'] as const;
export type SeatKind = (typeof seatKinds)[number];

/** A seat as the views may know it: never its token. */
export interface SeatInfo {
  id: string;
  name: string;
  kind: SeatKind;
  /**
   * Its room. null: a régie seat (every room), or the output and stage of the main room, which
   * follow the main room when the programme changes (the `/output` address without `?room=`).
   */
  room: RoomId | null;
}

/** A seat with what only the régie sees: its address's token (null once revoked). */
export interface SeatWithToken extends SeatInfo {
  token: string | null;
  revokedAt: number | null;
}

/** The page a seat opens. */
export function seatPage(kind: SeatKind): 'control' | 'output' | 'stage' {
  return kind === 'regie' || kind === 'room' ? 'control' : kind;
}

/** The seat's address on an origin (`http://192.168.1.20:4870`): its page, its token, its room. */
export function seatAddress(origin: string, seat: SeatInfo, token: string): string {
  const room = seat.room !== null && seat.kind !== 'regie' ? `&room=${encodeURIComponent(seat.room)}` : '';
  return `${origin.replace(/\/$/, '')}/${seatPage(seat.kind)}?token=${encodeURIComponent(token)}${room}`;
}

/** The seat a desk or a remote acts as, resolved: null room = the main room (régie seats aside). */
export function seatRoom(seat: SeatInfo, main: RoomId): RoomId | null {
  if (seat.kind === 'regie') return null;
  return seat.room ?? main;
}

const KIND_WORD: Record<Exclude<SeatKind, 'regie'>, string> = { room: 'animation', output: 'sortie', stage: 'scène' };

/** « Salle 450 — animation », « Grand Auditorium — sortie ». */
export function seatName(kind: Exclude<SeatKind, 'regie'>, roomName: string): string {
  return `${roomName} — ${KIND_WORD[kind]}`;
}

export const REGIE_SEATS = [
  { id: 'regie-moderation', name: 'Régie — modération' },
  { id: 'regie-conduite', name: 'Régie — conduite' },
] as const;

/** The name of the main room's seats when no programme names it yet. */
export const MAIN_ROOM_FALLBACK_NAME = 'Salle principale';

/** A seat to create (its token is the store's business). */
export type PlannedSeat = SeatInfo;

/**
 * The seats a programme's rooms call for that `existing` lacks: the two régie seats (first
 * start), the main room's output and stage (room null: they follow the main room), and for each
 * other room an output, a stage and a room moderator. Seats are matched by kind and room, so a
 * seat revoked or renamed is never made again, and none is ever removed here.
 */
export function missingSeats(existing: readonly SeatInfo[], rooms: readonly Room[]): PlannedSeat[] {
  const has = (kind: SeatKind, room: RoomId | null) => existing.some((s) => s.kind === kind && s.room === room);
  const ids = new Set(existing.map((s) => s.id));
  const planned: PlannedSeat[] = [];
  const add = (seat: PlannedSeat) => {
    let id = seat.id;
    for (let n = 2; ids.has(id); n++) id = `${seat.id}-${n}`;
    ids.add(id);
    planned.push({ ...seat, id });
  };
  if (!existing.some((s) => s.kind === 'regie')) for (const r of REGIE_SEATS) add({ ...r, kind: 'regie', room: null });
  const main = rooms.find((r) => r.main);
  const mainName = main?.name ?? MAIN_ROOM_FALLBACK_NAME;
  for (const kind of ['output', 'stage'] as const) {
    if (!has(kind, null)) add({ id: `${kind}-principale`, name: seatName(kind, mainName), kind, room: null });
  }
  for (const room of rooms) {
    if (room.main) continue;
    for (const kind of ['room', 'output', 'stage'] as const) {
      if (!has(kind, room.id)) add({ id: `${kind}-${room.id}`, name: seatName(kind, room.name), kind, room: room.id });
    }
  }
  return planned;
}
