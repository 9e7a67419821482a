import { wordKey } from '../../../shared/domain/french-words';
import { cleanText } from '../../../shared/protocol/clean-text';
import type { WordCloud } from '../../../shared/protocol/interactions';
import { MAX } from '../../../shared/protocol/limits';
import type { OutboxEntry } from './outbox';
import type { Ballot, Connection, Feedback } from './participant-store';

/**
 * Pure readings of the page's state, for the components (and their tests): what to say about a
 * message that is waiting, and what the word form accepts.
 */

/** What the status line of a card says. */
export type Status =
  | { kind: 'sending' }
  | { kind: 'queued' }
  | { kind: 'saved'; count?: number }
  | { kind: 'error'; feedback: Extract<Feedback, { kind: 'error' }> }
  | null;

function waiting(connection: Connection): Status {
  return connection === 'online' ? { kind: 'sending' } : { kind: 'queued' };
}

export function pendingVote(outbox: readonly OutboxEntry[], pollId: string): Ballot | null {
  for (let i = outbox.length - 1; i >= 0; i -= 1) {
    const e = outbox[i];
    if (e?.event === 'poll.vote' && e.msg.pollId === pollId) return { choices: e.msg.choices ?? null, rating: e.msg.rating ?? null };
  }
  return null;
}

export function voteStatus(outbox: readonly OutboxEntry[], connection: Connection, feedback: Feedback | undefined, pollId: string): Status {
  if (pendingVote(outbox, pollId)) return waiting(connection);
  if (!feedback || feedback.target !== pollId) return null;
  return feedback.kind === 'saved' ? { kind: 'saved' } : { kind: 'error', feedback };
}

export function sameBallot(a: Ballot | null | undefined, b: Ballot | null | undefined): boolean {
  if (!a || !b) return false;
  const key = (x: Ballot) => (x.choices ? `c:${[...x.choices].sort((m, n) => m - n).join(',')}` : `r:${x.rating ?? ''}`);
  return key(a) === key(b);
}

export function pendingQuestions(outbox: readonly OutboxEntry[]): string[] {
  return outbox.flatMap((e) => (e.event === 'question.ask' ? [e.msg.text] : []));
}

export function askStatus(outbox: readonly OutboxEntry[], connection: Connection, feedback: Feedback | undefined): Status {
  if (pendingQuestions(outbox).length > 0) return waiting(connection);
  if (!feedback) return null;
  return feedback.kind === 'saved' ? { kind: 'saved' } : { kind: 'error', feedback };
}

export function pendingUpvotes(outbox: readonly OutboxEntry[]): Set<string> {
  return new Set(outbox.flatMap((e) => (e.event === 'question.upvote' ? [e.msg.questionId] : [])));
}

export function pendingWords(outbox: readonly OutboxEntry[], cloudId: string): string[] {
  return outbox.flatMap((e) => (e.event === 'words.send' && e.msg.cloudId === cloudId ? e.msg.words : []));
}

export function wordsStatus(
  outbox: readonly OutboxEntry[],
  connection: Connection,
  feedback: Feedback | undefined,
  cloudId: string,
): Status {
  if (pendingWords(outbox, cloudId).length > 0) return waiting(connection);
  if (!feedback || feedback.target !== cloudId) return null;
  return feedback.kind === 'saved' ? { kind: 'saved', ...(feedback.count ? { count: feedback.count } : {}) } : { kind: 'error', feedback };
}

/** Words still allowed in this cloud, counting those sent and those waiting. */
export function wordsLeft(cloud: WordCloud, sentKeys: readonly string[], pending: readonly string[]): number {
  const all = new Set([...sentKeys, ...pending.map(wordKey)]);
  return Math.max(0, cloud.maxWordsPerParticipant - all.size);
}

export type WordsCheck =
  | { ok: true; words: string[] }
  | { ok: false; reason: 'empty' }
  | { ok: false; reason: 'tooLong' | 'again' | 'twice'; word: string }
  | { ok: false; reason: 'tooMany'; left: number };

/**
 * What the word form sends: the typed text split at commas (and semicolons), each cleaned like the
 * hub cleans it; refused locally for the reasons the hub would refuse it, with the same words.
 */
export function checkWords(input: string, sentKeys: readonly string[], pending: readonly string[], left: number): WordsCheck {
  const words = input
    .split(/[,;\n]/)
    .map(cleanText)
    .filter((w) => w.length > 0);
  if (words.length === 0) return { ok: false, reason: 'empty' };
  const long = words.find((w) => w.length > MAX.word);
  if (long !== undefined) return { ok: false, reason: 'tooLong', word: long };
  const already = new Set([...sentKeys, ...pending.map(wordKey)]);
  const again = words.find((w) => already.has(wordKey(w)));
  if (again !== undefined) return { ok: false, reason: 'again', word: again };
  const seen = new Set<string>();
  for (const w of words) {
    const k = wordKey(w);
    if (seen.has(k)) return { ok: false, reason: 'twice', word: w };
    seen.add(k);
  }
  if (words.length > Math.min(left, MAX.wordsPerMessage))
    return { ok: false, reason: 'tooMany', left: Math.min(left, MAX.wordsPerMessage) };
  return { ok: true, words };
}

/** Percent of a total, rounded to a whole number (0 when nobody answered). */
export function percent(count: number, total: number): number {
  return total > 0 ? Math.round((count / total) * 100) : 0;
}

/** Average of a rating's counts (counts[i] is the number of `min + i`), or null with no answer. */
export function ratingAverage(counts: readonly number[], min: number): number | null {
  let n = 0;
  let sum = 0;
  counts.forEach((c, i) => {
    n += c;
    sum += c * (min + i);
  });
  return n > 0 ? sum / n : null;
}
