/**
 * The one entry point of safeguarding: every text that can reach a screen, a phone or an export
 * (a question, a display name, a moderator's edit, a typed-in question, a word-cloud word, the
 * stage message) goes through `detectPersonalData`. Recall first: a false flag costs a moderator
 * one key, a miss puts a child's name in front of 2,000 people.
 *
 * Pure: the data is loaded once, on first use (lexicon.ts); detection reads no file. The text is
 * normalised first (normalise.ts: invisible characters, look-alike letters, spaced letters), each
 * detector reads the normalised text, and every finding is mapped back to the text as written.
 * The rules of each kind are in its detector's file; the rules of each field in detect-names.ts.
 */
import type { PersonalDataKind, PersonalDataSpan, TextField } from '../../shared/domain/personal-data';
import { detectAddresses, detectPostcodes } from './detect-address';
import { detectBirthDates } from './detect-birth-date';
import { detectEmails } from './detect-email';
import { detectCaseNumbers, detectNir } from './detect-identifiers';
import { detectNames } from './detect-names';
import { detectPhones } from './detect-phone';
import { detectProfanity } from './detect-profanity';
import type { ModerationLists } from './detector-lists';
import { fold, phraseKey } from './fold';
import type { Found } from './found';
import { lexicon, type Lexicon } from './lexicon';
import { normaliseText, originalSpan } from './normalise';
import { tokenise, type Token } from './tokens';

/** A question longer than this is flagged as a whole (« à relire en entier »). */
export const LONG_QUESTION_CHARS = 280;

/** The organisers' lists as the detector reads them (folded), kept per lists object. */
interface Prepared {
  profanity: ReadonlySet<string>;
  allowed: ReadonlySet<string>;
  listed: ReadonlySet<string>;
  /** The first words of the listed names: where one may start. */
  listedStarts: ReadonlySet<string>;
  longestListed: number;
}

const prepared = new WeakMap<ModerationLists, Prepared>();

function prepare(lists: ModerationLists, lex: Lexicon): Prepared {
  let p = prepared.get(lists);
  if (p) return p;
  const profanity = new Set(lex.profanity);
  for (const w of lists.badWords) profanity.add(fold(w));
  const listed = new Set<string>();
  for (const n of lists.organiserNames ?? []) listed.add(phraseKey(n));
  // A name in `names` that the maintained data does not hold is one the organisers added.
  for (const n of lists.names) if (!lex.given.has(fold(n))) listed.add(phraseKey(n));
  listed.delete('');
  const allowed = new Set([...lists.allowed].map(fold));
  const listedStarts = new Set([...listed].map((k) => k.split(' ', 1)[0]!));
  p = { profanity, allowed, listed, listedStarts, longestListed: Math.max(1, ...[...listed].map((k) => k.split(' ').length)) };
  prepared.set(lists, p);
  return p;
}

/** The organisers' names (« Kerbrat », « Le Goff »), wherever they stand and whatever their case. */
function detectListed(tokens: readonly Token[], p: Prepared): Found[] {
  const found: Found[] = [];
  if (p.listed.size === 0) return found;
  for (let i = 0; i < tokens.length; i++) {
    const first = tokens[i]!.key.replace(/['-]/g, ' ').trim().split(' ', 1)[0]!;
    if (!p.listedStarts.has(first)) continue;
    for (let n = Math.min(p.longestListed * 2, tokens.length - i); n >= 1; n--) {
      const key = tokens
        .slice(i, i + n)
        .map((t) => t.key.replace(/['-]/g, ' ').trim())
        .join(' ');
      if (p.listed.has(key.replace(/\s+/g, ' '))) {
        found.push({ kind: 'listed-name', start: tokens[i]!.start, end: tokens[i + n - 1]!.end });
        i += n - 1;
        break;
      }
    }
  }
  return found;
}

/** The order findings of the same range are kept in: the more telling kind first. */
const RANK: Readonly<Record<PersonalDataKind, number>> = {
  'listed-name': 0, email: 1, nir: 2, 'case-number': 3, 'birth-date': 4, phone: 5, address: 6, postcode: 7,
  'given-name': 8, 'family-name': 9, profanity: 10, long: 11,
};

export interface DetectOptions {
  /** Data other than the packaged one (tests). */
  lexicon?: Lexicon;
}

export function detectPersonalData(text: string, field: TextField, lists: ModerationLists, options: DetectOptions = {}): PersonalDataSpan[] {
  const lex = options.lexicon ?? lexicon();
  const p = prepare(lists, lex);
  const norm = normaliseText(text);
  const t = norm.text;

  const identifiers = [...detectNir(t), ...detectCaseNumbers(t)];
  const births = detectBirthDates(t);
  const emails = detectEmails(t);
  const addresses = detectAddresses(t);
  const numbers = [...identifiers, ...births, ...emails];
  const tokens = tokenise(t);
  const found: Found[] = [
    ...detectListed(tokens, p),
    ...emails,
    ...identifiers,
    ...births,
    ...detectPhones(t, numbers),
    ...addresses,
    ...detectPostcodes(t, lex, addresses),
    ...detectNames(t, tokens, field, lex, p.allowed),
    ...detectProfanity(t, lex, p.profanity),
  ];

  // Back to the text as written; a finding inside another one is left out; the organisers' words
  // never flagged stay unflagged.
  found.sort((a, b) => a.start - b.start || b.end - a.end || RANK[a.kind] - RANK[b.kind]);
  const spans: PersonalDataSpan[] = [];
  let coveredTo = -1;
  for (const f of found) {
    if (f.end <= coveredTo) continue;
    const [start, end] = originalSpan(norm, f.start, f.end);
    const match = text.slice(start, end);
    if (f.kind !== 'email' && f.kind !== 'phone' && p.allowed.has(fold(match))) continue;
    spans.push({ kind: f.kind, start, end, match });
    coveredTo = Math.max(coveredTo, f.end);
  }
  if (field !== 'word' && field !== 'display-name' && [...text].length > LONG_QUESTION_CHARS) {
    spans.push({ kind: 'long', start: 0, end: text.length, match: text });
  }
  return spans;
}
