/**
 * What leaves the desk pseudonymised, and what the RGPD purge keeps: a text with the personal data
 * found in it replaced by its label (« [prénom] », « [téléphone] »…). One rule for both, so that a
 * purged database holds exactly what a pseudonymised export shows.
 *
 * What is found: the detector's spans at the time of the export or the purge (with the organisers'
 * lists), plus the flags stored with the question when it arrived (a name from a list that has
 * changed since, a match of an older detector), plus the spans a moderator redacted. Profanity and
 * length are not personal data: they stay.
 */
import {
  type PersonalDataKind,
  type PersonalDataSpan,
  personalDataKinds,
  redactSpans,
  type TextField,
} from '../../shared/domain/personal-data';
import type { ModerationLists } from '../moderation/question-flags';
import { detectPersonalData } from '../safeguarding/detect-personal-data';

/** The kinds that name, reach or locate a person. */
export const PERSONAL_KINDS: ReadonlySet<PersonalDataKind> = new Set(
  personalDataKinds.filter((k) => k !== 'profanity' && k !== 'long'),
);

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
 * looked for, not trusted by its offsets.
 */
export function flagSpans(text: string, flags: readonly StoredFlag[]): PersonalDataSpan[] {
  const spans: PersonalDataSpan[] = [];
  for (const f of flags) {
    const kind = spanKindOfFlag(f.kind);
    if (kind === null || f.match.trim().length === 0) continue;
    // Word boundaries only where the match itself starts or ends with a letter or a digit.
    const head = WORD_CHAR.test(f.match[0] ?? '') ? '(?<![\\p{L}\\p{N}])' : '';
    const tail = WORD_CHAR.test(f.match[f.match.length - 1] ?? '') ? '(?![\\p{L}\\p{N}])' : '';
    const re = new RegExp(`${head}${f.match.replace(/[.*+?^${}()|[\]\\/]/g, '\\$&')}${tail}`, 'giu');
    for (const m of text.matchAll(re)) spans.push({ kind, start: m.index, end: m.index + m[0].length, match: m[0] });
  }
  return spans;
}

/** The personal-data spans of a text: the detector's now, plus the ones already known. */
export function personalSpans(text: string, field: TextField, lists: ModerationLists, known: readonly PersonalDataSpan[] = []): PersonalDataSpan[] {
  return [...detectPersonalData(text, field, lists), ...known].filter((s) => PERSONAL_KINDS.has(s.kind));
}

/** The text with its personal data replaced by labels (unchanged when there is none). */
export function redactPersonalData(text: string, field: TextField, lists: ModerationLists, known: readonly PersonalDataSpan[] = []): string {
  const spans = personalSpans(text, field, lists, known);
  return spans.length === 0 ? text : redactSpans(text, spans);
}
