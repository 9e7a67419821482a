import { type AudienceQuestion, type ModerationSettings, type QuestionField, type QuestionFinding, questionFields, type RegieState } from '../../shared/api/state';
import type { RegieEvent } from '../engine/events';
import { moderationLists } from './moderation-lists';
import { nameKey } from './name-list';
import { findingsIn } from './question-findings';

/** Questions whose screening is not over: still to screen, or approved (on the shortlist or not). */
const PENDING: ReadonlySet<AudienceQuestion['status']> = new Set(['incoming', 'approved']);

const keyOf = (s: string) => nameKey(s.trim());
const singular = (key: string) => (key.length > 3 ? key.replace(/[sx]$/, '') : key);

function valueOf(q: AudienceQuestion, field: QuestionField): string | null {
  return field === 'text' ? q.text : field === 'edit' ? q.editedText : q.name;
}

/**
 * The organisers add a name (a child, a family named in a case) or a word while questions wait:
 * those still to screen or approved whose text, edit or author's name contains it get the new
 * findings, and cannot reach the projector (nor stay on the phones) until a moderator has read
 * them again — a clearance given for their earlier findings does not cover it. Answered, rejected
 * and merged questions are left as they are (their screening is over). Only what the new entries
 * find is added; a word the organisers allow removes no finding (findings are read by a
 * moderator, never by a list). Cheap: a first look for the new entries in each field, the
 * detector only where one is found.
 */
export function reflagPending(state: RegieState, next: ModerationSettings): RegieEvent[] {
  const before = state.moderation;
  const had = new Set([...before.names, ...before.badWords].map(keyOf));
  const added = new Set([...next.names, ...next.badWords].map(keyOf).filter((k) => k.length > 0 && !had.has(k)));
  if (added.size === 0) return [];
  const addedList = [...added];
  const lists = moderationLists(next, state.programme);
  /** A finding is the new entries' when its match is one of them (or holds one as a word). */
  const isNew = (f: QuestionFinding) => {
    const key = keyOf(f.match);
    if (added.has(key) || added.has(singular(key))) return true;
    return key.split(/[^\p{L}\p{N}]+/u).some((w) => added.has(w) || added.has(singular(w)));
  };

  const events: RegieEvent[] = [];
  for (const q of state.audience.questions) {
    if (!PENDING.has(q.status)) continue;
    const fresh: QuestionFinding[] = [];
    for (const field of questionFields) {
      const value = valueOf(q, field);
      if (value === null) continue;
      const key = nameKey(value);
      if (!addedList.some((k) => key.includes(k))) continue;
      for (const f of findingsIn(field, value, lists)) {
        if (!isNew(f)) continue;
        // Already found there (under any kind): the moderator has read that very text.
        if (q.flags.some((g) => g.field === f.field && g.start === f.start && g.end === f.end)) continue;
        fresh.push(f);
      }
    }
    if (fresh.length > 0) events.push({ type: 'question.findings.added', questionId: q.id, findings: fresh });
  }
  return events;
}
