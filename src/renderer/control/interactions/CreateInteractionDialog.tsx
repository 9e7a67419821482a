import { type FormEvent, useEffect, useId, useRef, useState } from 'react';
import type { Interaction, InteractionKind } from '../../../shared/domain/interaction';
import { useT } from '../../lib/i18n';
import { useRegie } from '../../lib/regie-store';
import { useCommand } from '../../lib/use-command';
import { CoreVerdict } from '../editor/CoreVerdict';
import { coreFieldErrors, errorFor, type FieldErrors } from '../editor/field-errors';
import { IdField } from '../editor/IdField';
import { emptyInteractionDraft, type InteractionDraft, interactionFromDraft, suggestInteractionId } from '../editor/interaction-draft';
import { PollFields } from '../editor/PollFields';
import { WordCloudFields } from '../editor/WordCloudFields';

/**
 * A poll or a word cloud made on the spot, during the show: the editor's own fields and checks,
 * sent as `interaction.create` (the core allows it in show mode: it only adds), opened at once or
 * kept as a draft. Nothing typed is lost on a refusal: the form stays with the core's verdict.
 */
export function CreateInteractionDialog({
  kind,
  onCreated,
  onClose,
}: {
  kind: InteractionKind;
  onCreated: (interaction: Interaction, opened: boolean) => void;
  onClose: () => void;
}) {
  const t = useT();
  const titleId = useId();
  const ref = useRef<HTMLDialogElement>(null);
  const form = useRef<HTMLFormElement>(null);
  const interactions = useRegie((s) => s.state?.programme?.interactions);
  const [draft, setDraft] = useState<InteractionDraft>(() => emptyInteractionDraft(kind));
  const [errors, setErrors] = useState<FieldErrors>({});
  const { send, pending, problem, clear } = useCommand();
  const taken = new Set((interactions ?? []).map((i) => i.id));
  const id = draft.idEdited ? draft.id : suggestInteractionId(draft, taken);
  const change = (patch: Partial<InteractionDraft>) => setDraft((d) => ({ ...d, ...patch }));

  useEffect(() => {
    const d = ref.current;
    if (d && !d.open) d.showModal();
    form.current?.querySelector<HTMLElement>('select, input, textarea')?.focus();
  }, []);
  useEffect(() => {
    form.current?.querySelector<HTMLElement>('[aria-invalid="true"]')?.focus();
  }, [errors]);

  const submit = async (e: FormEvent<HTMLFormElement>) => {
    e.preventDefault();
    // « Créer et ouvrir » is the first button: Enter in a field opens too, as a flash poll wants.
    const submitter = (e.nativeEvent as SubmitEvent).submitter;
    const open = submitter?.dataset.open !== 'false';
    clear();
    const check = interactionFromDraft({ ...draft, id }, t, taken);
    if (!check.ok) return setErrors(check.errors);
    setErrors({});
    const r = await send({ type: 'interaction.create', interaction: check.interaction, open });
    if (r.ok) onCreated(check.interaction, open);
    else setErrors(coreFieldErrors(r.error.issues ?? []));
  };

  const poll = kind === 'poll';
  return (
    <dialog ref={ref} className="ix-create" aria-labelledby={titleId} onClose={onClose} data-testid="ix-create">
      <form ref={form} className="ed-form" onSubmit={(e) => void submit(e)} noValidate>
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
