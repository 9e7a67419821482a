import { useT } from '../../lib/i18n';
import { errorFor, type FieldErrors } from './field-errors';
import { Field } from './Field';
import type { InteractionDraft } from './interaction-draft';

type CloudDraft = Pick<InteractionDraft, 'prompt' | 'maxWordsPerParticipant' | 'maxWordLength'>;

/** A word cloud's own fields: the prompt, how many words each participant sends, how long a word may be. */
export function WordCloudFields({
  draft,
  errors,
  onChange,
}: {
  draft: CloudDraft;
  errors: FieldErrors;
  onChange: (patch: Partial<CloudDraft>) => void;
}) {
  const t = useT();
  return (
    <>
      <Field label={t('editor.cloud.prompt')} error={errorFor(errors, 'prompt')}>
        {(props) => (
          <textarea
            {...props}
            rows={2}
            maxLength={300}
            value={draft.prompt}
            onChange={(e) => onChange({ prompt: e.target.value })}
            data-testid="cloud-prompt"
          />
        )}
      </Field>
      <div className="ed-row">
        <Field
          label={t('editor.cloud.maxWords')}
          hint={t('editor.cloud.maxWordsHint')}
          error={errorFor(errors, 'maxWordsPerParticipant')}
          className="ed-field-narrow"
        >
          {(props) => (
            <input
              {...props}
              type="number"
              min={1}
              max={10}
              step={1}
              value={draft.maxWordsPerParticipant}
              onChange={(e) => onChange({ maxWordsPerParticipant: e.target.value })}
              data-testid="cloud-max-words"
            />
          )}
        </Field>
        <Field
          label={t('editor.cloud.maxLength')}
          hint={t('editor.cloud.maxLengthHint')}
          error={errorFor(errors, 'maxWordLength')}
          className="ed-field-narrow"
        >
          {(props) => (
            <input
              {...props}
              type="number"
              min={3}
              max={40}
              step={1}
              value={draft.maxWordLength}
              onChange={(e) => onChange({ maxWordLength: e.target.value })}
              data-testid="cloud-max-length"
            />
          )}
        </Field>
      </div>
    </>
  );
}
