import type { PersonalDataKind } from '../../shared/domain/personal-data';
import { detectPersonalData, LONG_QUESTION_CHARS } from '../safeguarding/detect-personal-data';
import { fold } from '../safeguarding/fold';
import { lexicon } from '../safeguarding/lexicon';
import type { ModerationLists } from '../safeguarding/detector-lists';

/**
 * Why a question must be looked at before it can reach the projector, in the journal's older,
 * coarser shape (one flag a kind and match). In a child-protection audience a question may name a
 * child, a family, a town: a flag is cleared by a moderator, never by time. The findings come
 * from the safeguarding detector (src/main/safeguarding/detect-personal-data.ts); new code reads
 * its spans directly.
 */
export type FlagKind = 'profanity' | 'email' | 'phone' | 'name' | 'long';

export interface QuestionFlag {
  kind: FlagKind;
  /** What matched, as written (for the moderator's eye). */
  match: string;
}

export { LONG_QUESTION_CHARS };

/**
 * The older flag kinds: a person's name, an address, a postcode or a date of birth is « name »
 * (it identifies someone); a NIR or a case number is « phone » (a number, as before).
 */
const FLAG_OF: Record<PersonalDataKind, FlagKind> = {
  'given-name': 'name',
  'family-name': 'name',
  'listed-name': 'name',
  address: 'name',
  postcode: 'name',
  'birth-date': 'name',
  email: 'email',
  phone: 'phone',
  nir: 'phone',
  'case-number': 'phone',
  profanity: 'profanity',
  long: 'long',
};

export function flagQuestion(text: string, lists: ModerationLists): QuestionFlag[] {
  const flags: QuestionFlag[] = [];
  for (const span of detectPersonalData(text, 'question', lists)) {
    const kind = FLAG_OF[span.kind];
    const match = span.kind === 'long' ? `${[...text].length} caractères` : span.match;
    if (!flags.some((f) => f.kind === kind && f.match === match)) flags.push({ kind, match });
  }
  return flags;
}

/** The maintained profanity list (french-badwords-list, corrected for this audience: resources/safeguarding) plus the organisers' additions, folded. */
export function badWordSet(extra: readonly string[] = []): ReadonlySet<string> {
  return new Set([...lexicon().profanity, ...extra.map(fold)]);
}

/**
 * Word-cloud entries that must not reach the projector unseen: profanity, a name, a phone number,
 * an e-mail, an address (the detector's rules for the « word » field). One flag per entry, its
 * match the entry as sent; profanity wins over the rest.
 */
export function flagWords(words: readonly string[], lists: ModerationLists): QuestionFlag[] {
  const flags: QuestionFlag[] = [];
  for (const word of words) {
    const found = detectPersonalData(word, 'word', lists);
    const first = found.find((s) => s.kind === 'profanity') ?? found[0];
    if (first) flags.push({ kind: FLAG_OF[first.kind], match: word });
  }
  return flags;
}
