import type { QuestionField, QuestionFinding, RedactionMark } from '../../../shared/api/state';
import type { PersonalDataKind } from '../../../shared/domain/personal-data';

/**
 * A field of a question cut into what the desk draws: plain text, the passages the detector found
 * (with every finding that covers them) and the labels of redacted passages. Offsets are those of
 * the field as the core holds it. Pure.
 */
export type Segment =
  | { kind: 'plain'; start: number; end: number; text: string }
  | { kind: 'found'; start: number; end: number; text: string; findings: QuestionFinding[] }
  | { kind: 'redacted'; start: number; end: number; text: string; redacted: PersonalDataKind };

/** Whether a finding still stands where it says in this value. */
export function located(f: QuestionFinding, value: string): boolean {
  return f.kind !== 'long' && f.end > f.start && f.end <= value.length && value.slice(f.start, f.end) === f.match;
}

export function segments(value: string, field: QuestionField, flags: readonly QuestionFinding[], marks: readonly RedactionMark[] = []): Segment[] {
  const labels = marks.filter((m) => m.field === field && m.end > m.start && m.end <= value.length).sort((a, b) => a.start - b.start);
  const inLabel = (s: number, e: number) => labels.some((m) => s < m.end && m.start < e);
  const found = flags.filter((f) => f.field === field && located(f, value) && !inLabel(f.start, f.end)).sort((a, b) => a.start - b.start || b.end - a.end);
  // Overlapping findings make one passage, with all of them.
  const groups: { start: number; end: number; findings: QuestionFinding[] }[] = [];
  for (const f of found) {
    const last = groups.at(-1);
    if (last && f.start < last.end) {
      last.end = Math.max(last.end, f.end);
      last.findings.push(f);
    } else groups.push({ start: f.start, end: f.end, findings: [f] });
  }
  const pieces: (Segment & { kind: 'found' | 'redacted' })[] = [
    ...groups.map((g) => ({ kind: 'found' as const, ...g, text: value.slice(g.start, g.end) })),
    ...labels.map((m) => ({ kind: 'redacted' as const, start: m.start, end: m.end, text: value.slice(m.start, m.end), redacted: m.kind })),
  ].sort((a, b) => a.start - b.start);
  const out: Segment[] = [];
  let at = 0;
  for (const p of pieces) {
    if (p.start < at) continue;
    if (p.start > at) out.push({ kind: 'plain', start: at, end: p.start, text: value.slice(at, p.start) });
    out.push(p);
    at = p.end;
  }
  if (at < value.length || out.length === 0) out.push({ kind: 'plain', start: at, end: value.length, text: value.slice(at) });
  return out;
}

/** The finding a click on a passage picks: the widest of those that cover it (redacting it reads the others). */
export function widest(findings: readonly QuestionFinding[]): QuestionFinding | undefined {
  return [...findings].sort((a, b) => b.end - b.start - (a.end - a.start))[0];
}

/** A span the moderator picked on the desk (a highlighted passage). */
export interface PickedSpan {
  questionId: string;
  field: QuestionField;
  start: number;
  end: number;
}

export const samePlace = (a: Pick<PickedSpan, 'field' | 'start' | 'end'>, b: Pick<PickedSpan, 'field' | 'start' | 'end'>) =>
  a.field === b.field && a.start === b.start && a.end === b.end;

/**
 * What a passage the detector missed most likely hides, for the label that replaces it: digits
 * make a phone number, an @ an e-mail, anything else a name (« [nom] »).
 */
export function guessKind(text: string): PersonalDataKind {
  if (/@|\barobase\b/i.test(text)) return 'email';
  const digits = text.replace(/\D/g, '').length;
  if (digits >= 6 && digits >= text.replace(/\s/g, '').length * 0.6) return 'phone';
  return 'family-name';
}
