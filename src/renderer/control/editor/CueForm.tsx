import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import type { Programme } from '../../../shared/domain/programme';
import { useT } from '../../lib/i18n';
import { useCommand } from '../../lib/use-command';
import { CoreVerdict } from './CoreVerdict';
import { CueActionFields } from './CueActionFields';
import { type CueDraft, cueFromDraft, suggestCueId } from './cue-draft';
import { CueRunFields } from './CueRunFields';
import { CueTimeField } from './CueTimeField';
import { coreFieldErrors, errorFor, type FieldErrors } from './field-errors';
import { Field } from './Field';
import { IdField } from './IdField';
import { SessionSelect } from './SessionSelect';

export interface CueEditing {
  draft: CueDraft;
  /** The cue's id before this edit (null: a new cue). */
  previousId: string | null;
}

/** Every cue id of the programme but `except` (the one being edited). */
function cueIdsBut(programme: Programme, except: string | null): Set<string> {
  return new Set(programme.sessions.flatMap((s) => (s.cues ?? []).map((c) => c.id)).filter((id) => id !== except));
}

/**
 * The form of one cue: session, id (made from the session and the action until typed), time,
 * action, run settings, notes. Checked here for the obvious, then sent: the core's verdict is
 * the reference, shown under the form and next to the fields it names.
 */
export function CueForm({
  programme,
  editing,
  onSaved,
  onCancel,
}: {
  programme: Programme;
  editing: CueEditing;
  onSaved: (id: string, sessionId: string) => void;
  onCancel: () => void;
}) {
  const t = useT();
  const titleId = useId();
  const formRef = useRef<HTMLFormElement>(null);
  const [draft, setDraft] = useState(editing.draft);
  const [errors, setErrors] = useState<FieldErrors>({});
  const { send, pending, problem, clear } = useCommand();
  const taken = cueIdsBut(programme, editing.previousId);
  const id = draft.idEdited ? draft.id : suggestCueId(draft, taken);
  const session = programme.sessions.find((s) => s.id === draft.sessionId);
  const change = (patch: Partial<CueDraft>) => setDraft((d) => ({ ...d, ...patch }));

  // Opened: the first field gets the focus. After a refusal: the first field in error.
  useEffect(() => {
    formRef.current?.querySelector<HTMLElement>('select, input')?.focus();
  }, []);
  useEffect(() => {
    formRef.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [errors]);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    clear();
    const check = cueFromDraft({ ...draft, id }, t, taken);
    if (!check.ok) return setErrors(check.errors);
    setErrors({});
    const r = await send({
      type: 'edit.cue.save',
      sessionId: draft.sessionId,
      cue: check.cue,
      ...(editing.previousId ? { previousId: editing.previousId } : {}),
    });
    if (r.ok) onSaved(check.cue.id, draft.sessionId);
    else setErrors(coreFieldErrors(r.error.issues ?? []));
  };

  return (
    <form ref={formRef} className="ed-form" aria-labelledby={titleId} onSubmit={(e) => void submit(e)} noValidate data-testid="cue-form">
      <h3 id={titleId} className="ed-form-title">
        {editing.previousId ? t('editor.cue.editTitle', { id: editing.previousId }) : t('editor.cue.newTitle')}
      </h3>
      <Field label={t('editor.cue.session')} error={errorFor(errors, 'sessionId')}>
        {(props) => (
          <SessionSelect control={props} programme={programme} value={draft.sessionId} onChange={(sessionId) => change({ sessionId })} />
        )}
      </Field>
      <IdField
        label={t('editor.cue.id')}
        hint={draft.idEdited ? t('editor.idHint') : t('editor.cue.idAuto')}
        error={errorFor(errors, 'id')}
        value={id}
        edited={draft.idEdited}
        canReset={!editing.previousId}
        onChange={change}
        testId="cue-id"
      />
      <CueTimeField draft={draft} session={session} timeZone={programme.event.timeZone} error={errorFor(errors, 'at')} onChange={change} />
      <CueActionFields draft={draft} programme={programme} errors={errors} onChange={change} />
      <CueRunFields draft={draft} errors={errors} onChange={change} />
      {errors.form && <p className="ed-error">{errors.form}</p>}
      <div className="ed-footer">
        <CoreVerdict verdict={problem} />
        <div className="ed-actions">
          <button type="submit" className="btn ed-primary" disabled={pending} data-testid="cue-save">
            {pending ? t('editor.saving') : t('editor.save')}
          </button>
          <button type="button" className="btn" onClick={onCancel} data-testid="cue-cancel">
            {t('editor.cancel')}
          </button>
        </div>
      </div>
    </form>
  );
}
