import type { Scene, SceneKind } from '../../../shared/domain/scene';
import type { MessageKey, Translate } from '../../lib/i18n';

const kindKeys: Record<SceneKind, MessageKey> = {
  holding: 'program.kind.holding',
  join: 'program.kind.join',
  countdown: 'program.kind.countdown',
  message: 'program.kind.message',
  poll: 'program.kind.poll',
  wordcloud: 'program.kind.wordcloud',
  black: 'program.kind.black',
  question: 'program.kind.question',
};

/** « Message : Pause café », « Écran d’attente »: a scene in words, for the desk. */
export function sceneLabel(scene: Scene, t: Translate): string {
  const kind = t(kindKeys[scene.kind]);
  const detail =
    scene.kind === 'message' ? (scene.title ?? scene.text) : scene.kind === 'countdown' ? (scene.caption ?? null) : scene.kind === 'question' ? (scene.text ?? null) : scene.kind === 'poll' || scene.kind === 'wordcloud' ? scene.interactionId : null;
  if (!detail) return kind;
  const short = detail.length > 60 ? `${detail.slice(0, 59)}…` : detail;
  return t('program.sceneDetail', { kind, detail: short });
}
