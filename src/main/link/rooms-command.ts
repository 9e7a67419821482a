import type { RegieState } from '../../shared/api/state';
import type { Programme } from '../../shared/domain/programme';
import { DEFAULT_ROOM, type RoomId, roomsOf } from '../../shared/domain/rooms';
import type { RegieCommand } from '../../shared/protocol/regie-commands';

/** The hub knows at most this many rooms (its protocol's limit). */
const MAX_HUB_ROOMS = 50;

/**
 * `rooms.set` (docs/rooms.md § 4): the programme's rooms, each with its presence secret, which
 * `secretOf` gives (created once per room, then stable across restarts: the régie's settings).
 * Without a programme, the default room alone.
 */
export function roomsCommand(programme: Programme | null, secretOf: (room: RoomId) => string): Extract<RegieCommand, { type: 'rooms.set' }> {
  const rooms = programme ? roomsOf(programme) : [DEFAULT_ROOM];
  // The main room first, so that a programme with too many rooms never loses it.
  const ordered = [...rooms.filter((r) => r.main), ...rooms.filter((r) => !r.main)].slice(0, MAX_HUB_ROOMS);
  return { type: 'rooms.set', rooms: ordered.map((r) => ({ id: r.id, name: r.name.slice(0, 120), main: r.main, secret: secretOf(r.id) })) };
}

/** After a programme event: the rooms, unless the hub was last told exactly these (`lastSent`, its JSON). */
export function roomsAfter(programme: Programme | null, secretOf: (room: RoomId) => string, lastSent: () => string | null): RegieCommand[] {
  const command = roomsCommand(programme, secretOf);
  return JSON.stringify(command) === lastSent() ? [] : [command];
}

/**
 * At start: the rooms the hub must know when the outbox never told it (a journal written before
 * rooms) or told it other ones. The outbox then carries it to the hub when the link connects, and
 * again to a new hub (which starts from the outbox's first command).
 */
export function roomsResync(state: Pick<RegieState, 'programme'>, secretOf: (room: RoomId) => string, lastSent: string | null): RegieCommand | null {
  const command = roomsCommand(state.programme, secretOf);
  return JSON.stringify(command) === lastSent ? null : command;
}
