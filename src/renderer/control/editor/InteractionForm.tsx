import type { FormEvent } from 'react';
import type { Programme } from '../../../shared/domain/programme';
import { useT } from '../../lib/i18n';
import { CoreVerdict } from './CoreVerdict';
import { errorFor } from './field-errors';
import { IdField } from './IdField';
import { type InteractionDraft, interactionFromDraft, suggestInteractionId } from './interaction-draft';
import { cuesUsing } from './interaction-usage';
import { PollFields } from './PollFields';
import { WordCloudFields } from './WordCloudFields';
import { useDraftForm } from './use-draft-form';

export interface InteractionEditing {
  draft: InteractionDraft;
  /** The interaction's id before this edit (null: a new one). */
  previousId: string | null;
}

/**
 * The form of a poll or a word cloud. Its id follows the question until typed; renaming it
 * carries the cues that use it along (the core does it). The core's verdict is the reference.
 */
export function InteractionForm({
  programme,
  editing,
  onSaved,
  onCancel,
}: {
  programme: Programme;
  editing: InteractionEditing;
  onSaved: (id: string) => void;
  onCancel: () => void;
}) {
  const t = useT();
  const { titleId, formRef, draft, change, errors, pending, problem, save } = useDraftForm(editing.draft);
  const taken = new Set((programme.interactions ?? []).map((i) => i.id).filter((id) => id !== editing.previousId));
  const id = draft.idEdited ? draft.id : suggestInteractionId(draft, taken);
  const usedBy = editing.previousId ? cuesUsing(programme, editing.previousId) : [];

  const submit = async (e: FormEvent) => {
    e.preventDefault();
    const check = interactionFromDraft({ ...draft, id }, t, taken);
    const saved = await save(check.ok ? { ok: true, value: check.interaction } : check, (interaction) => ({
      type: 'edit.interaction.save',
      interaction,
      ...(editing.previousId ? { previousId: editing.previousId } : {}),
    }));
    if (saved) onSaved(saved.id);
  };

  const poll = draft.kind === 'poll';
  const title = editing.previousId
    ? t(poll ? 'editor.poll.editTitle' : 'editor.cloud.editTitle', { id: editing.previousId })
    : t(poll ? 'editor.poll.newTitle' : 'editor.cloud.newTitle');
  return (
    <form
      ref={formRef}
      className="ed-form"
      aria-labelledby={titleId}
      onSubmit={(e) => void submit(e)}
      noValidate
      data-testid="interaction-form"
    >
      <h3 id={titleId} className="ed-form-title">
        {title}
      </h3>
      {poll ? (
        <PollFields draft={draft} errors={errors} onChange={change} />
      ) : (
        <WordCloudFields draft={draft} errors={errors} onChange={change} />
      )}
      <IdField
        label={t('editor.interaction.id')}
        hint={usedBy.length > 0 ? t('editor.interaction.renameHint') : draft.idEdited ? t('editor.idHint') : t('editor.interaction.idAuto')}
        error={errorFor(errors, 'id')}
        value={id}
        edited={draft.idEdited}
        canReset={!editing.previousId}
        onChange={change}
        testId="interaction-id"
      />
      {usedBy.length > 0 && (
        <p className="ed-usage" data-testid="interaction-usage">
          {t('editor.interaction.usedBy', { cues: usedBy.join(', ') })}
        </p>
      )}
      {errors.form && <p className="ed-error">{errors.form}</p>}
      <div className="ed-footer">
        <CoreVerdict verdict={problem} />
        <div className="ed-actions">
          <button type="submit" className="btn ed-primary" disabled={pending} data-testid="interaction-save">
            {pending ? t('editor.saving') : t('editor.save')}
          </button>
          <button type="button" className="btn" onClick={onCancel} data-testid="interaction-cancel">
            {t('editor.cancel')}
          </button>
        </div>
      </div>
    </form>
  );
}
