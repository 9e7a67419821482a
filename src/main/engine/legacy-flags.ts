import { z } from 'zod';
import type { AudienceQuestion, QuestionField, QuestionFinding } from '../../shared/api/state';
import type { PersonalDataKind } from '../../shared/domain/personal-data';

/**
 * The flags of a journal written before issue 15: `{ kind, match }`, with five kinds
 * and no position. They are read, never written: each becomes findings located in the question's
 * fields (every place its match stands), so that an older show replays into today's shape.
 */
export const legacyFlagSchema = z.strictObject({ kind: z.enum(['profanity', 'email', 'phone', 'name', 'long']), match: z.string() });
export type LegacyFlag = z.infer<typeof legacyFlagSchema>;

const KIND: Record<LegacyFlag['kind'], PersonalDataKind> = {
  profanity: 'profanity',
  email: 'email',
  phone: 'phone',
  // The older checks found given names (and the organisers' names) under one kind.
  name: 'given-name',
  long: 'long',
};

export function legacyKind(kind: LegacyFlag['kind']): PersonalDataKind {
  return KIND[kind];
}

export interface QuestionTexts {
  text: string;
  edit: string | null;
  name: string | null;
}

export function fieldValue(texts: QuestionTexts, field: QuestionField): string | null {
  return texts[field];
}

export function textsOf(q: Pick<AudienceQuestion, 'text' | 'editedText' | 'name'>): QuestionTexts {
  return { text: q.text, edit: q.editedText, name: q.name };
}

/** Every place `match` stands in `value`, as findings of `field`. */
function occurrences(field: QuestionField, kind: PersonalDataKind, match: string, value: string): QuestionFinding[] {
  const out: QuestionFinding[] = [];
  if (match.length === 0) return out;
  for (let from = 0; ; ) {
    const start = value.indexOf(match, from);
    if (start < 0) return out;
    out.push({ field, kind, start, end: start + match.length, match });
    from = start + match.length;
  }
}

/**
 * One older flag as findings: where its match stands in the fields named (in that order; every
 * field where it is found). A long text spans its whole field. A match found nowhere (the text was
 * edited since) stays a finding without position (start = end = 0), to be read and cleared.
 */
export function locateFlag(flag: LegacyFlag, texts: QuestionTexts, fields: readonly QuestionField[]): QuestionFinding[] {
  const kind = legacyKind(flag.kind);
  const present = fields.filter((f) => fieldValue(texts, f) !== null);
  if (kind === 'long') {
    const field = present[0] ?? 'text';
    const value = fieldValue(texts, field) ?? '';
    return [{ field, kind, start: 0, end: value.length, match: value }];
  }
  const found = present.flatMap((f) => occurrences(f, kind, flag.match, fieldValue(texts, f) ?? ''));
  return found.length > 0 ? found : [{ field: present[0] ?? 'text', kind, start: 0, end: 0, match: flag.match }];
}

export function locateFlags(flags: readonly LegacyFlag[], texts: QuestionTexts, fields: readonly QuestionField[]): QuestionFinding[] {
  return flags.flatMap((f) => locateFlag(f, texts, fields));
}

/**
 * Findings of a field whose text changed without new findings (an older journal's edit): each is
 * placed again where its match now stands, or kept without position.
 */
export function relocate(findings: readonly QuestionFinding[], field: QuestionField, value: string | null): QuestionFinding[] {
  const out: QuestionFinding[] = [];
  for (const f of findings) {
    if (f.field !== field) {
      out.push(f);
      continue;
    }
    if (value === null) continue;
    if (f.kind === 'long') {
      out.push({ ...f, start: 0, end: value.length, match: value });
      continue;
    }
    const at = occurrences(field, f.kind, f.match, value);
    out.push(...(at.length > 0 ? at : [{ ...f, start: 0, end: 0 }]));
  }
  return dedupe(out);
}

/** Findings without repeats (the same kind over the same span of the same field). */
export function dedupe(findings: readonly QuestionFinding[]): QuestionFinding[] {
  const seen = new Set<string>();
  return findings.filter((f) => {
    const key = `${f.field}\u0000${f.kind}\u0000${f.start}\u0000${f.end}\u0000${f.match}`;
    if (seen.has(key)) return false;
    seen.add(key);
    return true;
  });
}
