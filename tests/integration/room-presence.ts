import { join } from 'node:path';
import Database from 'better-sqlite3';
import { currentPresenceKey } from '../../src/node/presence/presence-key';
import { TestParticipant } from '../../src/hub/testing/clients';
import type { Origin } from '../../src/shared/api/state';

/** The demo's main room (docs/rooms.md § 1): the Grand Auditorium. */
export const DEMO_MAIN_ROOM = 'grand-auditorium';

/**
 * A room's presence key of the moment, as that room's screen shows it in its join QR code: read
 * from the régie's settings (its secret, made at start) in its data folder. The hub puts a phone
 * « dans la salle » only with it (docs/rooms.md § 4): a test phone that is in the room must scan
 * it, as a real one does.
 */
export function roomPresence(dataDir: string, room: string = DEMO_MAIN_ROOM): { room: string; key: string } {
  const db = new Database(join(dataDir, 'pupitre.sqlite3'), { readonly: true, fileMustExist: true });
  try {
    const secret = db.prepare('SELECT value FROM settings WHERE key = ?').pluck().get(`room.secret.${room}`) as string | undefined;
    if (secret === undefined) throw new Error(`pas de secret pour la salle ${room} dans ${dataDir}`);
    return { room, key: currentPresenceKey(secret, room, Date.now()) };
  } finally {
    db.close();
  }
}

/**
 * A phone on the régie's hub: « dans la salle » of `room` (the main room by default) with the
 * room's key when `origin` is 'room' (the default, as TestParticipant's), else remote.
 */
export function joinPhone(
  core: { dataDir: string; hubPort: number | null },
  code: string,
  opts: Parameters<typeof TestParticipant.join>[2] & { origin?: Origin; inRoom?: string } = {},
): Promise<TestParticipant> {
  const origin = opts.origin ?? 'room';
  const presence = origin === 'room' ? roomPresence(core.dataDir, opts.inRoom) : {};
  return TestParticipant.join(core.hubPort ?? 0, code, { ...opts, origin, ...presence });
}
