import { formatCount, sceneWords } from '../../shared/domain/scene-words';
import { NBSP } from '../../shared/domain/french-typography';

/**
 * The words of the images and the report: the projector's own (src/shared/domain/scene-words.ts,
 * « 1 214 réponses », « 42 % »), and the few only the report needs.
 */
export {
  formatCount,
  meanWords,
  percentWords,
  ratingLabel,
  responsesWords,
  votersLine,
  votesWords,
  wordsSentWords,
} from '../../shared/domain/scene-words';

/** The yes/no poll's two answers, as the projector words them. */
export const YES_NO = sceneWords.yesNo;

/** « 3 questions », « 1 question » */
export function plural(n: number, one: string, many: string): string {
  return `${formatCount(n)}${NBSP}${n > 1 ? many : one}`;
}

/** Minutes of delay: « +12 min », « −5 min », « à l’heure ». */
export function delayWords(minutes: number): string {
  if (minutes === 0) return 'à l’heure';
  return `${minutes > 0 ? '+' : '−'}${Math.abs(minutes)}${NBSP}min`;
}
