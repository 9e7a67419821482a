import type { AudienceQuestion, RegieState } from '../../shared/api/state';
import { cachedWordKey } from '../../shared/domain/french-words';
import { REDACTION_LABEL } from '../../shared/domain/personal-data';
import { moderationLists } from '../moderation/moderation-lists';
import type { ModerationLists } from '../safeguarding/detector-lists';
import { flagSpans, spanKindOfFlag } from '../../shared/domain/stored-flags';
import { redactPersonalData } from './redaction';

/**
 * How the people behind an export are shown. Pseudonymised (the default): each participant is
 * « Participant 12 » — one number per person, the same across their questions and the sheets of
 * the export, numbered in the order they first appear in it — a typed-in question is « Régie »,
 * and the personal data in the texts is redacted (redaction.ts). With the names (the moderator's
 * choice): names and texts as they are.
 */
export interface ExportPrivacy {
  readonly names: boolean;
  /** The author column: a pseudonym, or the name as given ('' when none). */
  author(q: AudienceQuestion): string;
  /** A question's text as received, or as edited: redacted unless the names are asked for. */
  original(q: AudienceQuestion): string;
  edited(q: AudienceQuestion): string | null;
  /** The text as the room saw it (the edit, else the original). */
  shown(q: AudienceQuestion): string;
  /** A word-cloud word (held back as personal data, or found so now): its label unless the names are asked for. */
  word(cloudId: string, word: string): string;
  /** Redacts the questions' texts ahead, letting the event loop run between chunks (a big export during the show). */
  prepare(questions: readonly AudienceQuestion[]): Promise<void>;
}

export const REGIE_AUTHOR = 'Régie';
export const PSEUDONYM_PREFIX = 'Participant';

/**
 * The person behind an audience question: the participant id of its hub message id
 * (`participantId:clientMsgId`, src/shared/protocol/audience-messages.ts). A purged database keeps
 * pseudonymous ids there, as distinct as the originals.
 */
export function participantOf(q: Pick<AudienceQuestion, 'msgId'>): string | null {
  if (q.msgId === null) return null;
  const colon = q.msgId.indexOf(':');
  return colon > 0 ? q.msgId.slice(0, colon) : q.msgId;
}

/** Redacting lets the event loop run after this much work (a TAKE waits no longer behind an export). */
const SLICE_MS = 12;

interface Redacted {
  lists: ModerationLists;
  original?: string;
  edited?: string;
}

/**
 * Redacted texts by question. The state's questions are immutable (a changed question is a new
 * object), and the lists are one object until the organisers change them: the next export during
 * the show redacts only what is new or changed.
 */
const redactedTexts = new WeakMap<AudienceQuestion, Redacted>();

export function exportPrivacy(state: RegieState, options: { names?: boolean | undefined } = {}): ExportPrivacy {
  const names = options.names === true;
  const lists = moderationLists(state.moderation, state.programme);
  const numbers = new Map<string, number>();

  const cached = (q: AudienceQuestion): Redacted => {
    let r = redactedTexts.get(q);
    if (r === undefined || r.lists !== lists) redactedTexts.set(q, (r = { lists }));
    return r;
  };
  const redact = (q: AudienceQuestion, text: string, field: 'question' | 'edit'): string =>
    redactPersonalData(text, field, lists, flagSpans(text, q.flags));

  const original = (q: AudienceQuestion): string => {
    if (names) return q.text;
    const r = cached(q);
    return (r.original ??= redact(q, q.text, 'question'));
  };
  const edited = (q: AudienceQuestion): string | null => {
    if (q.editedText === null) return null;
    if (names) return q.editedText;
    const r = cached(q);
    return (r.edited ??= redact(q, q.editedText, 'edit'));
  };

  return {
    names,
    author(q) {
      if (names) return q.name ?? '';
      if (q.origin === 'regie') return REGIE_AUTHOR;
      const who = participantOf(q) ?? q.id;
      let n = numbers.get(who);
      if (n === undefined) numbers.set(who, (n = numbers.size + 1));
      return `${PSEUDONYM_PREFIX} ${n}`;
    },
    original,
    edited,
    shown: (q) => edited(q) ?? original(q),
    word(cloudId, word) {
      if (names) return word;
      const held = state.audience.heldWords[cloudId]?.[word];
      const heldKind = held === undefined ? null : spanKindOfFlag(held);
      if (heldKind !== null) return REDACTION_LABEL[heldKind];
      const key = cachedWordKey(word);
      const allowed = state.wordModeration[cloudId]?.allowed;
      if (key !== null && allowed !== undefined && Object.hasOwn(allowed, key)) return word;
      return redactPersonalData(word, 'word', lists);
    },
    async prepare(questions) {
      if (names) return;
      let slice = performance.now();
      for (const q of questions) {
        if (performance.now() - slice > SLICE_MS) {
          await new Promise((resolve) => setImmediate(resolve));
          slice = performance.now();
        }
        original(q);
        edited(q);
      }
    },
  };
}
