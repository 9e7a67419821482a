import type { FormEvent } from 'react';
import type { Programme } from '../../../shared/domain/programme';
import { useT } from '../../lib/i18n';
import { CoreVerdict } from './CoreVerdict';
import { CueActionFields } from './CueActionFields';
import { type CueDraft, cueFromDraft, suggestCueId } from './cue-draft';
import { CueRunFields } from './CueRunFields';
import { CueTimeField } from './CueTimeField';
import { errorFor } from './field-errors';
import { Field } from './Field';
import { IdField } from './IdField';
import { SessionSelect } from './SessionSelect';
import { useDraftForm } from './use-draft-form';

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
  const { titleId, formRef, draft, change, errors, pending, problem, save } = useDraftForm(editing.draft);
  const taken = cueIdsBut(programme, editing.previousId);
  const id = draft.idEdited ? draft.id : suggestCueId(draft, taken);
  const session = programme.sessions.find((s) => s.id === draft.sessionId);

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const check = cueFromDraft({ ...draft, id }, t, taken);
    const cue = await save(check.ok ? { ok: true, value: check.cue } : check, (value) => ({
      type: 'edit.cue.save',
      sessionId: draft.sessionId,
      cue: value,
      ...(editing.previousId ? { previousId: editing.previousId } : {}),
    }));
    if (cue) onSaved(cue.id, draft.sessionId);
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
