import { useT } from '../../lib/i18n';
import { errorFor, type FieldErrors } from './field-errors';
import type { InteractionDraft } from './interaction-draft';
import { NumberField } from './NumberField';
import { TextField } from './TextField';

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
      <TextField
        label={t('editor.cloud.prompt')}
        error={errorFor(errors, 'prompt')}
        rows={2}
        maxLength={300}
        value={draft.prompt}
        onChange={(prompt) => onChange({ prompt })}
        testId="cloud-prompt"
      />
      <div className="ed-row">
        <NumberField
          label={t('editor.cloud.maxWords')}
          hint={t('editor.cloud.maxWordsHint')}
          error={errorFor(errors, 'maxWordsPerParticipant')}
          min={1}
          max={10}
          value={draft.maxWordsPerParticipant}
          onChange={(maxWordsPerParticipant) => onChange({ maxWordsPerParticipant })}
          testId="cloud-max-words"
        />
        <NumberField
          label={t('editor.cloud.maxLength')}
          hint={t('editor.cloud.maxLengthHint')}
          error={errorFor(errors, 'maxWordLength')}
          min={3}
          max={40}
          value={draft.maxWordLength}
          onChange={(maxWordLength) => onChange({ maxWordLength })}
          testId="cloud-max-length"
        />
      </div>
    </>
  );
}
