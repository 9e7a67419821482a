import type { PersonalDataKind } from '../../shared/domain/personal-data';
import { normaliseWord } from '../../shared/domain/french-words';
import { detectPersonalData } from '../safeguarding/detect-personal-data';
import type { ModerationLists } from '../safeguarding/detector-lists';

export interface HeldCloudWord {
  /** The entry as sent (the régie holds words as sent). */
  word: string;
  kind: PersonalDataKind;
}

/** When an entry holds several kinds, the one the desk names: profanity first, then a person, then a contact. */
const PRIORITY: readonly PersonalDataKind[] = [
  'profanity',
  'listed-name',
  'family-name',
  'given-name',
  'phone',
  'email',
  'address',
  'postcode',
  'birth-date',
  'nir',
  'case-number',
];

/**
 * The word-cloud entries that must not reach the projector or the phones before a moderator has
 * read them: every kind of personal data the detector finds (a name, a phone number, an e-mail, an
 * address…) and profanity. Each of the entry's forms is checked — as sent, its normalised spelling
 * and each word of that spelling — so that « Connards ! », « l’connard » or « gros connard » are
 * caught as well as « connard ». One hold per entry, with the kind the desk names.
 */
export function flagCloudWords(words: readonly string[], lists: ModerationLists): HeldCloudWord[] {
  const held: HeldCloudWord[] = [];
  for (const word of words) {
    const spelling = normaliseWord(word)?.spelling;
    const forms = spelling === undefined ? [word] : [...new Set([word, spelling, ...spelling.split(' ')])];
    const kinds = new Set(forms.flatMap((f) => detectPersonalData(f, 'word', lists).map((s) => s.kind)));
    const kind = PRIORITY.find((k) => kinds.has(k));
    if (kind) held.push({ word, kind });
  }
  return held;
}
