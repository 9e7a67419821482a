import type { Command, CommandType } from '../api/commands';
import type { RegieState } from '../api/state';
import { cueRoom } from '../api/room-bus';
import { interactionRoom, questionRoom, stateMainRoom } from './room-of';
import { findRoom, roomOfSession, type RoomId } from './rooms';
import type { SeatInfo } from './seats';

/**
 * Who may do what (docs/rooms.md § 3): one pure function, called by the view channel and by the
 * remote controls (HTTP, OSC) before a command reaches the engine's decision. A refusal is a
 * French sentence; the engine then writes nothing.
 *
 * Every command type is classified below: a new one makes tsc fail until it is.
 */

/** `room`: a room seat may send it when everything it touches is in its room. `regie`: the central desk only, and what it is. */
type Rule = { scope: 'room' } | { scope: 'regie'; what: string };

const ROOM: Rule = { scope: 'room' };
const regie = (what: string): Rule => ({ scope: 'regie', what });

export const COMMAND_RULES: Readonly<Record<CommandType, Rule>> = {
  // Screening the room's questions.
  'question.approve': ROOM,
  'question.reject': ROOM,
  'question.reopen': ROOM,
  'question.edit': ROOM,
  'question.merge': ROOM,
  'question.star': ROOM,
  'question.move': ROOM,
  'question.answered': ROOM,
  'question.clear-flags': ROOM,
  'question.redact': ROOM,
  'question.unredact': ROOM,
  'question.add': ROOM,
  // The room's polls and clouds (prepared, or made on the spot for the room: it only adds to the
  // programme, as in show mode), and their words.
  'interaction.create': ROOM,
  'interaction.open': ROOM,
  'interaction.close': ROOM,
  'interaction.reveal': ROOM,
  'interaction.hide': ROOM,
  'interaction.reset': ROOM,
  'words.ban': ROOM,
  'words.unban': ROOM,
  'words.merge': ROOM,
  'words.unmerge': ROOM,
  'words.allow': ROOM,
  // The room's bus and stage message.
  'program.preview': ROOM,
  'program.take': ROOM,
  'program.panic': ROOM,
  'program.restore': ROOM,
  'program.lock': ROOM,
  'program.transition': ROOM,
  'stage.message': ROOM,
  // The run of show of the room's sessions: each room has its own standby, GO order, hold and last
  // GO (cue-rooms.ts), so these act in one room — the `room` named, else the cue's, else the main
  // room's standby.
  'cue.go': ROOM,
  'cue.rearm': ROOM,
  'cue.undo': ROOM,
  'cue.next': ROOM,
  'cue.previous': ROOM,
  'cue.skip': ROOM,
  'cue.hold': ROOM,
  'cue.release': ROOM,
  // The programme, the organisers' lists, the clock, the delays, the logbook: the central régie's.
  'moderation.lists': regie('les listes de modération des organisateurs'),
  'edit.cue.save': regie('la modification du programme'),
  'edit.cue.delete': regie('la modification du programme'),
  'edit.interaction.save': regie('la modification du programme'),
  'edit.interaction.delete': regie('la modification du programme'),
  'edit.lock': regie('le verrouillage du programme'),
  'programme.load': regie('le chargement du programme'),
  'programme.import': regie('l’import du programme'),
  'join.choose': regie('l’adresse de participation'),
  'clock.set': regie('l’horloge'),
  'log.note': regie('la main courante'),
  // Forgets which cues ran in every room at once (its event names no room): the central régie's.
  'cue.reset': regie('la remise à zéro de la conduite (toutes les salles)'),
  'delay.set': regie('les retards'),
  'delay.clear': regie('les retards'),
  'session.mark': regie('le début et la fin des séances'),
};

/** Reads an optional `room` field of a command (rooms-qa and rooms-bus add it to theirs). */
function explicitRoom(command: Command): RoomId | undefined {
  if (!('room' in command)) return undefined;
  const room = (command as { room?: unknown }).room;
  return typeof room === 'string' ? room : undefined;
}

function roomOfQuestionId(state: RegieState, id: string, main: RoomId): RoomId {
  const q = state.audience.questions.find((x) => x.id === id);
  return q ? questionRoom(q, main) : main;
}

/**
 * Every room a command touches: its `room` field if it has one, the rooms of the questions and
 * interactions it names (looked up in the state), else the main room. A merge touches both
 * questions' rooms; a preview of a question or a poll, that question's or poll's room too.
 */
export function commandRooms(command: Command, state: RegieState): RoomId[] {
  const main = stateMainRoom(state);
  const rooms = new Set<RoomId>();
  const explicit = explicitRoom(command);
  if (explicit !== undefined) rooms.add(explicit);
  const c = command;
  if ('questionId' in c) rooms.add(roomOfQuestionId(state, c.questionId, main));
  if (c.type === 'question.merge') rooms.add(roomOfQuestionId(state, c.intoId, main));
  if (c.type === 'question.move' && c.beforeId !== null) rooms.add(roomOfQuestionId(state, c.beforeId, main));
  if (c.type === 'question.add' && explicit === undefined && c.sessionId !== null && state.programme) {
    rooms.add(roomOfSession(state.programme, c.sessionId).id);
  }
  // A poll made on the spot: the room it is made for (absent: where it would open, the main room).
  if (c.type === 'interaction.create') {
    if (c.interaction.room !== undefined) rooms.add(c.interaction.room);
    else if (explicit === undefined) rooms.add(main);
  }
  if ('interactionId' in c) rooms.add(interactionRoom(state, c.interactionId));
  if ('cloudId' in c) rooms.add(interactionRoom(state, c.cloudId));
  // A cue's room is its session's (a GO of a named cue, an undo, a skip, a re-arm).
  if ('cueId' in c && c.cueId !== undefined && c.type.startsWith('cue.')) rooms.add(cueRoom(state, c.cueId));
  if (c.type === 'program.preview' && c.scene !== null) {
    if (c.scene.kind === 'question') rooms.add(roomOfQuestionId(state, c.scene.questionId, main));
    if (c.scene.kind === 'poll' || c.scene.kind === 'wordcloud') rooms.add(interactionRoom(state, c.scene.interactionId));
  }
  if (rooms.size === 0) rooms.add(main);
  return [...rooms];
}

/** The room a command acts on (the first of `commandRooms`). */
export function commandRoom(command: Command, state: RegieState): RoomId {
  return commandRooms(command, state)[0]!;
}

function roomName(state: RegieState, room: RoomId): string {
  return (state.programme ? findRoom(state.programme, room)?.name : undefined) ?? room;
}

const quoted = (s: string) => `«\u00a0${s}\u00a0»`;

/** null: the seat may send the command; else why not, in French. Pure. */
export function authorize(seat: SeatInfo, command: Command, state: RegieState): string | null {
  switch (seat.kind) {
    case 'regie':
      return null;
    case 'output':
    case 'stage':
      return `${quoted(seat.name)} est en lecture seule\u00a0: ce poste n’envoie aucune commande.`;
    case 'room': {
      const rule = COMMAND_RULES[command.type];
      if (rule.scope === 'regie') return `${quoted(seat.name)} est un siège de salle\u00a0: ${rule.what}, c’est la régie.`;
      const own = seat.room ?? stateMainRoom(state);
      const other = commandRooms(command, state).find((r) => r !== own);
      if (other === undefined) return null;
      return `${quoted(seat.name)} agit dans ${roomName(state, own)} seulement\u00a0: cette commande touche ${roomName(state, other)}.`;
    }
    default:
      return seat.kind satisfies never;
  }
}
