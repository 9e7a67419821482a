import type { Command } from '../../shared/api/commands';
import { isProjectable, questionText, type RegieState } from '../../shared/api/state';
import type { Scene } from '../../shared/domain/scene';
import { CommandRejected } from './command-rejected';
import type { RegieEvent } from './events';

type ProgramCommand = Extract<Command, { type: `program.${string}` }>;

/**
 * A scene can be composed only if what it shows exists (a poll scene names a prepared poll) and
 * may be shown: a question must be approved and, if flagged, cleared by a moderator. Returns the
 * scene as it goes on air (a question's text, name and origin copied in).
 */
export function checkScene(state: RegieState, scene: Scene): Scene {
  if (scene.kind === 'question') {
    const q = state.audience.questions.find((x) => x.id === scene.questionId);
    if (!q) throw new CommandRejected(`question inconnue : ${scene.questionId}`);
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
  return scene;
}

/** Preview, TAKE, panic and restore, lock: what goes on the projector, and when. */
export function decideProgram(state: RegieState, command: ProgramCommand, at: number): RegieEvent[] {
  const p = state.program;
  switch (command.type) {
    case 'program.preview':
      return [{ type: 'program.previewed', scene: command.scene ? checkScene(state, command.scene) : null }];
    case 'program.take':
      if (p.locked) throw new CommandRejected('sortie verrouillée : déverrouillez-la pour envoyer l’aperçu');
      if (!p.preview) throw new CommandRejected('rien en aperçu : composez d’abord la scène suivante');
      // Checked again: the question may have been rejected or flagged since it was composed. The
      // preview is emptied (no swap): a second Enter finds nothing to take, never the old scene.
      return [{ type: 'program.taken', scene: checkScene(state, p.preview), transition: command.transition ?? p.transition, swap: false, emptyPreview: true, at }];
    case 'program.panic':
      // Panic always works, locked or not; a second press changes nothing (restore is its own key).
      return p.panicFrom ? [] : [{ type: 'program.panicked', to: command.to ?? p.panicTo, at }];
    case 'program.restore':
      if (!p.panicFrom) throw new CommandRejected('pas d’écran de secours en cours : rien à rétablir');
      // Checked again, as TAKE is: a question flagged (a name added to the watch lists) or rejected
      // during the panic stays off the projector; the holding screen stays until someone decides.
      try {
        checkScene(state, p.panicFrom);
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
