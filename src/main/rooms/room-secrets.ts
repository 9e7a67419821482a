import { newRoomSecret } from '../../node/presence/presence-key';
import type { RoomId } from '../../shared/domain/rooms';
import { roomSecretSchema } from '../../shared/protocol/rooms';
import type { Settings } from '../store/settings';

/**
 * Each room's presence secret (docs/rooms.md § 4), kept in the régie's settings under
 * `roomSecrets` as JSON `{ roomId: secret }`: made once per room, the first time it is asked for,
 * and kept (a key printed or shown stays checkable by the hub the secret was sent to). Everything
 * that needs a room's secret reads it here — the keys its outputs show, and what the hub is told.
 */
export const ROOM_SECRETS_KEY = 'roomSecrets';

function readSecrets(settings: Settings): Record<RoomId, string> {
  const raw = settings.get(ROOM_SECRETS_KEY);
  if (raw === undefined) return {};
  try {
    const parsed: unknown = JSON.parse(raw);
    if (typeof parsed !== 'object' || parsed === null || Array.isArray(parsed)) return {};
    // A damaged entry is made again rather than trusted: a key nobody can check is worse than a new one.
    return Object.fromEntries(Object.entries(parsed).filter(([, s]) => roomSecretSchema.safeParse(s).success)) as Record<RoomId, string>;
  } catch {
    return {};
  }
}

/** The room's secret, made and stored on first use. */
export function roomSecret(settings: Settings, room: RoomId): string {
  const secrets = readSecrets(settings);
  const known = Object.hasOwn(secrets, room) ? secrets[room] : undefined;
  if (known !== undefined) return known;
  const secret = newRoomSecret();
  settings.set(ROOM_SECRETS_KEY, JSON.stringify({ ...secrets, [room]: secret }));
  return secret;
}
