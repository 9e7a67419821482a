import type { PersonalDataSpan, TextField } from '../../shared/domain/personal-data';
import type { StoredFlag } from '../../shared/domain/stored-flags';

/**
 * Everything the RGPD purge needs to rewrite one event, one hub row or one log line the same way
 * everywhere. Participant ids become a keyed hash (HMAC-SHA-256) under a key made for this purge
 * and thrown away at its end: two ids stay two (the counts stay true: one ballot per person, one
 * sender per word) but nobody, the organisers included, can link a pseudonym back to a phone.
 */
export interface PurgeContext {
  /** A participant id's pseudonym ([A-Za-z0-9_-]{16}: 96 bits, as valid as the original). */
  participant(id: string): string;
  /** A message id `participantId:clientMsgId` → `pseudonym:n` (the author stays derivable). */
  msgId(id: string): string;
  /** A free text with its personal data redacted (the régie's src/main/export/redaction.ts), held to `max` characters. */
  text(text: string, field: TextField, known?: readonly PersonalDataSpan[], max?: number): string;
  /** Stored flags with their personal matches replaced by the label (the kind stays: it is counted). */
  flags<F extends StoredFlag>(flags: readonly F[]): F[];
  /** A word-cloud word: a placeholder (« [prénom 3] ») when it is personal data, else as sent. */
  word(word: string): string;
  /** A normalised word key, likewise (the hub's per-participant words, the moderators' bans and merges). */
  wordKey(key: string): string;
  /** What the régie knew of a question, by its id or its message's (original) id. */
  known(key: string): readonly StoredFlag[];
  /** What was erased, to scrub the logs with and to count (never written anywhere). */
  readonly erased: ErasedValues;
  /** Throws the key away. */
  dispose(): void;
}

export interface ErasedValues {
  /** Participant id → pseudonym. */
  participants: Map<string, string>;
  /** Message id → pseudonym. */
  messages: Map<string, string>;
  /** Display names, names the régie typed in, the organisers' names, redacted originals. */
  names: Set<string>;
}
