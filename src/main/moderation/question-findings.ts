import type { QuestionField, QuestionFinding } from '../../shared/api/state';
import type { PersonalDataSpan, TextField } from '../../shared/domain/personal-data';
import { detectPersonalData } from '../safeguarding/detect-personal-data';
import type { ModerationLists } from '../safeguarding/detector-lists';

/** Which of the detector's fields a question's field is. */
const DETECTOR_FIELD: Record<QuestionField, TextField> = { text: 'question', edit: 'edit', name: 'display-name' };

/** Spans without repeats (the same kind over the same span), in text order. */
export function uniqueSpans(spans: readonly PersonalDataSpan[]): PersonalDataSpan[] {
  const seen = new Set<string>();
  return spans
    .filter((s) => {
      const key = `${s.kind}\u0000${s.start}\u0000${s.end}`;
      if (seen.has(key)) return false;
      seen.add(key);
      return true;
    })
    .sort((a, b) => a.start - b.start || a.end - b.end);
}

/** The detector's findings in one field of a question (nothing for an absent name). */
export function findingsIn(field: QuestionField, value: string | null, lists: ModerationLists): QuestionFinding[] {
  if (value === null || value.length === 0) return [];
  return uniqueSpans(detectPersonalData(value, DETECTOR_FIELD[field], lists)).map((s) => ({ field, ...s }));
}

/** A question as it arrives (from a phone, or typed in at the desk): its text and its author's name. */
export function questionFindings(text: string, name: string | null, lists: ModerationLists): QuestionFinding[] {
  return [...findingsIn('text', text, lists), ...findingsIn('name', name, lists)];
}
