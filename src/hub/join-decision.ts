import { hashPersonalCode, isValidPresenceKey } from '../node/presence/presence-key';
import { type Refusal, refuse } from '../shared/protocol/errors';
import type { Origin } from '../shared/protocol/fields';
import type { JoinMessage } from '../shared/protocol/participant-messages';
import type { RoomId } from '../shared/protocol/rooms';
import { type Board, hasRoom, placeRoom } from './board';

/**
 * Where a joining phone is, decided by the hub alone (docs/rooms.md § 4). The phone's own `origin`
 * is never read. Pure: the personal codes and what the hub remembers come in.
 *
 * - A valid key (current or previous 5-minute window) of room R → « dans la salle » of R.
 * - A room without a valid key (an expired key, another room's key, the chooser) → « à distance »
 *   in it; but a phone that proved R earlier today and comes back to R (a reload after the key
 *   turned) stays « dans la salle ».
 * - No room: the room the hub remembers for it today, else the main room (not chosen).
 * - A personal code: one phone at a time; it identifies, it does not put anyone in a room.
 */

export const CODE_TAKEN = 'Ce code est déjà utilisé sur un autre téléphone : demandez à l’accueil de le libérer.';
export const CODE_UNKNOWN = 'Code personnel inconnu : vérifiez-le, ou demandez-le à l’accueil.';

export interface Place {
  room: RoomId;
  origin: Origin;
  /** The personal code this phone holds, hashed. */
  codeHash: string | null;
  /** The phone named its room (QR code, chooser); false: it follows the main room by default. */
  chosen: boolean;
  /** When it proved its presence or chose its room: the place is remembered `placeMemoryMs` from then. */
  at: number;
}

export interface CodeBook {
  /** The event's salt (from `codes.add`), or null before any code. */
  salt: string | null;
  /** undefined: not a code of the list; null: free; else the participant that holds it. */
  holder(hash: string): string | null | undefined;
  /** The code this participant holds, if any. */
  heldBy(participantId: string): string | null;
}

export type JoinDecision = { ok: true; place: Place; bindCode: string | null } | { ok: false; refusal: Refusal };

export function decideJoin(
  msg: Pick<JoinMessage, 'room' | 'key' | 'code'>,
  participantId: string,
  board: Board,
  remembered: Place | undefined,
  codes: CodeBook,
  now: number,
  memoryMs: number,
): JoinDecision {
  let bindCode: string | null = null;
  let codeHash = codes.heldBy(participantId);
  if (msg.code !== undefined) {
    if (codes.salt === null) return { ok: false, refusal: refuse('invalid', CODE_UNKNOWN, 'code') };
    const hash = hashPersonalCode(codes.salt, msg.code);
    const holder = codes.holder(hash);
    if (holder === undefined) return { ok: false, refusal: refuse('invalid', CODE_UNKNOWN, 'code') };
    if (holder !== null && holder !== participantId) return { ok: false, refusal: refuse('already_done', CODE_TAKEN, 'code') };
    if (holder === null) bindCode = hash;
    codeHash = hash;
  }

  const memory = remembered && now - remembered.at <= memoryMs && hasRoom(board, remembered.room) ? remembered : undefined;
  const asked = msg.room !== undefined && hasRoom(board, msg.room) ? msg.room : undefined;
  const secret = asked === undefined ? undefined : board.roomList.find((r) => r.id === asked)?.secret;

  let place: Place;
  if (asked !== undefined && secret !== undefined && msg.key !== undefined && isValidPresenceKey(secret, asked, msg.key, now)) {
    place = { room: asked, origin: 'room', codeHash, chosen: true, at: now };
  } else if (asked !== undefined) {
    place =
      memory?.room === asked && memory.origin === 'room'
        ? { ...memory, codeHash }
        : { room: asked, origin: 'remote', codeHash, chosen: true, at: memory?.room === asked ? memory.at : now };
  } else if (memory) {
    place = { ...memory, codeHash };
  } else {
    place = { room: placeRoom(board, null), origin: 'remote', codeHash, chosen: false, at: now };
  }
  return { ok: true, place, bindCode };
}
