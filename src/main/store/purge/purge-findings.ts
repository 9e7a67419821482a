import type { QuestionField } from '../../../shared/api/state';
import { type PersonalDataSpan, REDACTION_LABEL } from '../../../shared/domain/personal-data';
import { PERSONAL_KINDS } from '../../../shared/domain/stored-flags';
import type { PurgeContext } from '../../../node/purge/purge-context';

/**
 * Findings (the detector's spans, with the field they stand in) after the purge: a personal one
 * keeps its kind — it is counted and still to be read — but its match becomes its label and its
 * position that of the label in the purged text (or none, start = end = 0, the convention of the
 * older journals, where it cannot be told); profanity and length keep their match and are placed
 * again. A finding in the author's name has no place any more: the name is gone.
 */
export function purgeFindings<F extends PersonalDataSpan & { field?: QuestionField }>(
  findings: readonly F[],
  purged: (field: QuestionField) => string | null,
  ctx: PurgeContext,
): F[] {
  // The nth label of a kind in a field goes to the nth finding of that kind there, in text order.
  const used = new Map<string, number>();
  const nth = (value: string, needle: string, key: string): number => {
    let from = used.get(key) ?? 0;
    const at = value.indexOf(needle, from);
    if (at >= 0) from = at + needle.length;
    used.set(key, from);
    return at;
  };
  const place = (f: F): F => {
    const field = f.field ?? 'text';
    const value = purged(field);
    if (f.kind === 'long') return { ...f, start: 0, end: value?.length ?? 0, match: value ?? '' };
    const personal = PERSONAL_KINDS.has(f.kind);
    if (personal && f.match.trim() !== '') ctx.erased.names.add(f.match);
    const needle = personal ? REDACTION_LABEL[f.kind] : f.match;
    const at = value === null || needle === '' ? -1 : nth(value, needle, `${field}\u0000${needle}`);
    return at < 0 ? { ...f, start: 0, end: 0, match: needle } : { ...f, start: at, end: at + needle.length, match: needle };
  };
  const placed = new Map<F, F>();
  for (const f of [...findings].sort((a, b) => a.start - b.start)) placed.set(f, place(f));
  // In their own order: the desk and the exports list them as they were.
  return findings.map((f) => placed.get(f) ?? f);
}
