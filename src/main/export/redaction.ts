/**
 * What leaves the desk pseudonymised, and what the RGPD purge keeps: a text with the personal data
 * found in it replaced by its label (« [prénom] », « [téléphone] »…). One rule for both, so that a
 * purged database holds exactly what a pseudonymised export shows.
 *
 * What is found: the detector's spans at the time of the export or the purge (with the organisers'
 * lists), plus the flags stored with the question when it arrived (a name from a list that has
 * changed since, a match of an older detector: src/shared/domain/stored-flags.ts), plus the spans a
 * moderator redacted. Profanity and length are not personal data: they stay.
 */
import { type PersonalDataSpan, redactSpans, type TextField } from '../../shared/domain/personal-data';
import { PERSONAL_KINDS } from '../../shared/domain/stored-flags';
import type { ModerationLists } from '../safeguarding/detector-lists';
import { detectPersonalData } from '../safeguarding/detect-personal-data';

/** The personal-data spans of a text: the detector's now, plus the ones already known. */
export function personalSpans(
  text: string,
  field: TextField,
  lists: ModerationLists,
  known: readonly PersonalDataSpan[] = [],
): PersonalDataSpan[] {
  return [...detectPersonalData(text, field, lists), ...known].filter((s) => PERSONAL_KINDS.has(s.kind));
}

/** The text with its personal data replaced by labels (unchanged when there is none). */
export function redactPersonalData(
  text: string,
  field: TextField,
  lists: ModerationLists,
  known: readonly PersonalDataSpan[] = [],
): string {
  const spans = personalSpans(text, field, lists, known);
  return spans.length === 0 ? text : redactSpans(text, spans);
}
