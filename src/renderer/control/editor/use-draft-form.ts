import { useCallback, useEffect, useId, useRef, useState } from 'react';
import type { Command } from '../../../shared/api/commands';
import { useCommand } from '../../lib/use-command';
import { coreFieldErrors, type FieldErrors } from './field-errors';

/** The desk's own check of a draft: the value to save, or what is wrong, by field. */
export type DraftCheck<T> = { ok: true; value: T } | { ok: false; errors: FieldErrors };

/**
 * A form around a draft (a cue, a poll, a word cloud): the draft and its changes, the errors by
 * field, from the desk's own check or from the core's refusal, and the focus where the operator
 * needs it: the first field when the form opens, the first field in error after a refusal.
 */
export function useDraftForm<D>(initial: D | (() => D)) {
  const titleId = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const [draft, setDraft] = useState<D>(initial);
  const [errors, setErrors] = useState<FieldErrors>({});
  const { send, pending, problem, clear } = useCommand();
  const change = useCallback((patch: Partial<D>) => setDraft((d) => ({ ...d, ...patch })), []);
  const focusFirstField = useCallback(() => formRef.current?.querySelector<HTMLElement>('select, input, textarea')?.focus(), []);

  useEffect(() => {
    focusFirstField();
  }, [focusFirstField]);
  useEffect(() => {
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [errors]);

  /** Saves the checked value with the command made of it; the saved value, or null when refused. */
  const save = async <T>(check: DraftCheck<T>, command: (value: T) => Command): Promise<T | null> => {
    clear();
    if (!check.ok) {
      setErrors(check.errors);
      return null;
    }
    setErrors({});
    const r = await send(command(check.value));
    if (r.ok) return check.value;
    setErrors(coreFieldErrors(r.error.issues ?? []));
    return null;
  };

  return { titleId, formRef, draft, change, errors, pending, problem, save, focusFirstField };
}
