import { newRoomSecret } from '../../node/presence/presence-key';
import type { RoomId } from '../../shared/domain/rooms';
import { roomSecretSchema } from '../../shared/protocol/rooms';
import type { Settings } from '../store/settings';

/**
 * Each room's presence secret (docs/rooms.md § 4), kept in the régie's settings, one key a room
 * (`room.secret.<id>`): made once per room, the first time it is asked for, and kept (a key printed
 * or shown stays checkable by the hub the secret was sent to). Everything that needs a room's
 * secret reads it here — the keys its outputs show, and what the hub is told (`rooms.set`).
 */
export const roomSecretKey = (room: RoomId): string => `room.secret.${room}`;

/** The room's secret, made and stored on first use; a damaged one is made again (a key nobody can check is worse than a new one). */
export function roomSecret(settings: Settings, room: RoomId): string {
  const known = settings.get(roomSecretKey(room));
  if (known !== undefined && roomSecretSchema.safeParse(known).success) return known;
  const secret = newRoomSecret();
  settings.set(roomSecretKey(room), secret);
  return secret;
}
