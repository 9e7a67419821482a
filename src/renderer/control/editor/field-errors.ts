import type { FieldIssue } from '../../../shared/api/results';

/**
 * What is wrong with a form, by field: the form's own checks, the schema's, and the core's
 * verdict, whose paths name the field in the command ("cue.at") or in the programme
 * ("sessions.8.cues.2.action.interaction"). Pure.
 */

/** Field path within the cue or the interaction ("id", "at", "action.interaction", "options.1") → message. */
export type FieldErrors = Partial<Record<string, string>>;

export function schemaErrors(issues: readonly { path: readonly PropertyKey[]; message: string }[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const field = issue.path.map(String).join('.') || 'form';
    errors[field] ??= issue.message;
  }
  return errors;
}

const PREFIXES = [/^cue\./, /^interaction\./, /^sessions\.\d+\.cues\.\d+\./, /^interactions\.\d+\./];

/** A path of the core's answer as a field of the form, or null when it names something else. */
export function fieldOfIssue(path: string): string | null {
  if (path === 'sessionId') return 'sessionId';
  for (const prefix of PREFIXES) if (prefix.test(path)) return path.replace(prefix, '');
  return null;
}

/** The core's issues that name a field of the form, by field (the first message of each). */
export function coreFieldErrors(issues: readonly FieldIssue[]): FieldErrors {
  const errors: FieldErrors = {};
  for (const issue of issues) {
    const field = fieldOfIssue(issue.path);
    if (field !== null) errors[field] ??= issue.message;
  }
  return errors;
}

/** The message for a field: the field's own, or one about a part of it ("options" ← "options.2"). */
export function errorFor(errors: FieldErrors, field: string): string | undefined {
  const own = errors[field];
  if (own !== undefined) return own;
  const part = Object.keys(errors).find((k) => k.startsWith(`${field}.`));
  return part === undefined ? undefined : errors[part];
}
