import { type AudienceQuestion, type QuestionField, questionFields, type QuestionFinding, type RedactableQuestion, type RedactionMark } from '../../shared/api/state';
import { mergeSpans, REDACTION_LABEL } from '../../shared/domain/personal-data';
import { MAX } from '../../shared/protocol/limits';

/**
 * Redaction of a question: spans of its text, its edit or its author's name replaced by their
 * labels (« [prénom] », « [téléphone] »). The findings the spans cover are read (they leave the
 * flags); the others move with the text; the labels are remembered as marks. Pure.
 */

type Fields = Pick<AudienceQuestion, 'text' | 'editedText' | 'name'>;

function valueOf(q: Fields, field: QuestionField): string | null {
  return field === 'text' ? q.text : field === 'edit' ? q.editedText : q.name;
}

/** Whether a span still stands where it says, with the text it says. */
export function spanHolds(q: Fields, span: Pick<QuestionFinding, 'field' | 'start' | 'end' | 'match'>): boolean {
  const value = valueOf(q, span.field);
  return value !== null && span.end > span.start && span.end <= value.length && value.slice(span.start, span.end) === span.match;
}

/** The findings a redaction of « everything » replaces: every located one (a long text is read, not redacted). */
export function redactableFindings(q: Pick<AudienceQuestion, 'flags' | 'text' | 'editedText' | 'name'>): QuestionFinding[] {
  return q.flags.filter((f) => f.kind !== 'long' && spanHolds(q, f));
}

interface FieldResult {
  value: string;
  findings: QuestionFinding[];
  marks: RedactionMark[];
}

function redactField(field: QuestionField, value: string, findings: QuestionFinding[], marks: RedactionMark[], spans: QuestionFinding[]): FieldResult {
  const merged = mergeSpans(spans, value);
  let out = '';
  let at = 0;
  const added: RedactionMark[] = [];
  /** [old start, old end, shift after it] of each replaced range, in order. */
  const ranges: { start: number; end: number; shift: number }[] = [];
  let shift = 0;
  for (const s of merged) {
    out += value.slice(at, s.start);
    const label = REDACTION_LABEL[s.kind];
    added.push({ field, kind: s.kind, start: out.length, end: out.length + label.length });
    out += label;
    shift += label.length - (s.end - s.start);
    ranges.push({ start: s.start, end: s.end, shift });
    at = s.end;
  }
  out += value.slice(at);
  // A label is longer than what it hides: the text must still fit what the hub publishes and the
  // projector's scene holds (a name of 60, a text of 500 characters). Rare; the journal keeps all.
  const max = field === 'name' ? MAX.name : MAX.questionText;
  const kept = out.length > max ? max - 1 : out.length;
  if (out.length > max) out = `${out.slice(0, kept)}…`;
  const fits = (x: { end: number }) => x.end <= kept;
  const moved = (pos: number) => pos + (ranges.filter((r) => r.end <= pos).at(-1)?.shift ?? 0);
  const overlaps = (start: number, end: number) => ranges.some((r) => start < r.end && r.start < end);
  const keptFindings: QuestionFinding[] = [];
  for (const f of findings) {
    if (f.kind === 'long') keptFindings.push({ ...f, start: 0, end: out.length, match: out });
    else if (f.end <= f.start) keptFindings.push(f); // no position: not redacted, still to be read
    else if (!overlaps(f.start, f.end)) keptFindings.push({ ...f, start: moved(f.start), end: moved(f.end) });
  }
  const keptMarks = marks.filter((m) => !overlaps(m.start, m.end)).map((m) => ({ ...m, start: moved(m.start), end: moved(m.end) }));
  return {
    value: out,
    findings: keptFindings.filter((f) => f.kind === 'long' || fits(f)),
    marks: [...keptMarks, ...added].filter(fits).sort((a, b) => a.start - b.start),
  };
}

/**
 * The question with `spans` redacted. Spans that no longer stand where they say are ignored; the
 * clearance is kept (a redaction is a reading, it never makes a question less screened).
 */
export function redactQuestion(q: RedactableQuestion, spans: readonly QuestionFinding[]): RedactableQuestion {
  let next: RedactableQuestion = { ...q, flags: q.flags, redactions: q.redactions ?? [] };
  for (const field of questionFields) {
    const value = valueOf(next, field);
    const mine = spans.filter((s) => s.field === field && s.kind !== 'long' && spanHolds(next, s));
    if (value === null || mine.length === 0) continue;
    const r = redactField(
      field,
      value,
      next.flags.filter((f) => f.field === field),
      (next.redactions ?? []).filter((m) => m.field === field),
      mine,
    );
    next = {
      ...next,
      ...(field === 'text' ? { text: r.value } : field === 'edit' ? { editedText: r.value } : { name: r.value }),
      flags: [...next.flags.filter((f) => f.field !== field), ...r.findings],
      redactions: [...(next.redactions ?? []).filter((m) => m.field !== field), ...r.marks],
    };
  }
  return next;
}
