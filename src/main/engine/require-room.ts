import { knownRoom } from '../../shared/api/room-live';
import type { RegieState } from '../../shared/api/state';
import type { RoomId } from '../../shared/domain/rooms';
import { CommandRejected } from './command-rejected';

/** The room a command names, if the programme has it; otherwise the command is refused. */
export function requireRoom(state: Pick<RegieState, 'programme'>, room: RoomId): RoomId {
  const known = knownRoom(state.programme, room);
  if (known === null) throw new CommandRejected(`salle inconnue : ${room}`, [{ path: 'room', message: 'salle inconnue du programme' }]);
  return known;
}
