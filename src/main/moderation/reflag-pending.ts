import type { AudienceQuestion, ModerationSettings, RegieState } from '../../shared/api/state';
import type { RegieEvent } from '../engine/events';
import { moderationLists } from './moderation-lists';
import { nameKey } from './name-list';
import { flagQuestion, type QuestionFlag } from './question-flags';

/** Questions whose screening is not over: still to screen, or approved (on the shortlist or not). */
const PENDING: ReadonlySet<AudienceQuestion['status']> = new Set(['incoming', 'approved']);

const keyOf = (s: string) => nameKey(s.trim());
const singular = (key: string) => (key.length > 3 ? key.replace(/[sx]$/, '') : key);

/**
 * The organisers add a name (a child, a family named in a case) or a word while questions wait:
 * those still to screen or approved that contain it get the new flag, and cannot reach the
 * projector (nor stay on the phones) until a moderator has read them again — a clearance given
 * for their earlier flags does not cover it. Answered, rejected and merged questions are left as
 * they are (their screening is over). Only what the new entries find is added; a word the
 * organisers allow removes no flag (flags are cleared by a moderator, never by a list).
 * Cheap: a first look for the new entries in each text, the full check only where one is found.
 */
export function reflagPending(state: RegieState, next: ModerationSettings): RegieEvent[] {
  const before = state.moderation;
  const had = new Set([...before.names, ...before.badWords].map(keyOf));
  const added = new Set([...next.names, ...next.badWords].map(keyOf).filter((k) => k.length > 0 && !had.has(k)));
  if (added.size === 0) return [];
  const addedList = [...added];
  const lists = moderationLists(next);
  const isNew = (f: QuestionFlag) =>
    (f.kind === 'name' || f.kind === 'profanity') && (added.has(keyOf(f.match)) || added.has(singular(keyOf(f.match))));

  const events: RegieEvent[] = [];
  for (const q of state.audience.questions) {
    if (!PENDING.has(q.status)) continue;
    const texts = q.editedText === null ? [q.text] : [q.text, q.editedText];
    if (!texts.some((t) => addedList.some((k) => nameKey(t).includes(k)))) continue;
    const fresh: QuestionFlag[] = [];
    for (const f of texts.flatMap((t) => flagQuestion(t, lists))) {
      if (!isNew(f)) continue;
      if ([...q.flags, ...fresh].some((g) => g.kind === f.kind && g.match === f.match)) continue;
      fresh.push(f);
    }
    if (fresh.length > 0) events.push({ type: 'question.flags.added', questionId: q.id, flags: fresh });
  }
  return events;
}
