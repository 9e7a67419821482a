import { programOf } from '../../shared/api/room-bus';
import { type RegieState, questionText } from '../../shared/api/state';
import { cuesOf } from '../../shared/api/room-cues';
import type { Scene, SceneKind, Transition } from '../../shared/domain/scene';
import { timedCuesOf } from '../engine/run-of-show';
import { nextShortlistedQuestion } from './remote-next-question';

const KIND_WORDS: Record<SceneKind, string> = {
  holding: 'Écran d’attente',
  join: 'Rejoindre',
  countdown: 'Compte à rebours',
  message: 'Message',
  poll: 'Sondage',
  wordcloud: 'Nuage de mots',
  black: 'Noir',
  question: 'Question',
};

export interface RemoteScene {
  kind: SceneKind;
  /** Short enough for a Stream Deck key's text: « Message : Pause café ». */
  label: string;
}

/** What Companion shows on its keys (feedback): the program bus, the next cue, the next question. */
export interface RemoteStatus {
  onAir: RemoteScene;
  preview: RemoteScene | null;
  take: number;
  panic: boolean;
  locked: boolean;
  transition: Transition;
  nextCue: { id: string; action: string; expectedAt: number; notes: string | null } | null;
  cuesHeld: boolean;
  nextQuestion: { id: string; text: string; name: string | null; origin: string } | null;
  seq: number;
}

function short(text: string): string {
  return text.length > 40 ? `${text.slice(0, 39)}…` : text;
}

export function remoteScene(scene: Scene): RemoteScene {
  const kind = KIND_WORDS[scene.kind];
  const detail =
    scene.kind === 'message'
      ? (scene.title ?? scene.text)
      : scene.kind === 'countdown'
        ? (scene.caption ?? null)
        : scene.kind === 'question'
          ? (scene.text ?? null)
          : scene.kind === 'poll' || scene.kind === 'wordcloud'
            ? scene.interactionId
            : null;
  return { kind: scene.kind, label: detail ? `${kind} : ${short(detail)}` : kind };
}

export function remoteStatus(state: RegieState, seq: number): RemoteStatus {
  // The main room's bus: the remote's commands name no room.
  const p = programOf(state);
  // The main room's standby and hold: the remote's cue commands name no room.
  const cues = cuesOf(state);
  const cue = timedCuesOf(state).find((c) => c.id === cues.standby) ?? null;
  const q = nextShortlistedQuestion(state);
  return {
    onAir: remoteScene(p.onAir),
    preview: p.preview ? remoteScene(p.preview) : null,
    take: p.take,
    panic: p.panicFrom !== null,
    locked: p.locked,
    transition: p.transition,
    nextCue: cue ? { id: cue.id, action: cue.cue.action.type, expectedAt: cue.expectedAt, notes: cue.cue.notes ?? null } : null,
    cuesHeld: cues.held,
    nextQuestion: q ? { id: q.id, text: questionText(q), name: q.name, origin: q.origin } : null,
    seq,
  };
}
