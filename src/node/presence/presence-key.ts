import { createHash, createHmac, randomBytes, timingSafeEqual } from 'node:crypto';
import { PRESENCE_WINDOW_MS } from '../../shared/protocol/rooms';

/**
 * Proof of presence (docs/rooms.md § 4). Each room has a secret; its key for a 5-minute window
 * `w = floor(t / 5 min)` is the first 10 base32 characters of HMAC-SHA256(secret, room + ':' + w).
 * Only the room's own screen shows the current key (in its join QR code); the hub, which knows the
 * secrets, accepts the current and the previous window's key, so a code scanned just before the
 * turn still works and a photo of the QR code is useless 5 to 10 minutes later.
 * Shared by the régie (which computes the key for its room outputs) and the hub (which verifies).
 */

export { PRESENCE_WINDOW_MS };
const KEY_LENGTH = 10;
const BASE32 = 'ABCDEFGHIJKLMNOPQRSTUVWXYZ234567';

/** A new room secret: 32 random bytes, base64url (43 characters). */
export function newRoomSecret(): string {
  return randomBytes(32).toString('base64url');
}

export function presenceWindow(nowMs: number): number {
  return Math.floor(nowMs / PRESENCE_WINDOW_MS);
}

/** When the window holding `nowMs` ends (the moment the room's screen must show a new key). */
export function presenceWindowEndsAt(nowMs: number): number {
  return (presenceWindow(nowMs) + 1) * PRESENCE_WINDOW_MS;
}

function base32(bytes: Buffer, length: number): string {
  let out = '';
  let bits = 0;
  let value = 0;
  for (const byte of bytes) {
    value = (value << 8) | byte;
    bits += 8;
    while (bits >= 5 && out.length < length) {
      out += BASE32[(value >>> (bits - 5)) & 31];
      bits -= 5;
    }
    if (out.length >= length) break;
  }
  return out;
}

/** The key of `room` for window `w`. */
export function presenceKeyFor(secret: string, room: string, w: number): string {
  const mac = createHmac('sha256', Buffer.from(secret, 'base64url')).update(`${room}:${w}`).digest();
  return base32(mac, KEY_LENGTH);
}

export function currentPresenceKey(secret: string, room: string, nowMs: number): string {
  return presenceKeyFor(secret, room, presenceWindow(nowMs));
}

/** True when `key` is the room's key for the current or the previous window (compared in constant time). */
export function isValidPresenceKey(secret: string, room: string, key: string, nowMs: number): boolean {
  if (!/^[A-Za-z2-7]{10}$/.test(key)) return false;
  const w = presenceWindow(nowMs);
  const given = Buffer.from(key.toUpperCase());
  let ok = false;
  for (const candidate of [w, w - 1]) {
    const expected = Buffer.from(presenceKeyFor(secret, room, candidate));
    if (timingSafeEqual(expected, given)) ok = true;
  }
  return ok;
}

/**
 * A personal code as it leaves the régie: hex SHA-256 of the event's salt and the code, upper-cased
 * and without spaces or dashes (people type « ab12-cd34 » for « AB12CD34 »).
 */
export function normalisePersonalCode(code: string): string {
  return code.normalize('NFKC').toUpperCase().replace(/[\s\-_.]/g, '');
}

export function hashPersonalCode(salt: string, code: string): string {
  return createHash('sha256').update(`${salt}:${normalisePersonalCode(code)}`).digest('hex');
}
