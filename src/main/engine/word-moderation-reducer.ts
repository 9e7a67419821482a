import type { Origin, RegieState } from '../../shared/api/state';
import type { PersonalDataKind } from '../../shared/domain/personal-data';
import { cachedWordKey, normaliseWord } from '../../shared/domain/french-words';
import { NO_WORD_MODERATION, isBannedKey, type WordModeration } from '../../shared/domain/word-tally';
import { ballotBucket } from './ballot-bucket';
import type { RegieEvent } from './events';

type WordEvent = Extract<RegieEvent, { type: `words.${string}` }>;

function without<T>(record: Readonly<Record<string, T>>, key: string): Record<string, T> {
  const { [key]: _gone, ...rest } = record;
  return rest;
}

/** The words of a message that are counted: a banned word (or one merged into a banned word) is not. */
export function countedWords(words: readonly string[], moderation: WordModeration | undefined): string[] {
  if (!moderation) return [...words];
  return words.filter((w) => {
    const key = normaliseWord(w)?.key;
    return key === undefined || !isBannedKey(key, moderation);
  });
}

/** Whether a moderator already released this word (by its key): it is not held back again. */
export function isAllowedWord(word: string, moderation: WordModeration | undefined): boolean {
  const key = normaliseWord(word)?.key;
  return moderation !== undefined && key !== undefined && Object.hasOwn(moderation.allowed, key);
}

/** Held words of a cloud without the ones whose key is `key`. */
function release(held: Readonly<Record<string, PersonalDataKind>> | undefined, key: string): Record<string, PersonalDataKind> {
  return Object.fromEntries(Object.entries(held ?? {}).filter(([w]) => normaliseWord(w)?.key !== key));
}

/** Applies one word-moderation event. Pure and immutable. */
export function applyWordEvent(state: RegieState, event: WordEvent): RegieState {
  const before = state.wordModeration[event.cloudId] ?? NO_WORD_MODERATION;
  let next: WordModeration;
  let audience = state.audience;
  switch (event.type) {
    case 'words.banned':
      next = { ...before, banned: { ...before.banned, [event.key]: event.spelling } };
      break;
    case 'words.unbanned':
      next = { ...before, banned: without(before.banned, event.key) };
      break;
    case 'words.merged': {
      // Words merged into `from` follow it into its target: merges never chain.
      const merges: Record<string, string> = {};
      for (const [k, v] of Object.entries(before.merges)) merges[k] = v === event.from ? event.into : v;
      next = { ...before, merges: { ...without(merges, event.into), [event.from]: event.into } };
      break;
    }
    case 'words.unmerged':
      next = { ...before, merges: without(before.merges, event.key) };
      break;
    case 'words.allowed':
      next = { ...before, allowed: { ...before.allowed, [event.key]: event.spelling } };
      audience = {
        ...audience,
        heldWords: { ...audience.heldWords, [event.cloudId]: release(audience.heldWords[event.cloudId], event.key) },
      };
      break;
    default:
      return event satisfies never;
  }
  return { ...state, audience, wordModeration: { ...state.wordModeration, [event.cloudId]: next } };
}

/**
 * A participant's words to a cloud, each counted once per person: a spelling of a word they already
 * sent (« enfants » after « enfant », « L'enfant » in the same message) is not counted again. Returns
 * the words to count and the slices to merge into the state (the participant is counted once).
 */
export function noteWordSender(
  state: RegieState,
  cloudId: string,
  participantId: string,
  origin: Origin,
  words: readonly string[],
): { fresh: string[]; slices: Pick<RegieState, 'wordSenders' | 'wordParticipants'> } {
  const cloud = state.wordSenders[cloudId] ?? {};
  const bucketKey = ballotBucket(participantId);
  const bucket = cloud[bucketKey] ?? {};
  const earlier = bucket[participantId];
  const known = new Set(Array.isArray(earlier) ? earlier : []);
  const fresh = words.filter((w) => {
    const key = cachedWordKey(w) ?? w.toLocaleLowerCase('fr');
    if (known.has(key)) return false;
    known.add(key);
    return true;
  });
  const counts = state.wordParticipants[cloudId] ?? { room: 0, remote: 0 };
  return {
    fresh,
    slices: {
      wordSenders: { ...state.wordSenders, [cloudId]: { ...cloud, [bucketKey]: { ...bucket, [participantId]: [...known] } } },
      wordParticipants:
        earlier === undefined
          ? { ...state.wordParticipants, [cloudId]: { ...counts, [origin]: counts[origin] + 1 } }
          : state.wordParticipants,
    },
  };
}
