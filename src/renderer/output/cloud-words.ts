import { frenchTypography } from '../../shared/domain/french-typography';
import type { CloudWord } from '../../shared/domain/word-cloud-layout';

/**
 * At most this many words on the projector: the most frequent, and among equals the first sent
 * (a late word never pushes out an earlier one with the same count, so the cloud stays stable).
 * Beyond it, the long tail would be too small to read from the back of the hall.
 */
export const MAX_CLOUD_WORDS = 150;

/**
 * The words of a cloud as the projector shows them, from the régie's counts (word as sent →
 * count, in the order they first arrived): French typography applied, variants that then read
 * the same counted together. Pure.
 */
export function cloudWords(raw: Readonly<Record<string, number>> | undefined, max = MAX_CLOUD_WORDS): CloudWord[] {
  const merged = new Map<string, { count: number; order: number }>();
  let order = 0;
  for (const [word, count] of Object.entries(raw ?? {})) {
    const text = frenchTypography(word.trim());
    if (text === '' || !(count > 0)) continue;
    const seen = merged.get(text);
    if (seen) seen.count += count;
    else merged.set(text, { count, order: order++ });
  }
  return [...merged]
    .sort((a, b) => b[1].count - a[1].count || a[1].order - b[1].order)
    .slice(0, max)
    .map(([text, { count }]) => ({ text, count }));
}

/** How many words were sent in all (every count, shown or not). */
export function wordsSent(raw: Readonly<Record<string, number>> | undefined): number {
  return Object.values(raw ?? {}).reduce((a, b) => a + (b > 0 ? b : 0), 0);
}
