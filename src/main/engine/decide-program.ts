import type { Command } from '../../shared/api/commands';
import type { RegieState } from '../../shared/api/state';
import type { Scene } from '../../shared/domain/scene';
import { CommandRejected } from './command-rejected';
import type { RegieEvent } from './events';

type ProgramCommand = Extract<Command, { type: `program.${string}` }>;

/** A scene can be composed only if what it shows exists (a poll scene names a prepared poll). */
export function checkScene(state: RegieState, scene: Scene): void {
  if (scene.kind !== 'poll' && scene.kind !== 'wordcloud') return;
  const i = state.programme?.interactions?.find((x) => x.id === scene.interactionId);
  if (!i) throw new CommandRejected(`interaction inconnue : ${scene.interactionId}`);
  if (i.kind !== scene.kind) throw new CommandRejected(`${scene.interactionId} n’est pas ${scene.kind === 'poll' ? 'un sondage' : 'un nuage de mots'}`);
}

/** Preview, TAKE, panic and restore, lock: what goes on the projector, and when. */
export function decideProgram(state: RegieState, command: ProgramCommand, at: number): RegieEvent[] {
  const p = state.program;
  switch (command.type) {
    case 'program.preview':
      if (command.scene) checkScene(state, command.scene);
      return [{ type: 'program.previewed', scene: command.scene }];
    case 'program.take':
      if (p.locked) throw new CommandRejected('sortie verrouillée : déverrouillez-la pour envoyer l’aperçu');
      if (!p.preview) throw new CommandRejected('rien en aperçu : composez d’abord la scène suivante');
      checkScene(state, p.preview);
      return [{ type: 'program.taken', scene: p.preview, transition: command.transition ?? p.transition, swap: true, at }];
    case 'program.panic':
      // Panic always works, locked or not; a second press changes nothing (restore is its own key).
      return p.panicFrom ? [] : [{ type: 'program.panicked', to: command.to ?? p.panicTo, at }];
    case 'program.restore':
      if (!p.panicFrom) throw new CommandRejected('pas d’écran de secours en cours : rien à rétablir');
      return [{ type: 'program.restored', at }];
    case 'program.lock':
      return p.locked === command.locked ? [] : [{ type: 'program.locked', locked: command.locked }];
    case 'program.transition':
      return [{ type: 'program.transition.set', transition: command.transition }];
    default:
      return command satisfies never;
  }
}
