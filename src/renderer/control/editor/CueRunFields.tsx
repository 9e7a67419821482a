import { useId } from 'react';
import { cueModes, MAX_PRE_WAIT_SECONDS } from '../../../shared/domain/cue';
import { useT } from '../../lib/i18n';
import type { CueDraft } from './cue-draft';
import { errorFor, type FieldErrors } from './field-errors';
import { Field } from './Field';

type RunDraft = Pick<CueDraft, 'mode' | 'preWait' | 'autoContinue' | 'notes'>;

/** How the cue runs: manual (waits for GO) or automatic, its pre-wait, auto-continue, and the operator's notes. */
export function CueRunFields({
  draft,
  errors,
  onChange,
}: {
  draft: RunDraft;
  errors: FieldErrors;
  onChange: (patch: Partial<RunDraft>) => void;
}) {
  const t = useT();
  const name = useId();
  const continueId = useId();
  return (
    <>
      <fieldset className="ed-group">
        <legend className="ed-label">{t('editor.cue.mode')}</legend>
        <div className="ed-radios">
          {cueModes.map((m) => (
            <label key={m}>
              <input
                type="radio"
                name={name}
                checked={draft.mode === m}
                onChange={() => onChange({ mode: m })}
                data-testid={`cue-mode-${m}`}
              />{' '}
              {m === 'manual' ? t('editor.cue.modeManual') : t('editor.cue.modeAuto')}
            </label>
          ))}
        </div>
      </fieldset>
      <div className="ed-row">
        <Field
          label={t('editor.cue.preWait')}
          hint={t('editor.cue.preWaitHint')}
          error={errorFor(errors, 'preWaitSeconds')}
          className="ed-field-narrow"
        >
          {(props) => (
            <input
              {...props}
              type="number"
              min={0}
              max={MAX_PRE_WAIT_SECONDS}
              step={1}
              inputMode="numeric"
              value={draft.preWait}
              onChange={(e) => onChange({ preWait: e.target.value })}
              data-testid="cue-prewait"
            />
          )}
        </Field>
        <div className="ed-check">
          <input
            id={continueId}
            type="checkbox"
            checked={draft.autoContinue}
            onChange={(e) => onChange({ autoContinue: e.target.checked })}
            aria-describedby={`${continueId}-hint`}
            data-testid="cue-autocontinue"
          />
          <label htmlFor={continueId}>{t('editor.cue.autoContinue')}</label>
          <p className="ed-hint" id={`${continueId}-hint`}>
            {t('editor.cue.autoContinueHint')}
          </p>
        </div>
      </div>
      <Field label={t('editor.cue.notes')} hint={t('editor.cue.notesHint')} error={errorFor(errors, 'notes')}>
        {(props) => (
          <textarea
            {...props}
            rows={2}
            maxLength={2000}
            value={draft.notes}
            onChange={(e) => onChange({ notes: e.target.value })}
            data-testid="cue-notes"
          />
        )}
      </Field>
    </>
  );
}
