import { cachedNormalise } from './french-words';

/**
 * A word cloud's moderation, per cloud, by normalised key (see `normaliseWord`): what a moderator
 * banned, merged or released. Records are read with `Object.hasOwn` (a key may be « constructor »).
 */
export interface WordModeration {
  /** Banned keys → the spelling the moderator saw when banning (for the desk's list). */
  banned: Readonly<Record<string, string>>;
  /** Merged keys → the key they are counted under (always a final key: no chains). */
  merges: Readonly<Record<string, string>>;
  /** Keys released by a moderator after a flag (profanity, name) → the spelling released. */
  allowed: Readonly<Record<string, string>>;
}

export const NO_WORD_MODERATION: WordModeration = { banned: {}, merges: {}, allowed: {} };

export interface WordVariant {
  /** A spelling as participants typed it (see `normaliseWord`). */
  text: string;
  count: number;
}

export interface TalliedWord {
  key: string;
  /** The most common spelling (of the word itself when others were merged into it); ties → first arrived. */
  text: string;
  count: number;
  /** Every spelling counted here, the most common first. */
  variants: WordVariant[];
}

function has(record: Readonly<Record<string, unknown>> | undefined, key: string): boolean {
  return record !== undefined && Object.hasOwn(record, key);
}

/** The key a word is counted under once merges are applied (a cycle, which decide refuses, stops). */
export function mergedKey(key: string, moderation: WordModeration = NO_WORD_MODERATION): string {
  let k = key;
  const seen = new Set<string>();
  while (has(moderation.merges, k) && !seen.has(k)) {
    seen.add(k);
    k = moderation.merges[k] ?? k;
  }
  return k;
}

/** Whether a word with this key is banned (itself, or the word it is merged into). */
export function isBannedKey(key: string, moderation: WordModeration = NO_WORD_MODERATION): boolean {
  return has(moderation.banned, key) || has(moderation.banned, mergedKey(key, moderation));
}

interface Group {
  key: string;
  count: number;
  order: number;
  /** spelling → count, of the words whose own key is the group's key, then of the merged ones. */
  own: Map<string, number>;
  all: Map<string, number>;
}

function mostCommon(spellings: Map<string, number>): string | undefined {
  let best: [string, number] | undefined;
  for (const entry of spellings) if (!best || entry[1] > best[1]) best = entry;
  return best?.[0];
}

/**
 * The régie's raw counts of a cloud (word as sent → count, in the order they first arrived)
 * grouped as a person would count them: one entry per normalised key, merges folded into their
 * target, banned keys and held words (flagged, not yet allowed) left out. Sorted by count, then by
 * first arrival (a late word never overtakes an earlier one with the same count). Pure.
 */
export function tallyWords(
  raw: Readonly<Record<string, number>> | undefined,
  moderation: WordModeration = NO_WORD_MODERATION,
  held?: Readonly<Record<string, unknown>>,
): TalliedWord[] {
  const heldKeys = new Set<string>();
  for (const word of Object.keys(held ?? {})) {
    const key = cachedNormalise(word)?.key;
    if (key !== undefined && !has(moderation.allowed, key)) heldKeys.add(key);
  }
  const groups = new Map<string, Group>();
  for (const [word, count] of Object.entries(raw ?? {})) {
    if (!(count > 0)) continue;
    const n = cachedNormalise(word);
    if (!n || heldKeys.has(n.key) || isBannedKey(n.key, moderation)) continue;
    const target = mergedKey(n.key, moderation);
    let group = groups.get(target);
    if (!group) {
      group = { key: target, count: 0, order: groups.size, own: new Map(), all: new Map() };
      groups.set(target, group);
    }
    group.count += count;
    group.all.set(n.spelling, (group.all.get(n.spelling) ?? 0) + count);
    if (n.key === target) group.own.set(n.spelling, (group.own.get(n.spelling) ?? 0) + count);
  }
  return [...groups.values()]
    .sort((a, b) => b.count - a.count || a.order - b.order)
    .map((g) => ({
      key: g.key,
      text: mostCommon(g.own) ?? mostCommon(g.all) ?? g.key,
      count: g.count,
      variants: [...g.all]
        .map(([text, count], order) => ({ text, count, order }))
        .sort((a, b) => b.count - a.count || a.order - b.order)
        .map(({ text, count }) => ({ text, count })),
    }));
}
