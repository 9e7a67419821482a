import { z } from 'zod';
import type { z as zt } from 'zod';
import { clientMsgIdSchema } from '../../../shared/protocol/fields';
import { MAX } from '../../../shared/protocol/limits';
import {
  type askMessageSchema,
  participantMessageSchemas,
  type upvoteMessageSchema,
  type voteMessageSchema,
  type wordsMessageSchema,
} from '../../../shared/protocol/participant-messages';

/**
 * What the phone sent and the hub has not acknowledged yet, kept in memory and in localStorage
 * (a reload or a dead battery loses nothing typed). Each entry keeps its `clientMsgId`: resent
 * after a reconnection, the hub recognises it and stores it once. Pure functions; the hub link
 * owns the list and saves it.
 */
export type OutboxEvent = 'question.ask' | 'question.upvote' | 'poll.vote' | 'words.send';

export type OutboxMessage =
  | { event: 'question.ask'; msg: zt.input<typeof askMessageSchema> }
  | { event: 'question.upvote'; msg: zt.input<typeof upvoteMessageSchema> }
  | { event: 'poll.vote'; msg: zt.input<typeof voteMessageSchema> }
  | { event: 'words.send'; msg: zt.input<typeof wordsMessageSchema> };

/** A message as a component writes it: the link gives it its clientMsgId. */
export type OutboxDraft = OutboxMessage extends infer M
  ? M extends { event: infer E; msg: infer P }
    ? { event: E; msg: Omit<P, 'clientMsgId'> }
    : never
  : never;

export type OutboxEntry = OutboxMessage & {
  /** The event it belongs to: never sent to another event's hub. */
  eventCode: string;
  queuedAt: number;
};

/** The hub remembers message ids for 24 h; past half of that, an entry is dropped rather than risk a double. */
export const OUTBOX_MAX_AGE_MS = 12 * 3_600_000;
/** More than this many unsent messages is a phone in trouble: the oldest go first. */
export const OUTBOX_MAX_ENTRIES = 50;

export const idOf = (e: OutboxMessage): string => e.msg.clientMsgId;

const storedEntrySchema = z.object({
  event: z.enum(['question.ask', 'question.upvote', 'poll.vote', 'words.send']),
  msg: z.looseObject({ clientMsgId: clientMsgIdSchema }),
  eventCode: z.string().min(1).max(MAX.eventCode),
  queuedAt: z.number().int().min(0),
});

/** Reads the saved outbox: unreadable, invalid or too old entries are dropped (never thrown). */
export function parseOutbox(json: string | null, now: number): OutboxEntry[] {
  if (!json) return [];
  let raw: unknown;
  try {
    raw = JSON.parse(json);
  } catch {
    return [];
  }
  if (!Array.isArray(raw)) return [];
  const out: OutboxEntry[] = [];
  for (const item of raw) {
    const parsed = storedEntrySchema.safeParse(item);
    if (!parsed.success) continue;
    const { event, msg, eventCode, queuedAt } = parsed.data;
    if (now - queuedAt > OUTBOX_MAX_AGE_MS || queuedAt > now + 60_000) continue;
    // The message itself must still be one the hub takes (the page may have been updated since).
    if (!participantMessageSchemas[event].safeParse(msg).success) continue;
    out.push({ event, msg, eventCode, queuedAt } as OutboxEntry);
  }
  return out.slice(-OUTBOX_MAX_ENTRIES);
}

export function serialiseOutbox(entries: readonly OutboxEntry[]): string | null {
  return entries.length === 0 ? null : JSON.stringify(entries);
}

/**
 * Adds an entry. A new vote in a poll replaces a vote for the same poll still waiting (the hub
 * keeps only the latest one anyway): the phone never replays an old choice after a new one.
 */
export function addEntry(entries: readonly OutboxEntry[], entry: OutboxEntry, inFlight: ReadonlySet<string> = new Set()): OutboxEntry[] {
  let kept = [...entries];
  if (entry.event === 'poll.vote') {
    const pollId = entry.msg.pollId;
    kept = kept.filter((e) => !(e.event === 'poll.vote' && e.msg.pollId === pollId && !inFlight.has(idOf(e))));
  }
  if (kept.some((e) => idOf(e) === idOf(entry))) return kept;
  kept.push(entry);
  return kept.slice(-OUTBOX_MAX_ENTRIES);
}

export function removeEntry(entries: readonly OutboxEntry[], id: string): OutboxEntry[] {
  return entries.filter((e) => idOf(e) !== id);
}

/** The next entry to send to this event's hub (oldest first), skipping those in flight. */
export function nextToSend(entries: readonly OutboxEntry[], eventCode: string, inFlight: ReadonlySet<string>): OutboxEntry | null {
  return entries.find((e) => e.eventCode === eventCode && !inFlight.has(idOf(e))) ?? null;
}

/** Refusals worth another try later (the message itself is fine): kept in the outbox. */
export function isTransient(code: string): boolean {
  return code === 'rate_limited' || code === 'busy' || code === 'unavailable' || code === 'not_joined';
}
