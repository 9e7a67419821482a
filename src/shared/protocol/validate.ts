import type { z } from 'zod';
import { fr } from 'zod/locales';
import { type HubError, hubError } from './errors';

const french = fr().localeError;

/** zod's French message for issues the schema gave no message of its own, prefixed with where. */
function frenchAt(what: string): z.core.$ZodErrorMap {
  return (issue) => {
    const m = french(issue);
    const text = typeof m === 'string' ? m : (m?.message ?? 'valeur invalide');
    const path = (issue.path ?? []).map(String).join('.');
    return `${path ? `${what}.${path}` : what} : ${text}`;
  };
}

export type Parsed<T> = { ok: true; value: T } | { ok: false; error: HubError };

function pathOf(issue: z.core.$ZodIssue): string {
  return issue.path.map(String).join('.');
}

/**
 * Checks a message against its schema, in French: the first problem, precisely (`too_large` when
 * a text or a list is over its limit, `malformed` when it is not even an object, `invalid`
 * otherwise). The schemas' own messages are shown as written; zod's others are prefixed with the
 * place of the problem (`what` names the message: « question.ask »).
 */
export function parseMessage<S extends z.ZodType>(schema: S, raw: unknown, what: string): Parsed<z.output<S>> {
  if (typeof raw !== 'object' || raw === null || Array.isArray(raw)) {
    return { ok: false, error: hubError('malformed', `${what} : un objet est attendu`) };
  }
  const parsed = schema.safeParse(raw, { error: frenchAt(what) });
  if (parsed.success) return { ok: true, value: parsed.data };
  const issue = parsed.error.issues[0];
  if (!issue) return { ok: false, error: hubError('invalid', `${what} : message invalide`) };
  const field = pathOf(issue);
  const code = issue.code === 'too_big' ? 'too_large' : 'invalid';
  return { ok: false, error: hubError(code, issue.message, field || undefined) };
}
