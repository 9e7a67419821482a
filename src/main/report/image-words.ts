import type { RegieState } from '../../shared/api/state';
import { frenchTypography } from '../../shared/domain/french-typography';
import type { CloudWord } from '../../shared/domain/word-cloud-layout';
import { NO_WORD_MODERATION, tallyWords } from '../../shared/domain/word-tally';
import { inertLine } from './inert-text';
import { drawableWord } from './printable-text';

/** At most this many words in an image (the projector's limit: the long tail is unreadable). */
export const MAX_IMAGE_WORDS = 150;

export interface ImageWordList {
  words: CloudWord[];
  /** Distinct words after grouping and moderation (shown or beyond the limit). */
  distinct: number;
  /** Every word sent, held and banned ones included (the figure under the cloud). */
  sent: number;
}

/**
 * The words of a cloud as an image shows them: grouped and moderated as the projector groups
 * them (word-tally.ts: French normalisation, merges, banned words and held words left out), each
 * shown in its most common spelling, made inert, typeset, and stripped of what the font cannot
 * draw. The most frequent first, at most `max`.
 */
export function imageWords(state: RegieState, cloudId: string, max = MAX_IMAGE_WORDS): ImageWordList {
  const raw = state.audience.words[cloudId];
  const tallied = tallyWords(raw, state.wordModeration?.[cloudId] ?? NO_WORD_MODERATION, state.audience.heldWords[cloudId]);
  // Two groups that print the same (they differed only by what cannot be drawn) count as one.
  const counts = new Map<string, number>();
  for (const w of tallied) {
    const text = drawableWord(frenchTypography(inertLine(w.text)));
    if (text !== '') counts.set(text, (counts.get(text) ?? 0) + w.count);
  }
  const words = [...counts].map(([text, count]) => ({ text, count })).sort((a, b) => b.count - a.count);
  const sent = Object.values(raw ?? {}).reduce((a, b) => a + (b > 0 ? b : 0), 0);
  return { words: words.slice(0, max), distinct: words.length, sent };
}
