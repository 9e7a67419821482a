import { type PersonalDataKind, type PersonalDataSpan, personalDataKinds } from './personal-data';

/**
 * The flags and findings stored with a question (kind and match), read back wherever a text is
 * pseudonymised: the régie's exports and RGPD purge, and the hub's purge of its own backlog. Pure:
 * a stored match is looked for in a text, never trusted by its offsets.
 */

/** The kinds that name, reach or locate a person. */
export const PERSONAL_KINDS: ReadonlySet<PersonalDataKind> = new Set(personalDataKinds.filter((k) => k !== 'profanity' && k !== 'long'));

/** A flag as stored (the older ones say `name`; newer ones may carry a PersonalDataKind). */
export interface StoredFlag {
  kind: string;
  match: string;
}

/** The span kind of a stored flag, or null when it is not personal data (profanity, length). */
export function spanKindOfFlag(kind: string): PersonalDataKind | null {
  if (kind === 'name') return 'given-name';
  const known = (personalDataKinds as readonly string[]).includes(kind) ? (kind as PersonalDataKind) : null;
  return known !== null && PERSONAL_KINDS.has(known) ? known : null;
}

const WORD_CHAR = /[\p{L}\p{N}]/u;

/**
 * Every occurrence of each stored flag's match in `text`, as a whole word and whatever its case
 * (« Léa » is not found inside « Léandre »; « kylian » in an edit is the « Kylian » flagged). The
 * match may come from another version of the text (the original when the edit is redacted): it is
 * looked for, not trusted by its offsets. A plain search, not a RegExp: compiling a case-insensitive
 * Unicode pattern costs milliseconds, and every phone number or e-mail is a new one.
 */
export function flagSpans(text: string, flags: readonly StoredFlag[]): PersonalDataSpan[] {
  const spans: PersonalDataSpan[] = [];
  const lower = text.toLowerCase();
  // Lower-casing keeps the offsets of nearly every text; where it does not (« İ »), the search is exact.
  const haystack = lower.length === text.length ? lower : text;
  for (const f of flags) {
    const kind = spanKindOfFlag(f.kind);
    if (kind === null || f.match.trim().length === 0) continue;
    const needle = haystack === lower && f.match.toLowerCase().length === f.match.length ? f.match.toLowerCase() : f.match;
    const wordStart = WORD_CHAR.test(needle[0] ?? '');
    const wordEnd = WORD_CHAR.test(needle[needle.length - 1] ?? '');
    for (let from = 0; ;) {
      const start = haystack.indexOf(needle, from);
      if (start < 0) break;
      const end = start + needle.length;
      const before = haystack[start - 1];
      const after = haystack[end];
      const bounded =
        !(wordStart && before !== undefined && WORD_CHAR.test(before)) && !(wordEnd && after !== undefined && WORD_CHAR.test(after));
      if (bounded) spans.push({ kind, start, end, match: text.slice(start, end) });
      from = end;
    }
  }
  return spans;
}
