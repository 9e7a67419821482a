import type { Command } from '../../shared/api/commands';
import { defaultRoomOfInteraction } from '../../shared/api/room-live';
import type { RoomId } from '../../shared/domain/rooms';
import type { RegieState } from '../../shared/api/state';
import { type Interaction, interactionText } from '../../shared/domain/interaction';
import { CommandRejected } from './command-rejected';
import { checked } from './decide-edit';
import type { RegieEvent } from './events';
import { requireRoom } from './require-room';

type LiveCommand = Extract<Command, { type: `interaction.${string}` }>;

const what = (i: Interaction) => (i.kind === 'poll' ? 'le sondage' : 'le nuage de mots');

function requireInteraction(state: RegieState, id: string): Interaction {
  const i = state.programme?.interactions?.find((x) => x.id === id);
  if (!i) throw new CommandRejected(`interaction inconnue : ${id}`);
  return i;
}

/**
 * A room's phones show one interaction at a time (the hub closes the one open before in that
 * room): opening from the desk closes, in the régie too, whatever else is open in the same room,
 * so the desk never counts on votes the hub would refuse. Other rooms' polls and clouds run on.
 */
export function opening(state: RegieState, id: string, room: RoomId, at: number): RegieEvent[] {
  const others = Object.entries(state.live.interactions).filter(([other, run]) => other !== id && run.status === 'open' && run.room === room);
  return [
    ...others.map(([other]): RegieEvent => ({ type: 'interaction.closed', interactionId: other, at })),
    { type: 'interaction.opened', interactionId: id, at, room },
  ];
}

/** The room a command opens an interaction in: the one it names (checked), else where it belongs. */
function roomToOpen(state: RegieState, id: string, room: RoomId | undefined): RoomId {
  return room === undefined ? defaultRoomOfInteraction(state, id) : requireRoom(state, room);
}

/**
 * The live side of polls and word clouds, from the desk: draft → open → closed, results revealed
 * or hidden (projector and phones), a poll reset to draft, a poll made on the spot. Pure.
 */
export function decideInteraction(state: RegieState, command: LiveCommand, at: number): RegieEvent[] {
  if (command.type === 'interaction.create') return creating(state, command.interaction, command.open, command.room, at);
  const i = requireInteraction(state, command.interactionId);
  const run = state.live.interactions[i.id];
  if (command.type !== 'interaction.open' && command.room !== undefined && run && run.room !== command.room) {
    throw new CommandRejected(`${what(i)} « ${interactionText(i)} » est celui de la salle ${run.room}, pas de la salle ${command.room}`);
  }
  switch (command.type) {
    case 'interaction.open':
      if (run?.status === 'open') throw new CommandRejected(`${what(i)} « ${interactionText(i)} » est déjà ouvert`);
      return opening(state, i.id, roomToOpen(state, i.id, command.room), at);
    case 'interaction.close':
      if (run?.status !== 'open') throw new CommandRejected(`${what(i)} n’est pas ouvert : rien à fermer`);
      return [{ type: 'interaction.closed', interactionId: i.id, at }];
    case 'interaction.reveal':
      // Revealing again is allowed: the phones receive the current results once more.
      if (!run) throw new CommandRejected(`${what(i)} n’a pas encore été ouvert : aucun résultat à montrer`);
      return [{ type: 'interaction.revealed', interactionId: i.id, at }];
    case 'interaction.hide':
      if (!run) throw new CommandRejected(`${what(i)} n’a pas encore été ouvert : aucun résultat à masquer`);
      return run.hidden ? [] : [{ type: 'interaction.hidden', interactionId: i.id, at }];
    case 'interaction.reset':
      if (i.kind !== 'poll') throw new CommandRejected('seul un sondage peut être remis à zéro');
      if (run?.status === 'open') throw new CommandRejected('fermez d’abord le sondage : on ne remet pas à zéro un vote en cours');
      if (!run && !state.audience.tallies[i.id]) return [];
      // The room goes with it: the hub forgets the votes where the poll ran (its run is gone after).
      return [{ type: 'interaction.reset', interactionId: i.id, at, room: run?.room ?? defaultRoomOfInteraction(state, i.id) }];
    default:
      return command satisfies never;
  }
}

/** Made on the spot: a new id only (never replaces a prepared one), every check of a programme file. */
function creating(state: RegieState, interaction: Interaction, open: boolean, room: RoomId | undefined, at: number): RegieEvent[] {
  const p = state.programme;
  if (!p) throw new CommandRejected('aucun programme chargé');
  if ((p.interactions ?? []).some((x) => x.id === interaction.id)) {
    throw new CommandRejected(`identifiant déjà pris : ${interaction.id}`, [{ path: 'interaction.id', message: 'identifiant déjà pris' }]);
  }
  if (interaction.room !== undefined && room !== undefined && interaction.room !== room) {
    throw new CommandRejected(`${what(interaction)} est fait pour la salle ${interaction.room}, pas pour la salle ${room}`);
  }
  // Made on the spot, it belongs to no session: the room named (the command's or its own), kept in
  // the programme so that it opens there and that room's seat may run it; else the main room.
  const named = room ?? interaction.room;
  const made = named === undefined ? interaction : { ...interaction, room: requireRoom(state, named) };
  const edited = checked({ ...p, interactions: [...(p.interactions ?? []), made] }, `interaction ${made.id} créée en direct`);
  const where = named === undefined ? defaultRoomOfInteraction(state, made.id) : named;
  return open ? [...edited, ...opening(state, made.id, where, at)] : edited;
}
