import { createHmac, randomBytes } from 'node:crypto';
import { cachedWordKey } from '../../../shared/domain/french-words';
import type { ErasedValues, PurgeContext } from '../../../node/purge/purge-context';
import { type PersonalDataKind, REDACTION_LABEL } from '../../../shared/domain/personal-data';
import { moderationLists } from '../../moderation/moderation-lists';
import { spanKindOfFlag, type StoredFlag } from '../../../shared/domain/stored-flags';
import { personalSpans, redactPersonalData } from '../../export/redaction';

/** What the first pass over the journal learnt (empty for a hub purged on its own). */
export interface PurgeKnowledge {
  /** Every name the organisers ever listed (children, families of the cases). */
  organiserNames: readonly string[];
  /** Words the organisers never want flagged (the latest list). */
  allowedWords: readonly string[];
  /** Word keys a moderator released after a flag: words, not people. */
  releasedWordKeys: ReadonlySet<string>;
  /** Word keys flagged as personal data when they arrived. */
  flaggedWordKeys: ReadonlyMap<string, PersonalDataKind>;
  /**
   * By question id and by the message id that brought it: everything ever found or redacted in it,
   * as (kind, match) — the hub's copies of a question (its backlog, its board) are purged with what
   * the régie's moderators knew of it.
   */
  known: ReadonlyMap<string, readonly StoredFlag[]>;
}

export const NO_KNOWLEDGE: PurgeKnowledge = {
  organiserNames: [],
  allowedWords: [],
  releasedWordKeys: new Set(),
  flaggedWordKeys: new Map(),
  known: new Map(),
};

/** A text held to a length limit of its schema (a label is longer than what it replaces). */
export function fit(text: string, max: number | undefined): string {
  if (max === undefined || text.length <= max) return text;
  return `${text.slice(0, max - 1)}…`;
}

export function wordKeyOf(word: string): string {
  return cachedWordKey(word) ?? word.toLocaleLowerCase('fr');
}

/**
 * The context of one purge (its contract: src/node/purge/purge-context.ts), with the detector and
 * the organisers' lists of the régie; its key is made here and thrown away by dispose().
 */
export function createPurgeContext(knowledge: PurgeKnowledge = NO_KNOWLEDGE): PurgeContext {
  const key = randomBytes(32);
  const lists = moderationLists({ badWords: [], names: [...knowledge.organiserNames], allowed: [...knowledge.allowedWords] });
  const erased: ErasedValues = {
    participants: new Map(),
    messages: new Map(),
    names: new Set(knowledge.organiserNames.filter((n) => n.trim() !== '')),
  };
  const hash = (domain: string, value: string, length: number) =>
    createHmac('sha256', key).update(`${domain}\u0000${value}`).digest('base64url').slice(0, length);

  const sent = new Map<string, number>();
  const participant = (id: string): string => {
    let p = erased.participants.get(id);
    if (p === undefined) erased.participants.set(id, (p = hash('participant', id, 16)));
    return p;
  };

  // Word keys that are personal data: flagged on arrival or found now, unless a moderator released them.
  const placeholders = new Map<string, string>();
  const perKind = new Map<PersonalDataKind, number>();
  const wordKind = (word: string, key: string): PersonalDataKind | null => {
    if (knowledge.releasedWordKeys.has(key)) return null;
    const flagged = knowledge.flaggedWordKeys.get(key);
    if (flagged !== undefined) return flagged;
    return personalSpans(word, 'word', lists)[0]?.kind ?? null;
  };
  const plainWords = new Set<string>();
  const placeholderOf = (word: string): string | null => {
    const k = wordKeyOf(word);
    let p = placeholders.get(k);
    if (p !== undefined) return p;
    if (plainWords.has(word)) return null;
    const kind = wordKind(word, k);
    if (kind === null) {
      plainWords.add(word);
      return null;
    }
    const n = (perKind.get(kind) ?? 0) + 1;
    perKind.set(kind, n);
    // One placeholder per word, so that bans, merges and counts by word stay as they were.
    p = `${REDACTION_LABEL[kind].slice(0, -1)} ${n}]`;
    placeholders.set(k, p);
    erased.names.add(word);
    return p;
  };

  return {
    participant,
    msgId(id) {
      let p = erased.messages.get(id);
      if (p !== undefined) return p;
      // The author stays derivable (pseudonym:n), n counting that participant's messages: short and never twice.
      const colon = id.indexOf(':');
      const who = colon > 0 ? participant(id.slice(0, colon)) : null;
      const n = (sent.get(who ?? '') ?? 0) + 1;
      sent.set(who ?? '', n);
      p = who === null ? `m${n.toString(36)}` : `${who}:${n.toString(36)}`;
      erased.messages.set(id, p);
      return p;
    },
    text(text, field, known = [], max) {
      const spans = personalSpans(text, field, lists, known);
      for (const s of spans) erased.names.add(s.match);
      return spans.length === 0 ? fit(text, max) : fit(redactPersonalData(text, field, lists, known), max);
    },
    flags(flags) {
      return flags.map((f) => {
        const kind = spanKindOfFlag(f.kind);
        if (kind === null) return f;
        erased.names.add(f.match);
        return { ...f, match: REDACTION_LABEL[kind] };
      });
    },
    word: (word) => placeholderOf(word) ?? word,
    wordKey(k) {
      const p = placeholderOf(k);
      return p === null ? k : wordKeyOf(p);
    },
    known: (key) => knowledge.known.get(key) ?? [],
    erased,
    dispose() {
      key.fill(0);
    },
  };
}
