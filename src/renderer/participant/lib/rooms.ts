import type { ParticipantPlace, RoomsSummary } from '../../../shared/protocol/rooms';

type Room = RoomsSummary['rooms'][number];

/**
 * The rooms a phone may follow (docs/rooms.md § 4): the rooms live now whose Q&A is open to remote
 * attendees (a room-only workshop is followed by those in it, who scanned its QR code), the main
 * room always, and the phone's own room.
 */
export function followableRooms(rooms: readonly Room[], place: ParticipantPlace | null): Room[] {
  return rooms.filter((r) => r.main || r.id === place?.room || (r.live && !r.roomOnly));
}

/** A phone that did not name its room is asked to choose when several rooms it may follow are live. */
export function mustChoose(rooms: readonly Room[], place: ParticipantPlace | null): boolean {
  if (!place || place.chosen) return false;
  return rooms.filter((r) => r.live && !r.roomOnly).length >= 2;
}

export function roomName(rooms: readonly Room[], id: string): string {
  return rooms.find((r) => r.id === id)?.name ?? id;
}
