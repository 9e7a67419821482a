import { useId } from 'react';
import type { Session } from '../../../shared/domain/programme';
import { useT } from '../../lib/i18n';
import { type CueDraft, normaliseClock, normaliseOffset, plannedClock } from './cue-draft';
import { Field } from './Field';

type TimeDraft = Pick<CueDraft, 'atKind' | 'offset' | 'time'>;

/**
 * When the cue comes: an offset from the session's start (± HH:MM, it follows the session when
 * the programme runs late) or a clock time. The planned clock time is shown as it is typed.
 */
export function CueTimeField({
  draft,
  session,
  timeZone,
  error,
  onChange,
}: {
  draft: TimeDraft;
  session: Session | undefined;
  timeZone: string;
  error: string | undefined;
  onChange: (patch: Partial<TimeDraft>) => void;
}) {
  const t = useT();
  const name = useId();
  const offset = normaliseOffset(draft.offset);
  const time = normaliseClock(draft.time);
  const planned = draft.atKind === 'offset' ? (offset && session ? plannedClock(session.start, { offset }) : null) : time;
  const hint =
    draft.atKind === 'offset'
      ? session
        ? t('editor.cue.offsetHint', { start: session.start })
        : t('editor.cue.offsetHintNoSession')
      : t('editor.cue.timeHint', { timeZone });
  return (
    <fieldset className="ed-group ed-time">
      <legend className="ed-label">{t('editor.cue.when')}</legend>
      <div className="ed-radios">
        <label>
          <input
            type="radio"
            name={name}
            checked={draft.atKind === 'offset'}
            onChange={() => onChange({ atKind: 'offset' })}
            data-testid="cue-at-offset"
          />{' '}
          {t('editor.cue.atOffset')}
        </label>
        <label>
          <input
            type="radio"
            name={name}
            checked={draft.atKind === 'time'}
            onChange={() => onChange({ atKind: 'time' })}
            data-testid="cue-at-time"
          />{' '}
          {t('editor.cue.atTime')}
        </label>
      </div>
      <Field
        label={draft.atKind === 'offset' ? t('editor.cue.offset') : t('editor.cue.time')}
        hint={hint}
        error={error}
        className="ed-field-inline"
      >
        {(props) => (
          <div className="ed-time-line">
            <input
              {...props}
              type="text"
              inputMode={draft.atKind === 'offset' ? 'text' : 'numeric'}
              className="ed-input-time"
              placeholder={draft.atKind === 'offset' ? '+00:15' : '10:45'}
              value={draft.atKind === 'offset' ? draft.offset : draft.time}
              onChange={(e) => onChange(draft.atKind === 'offset' ? { offset: e.target.value } : { time: e.target.value })}
              onBlur={() => {
                if (draft.atKind === 'offset' && offset) onChange({ offset });
                if (draft.atKind === 'time' && time) onChange({ time });
              }}
              data-testid="cue-at-value"
            />
            {planned && (
              <span className="ed-planned" data-testid="cue-planned">
                {t('editor.cue.plannedAt', { time: planned })}
              </span>
            )}
          </div>
        )}
      </Field>
    </fieldset>
  );
}
