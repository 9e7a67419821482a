import { useId } from 'react';
import { pollTypes } from '../../../shared/domain/interaction';
import { useT } from '../../lib/i18n';
import { pollTypeKey } from './editor-words';
import { errorFor, type FieldErrors } from './field-errors';
import { Field } from './Field';
import { NumberField } from './NumberField';
import { hasOptions, type InteractionDraft } from './interaction-draft';
import { OptionsEditor } from './OptionsEditor';
import { TextField } from './TextField';

type PollDraft = Pick<
  InteractionDraft,
  'pollType' | 'question' | 'options' | 'maxChoices' | 'ratingMin' | 'ratingMax' | 'minLabel' | 'maxLabel' | 'hideResultsUntilReveal'
>;

/** A poll's own fields: its type, question, options or scale, and whether results wait for the reveal. */
export function PollFields({
  draft,
  errors,
  onChange,
}: {
  draft: PollDraft;
  errors: FieldErrors;
  onChange: (patch: Partial<PollDraft>) => void;
}) {
  const t = useT();
  const hideId = useId();
  return (
    <>
      <Field label={t('editor.poll.type')} error={errorFor(errors, 'type')}>
        {(props) => (
          <select
            {...props}
            value={draft.pollType}
            onChange={(e) => {
              const pollType = pollTypes.find((p) => p === e.target.value);
              if (pollType) onChange({ pollType });
            }}
            data-testid="poll-type"
          >
            {pollTypes.map((p) => (
              <option key={p} value={p}>
                {t(pollTypeKey(p))}
              </option>
            ))}
          </select>
        )}
      </Field>
      <TextField
        label={t('editor.poll.question')}
        error={errorFor(errors, 'question')}
        rows={2}
        maxLength={300}
        value={draft.question}
        onChange={(question) => onChange({ question })}
        testId="poll-question"
      />
      {hasOptions(draft.pollType) && (
        <OptionsEditor options={draft.options} errors={errors} onChange={(options) => onChange({ options })} />
      )}
      {draft.pollType === 'multiple' && (
        <NumberField
          label={t('editor.poll.maxChoices')}
          hint={t('editor.poll.maxChoicesHint')}
          error={errorFor(errors, 'maxChoices')}
          min={1}
          max={10}
          value={draft.maxChoices}
          onChange={(maxChoices) => onChange({ maxChoices })}
          testId="poll-max-choices"
        />
      )}
      {draft.pollType === 'rating' && (
        <div className="ed-row ed-rating">
          <Field label={t('editor.poll.ratingMin')} error={errorFor(errors, 'min')} className="ed-field-narrow">
            {(props) => (
              <select
                {...props}
                value={draft.ratingMin}
                onChange={(e) => onChange({ ratingMin: e.target.value })}
                data-testid="poll-rating-min"
              >
                <option value="0">0</option>
                <option value="1">1</option>
              </select>
            )}
          </Field>
          <NumberField
            label={t('editor.poll.ratingMax')}
            error={errorFor(errors, 'max')}
            min={2}
            max={10}
            value={draft.ratingMax}
            onChange={(ratingMax) => onChange({ ratingMax })}
            testId="poll-rating-max"
          />
          <TextField
            label={t('editor.poll.minLabel')}
            error={errorFor(errors, 'minLabel')}
            maxLength={60}
            placeholder={t('editor.poll.minLabelExample')}
            value={draft.minLabel}
            onChange={(minLabel) => onChange({ minLabel })}
          />
          <TextField
            label={t('editor.poll.maxLabel')}
            error={errorFor(errors, 'maxLabel')}
            maxLength={60}
            placeholder={t('editor.poll.maxLabelExample')}
            value={draft.maxLabel}
            onChange={(maxLabel) => onChange({ maxLabel })}
          />
        </div>
      )}
      <div className="ed-check">
        <input
          id={hideId}
          type="checkbox"
          checked={draft.hideResultsUntilReveal}
          onChange={(e) => onChange({ hideResultsUntilReveal: e.target.checked })}
          data-testid="poll-hide-results"
        />
        <label htmlFor={hideId}>{t('editor.poll.hideResults')}</label>
      </div>
    </>
  );
}
