import type { Command } from '../../shared/api/commands';
import { busRoom, isKnownRoom, programOf } from '../../shared/api/room-bus';
import { isProjectable, questionText, type RegieState } from '../../shared/api/state';
import { findRoom, type RoomId } from '../../shared/domain/rooms';
import type { Scene } from '../../shared/domain/scene';
import { CommandRejected } from './command-rejected';
import type { RegieEvent } from './events';
import { interactionRoom, questionRoom } from './scene-room';

type ProgramCommand = Extract<Command, { type: `program.${string}` }>;

/** The room a command names, or the main room; a room the programme does not have is refused. */
export function commandRoom(state: RegieState, room: RoomId | undefined): RoomId {
  if (room !== undefined && !isKnownRoom(state, room)) throw new CommandRejected(`salle inconnue : ${room}`);
  return busRoom(state, room);
}

function roomName(state: RegieState, room: RoomId): string {
  return (state.programme && findRoom(state.programme, room)?.name) ?? room;
}

/**
 * A scene can be composed only if what it shows exists (a poll scene names a prepared poll) and
 * may be shown: a question must be approved and, if flagged, cleared by a moderator; a question or
 * an interaction of another room never goes on this room's screen. Returns the scene as it goes on
 * air (a question's text, name and origin copied in).
 */
export function checkScene(state: RegieState, scene: Scene, room: RoomId): Scene {
  if (scene.kind === 'question') {
    const q = state.audience.questions.find((x) => x.id === scene.questionId);
    if (!q) throw new CommandRejected(`question inconnue : ${scene.questionId}`);
    const its = questionRoom(q, state);
    if (its !== room) throw new CommandRejected(`cette question a été posée en « ${roomName(state, its)} » : elle ne peut pas être projetée en « ${roomName(state, room)} »`);
    if (q.flags.length > 0 && q.flagsClearedBy === null) {
      throw new CommandRejected(`question signalée (${q.flags.map((f) => f.kind).join(', ')}) : un modérateur doit lever le signalement avant la projection`);
    }
    if (!isProjectable(q)) throw new CommandRejected('seule une question approuvée peut être projetée');
    return { kind: 'question', questionId: q.id, text: questionText(q), name: q.name, origin: q.origin };
  }
  if (scene.kind !== 'poll' && scene.kind !== 'wordcloud') return scene;
  const i = state.programme?.interactions?.find((x) => x.id === scene.interactionId);
  if (!i) throw new CommandRejected(`interaction inconnue : ${scene.interactionId}`);
  if (i.kind !== scene.kind) throw new CommandRejected(`${scene.interactionId} n’est pas ${scene.kind === 'poll' ? 'un sondage' : 'un nuage de mots'}`);
  const its = interactionRoom(i.id, state);
  if (its !== null && its !== room) {
    throw new CommandRejected(`${i.kind === 'poll' ? 'ce sondage' : 'ce nuage de mots'} est lancé en « ${roomName(state, its)} » : il ne peut pas être projeté en « ${roomName(state, room)} »`);
  }
  return scene;
}

/** Preview, TAKE, panic and restore, lock: what goes on a room's projector, and when. */
export function decideProgram(state: RegieState, command: ProgramCommand, at: number): RegieEvent[] {
  const room = commandRoom(state, command.room);
  const p = programOf(state, room);
  return decideRoomProgram(state, command, room, p, at).map((e) => ({ ...e, room }));
}

type ProgramEvent = Extract<RegieEvent, { type: `program.${string}` }>;

function decideRoomProgram(state: RegieState, command: ProgramCommand, room: RoomId, p: ReturnType<typeof programOf>, at: number): ProgramEvent[] {
  switch (command.type) {
    case 'program.preview':
      return [{ type: 'program.previewed', scene: command.scene ? checkScene(state, command.scene, room) : null }];
    case 'program.take':
      if (p.locked) throw new CommandRejected('sortie verrouillée : déverrouillez-la pour envoyer l’aperçu');
      if (!p.preview) throw new CommandRejected('rien en aperçu : composez d’abord la scène suivante');
      // Checked again: the question may have been rejected or flagged since it was composed. The
      // preview is emptied (no swap): a second Enter finds nothing to take, never the old scene.
      return [{ type: 'program.taken', scene: checkScene(state, p.preview, room), transition: command.transition ?? p.transition, swap: false, emptyPreview: true, at }];
    case 'program.panic':
      // Panic always works, locked or not; a second press changes nothing (restore is its own key).
      return p.panicFrom ? [] : [{ type: 'program.panicked', to: command.to ?? p.panicTo, at }];
    case 'program.restore':
      if (!p.panicFrom) throw new CommandRejected('pas d’écran de secours en cours : rien à rétablir');
      // Checked again, as TAKE is: a question flagged (a name added to the watch lists) or rejected
      // during the panic stays off the projector; the holding screen stays until someone decides.
      try {
        checkScene(state, p.panicFrom, room);
      } catch (err) {
        if (err instanceof CommandRejected) throw new CommandRejected(`rétablissement refusé : ${err.message} ; l’écran de secours reste`);
        throw err;
      }
      return [{ type: 'program.restored', at }];
    case 'program.lock':
      return p.locked === command.locked ? [] : [{ type: 'program.locked', locked: command.locked }];
    case 'program.transition':
      return [{ type: 'program.transition.set', transition: command.transition }];
    default:
      return command satisfies never;
  }
}
