import { frenchTypography } from '../../shared/domain/french-typography';
import type { CloudWord } from '../../shared/domain/word-cloud-layout';
import { NO_WORD_MODERATION, tallyWords, type WordModeration } from '../../shared/domain/word-tally';

/**
 * At most this many words on the projector: the most frequent, and among equals the first sent
 * (a late word never pushes out an earlier one with the same count, so the cloud stays stable).
 * Beyond it, the long tail would be too small to read from the back of the hall.
 */
export const MAX_CLOUD_WORDS = 150;

/**
 * The words of a cloud as the projector shows them, from the régie's counts (word as sent →
 * count, in the order they first arrived): grouped as a person would count them (« L’enfant »,
 * « enfants », « ENFANT » are one word, shown as its most common spelling; see word-tally.ts),
 * banned words out, merges applied, French typography on the spelling. The normalised key is the
 * word's id: the layout keeps its place when the shown spelling changes. Pure.
 */
export function cloudWords(
  raw: Readonly<Record<string, number>> | undefined,
  max = MAX_CLOUD_WORDS,
  moderation: WordModeration = NO_WORD_MODERATION,
  held?: Readonly<Record<string, unknown>>,
): CloudWord[] {
  return tallyWords(raw, moderation, held)
    .slice(0, max)
    .map((w) => ({ id: w.key, text: frenchTypography(w.text), count: w.count }));
}

/** How many words were sent in all (every count, shown or not). */
export function wordsSent(raw: Readonly<Record<string, number>> | undefined): number {
  return Object.values(raw ?? {}).reduce((a, b) => a + (b > 0 ? b : 0), 0);
}
