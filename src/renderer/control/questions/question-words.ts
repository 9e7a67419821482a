import type { AudienceQuestion, QuestionField } from '../../../shared/api/state';
import type { PersonalDataKind } from '../../../shared/domain/personal-data';
import type { MessageKey, Translate } from '../../lib/i18n';

/** How the desk says a question's flags and where its scene stands. Pure. */

/** The short name of a kind (« prénom », « téléphone »). */
export function kindWord(kind: PersonalDataKind, t: Translate): string {
  return t(`questions.flag.${kind}` satisfies MessageKey);
}

/** Why it is flagged, in a sentence (the hover of a highlighted passage). */
export function reasonOf(kind: PersonalDataKind, t: Translate): string {
  return t(`questions.reason.${kind}` satisfies MessageKey);
}

/** « prénom : Zoé », « téléphone : 06 12 34 56 78 (nom) » when it is in the author's name. A long text says only « long ». */
export function flagWord(flag: { kind: PersonalDataKind; match: string; field?: QuestionField }, t: Translate): string {
  const where = flag.field === 'name' ? ` (${t('questions.field.name')})` : flag.field === 'edit' ? ` (${t('questions.field.edit')})` : '';
  return flag.kind === 'long' ? kindWord('long', t) : `${kindWord(flag.kind, t)} : ${flag.match}${where}`;
}

/** « prénom : Zoé, téléphone : 06 12 34 56 78 » */
export function flagWords(flags: readonly { kind: PersonalDataKind; match: string; field?: QuestionField }[], t: Translate): string {
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
