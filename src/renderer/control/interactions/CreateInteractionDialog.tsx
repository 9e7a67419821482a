import { type FormEvent, useEffect, useRef } from 'react';
import type { Interaction, InteractionKind } from '../../../shared/domain/interaction';
import type { RoomId } from '../../../shared/domain/rooms';
import { useT } from '../../lib/i18n';
import { useRegie } from '../../lib/regie-store';
import { CoreVerdict } from '../editor/CoreVerdict';
import { errorFor } from '../editor/field-errors';
import { IdField } from '../editor/IdField';
import { emptyInteractionDraft, type InteractionDraft, interactionFromDraft, suggestInteractionId } from '../editor/interaction-draft';
import { PollFields } from '../editor/PollFields';
import { WordCloudFields } from '../editor/WordCloudFields';
import { useDraftForm } from '../editor/use-draft-form';

/**
 * A poll or a word cloud made on the spot, during the show: the editor's own fields and checks,
 * sent as `interaction.create` (the core allows it in show mode: it only adds), opened at once or
 * kept as a draft. Nothing typed is lost on a refusal: the form stays with the core's verdict.
 */
export function CreateInteractionDialog({
  kind,
  room,
  onCreated,
  onClose,
}: {
  kind: InteractionKind;
  /** A room seat's: made for its room (the core refuses it any other). */
  room?: RoomId | undefined;
  onCreated: (interaction: Interaction, opened: boolean) => void;
  onClose: () => void;
}) {
  const t = useT();
  const ref = useRef<HTMLDialogElement>(null);
  const interactions = useRegie((s) => s.state?.programme?.interactions);
  const { titleId, formRef, draft, change, errors, pending, problem, save, focusFirstField } = useDraftForm<InteractionDraft>(() =>
    emptyInteractionDraft(kind),
  );
  const taken = new Set((interactions ?? []).map((i) => i.id));
  const id = draft.idEdited ? draft.id : suggestInteractionId(draft, taken);

  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
    focusFirstField(); // showModal moved the focus to the dialog's first control
  }, [focusFirstField]);

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    // « Créer et ouvrir » is the first button: Enter in a field opens too, as a flash poll wants.
    const submitter = (e.nativeEvent as SubmitEvent).submitter;
    const open = submitter?.dataset.open !== 'false';
    const check = interactionFromDraft({ ...draft, id }, t, taken);
    const created = await save(check.ok ? { ok: true, value: check.interaction } : check, (interaction) => ({
      type: 'interaction.create',
      interaction,
      open,
      ...(room === undefined ? {} : { room }),
    }));
    if (created) onCreated(created, open);
  };

  const poll = kind === 'poll';
  return (
    <dialog ref={ref} className="ix-create" aria-labelledby={titleId} onClose={onClose} data-testid="ix-create">
      <form ref={formRef} className="ed-form" onSubmit={(e) => void submit(e)} noValidate>
        <h2 id={titleId} className="ix-create-title">
          {t(poll ? 'ix.newPollTitle' : 'ix.newCloudTitle')}
        </h2>
        <p className="ed-hint">{t('ix.createHint')}</p>
        {poll ? (
          <PollFields draft={draft} errors={errors} onChange={change} />
        ) : (
          <WordCloudFields draft={draft} errors={errors} onChange={change} />
        )}
        <IdField
          label={t('editor.interaction.id')}
          hint={draft.idEdited ? t('editor.idHint') : t('editor.interaction.idAuto')}
          error={errorFor(errors, 'id')}
          value={id}
          edited={draft.idEdited}
          canReset
          onChange={change}
          testId="ix-create-id"
        />
        {errors.form && <p className="ed-error">{errors.form}</p>}
        <CoreVerdict verdict={problem} testId="ix-create-verdict" />
        <div className="ed-actions ix-create-actions">
          <button type="submit" className="btn ed-primary" data-open="true" disabled={pending} data-testid="ix-create-open">
            {t('ix.createOpen')}
          </button>
          <button type="submit" className="btn" data-open="false" disabled={pending} data-testid="ix-create-draft">
            {t('ix.createDraft')}
          </button>
          <button type="button" className="btn btn-ghost" onClick={() => ref.current?.close()} data-testid="ix-create-cancel">
            {t('ix.cancel')}
          </button>
        </div>
      </form>
    </dialog>
  );
}
