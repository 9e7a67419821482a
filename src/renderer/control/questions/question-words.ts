import type { AudienceQuestion, QuestionFlagKind } from '../../../shared/api/state';
import type { MessageKey, Translate } from '../../lib/i18n';

/** How the desk says a question's flags and where its scene stands. Pure. */

const flagKeys: Record<QuestionFlagKind, MessageKey> = {
  profanity: 'questions.flag.profanity',
  email: 'questions.flag.email',
  phone: 'questions.flag.phone',
  name: 'questions.flag.name',
  long: 'questions.flag.long',
};

/** « nom : Zoé » */
export function flagWord(flag: { kind: QuestionFlagKind; match: string }, t: Translate): string {
  return `${t(flagKeys[flag.kind])} : ${flag.match}`;
}

/** « nom : Zoé, téléphone : 06 12 34 56 78 » */
export function flagWords(flags: readonly { kind: QuestionFlagKind; match: string }[], t: Translate): string {
  return flags.map((f) => flagWord(f, t)).join(', ');
}

/**
 * The question a scene shows, if it is a question scene. Read loosely: the question scene joins
 * `sceneSchema` with the lead engineer's change, and this works before and after it lands.
 */
export function sceneQuestionId(scene: unknown): string | null {
  if (typeof scene !== 'object' || scene === null) return null;
  const s = scene as { kind?: unknown; questionId?: unknown };
  return s.kind === 'question' && typeof s.questionId === 'string' ? s.questionId : null;
}

export type Projection = 'onAir' | 'preview' | null;

export function projectionOf(q: Pick<AudienceQuestion, 'id'>, onAirId: string | null, previewId: string | null): Projection {
  return q.id === onAirId ? 'onAir' : q.id === previewId ? 'preview' : null;
}
