import { findPhoneNumbersInText } from 'libphonenumber-js';
import { loadCommonJs } from '../platform/commonjs';
import { nameKey } from './name-list';

/**
 * Why a question must be looked at before it can reach the projector. In a child-protection
 * audience a question may name a child, a family, a town: a flag is cleared by a moderator, never
 * by time. The checks err on the side of flagging.
 */
export type FlagKind = 'profanity' | 'email' | 'phone' | 'name' | 'long';

export interface QuestionFlag {
  kind: FlagKind;
  /** What matched, as written (for the moderator's eye). */
  match: string;
}

export interface ModerationLists {
  badWords: ReadonlySet<string>;
  names: ReadonlySet<string>;
  /** Words never flagged (a name that is also a common word at this event, e.g. « Rose »). */
  allowed: ReadonlySet<string>;
  /** The organisers' own names (in `names` too): held back from a word cloud whatever their case. */
  organiserNames?: ReadonlySet<string>;
}

export const LONG_QUESTION_CHARS = 280;

const EMAIL = /[\p{L}\p{N}._%+-]+@[\p{L}\p{N}.-]+\.[\p{L}]{2,}/gu;
/** Words that introduce a person: the capitalised word after them is taken as a name. */
const KIN = /(?<![\p{L}])(?:[Mm]a|[Mm]on|[Nn]otre|[Ss]a|[Ss]on|[Ll]eur|[Ll]a|[Ll]e|[Ll]['’]|[Uu]ne?|[Cc]ette|[Cc]e)\s+(?:petite?-?fille|petit-?fils|fille|fils|enfant|nièce|neveu|fr[eè]re|s(?:oe|œ)ur|bébé|ado(?:lescente?)?|jeune|gamine?|élève|pupille|mineure?)\s+(\p{Lu}[\p{L}'’-]+)/gu;
const CALLED = /\b(?:s['’]appelle|s['’]appelait|prénommée?|nommée?|dénommée?)\s+(\p{Lu}[\p{L}'’-]+)/gu;

function words(text: string): { word: string; start: number }[] {
  const out: { word: string; start: number }[] = [];
  for (const m of text.matchAll(/[\p{L}\p{N}@!$]+(?:['’-][\p{L}\p{N}]+)*/gu)) out.push({ word: m[0], start: m.index });
  return out;
}

/** Capitalised words that do not open a sentence. */
function isMidSentence(text: string, start: number): boolean {
  const before = text.slice(0, start).trimEnd();
  return before.length > 0 && !/[.!?…:«"“(]$/.test(before);
}

export function flagQuestion(text: string, lists: ModerationLists): QuestionFlag[] {
  const flags: QuestionFlag[] = [];
  const add = (kind: FlagKind, match: string) => {
    if (!flags.some((f) => f.kind === kind && f.match === match)) flags.push({ kind, match });
  };

  for (const { word } of words(text)) {
    const key = word.toLocaleLowerCase('fr');
    // The list holds singulars: « connards » is « connard ».
    const singular = key.length > 3 ? key.replace(/[sx]$/, '') : key;
    if ((lists.badWords.has(key) || lists.badWords.has(singular)) && !lists.allowed.has(nameKey(word))) add('profanity', word);
  }
  for (const m of text.matchAll(EMAIL)) add('email', m[0]);
  const phones = findPhoneNumbersInText(text, 'FR');
  for (const p of phones) add('phone', text.slice(p.startsAt, p.endsAt));
  // A long run of digits the phone parser does not take (a case or file number) is personal data too.
  for (const m of text.matchAll(/\d(?:[\s.-]?\d){7,}/g)) {
    if (!phones.some((p) => p.startsAt < m.index + m[0].length && m.index < p.endsAt)) add('phone', m[0]);
  }

  for (const re of [KIN, CALLED]) for (const m of text.matchAll(re)) if (m[1] && !lists.allowed.has(nameKey(m[1]))) add('name', m[1]);
  for (const { word, start } of words(text)) {
    const key = nameKey(word);
    // A name the organisers listed (a child, a family of a case) is flagged wherever it stands, whatever its case.
    if (lists.organiserNames?.has(key) && !lists.allowed.has(key)) {
      add('name', word);
      continue;
    }
    if (!/^\p{Lu}/u.test(word) || word.length < 3 || !isMidSentence(text, start)) continue;
    if (lists.names.has(key) && !lists.allowed.has(key)) add('name', word);
  }
  if ([...text].length > LONG_QUESTION_CHARS) add('long', `${[...text].length} caractères`);
  return flags;
}

/** The built-in profanity list (french-badwords-list), lower-cased, plus the organisers' additions. */
export function badWordSet(extra: readonly string[] = []): ReadonlySet<string> {
  const builtIn = (loadCommonJs('french-badwords-list') as { array: string[] }).array;
  return new Set([...builtIn, ...extra].map((w) => w.toLocaleLowerCase('fr')));
}

/**
 * Words sent to a word cloud that must not reach the projector unseen: profanity, a name from the
 * organisers' list (whatever its case), or a capitalised given name. A lower-case word found in the
 * name data passes: the data holds « Amour », « Patience », « Maison », which in a word cloud about
 * security are words, not people. One flag per word, its match the word as sent.
 */
export function flagWords(words: readonly string[], lists: ModerationLists): QuestionFlag[] {
  const flags: QuestionFlag[] = [];
  for (const word of words) {
    const key = nameKey(word);
    if (lists.allowed.has(key)) continue;
    const lower = word.toLocaleLowerCase('fr');
    const singular = lower.length > 3 ? lower.replace(/[sx]$/, '') : lower;
    if (lists.badWords.has(lower) || lists.badWords.has(singular)) flags.push({ kind: 'profanity', match: word });
    else if (lists.organiserNames?.has(key) || (/^\p{Lu}/u.test(word) && lists.names.has(key))) flags.push({ kind: 'name', match: word });
  }
  return flags;
}
